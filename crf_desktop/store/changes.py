"""The site-wide change sequence: every change to subjects or records takes the next number."""

from __future__ import annotations

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow


def next_change(db: sqlite_utils.Database, *, kind: str, subject_id: str | None = None,
                record_id: int | None = None) -> int:
    """Take the next change number; call inside the transaction that makes the change."""
    cursor = db.execute(
        "INSERT INTO changes (ts, kind, subject_id, record_id) VALUES (?, ?, ?, ?)",
        [iso(utcnow()), kind, subject_id, record_id],
    )
    seq = cursor.lastrowid
    assert seq is not None  # noqa: S101 - an INSERT into a rowid table always has one
    return int(seq)


def last_change(db: sqlite_utils.Database) -> int:
    row = db.execute("SELECT max(seq) FROM changes").fetchone()
    return int(row[0] or 0)
