"""The triggers that keep history: rows that may never be deleted, or never changed. One copy for every migration."""

from __future__ import annotations

import sqlite_utils


def refuse_delete(db: sqlite_utils.Database, table: str, what: str) -> None:
    """``DELETE`` on ``table`` aborts with "<what> are never deleted"."""
    db.execute(f"""
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN
            SELECT RAISE(ABORT, '{what} are never deleted');
        END
    """)


def refuse_update(db: sqlite_utils.Database, table: str, what: str) -> None:
    """``UPDATE`` on ``table`` aborts with "<what> are never changed"."""
    db.execute(f"""
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN
            SELECT RAISE(ABORT, '{what} are never changed');
        END
    """)
