"""Casebook locks: lock and unlock events per subject; the newest event says whether the casebook is locked."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.changes import next_change
from crf_desktop.store.sql import rows


@dataclass(frozen=True, kw_only=True)
class LockEvent:
    subject_id: str
    action: str  # "lock" or "unlock"
    at: str
    by: str
    reason: str | None


def _event(row: dict[str, str]) -> LockEvent:
    return LockEvent(subject_id=row["subject_id"], action=row["action"], at=row["at"], by=row["by"],
                     reason=row["reason"])


def current(db: sqlite_utils.Database, subject_id: str) -> LockEvent | None:
    """The casebook's lock when it is locked now, else ``None``."""
    found = rows(db, "SELECT * FROM casebook_locks WHERE subject_id = ? ORDER BY id DESC LIMIT 1", [subject_id])
    return _event(found[0]) if found and found[0]["action"] == "lock" else None


def history(db: sqlite_utils.Database, subject_id: str) -> list[LockEvent]:
    return [_event(r) for r in rows(db, "SELECT * FROM casebook_locks WHERE subject_id = ? ORDER BY id",
                                    [subject_id])]


def locked_subjects(db: sqlite_utils.Database) -> set[str]:
    """Every subject whose casebook is locked now (one query, for the dashboard)."""
    return {sid for sid, action in db.execute(
        "SELECT subject_id, action FROM casebook_locks WHERE id IN"
        " (SELECT max(id) FROM casebook_locks GROUP BY subject_id)") if action == "lock"}


def add(db: sqlite_utils.Database, *, subject_id: str, action: str, user: str, reason: str | None) -> None:
    """Append a lock or unlock event; call inside the transaction that audits it."""
    seq = next_change(db, kind="lock", subject_id=subject_id)
    db.execute("INSERT INTO casebook_locks (subject_id, action, at, by, reason, change_seq) VALUES (?,?,?,?,?,?)",
               [subject_id, action, iso(utcnow()), user, reason, seq])
