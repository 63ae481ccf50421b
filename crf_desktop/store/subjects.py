"""Subjects: screening numbers in the site's sequence (01-001, 01-002, ...), never re-used or deleted."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.forms.model import Text
from crf_desktop.store.changes import next_change
from crf_desktop.store.sql import rows


class SubjectStatus(StrEnum):
    SCREENING = "screening"
    SCREEN_FAILURE = "screen failure"
    ON_STUDY = "on study"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> Text:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    SubjectStatus.SCREENING: Text(en="Screening", zh="筛选中"),
    SubjectStatus.SCREEN_FAILURE: Text(en="Screen failure", zh="筛选失败"),
    SubjectStatus.ON_STUDY: Text(en="On study", zh="研究中"),
    SubjectStatus.COMPLETED: Text(en="Completed", zh="已完成研究"),
    SubjectStatus.WITHDRAWN: Text(en="Withdrawn", zh="已退出"),
}


@dataclass(frozen=True, kw_only=True)
class Subject:
    subject_id: str
    number: int
    initials: str
    birth_year: int | None
    sex: str
    status: SubjectStatus
    status_reason: str | None
    created_at: str
    change_seq: int


def _subject(row: dict[str, Any]) -> Subject:
    return Subject(
        subject_id=row["subject_id"], number=int(row["number"]), initials=row["initials"],
        birth_year=row["birth_year"], sex=row["sex"], status=SubjectStatus(row["status"]),
        status_reason=row["status_reason"], created_at=row["created_at"], change_seq=int(row["change_seq"]),
    )


def next_subject_id(db: sqlite_utils.Database, site: str) -> tuple[str, int]:
    row = db.execute("SELECT max(number) FROM subjects").fetchone()
    number = int(row[0] or 0) + 1
    return f"{site}-{number:03d}", number


def insert(db: sqlite_utils.Database, *, site: str, initials: str, birth_year: int | None, sex: str,
           created_by: str) -> Subject:
    """Register a subject with the next screening number; call inside a transaction."""
    subject_id, number = next_subject_id(db, site)
    seq = next_change(db, kind="subject", subject_id=subject_id)
    db.table("subjects").insert({
        "subject_id": subject_id, "number": number, "initials": initials, "birth_year": birth_year, "sex": sex,
        "status": SubjectStatus.SCREENING.value, "status_reason": None, "created_at": iso(utcnow()),
        "created_by": created_by, "change_seq": seq,
    })
    found = get(db, subject_id)
    assert found is not None  # noqa: S101
    return found


def get(db: sqlite_utils.Database, subject_id: str) -> Subject | None:
    found = list(rows(db, "SELECT * FROM subjects WHERE subject_id = ?", [subject_id]))
    return _subject(found[0]) if found else None


def all_subjects(db: sqlite_utils.Database) -> list[Subject]:
    return [_subject(row) for row in rows(db, "SELECT * FROM subjects ORDER BY number")]


def set_status(db: sqlite_utils.Database, subject_id: str, status: SubjectStatus, reason: str | None) -> None:
    seq = next_change(db, kind="subject", subject_id=subject_id)
    db.table("subjects").update(subject_id, {"status": status.value, "status_reason": reason, "change_seq": seq})
