"""Migration 12: a leaner write path for form saves (issue 10).

Reserved: filled by the work on that issue; until then it does nothing.
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    """Nothing yet."""
