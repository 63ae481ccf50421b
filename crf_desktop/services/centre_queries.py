"""Queries raised at the centre: raise on a field of imported data, see the site's answer, close or re-open.

Each change raises the query's revision; the next ``centre import`` run sends the query's state to its site
(``from-centre/<site>/``), where it lands in the site's ``queries`` table, and the site's answer comes back in
its next package. Every status change is audited at the centre (and, when it arrives, at the site).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.ids import site_id
from crf_desktop.services.centre_access import QUERY, require_centre
from crf_desktop.services.records import resolve_form
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as store

OPEN, ANSWERED, CLOSED = "open", "answered", "closed"


@dataclass(frozen=True, kw_only=True)
class CentreQuery:
    query_id: str
    site: str
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    field: str
    question: str
    status: str
    raised_by: str
    raised_at: str
    answer: str | None
    answered_by: str | None
    answered_at: str | None
    closed_by: str | None
    closed_at: str | None
    rev: int


def _query(row: dict[str, Any]) -> CentreQuery:
    return CentreQuery(query_id=row["id"], **{k: row[k] for k in (
        "site", "subject_id", "visit", "form", "repeat_no", "field", "question", "status", "raised_by", "raised_at",
        "answer", "answered_by", "answered_at", "closed_by", "closed_at", "rev")})


def _target(q: CentreQuery | dict[str, Any]) -> dict[str, str]:
    get = q.__getitem__ if isinstance(q, dict) else q.__getattribute__
    form = get("form") if int(get("repeat_no")) == 0 else f"{get('form')}#{get('repeat_no')}"
    return {"subject": get("subject_id"), "visit": get("visit"), "form": form, "field": get("field")}


def _find(session: Session, query_id: str) -> CentreQuery:
    row = store.query(session.site.db, query_id.strip())
    if row is None:
        raise UserInputError(f"there is no centre query {query_id!r}; list them with: crf-desktop centre query list")
    return _query(row)


def raise_query(session: Session, *, site: str, subject_id: str, visit: str, form: str, repeat_no: int, field: str,
                question: str) -> str:
    """Raise a query on a field of a subject the site has sent; returns its id (``C-0001``)."""
    require_centre(session, QUERY, "raise queries")
    number = site_id(site)
    db = session.site.db
    if store.site(db, number) is None:
        raise UserInputError(f"site {number} is not enrolled at this centre")
    if not db.execute("SELECT 1 FROM centre_rows WHERE site = ? AND tbl = 'subjects' AND key = ?",
                      [number, subject_id]).fetchone():
        raise UserInputError(f"subject {subject_id} has not come from site {number} (import its packages first)")
    declared = resolve_form(visit, form)
    if not declared.has_field(field):
        raise UserInputError(f"form {form!r} has no field {field!r}")
    if repeat_no < 0:
        raise UserInputError("the repeat number is 0 for visit forms, 1 or more for log entries")
    text = question.strip()
    if not text:
        raise UserInputError("the query is empty: say what needs clarifying")
    with db.atomic():
        query_id = f"C-{store.next_query_number(db):04d}"
        values = {"id": query_id, "site": number, "subject_id": subject_id, "visit": visit, "form": form,
                  "repeat_no": repeat_no, "field": field, "question": text, "status": OPEN,
                  "raised_by": session.user.username, "raised_at": iso(utcnow()), "rev": 1}
        store.insert_query(db, values)
        audit.append(db, user=session.user.username, action="query raised", new_value=text,
                     reason=f"query {query_id} for site {number}", **_target(values))
    return query_id


def close_query(session: Session, query_id: str) -> CentreQuery:
    require_centre(session, QUERY, "close queries")
    query = _find(session, query_id)
    if query.status == CLOSED:
        raise UserInputError(f"query {query.query_id} is already closed")
    db = session.site.db
    with db.atomic():
        store.update_query(db, query.query_id, status=CLOSED, closed_by=session.user.username,
                           closed_at=iso(utcnow()))
        audit.append(db, user=session.user.username, action="query closed", old_value=query.status,
                     new_value=CLOSED, reason=f"query {query.query_id}", **_target(query))
    return _find(session, query.query_id)


def reopen_query(session: Session, query_id: str, reason: str) -> CentreQuery:
    """Re-open an answered or closed query with a follow-up question (appended to the query's text)."""
    require_centre(session, QUERY, "re-open queries")
    query = _find(session, query_id)
    follow_up = reason.strip()
    if not follow_up:
        raise UserInputError("say why the query is re-opened: the site reads it as the follow-up question")
    if query.status == OPEN:
        raise UserInputError(f"query {query.query_id} is still open")
    db = session.site.db
    with db.atomic():
        store.update_query(db, query.query_id, status=OPEN, question=f"{query.question}\n— {follow_up}",
                           closed_by=None, closed_at=None)
        audit.append(db, user=session.user.username, action="query re-opened", old_value=query.status,
                     new_value=follow_up, reason=f"query {query.query_id}", **_target(query))
    return _find(session, query.query_id)


def list_queries(session: Session, *, site: str | None = None) -> list[CentreQuery]:
    require_centre(session, QUERY, "see queries")
    return [_query(row) for row in store.queries(session.site.db, site)]
