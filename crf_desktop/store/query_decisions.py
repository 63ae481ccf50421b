"""The centre's decisions on queries raised at a site, and the one rule for applying them (issue 8).

A query raised at a site (by its monitor) is the site's: the centre sees it in the site's packages and may close
or re-open it with a reason. The decision reaches the site in a signed message and is applied there on its next
export run. Meanwhile the site may have moved on (answered again, closed or re-opened it itself), so the rule
is: **the last decision wins, in the order the query's status history records them**. The centre's decision
enters that history when the site applies it, so it is applied to the query as it stands then:

* close: an open or answered query becomes closed; a query the site already closed stays closed (the decision
  is still recorded in the audit trail, so it is not lost);
* re-open: an answered or closed query becomes open with the centre's reason appended to the question as a
  follow-up; a query that is already open keeps its status and still gets the follow-up.

Nothing the site wrote is dropped: an answer given after the centre saw the query stays in the row and in the
audit trail, and travels to the centre with the closed status, where the data manager may re-open it.
The centre previews the same rule over the site's last known state (:func:`apply`), so what it lists as
"waiting at the site" is what the site will show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlite_utils

from crf_desktop.store.queries import FOLLOW_UP, centre_user

CLOSE, REOPEN = "close", "reopen"
ACTIONS = (CLOSE, REOPEN)
OPEN, ANSWERED, CLOSED = "open", "answered", "closed"


@dataclass(frozen=True, kw_only=True)
class Decision:
    """One centre decision on a site-raised query; ``no`` counts 1, 2, ... per query."""

    no: int
    action: str
    reason: str
    seen_status: str  # the status the centre saw when it decided
    decided_by: str
    decided_at: str


@dataclass(frozen=True, kw_only=True)
class LastDecision:
    """The last close or re-open of a query, as the centre lists it: who, when, why (``reason`` may be empty: the
    centre's own query closed without one, or a site's query closed at the site, where no reason is asked)."""

    action: str  # CLOSE | REOPEN
    by: str
    at: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class QueryState:
    """The part of a query a centre decision changes."""

    status: str
    question: str
    closed_by: str | None
    closed_at: str | None


def follow_up(question: str, reason: str) -> str:
    """The question with a re-opening reason appended, as the site reads it."""
    return f"{question}{FOLLOW_UP}{reason}"


def apply(state: QueryState, decision: Decision) -> tuple[QueryState, str]:
    """The state after ``decision``, and what it did: ``closed``, ``already closed``, ``re-opened`` or
    ``follow-up added``."""
    if decision.action == CLOSE:
        if state.status == CLOSED:
            return state, "already closed"
        return replace(state, status=CLOSED, closed_by=centre_user(decision.decided_by),
                       closed_at=decision.decided_at), "closed"
    if decision.action != REOPEN:
        raise ValueError(f"a centre decision is close or reopen, not {decision.action!r}")
    effect = "follow-up added" if state.status == OPEN else "re-opened"
    return QueryState(status=OPEN, question=follow_up(state.question, decision.reason), closed_by=None,
                      closed_at=None), effect


# -- the centre's own queries: their closes and re-opens are kept in the centre's audit trail ----------------
_CLOSED_ACTION, _REOPENED_ACTION = "query closed", "query re-opened"


def audit_reason(query_id: str, reason: str = "") -> str:
    """The audit entry's reason for a close or re-open of the centre's query ``query_id`` (``query C-0001: why``);
    :func:`centre_query_decisions` reads it back."""
    return f"query {query_id}" + (f": {reason}" if reason else "")


def audit_action(action: str) -> str:
    return _CLOSED_ACTION if action == CLOSE else _REOPENED_ACTION


def centre_query_decisions(db: sqlite_utils.Database) -> dict[str, LastDecision]:
    """Centre query id (``C-0001``) → its last close or re-open, from the centre's audit trail (the re-opening
    reason is the entry's new value, the closing reason follows the id in its reason)."""
    found: dict[str, LastDecision] = {}
    cursor = db.execute("SELECT user, ts, action, new_value, reason FROM audit WHERE action IN (?, ?) "
                        "AND reason LIKE 'query C-%' ORDER BY seq", [_CLOSED_ACTION, _REOPENED_ACTION])
    for user, ts, action, new_value, reason in cursor:
        query_id, _sep, why = str(reason)[len("query "):].partition(": ")
        if action == _CLOSED_ACTION:
            found[query_id] = LastDecision(action=CLOSE, by=str(user), at=str(ts), reason=why)
        else:
            found[query_id] = LastDecision(action=REOPEN, by=str(user), at=str(ts), reason=str(new_value or ""))
    return found


# -- a site's own queries: the site's audit entries name the query, so the centre can tie them to it --------
def site_query_decisions(db: sqlite_utils.Database,
                         site: str | None = None) -> dict[tuple[str, int], list[LastDecision]]:
    """(site, site's query number) → the closes and re-opens the site's users made at the site, oldest first, from
    the site audit trails the centre holds (``centre_audit``).

    The rule: since this version a site audits raising, answering, closing and re-opening its own query with the
    reason ``query <number>`` (:func:`audit_reason`, the same form as the centre's ``query C-0001``); the entry's
    user and time are who and when, the re-opening's follow-up question (its new value) is why, and a close at the
    site has no reason (none is asked there). Entries from older packages carry no number and are not found here:
    for them the centre falls back to the query row's ``closed_by``/``closed_at``.
    """
    where, params = ("", []) if site is None else ("AND site = ?", [site])
    found: dict[tuple[str, int], list[LastDecision]] = {}
    cursor = db.execute(f"SELECT site, user, ts, action, new_value, reason FROM centre_audit WHERE action IN (?, ?) "  # noqa: S608
                        f"AND reason GLOB 'query [0-9]*' {where} ORDER BY site, seq",
                        [_CLOSED_ACTION, _REOPENED_ACTION, *params])
    for entry_site, user, ts, action, new_value, reason in cursor:
        number, _sep, why = str(reason)[len("query "):].partition(": ")
        if not number.isdigit():
            continue
        last = (LastDecision(action=CLOSE, by=str(user), at=str(ts), reason=why) if action == _CLOSED_ACTION
                else LastDecision(action=REOPEN, by=str(user), at=str(ts), reason=str(new_value or "")))
        found.setdefault((str(entry_site), int(number)), []).append(last)
    return found
