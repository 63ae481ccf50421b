"""Migration 11: the centre's handling of queries raised at the sites (issue 8).

A query raised at a site belongs to the site: its row there is the master copy, and the centre holds what the
site last sent (``centre_rows``). When the centre's data manager closes or re-opens such a query, the decision
is appended to ``centre_query_decisions`` (never changed, never deleted) and travels to the site in the signed
``from-centre/<site>/`` messages; the site applies each decision once, in number order, and records the number
of the last one it applied in ``queries.centre_decision``, which comes back in its next package. Until then the
centre shows the decision as waiting at the site.

Every database gets both (a site and a centre share one schema).
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils

from crf_desktop.store.schema_triggers import refuse_delete, refuse_update


def migrate(db: sqlite_utils.Database) -> None:
    # At the centre: its decisions on site-raised queries, numbered 1, 2, ... per query.
    db.execute("""
        CREATE TABLE centre_query_decisions (
            site TEXT NOT NULL,
            query_no INTEGER NOT NULL,
            no INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
            reason TEXT NOT NULL,
            seen_status TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (site, query_no, no)
        )
    """)
    refuse_delete(db, "centre_query_decisions", "centre query decisions")
    refuse_update(db, "centre_query_decisions", "centre query decisions")
    # At the site: the number of the last centre decision applied to a query the site raised.
    db.execute("ALTER TABLE queries ADD COLUMN centre_decision INTEGER")
