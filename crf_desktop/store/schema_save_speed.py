"""Migration 12: a leaner write path for form saves (issue 10).

A save of a form writes about a dozen encrypted pages to the WAL, and each page costs a SQLCipher encryption and
its write inside the commit. Three of them bought nothing:

- ``changes`` numbered with ``AUTOINCREMENT``: every change also rewrote the ``sqlite_sequence`` page. Its
  rows are never removed, so ``max(seq) + 1`` (a plain ``INTEGER PRIMARY KEY``) gives the same numbers; the
  rebuilt table refuses DELETE and UPDATE (:mod:`store.schema_triggers`), so a number can never come back,
  which is what ``AUTOINCREMENT`` guaranteed. If the sequence had gone past the last row (it never does, but
  a database is not asked to prove it), one row marks the number reached so the next change continues after it.
- ``record_versions`` had a hidden rowid, an index for its key ``(record_id, version)`` and another for
  ``change_seq``: each new version wrote three pages. Every version is written with its own change number
  (``store.records.write``), so ``change_seq`` becomes the table's ``INTEGER PRIMARY KEY``: a new version is
  appended at the end of the table, the export's "change_seq above N" reads the table itself in order, and
  the ``change_seq`` index is no longer needed; ``(record_id, version)`` stays unique (its index finds a
  record's versions). Two pages per version instead of three. A database whose versions would share a
  change number (none written by this application) keeps its table as it was: it works the same, one page
  slower.

Both tables are rebuilt in the migration's transaction: every row is copied (counted before and after) and the
history triggers are created again. Column names, types and order are unchanged, so every reader (the sync
export by ``change_seq``, verify, the record history) reads them as before.
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import StorageError
from crf_desktop.store.schema_triggers import refuse_delete, refuse_update

#: The ``changes.kind`` of the row that keeps the number the old sequence had reached (see the docstring).
SEQUENCE_KEPT = "sequence kept"


def migrate(db: sqlite_utils.Database) -> None:
    """Rebuild ``changes`` without AUTOINCREMENT and ``record_versions`` keyed by its change number, keeping
    every row."""
    _rebuild_changes(db)
    _rebuild_record_versions(db)


def _count(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed table names


def _swap(db: sqlite_utils.Database, *, table: str, create: str, columns: str) -> None:
    """Create ``table``'s new shape as ``<table>_rebuilt``, copy every row, replace the old table with it."""
    before = _count(db, table)
    db.execute(create.format(name=f"{table}_rebuilt"))
    db.execute(f"INSERT INTO {table}_rebuilt ({columns}) SELECT {columns} FROM {table}")  # noqa: S608
    copied = _count(db, f"{table}_rebuilt")
    if copied != before:
        raise StorageError(f"the {table} table could not be rebuilt ({copied} of {before} rows copied); nothing "
                           "was changed")
    db.execute(f"DROP TABLE {table}")  # its triggers and indexes go with it; they are created again below
    db.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")


def _rebuild_changes(db: sqlite_utils.Database) -> None:
    found = (db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").fetchone()
             if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone() else None)
    reached = int(found[0]) if found else 0
    last = int(db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])
    _swap(db, table="changes", columns="seq, ts, kind, subject_id, record_id", create="""
        CREATE TABLE {name} (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject_id TEXT,
            record_id INTEGER
        )
    """)
    if reached > last:
        db.execute("INSERT INTO changes (seq, ts, kind) VALUES (?, ?, ?)", [reached, iso(utcnow()), SEQUENCE_KEPT])
    refuse_delete(db, "changes", "change numbers")
    refuse_update(db, "changes", "change numbers")


def _rebuild_record_versions(db: sqlite_utils.Database) -> None:
    numbers, distinct = db.execute("SELECT count(change_seq), count(DISTINCT change_seq) FROM record_versions"
                                   ).fetchone()
    if int(numbers) != int(distinct):
        return  # see the module docstring: kept as it was
    _swap(db, table="record_versions",
          columns="record_id, version, form_version, status, data, confirmations, saved_at, saved_by, reason,"
                  " change_seq",
          create="""
        CREATE TABLE {name} (
            record_id INTEGER NOT NULL REFERENCES records(id),
            version INTEGER NOT NULL,
            form_version TEXT NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            confirmations TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            saved_by TEXT NOT NULL,
            reason TEXT,
            change_seq INTEGER PRIMARY KEY NOT NULL,
            UNIQUE (record_id, version)
        )
    """)
    refuse_delete(db, "record_versions", "saved versions")
    db.execute("""
        CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions BEGIN
            SELECT RAISE(ABORT, 'saved versions are never changed');
        END
    """)
