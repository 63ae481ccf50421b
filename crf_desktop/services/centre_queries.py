"""Every query of the trial at the centre: raised at the centre or at a site, in one list; raise, close, re-open.

Two origins, one model (:class:`CentreQuery`):

* **centre-raised** (``C-0001``): kept in the centre's ``centre_queries``; each change raises its revision and the
  next ``centre import`` run sends its state to the site (``from-centre/<site>/``), where it lands in the site's
  ``queries`` table; the site's answer comes back in its next package.
* **site-raised** (``S01-0005``: site 01's query 5): raised by a site's monitor, it reaches the centre in the
  site's packages. The centre closes or re-opens it with a reason by appending a decision
  (``store/query_decisions.py``) that travels in the same messages and is applied at the site on its next export
  run; until the site's next package confirms it, the list shows the decided status, marked as waiting at the
  site.

Every status change is audited at the centre and, when it arrives, at the site.

A query's last decision (:class:`LastDecision`: who closed or re-opened it last, when and why) is the latest of the
centre's decisions and, for a site-raised query, the closes and re-opens its raiser made at the site, which the
centre reads from the site's audit trail (each entry names the query: ``store/query_decisions.py``,
:func:`site_query_decisions`). Packages from older sites carry entries without the query's number: for those the
site's close is taken from the query row (``closed_by``, ``closed_at``) and a re-open at the site is not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, parse_iso, utcnow
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.ids import site_id
from crf_desktop.services.centre_access import QUERY, require_centre
from crf_desktop.services.centre_unblinding import refuse_after_lock
from crf_desktop.services.records import resolve_form
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as store
from crf_desktop.store.queries import centre_user
from crf_desktop.store.query_decisions import (
    ANSWERED,
    CLOSE,
    CLOSED,
    OPEN,
    REOPEN,
    Decision,
    LastDecision,
    QueryState,
    apply,
    audit_action,
    audit_reason,
    centre_query_decisions,
    follow_up,
    site_query_decisions,
)

CENTRE, SITE = "centre", "site"
STATUSES = (OPEN, ANSWERED, CLOSED)
__all__ = ["ANSWERED", "CENTRE", "CLOSE", "CLOSED", "OPEN", "REOPEN", "SITE", "STATUSES", "CentreQuery",
           "LastDecision", "close_query", "last_decisions", "list_queries", "raise_query", "reopen_query",
           "site_raised"]

_CENTRE_ID = re.compile(r"C-?(\d{1,6})", re.IGNORECASE)
_SITE_ID = re.compile(r"S(\d{2,3})-(\d{1,9})", re.IGNORECASE)
_HOW_TO_LIST = "list them with: crf-desktop centre query list"


@dataclass(frozen=True, kw_only=True)
class CentreQuery:
    """A query as the centre lists it, whichever side raised it."""

    query_id: str  # C-0001 (raised at the centre) or S01-0005 (site 01's query 5)
    origin: str  # CENTRE or SITE
    site: str
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    field: str
    question: str
    status: str  # open | answered | closed, with the centre's waiting decision applied
    raised_by: str
    raised_at: str
    answer: str | None
    answered_by: str | None
    answered_at: str | None
    closed_by: str | None
    closed_at: str | None
    waiting: str | None = None  # a centre decision (close | reopen) the site has not applied yet
    age_days: int = 0  # from raising to closing, or to now while not closed
    decision: LastDecision | None = None  # the last close or re-open: who, when, why

    @property
    def where(self) -> str:
        """``subject visit form[#entry].field``."""
        entry = f"#{self.repeat_no}" if self.repeat_no else ""
        return f"{self.subject_id} {self.visit} {self.form}{entry}.{self.field}"


def _age(raised_at: str, closed_at: str | None, now: datetime) -> int:
    end = parse_iso(closed_at) if closed_at else now
    return max(0, (end - parse_iso(raised_at)).days)


_COMMON = ("subject_id", "visit", "form", "field", "raised_by", "raised_at", "answer", "answered_by",
           "answered_at")


def _from_centre(row: dict[str, Any], now: datetime, decided: dict[str, LastDecision]) -> CentreQuery:
    return CentreQuery(query_id=row["id"], origin=CENTRE, site=row["site"], repeat_no=int(row["repeat_no"]),
                       question=row["question"], status=row["status"], closed_by=row["closed_by"],
                       closed_at=row["closed_at"], age_days=_age(row["raised_at"], row["closed_at"], now),
                       decision=decided.get(row["id"]), **{k: row[k] for k in _COMMON})


def _site_last(row: dict[str, Any], decided: list[Decision], at_site: list[LastDecision]) -> LastDecision | None:
    """The last close or re-open of a site-raised query the centre knows of: its own decisions or the raiser's
    closes and re-opens at the site (``at_site``), whichever came later; for an older site's package, whose audit
    entries do not name the query, the row's close (by the raiser, who gives no reason at the site)."""
    found = [LastDecision(action=d.action, by=centre_user(d.decided_by), at=d.decided_at, reason=d.reason)
             for d in decided] + at_site
    closed_by, closed_at = row.get("closed_by"), row.get("closed_at")
    if row["status"] == CLOSED and closed_by and closed_at and closed_by not in {f.by for f in found}:
        found.append(LastDecision(action=CLOSE, by=str(closed_by), at=str(closed_at), reason=""))
    return max(found, key=lambda f: f.at) if found else None


def _from_site(site: str, row: dict[str, Any], decided: list[Decision], at_site: list[LastDecision],
               now: datetime) -> CentreQuery:
    """The site's row with the centre's decisions the site has not applied yet (the rule the site applies)."""
    state = QueryState(status=row["status"], question=row["question"], closed_by=row.get("closed_by"),
                       closed_at=row.get("closed_at"))
    waiting = [d for d in decided if d.no > int(row.get("centre_decision") or 0)]
    for decision in waiting:
        state, _effect = apply(state, decision)
    return CentreQuery(query_id=store.site_query_id(site, int(row["id"])), origin=SITE, site=site,
                       repeat_no=int(row["repeat_no"]), question=state.question, status=state.status,
                       closed_by=state.closed_by, closed_at=state.closed_at,
                       waiting=waiting[-1].action if waiting else None, decision=_site_last(row, decided, at_site),
                       age_days=_age(row["raised_at"], state.closed_at, now), **{k: row[k] for k in _COMMON})


def site_raised(db: sqlite_utils.Database, site: str | None = None) -> list[CentreQuery]:
    """Every query raised at a site (or at site ``site``), in the site's change order, as :func:`list_queries`
    shows it: with the centre's decisions the site has not applied yet (``waiting``)."""
    now, decided, at_site = utcnow(), store.decisions(db, site), site_query_decisions(db, site)
    return [_from_site(s, row, decided.get((s, int(row["id"])), []), at_site.get((s, int(row["id"])), []), now)
            for s, row in store.site_rows(db, "queries", site) if not row.get("centre_ref")]


def _find(session: Session, query_id: str) -> CentreQuery:
    text = query_id.strip()
    db = session.site.db
    if match := _CENTRE_ID.fullmatch(text):
        row = store.query(db, f"C-{int(match[1]):04d}")
        if row is not None:
            return _from_centre(row, utcnow(), centre_query_decisions(db))
    elif match := _SITE_ID.fullmatch(text):
        site, number = match[1], int(match[2])
        row = store.site_query(db, site, number)
        if row is not None and not row.get("centre_ref"):
            return _from_site(site, row, store.decisions(db, site).get((site, number), []),
                              site_query_decisions(db, site).get((site, number), []), utcnow())
    else:
        raise UserInputError(f"{text!r} is not a query id: queries raised at the centre are C-0001, C-0002, ...; "
                             f"queries raised at a site are S<site>-<number>, e.g. S01-0005; {_HOW_TO_LIST}")
    raise UserInputError(f"there is no query {text!r} at this centre; {_HOW_TO_LIST}")


def raise_query(session: Session, *, site: str, subject_id: str, visit: str, form: str, repeat_no: int, field: str,
                question: str) -> str:
    """Raise a query on a field of a subject the site has sent; returns its id (``C-0001``)."""
    require_centre(session, QUERY, "raise queries")
    refuse_after_lock(session, "no new query can be raised (answers to open queries still arrive with the import, "
                      "and open queries can still be closed)")
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


def _target(q: CentreQuery | dict[str, Any]) -> dict[str, str]:
    get = q.__getitem__ if isinstance(q, dict) else q.__getattribute__
    form = get("form") if int(get("repeat_no")) == 0 else f"{get('form')}#{get('repeat_no')}"
    return {"subject": get("subject_id"), "visit": get("visit"), "form": form, "field": get("field")}


def _decide(session: Session, query: CentreQuery, action: str, reason: str) -> None:
    """Append the centre's decision on a site-raised query (sent with the next messages to the site)."""
    db = session.site.db
    number = int(query.query_id.split("-")[1])
    with db.atomic():
        done = store.decisions(db, query.site).get((query.site, number), [])
        store.insert_decision(db, query.site, number, Decision(
            no=len(done) + 1, action=action, reason=reason, seen_status=query.status,
            decided_by=session.user.username, decided_at=iso(utcnow())))
        audit.append(db, user=session.user.username, action=audit_action(action),
                     old_value=query.status, new_value=CLOSED if action == CLOSE else reason,
                     reason=f"query {query.query_id} raised at site {query.site} by {query.raised_by}: {reason}; "
                            "applied at the site on its next export", **_target(query))


def close_query(session: Session, query_id: str, reason: str = "") -> CentreQuery:
    """Close a query. One raised at a site needs a reason (the site reads it); for the centre's own it is optional."""
    require_centre(session, QUERY, "close queries")
    query = _find(session, query_id)
    why = reason.strip()
    if query.status == CLOSED:
        by = f" by {query.closed_by}" if query.closed_by else ""
        raise UserInputError(f"query {query.query_id} is already closed{by}; re-open it if it needs more work")
    if query.origin == SITE:
        if not why:
            raise UserInputError(f"say why the centre closes query {query.query_id} (raised at site {query.site} by "
                                 f"{query.raised_by}): the site reads the reason")
        _decide(session, query, CLOSE, why)
        return _find(session, query.query_id)
    db = session.site.db
    with db.atomic():
        store.update_query(db, query.query_id, status=CLOSED, closed_by=session.user.username,
                           closed_at=iso(utcnow()))
        audit.append(db, user=session.user.username, action=audit_action(CLOSE), old_value=query.status,
                     new_value=CLOSED, reason=audit_reason(query.query_id, why), **_target(query))
    return _find(session, query.query_id)


def reopen_query(session: Session, query_id: str, reason: str) -> CentreQuery:
    """Re-open an answered or closed query with a follow-up question (appended to the query's text)."""
    require_centre(session, QUERY, "re-open queries")
    refuse_after_lock(session, "no query can be re-opened: a follow-up question is new data (open queries can still "
                      "be closed)")
    query = _find(session, query_id)
    why = reason.strip()
    if not why:
        raise UserInputError(f"say why query {query.query_id} is re-opened: the site reads it as the follow-up "
                             "question")
    if query.status == OPEN:
        raise UserInputError(f"query {query.query_id} is still open")
    if query.origin == SITE:
        _decide(session, query, REOPEN, why)
        return _find(session, query.query_id)
    db = session.site.db
    with db.atomic():
        store.update_query(db, query.query_id, status=OPEN, question=follow_up(query.question, why),
                           closed_by=None, closed_at=None)
        audit.append(db, user=session.user.username, action=audit_action(REOPEN), old_value=query.status,
                     new_value=why, reason=audit_reason(query.query_id), **_target(query))
    return _find(session, query.query_id)


def list_queries(session: Session, *, site: str | None = None, status: str | None = None) -> list[CentreQuery]:
    """Every query of the trial (raised at the centre or at a site), oldest first; ``site`` and ``status``
    (open, answered, closed) narrow it."""
    require_centre(session, QUERY, "see queries")
    db = session.site.db
    number = None if site is None else site_id(site.strip())
    if number is not None and store.site(db, number) is None:
        enrolled = ", ".join(s.site for s in store.sites(db)) or "none yet"
        raise UserInputError(f"site {number} is not enrolled at this centre (enrolled: {enrolled})")
    if status is not None and status not in STATUSES:
        raise UserInputError(f"status {status!r} is not a query status: use {', '.join(STATUSES)}")
    now, decided = utcnow(), centre_query_decisions(db)
    found = [_from_centre(row, now, decided) for row in store.queries(db, number)]
    found += site_raised(db, number)
    return sorted((q for q in found if status is None or q.status == status),
                  key=lambda q: (q.raised_at, q.query_id))


def last_decisions(db: sqlite_utils.Database) -> dict[str, LastDecision]:
    """Query id (``C-0001``, ``S01-0005``) → its last close or re-open, for the exports (``queries.csv``); the
    same as :attr:`CentreQuery.decision` in :func:`list_queries`."""
    found = centre_query_decisions(db)
    found.update((q.query_id, q.decision) for q in site_raised(db) if q.decision is not None)
    return found
