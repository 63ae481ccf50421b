"""Migration 10: the centre's unblinding of the study for database lock (issue 8).

``centre_randomisation_lists`` is the centre's master copy of each site's randomisation list (with the arms):
kept when ``centre enrol --randomisation`` seals a list into a site's enrolment file, or supplied at unblinding
for sites enrolled before the centre kept lists. Entries are only ever added (an extension of a site's list is
more rows), never changed or deleted, and live only inside the encrypted centre database.

``centre_unblindings`` records the unblinding of the whole study: who, when, why, and the SHA-256 of the lists
it unblinded with. A study is unblinded once; the row is never changed or deleted.

Both tables exist in every database (a site's stay empty), like the other ``centre_*`` tables.
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils

from crf_desktop.store.schema_triggers import refuse_delete, refuse_update


def migrate(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE centre_randomisation_lists (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            seq INTEGER NOT NULL,
            rand_no TEXT NOT NULL,
            msc_kit TEXT NOT NULL,
            mmf_kit TEXT NOT NULL,
            arm TEXT NOT NULL,
            source TEXT NOT NULL,
            list_sha256 TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            stored_by TEXT NOT NULL,
            UNIQUE (site, seq),
            UNIQUE (site, rand_no)
        )
    """)
    db.execute("""
        CREATE TABLE centre_unblindings (
            id INTEGER PRIMARY KEY,
            study TEXT NOT NULL UNIQUE,
            unblinded_at TEXT NOT NULL,
            unblinded_by TEXT NOT NULL,
            full_name TEXT NOT NULL,
            reason TEXT NOT NULL,
            list_sha256 TEXT NOT NULL,
            subjects INTEGER NOT NULL,
            sites INTEGER NOT NULL
        )
    """)
    for table, what in (("centre_randomisation_lists", "randomisation list entries kept by the centre"),
                        ("centre_unblindings", "study unblinding records")):
        refuse_delete(db, table, what)
        refuse_update(db, table, what)
