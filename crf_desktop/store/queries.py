"""Data clarification queries: open → answered → closed (or re-opened by the raiser)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.changes import next_change

#: Between a query's text and what is added to it later, on a new line: a follow-up question when the query is
#: re-opened (at the site or at the centre), an addition to its answer.
FOLLOW_UP = "\n— "
#: How a site names a user of the coordinating centre: the raiser of a query the centre sent, who closed it there.
CENTRE_USER_SUFFIX = " (centre)"


def centre_user(username: str) -> str:
    """How a centre user is named at a site: ``dm (centre)``."""
    return f"{username}{CENTRE_USER_SUFFIX}"


def centre_username(name: str | None) -> str | None:
    """The centre user's name when ``name`` names one (:func:`centre_user`), else None (a site user)."""
    return name.removesuffix(CENTRE_USER_SUFFIX) if name and name.endswith(CENTRE_USER_SUFFIX) else None


class QueryStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclass(frozen=True, kw_only=True)
class Query:
    id: int
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    field: str
    question: str
    raised_by: str
    raised_at: str
    status: QueryStatus
    answer: str | None
    answered_by: str | None
    answered_at: str | None = None  # UTC, when the answer it holds was given


def _query(row: dict[str, Any]) -> Query:
    return Query(
        id=int(row["id"]), subject_id=row["subject_id"], visit=row["visit"], form=row["form"],
        repeat_no=int(row["repeat_no"]), field=row["field"], question=row["question"], raised_by=row["raised_by"],
        raised_at=row["raised_at"], status=QueryStatus(row["status"]), answer=row["answer"],
        answered_by=row["answered_by"], answered_at=row.get("answered_at"),
    )


def insert(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str, repeat_no: int, field: str,
           question: str, user: str) -> Query:
    seq = next_change(db, kind="query", subject_id=subject_id)
    new_pk = db.table("queries").insert({
        "subject_id": subject_id, "visit": visit, "form": form, "repeat_no": repeat_no, "field": field,
        "question": question, "raised_by": user, "raised_at": iso(utcnow()), "status": QueryStatus.OPEN.value,
        "change_seq": seq,
    }).last_pk
    found = get(db, int(new_pk))  # type: ignore[arg-type]
    assert found is not None  # noqa: S101
    return found


def get(db: sqlite_utils.Database, query_id: int) -> Query | None:
    rows = list(db.table("queries").rows_where("id = ?", [query_id]))
    return _query(rows[0]) if rows else None


def update(db: sqlite_utils.Database, query: Query, **changes: str | int | None) -> Query:
    seq = next_change(db, kind="query", subject_id=query.subject_id)
    db.table("queries").update(query.id, {**changes, "change_seq": seq})
    found = get(db, query.id)
    assert found is not None  # noqa: S101
    return found


def for_subject(db: sqlite_utils.Database, subject_id: str) -> list[Query]:
    return [_query(r) for r in db.table("queries").rows_where("subject_id = ?", [subject_id], order_by="id")]


def open_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Subject → number of queries not yet closed."""
    return {sid: int(n) for sid, n in db.execute(
        "SELECT subject_id, count(*) FROM queries WHERE status != 'closed' GROUP BY subject_id")}
