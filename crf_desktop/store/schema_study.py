"""Migration 8: the study configuration issued by the centre (issue 4/5/6, delivered in the enrolment file of issue 8).

Its own module so the part that owns these tables owns their schema; migrations.py lists it in order.
Append-only once released: a later change is a new migration, never an edit of this one.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    """Reserved; the owning issue fills it in before its first release."""
