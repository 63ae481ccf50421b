"""The site-wide change sequence: every change to subjects or records takes the next number."""

from __future__ import annotations

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow


def next_change(db: sqlite_utils.Database, *, kind: str, subject_id: str | None = None,
                record_id: int | None = None, at: str | None = None) -> int:
    """Take the next change number; call inside the transaction that makes the change. ``at`` is the change's
    time (``core.clock.iso``) when the caller already took it for the rows it writes; now by default.

    The number is the table's rowid: the last number + 1 (migration 12; rows are never deleted, so a number
    never comes back)."""
    cursor = db.execute(
        "INSERT INTO changes (ts, kind, subject_id, record_id) VALUES (?, ?, ?, ?)",
        [at or iso(utcnow()), kind, subject_id, record_id],
    )
    seq = cursor.lastrowid
    assert seq is not None  # noqa: S101 - an INSERT into a rowid table always has one
    return int(seq)


def last_change(db: sqlite_utils.Database) -> int:
    row = db.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0)
