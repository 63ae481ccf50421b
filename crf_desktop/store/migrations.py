"""Schema changes, applied in order at open; each runs once, in a transaction, tracked by user_version."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def _m001_foundation(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
    """)
    db.execute("""
        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        )
    """)
    db.execute("""
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT,
            visit TEXT,
            form TEXT,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
    """)
    db.execute("CREATE INDEX audit_subject ON audit(subject, seq)")
    # The chain head, kept by a trigger, so cutting entries off the end of the chain is noticed too.
    db.execute("CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER, hash TEXT)")
    db.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, NULL)")
    db.execute("""
        CREATE TRIGGER audit_head_follows AFTER INSERT ON audit BEGIN
            UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN
            SELECT RAISE(ABORT, 'the audit chain head cannot be deleted');
        END
    """)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("foundation: meta, users, audit trail", _m001_foundation),
]


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations the database has not seen; returns their names. Safe to call again."""
    applied = []
    for number, (name, migration) in enumerate(MIGRATIONS, start=1):
        if schema_version(db) >= number:
            continue
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        applied.append(name)
    return applied
