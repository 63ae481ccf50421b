"""Migration 13: the sync export finds changed records through their versions (issue 10, saving a form).

Every save of a record writes a new version with the same change number as the record itself
(``store.records.write``), and since migration 12 ``record_versions`` is keyed by that number. So the records
changed since the last package are the records whose newest version lies in the package's range of change
numbers, which the export reads from ``record_versions`` by its key (``sync.tables``), as cheaply as before.

The ``records_change`` index on ``records(change_seq)`` then serves nothing, while every save moved the record's
entry in it: one or two more encrypted pages in each save's commit (measured: 13.0 → 12.1 WAL frames when the
same record is saved again; two when it sits elsewhere in the index). It is dropped; no table changes.
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils

#: The export's read of changed records (``sync.tables``): ``?1`` is the last change already sent, ``?2`` the
#: last change this package carries. The version drives the join (its key is the change number), the record is
#: found by its id, and only a record whose newest change is in the range comes out, once, in change order.
CHANGED_RECORDS = (
    "SELECT r.* FROM record_versions v CROSS JOIN records r ON r.id = v.record_id"
    " WHERE v.change_seq > ?1 AND v.change_seq <= ?2 AND r.change_seq = v.change_seq ORDER BY v.change_seq"
)


def migrate(db: sqlite_utils.Database) -> None:
    """Drop the index the export no longer reads (a database without it is left as it is)."""
    db.execute("DROP INDEX IF EXISTS records_change")
