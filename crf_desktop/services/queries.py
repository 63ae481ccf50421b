"""Raising, answering and closing data clarification queries (DESIGN.md section 5)."""

from __future__ import annotations

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.services.records import resolve_form
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, queries
from crf_desktop.store.queries import FOLLOW_UP as FOLLOW_UP
from crf_desktop.store.queries import Query as Query  # re-exported for the UI
from crf_desktop.store.queries import QueryStatus as QueryStatus
from crf_desktop.store.queries import centre_username as centre_username
from crf_desktop.store.query_decisions import audit_reason


def _target(query: Query) -> dict[str, str]:
    """Where an audit entry on ``query`` points, and its reason ``query <number>``: the audit trail travels to the
    centre in each package, where the number ties the entry to the query (``store/query_decisions.py``)."""
    form = query.form if query.repeat_no == 0 else f"{query.form}#{query.repeat_no}"
    return {"subject": query.subject_id, "visit": query.visit, "form": form, "field": query.field,
            "reason": audit_reason(str(query.id))}


def _find(session: Session, query_id: int) -> Query:
    query = queries.get(session.site.db, query_id)
    if query is None:
        raise UserInputError(f"there is no query {query_id}")
    return query


def raise_query(session: Session, *, subject_id: str, visit: str, form_id: str, field_id: str, question: str,
                repeat_no: int = 0) -> Query:
    session.require(Permission.RAISE_QUERY)
    get_subject(session, subject_id)
    form = resolve_form(visit, form_id)
    if not form.has_field(field_id):
        raise UserInputError(f"form {form_id!r} has no field {field_id!r}")
    if not question.strip():
        raise UserInputError("the query is empty: say what needs clarifying")
    db = session.site.db
    with db.atomic():
        query = queries.insert(db, subject_id=subject_id, visit=visit, form=form_id, repeat_no=repeat_no,
                               field=field_id, question=question.strip(), user=session.user.username)
        audit.append(db, user=session.user.username, action="query raised", new_value=query.question,
                     **_target(query))
    return query


def answer_query(session: Session, query_id: int, answer: str) -> Query:
    session.require(Permission.ANSWER_QUERY)
    query = _find(session, query_id)
    if query.status is QueryStatus.CLOSED:
        raise UserInputError(f"query {query_id} is closed")
    if not answer.strip():
        raise UserInputError("the answer is empty")
    db = session.site.db
    with db.atomic():
        updated = queries.update(db, query, status=QueryStatus.ANSWERED.value, answer=answer.strip(),
                                 answered_by=session.user.username, answered_at=iso(utcnow()))
        audit.append(db, user=session.user.username, action="query answered", old_value=query.answer,
                     new_value=answer.strip(), **_target(query))
    return updated


def close_query(session: Session, query_id: int, *, reopen_with: str | None = None) -> Query:
    """The raiser closes an answered query, or re-opens it with a follow-up question."""
    session.require(Permission.RAISE_QUERY)
    query = _find(session, query_id)
    if query.raised_by != session.user.username:
        raise PermissionDenied(f"query {query_id} was raised by {query.raised_by}; only they can close it")
    db = session.site.db
    with db.atomic():
        if reopen_with:
            updated = queries.update(db, query, status=QueryStatus.OPEN.value,
                                     question=f"{query.question}{queries.FOLLOW_UP}{reopen_with.strip()}")
            audit.append(db, user=session.user.username, action="query re-opened", new_value=reopen_with.strip(),
                         **_target(query))
        else:
            updated = queries.update(db, query, status=QueryStatus.CLOSED.value, closed_by=session.user.username,
                                     closed_at=iso(utcnow()))
            audit.append(db, user=session.user.username, action="query closed", **_target(query))
    return updated


def subject_queries(session: Session, subject_id: str) -> list[Query]:
    session.require(Permission.VIEW_DATA)
    return queries.for_subject(session.site.db, subject_id)


def record_queries(session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int = 0,
                   include_closed: bool = False) -> list[Query]:
    """The queries on the fields of one record (oldest first); closed ones only when asked."""
    return [q for q in subject_queries(session, subject_id)
            if q.visit == visit and q.form == form_id and q.repeat_no == repeat_no
            and (include_closed or q.status is not QueryStatus.CLOSED)]
