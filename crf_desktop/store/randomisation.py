"""The blinded randomisation list and who was assigned what. Only :func:`arm_of` reads an arm."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.changes import next_change


@dataclass(frozen=True, kw_only=True)
class ListEntry:
    seq: int
    rand_no: str
    msc_kit: str
    mmf_kit: str
    arm: str


@dataclass(frozen=True, kw_only=True)
class Assignment:
    """What the site sees of a randomisation: numbers and kits, never the arm."""

    subject_id: str
    rand_no: str
    msc_kit: str
    mmf_kit: str
    randomised_at: str
    randomised_by: str


def load_list(db: sqlite_utils.Database, entries: Iterable[ListEntry]) -> int:
    rows = [e.__dict__ for e in entries]
    db.table("randomisation_list").insert_all(rows)
    return len(rows)


def list_size(db: sqlite_utils.Database) -> tuple[int, int]:
    """(entries in the list, entries used)."""
    total = db.execute("SELECT count(*) FROM randomisation_list").fetchone()[0]
    used = db.execute("SELECT count(*) FROM randomisations").fetchone()[0]
    return int(total), int(used)


def next_free(db: sqlite_utils.Database) -> int | None:
    row = db.execute(
        "SELECT min(seq) FROM randomisation_list WHERE seq NOT IN (SELECT seq FROM randomisations)").fetchone()
    return None if row[0] is None else int(row[0])


def assign(db: sqlite_utils.Database, *, subject_id: str, seq: int, user: str) -> Assignment:
    change = next_change(db, kind="randomisation", subject_id=subject_id)
    db.table("randomisations").insert({"subject_id": subject_id, "seq": seq, "randomised_at": iso(utcnow()),
                                       "randomised_by": user, "change_seq": change})
    found = assignment(db, subject_id)
    assert found is not None  # noqa: S101
    return found


def assignment(db: sqlite_utils.Database, subject_id: str) -> Assignment | None:
    row = db.execute(
        "SELECT r.subject_id, l.rand_no, l.msc_kit, l.mmf_kit, r.randomised_at, r.randomised_by "
        "FROM randomisations r JOIN randomisation_list l ON l.seq = r.seq WHERE r.subject_id = ?", [subject_id],
    ).fetchone()
    if row is None:
        return None
    return Assignment(subject_id=row[0], rand_no=row[1], msc_kit=row[2], mmf_kit=row[3], randomised_at=row[4],
                      randomised_by=row[5])


def arm_of(db: sqlite_utils.Database, subject_id: str) -> str | None:
    row = db.execute("SELECT l.arm FROM randomisations r JOIN randomisation_list l ON l.seq = r.seq "
                     "WHERE r.subject_id = ?", [subject_id]).fetchone()
    return None if row is None else str(row[0])


def record_unblinding(db: sqlite_utils.Database, *, subject_id: str, user: str, reason: str) -> None:
    change = next_change(db, kind="unblinding", subject_id=subject_id)
    db.table("unblindings").insert({"subject_id": subject_id, "unblinded_at": iso(utcnow()), "unblinded_by": user,
                                    "reason": reason, "change_seq": change})


def unblinded(db: sqlite_utils.Database, subject_id: str) -> bool:
    return db.execute("SELECT 1 FROM unblindings WHERE subject_id = ?", [subject_id]).fetchone() is not None


@dataclass(frozen=True, kw_only=True)
class Unblinding:
    unblinded_at: str
    unblinded_by: str
    reason: str


def first_unblinding(db: sqlite_utils.Database, subject_id: str) -> Unblinding | None:
    row = db.execute("SELECT unblinded_at, unblinded_by, reason FROM unblindings WHERE subject_id = ? "
                     "ORDER BY id LIMIT 1", [subject_id]).fetchone()
    return None if row is None else Unblinding(unblinded_at=row[0], unblinded_by=row[1], reason=row[2])
