"""Issue 8 item 4: the one rule for a centre decision on a query raised at a site, "the last decision wins, in
the order the query's status history records them" (``store/query_decisions.py``)."""

from __future__ import annotations

import pytest

from crf_desktop.store.query_decisions import Decision, QueryState, apply


def _decision(action: str, reason: str = "checked at SDV") -> Decision:
    return Decision(no=1, action=action, reason=reason, seen_status="answered", decided_by="dm",
                    decided_at="2026-01-02T03:04:05.000000Z")


def _state(status: str) -> QueryState:
    closed = status == "closed"
    return QueryState(status=status, question="Dose?", closed_by="monitor" if closed else None,
                      closed_at="2026-01-01T00:00:00.000000Z" if closed else None)


@pytest.mark.parametrize("status", ["open", "answered"])
def test_close_closes_an_open_or_answered_query_in_the_centres_name(status: str) -> None:
    after, effect = apply(_state(status), _decision("close"))
    assert effect == "closed"
    assert after == QueryState(status="closed", question="Dose?", closed_by="dm (centre)",
                               closed_at="2026-01-02T03:04:05.000000Z")


def test_close_leaves_a_query_the_site_closed_first_as_it_was() -> None:
    after, effect = apply(_state("closed"), _decision("close"))
    assert (after, effect) == (_state("closed"), "already closed")


@pytest.mark.parametrize(("status", "effect"), [("answered", "re-opened"), ("closed", "re-opened"),
                                                ("open", "follow-up added")])
def test_reopen_opens_and_never_drops_the_follow_up(status: str, effect: str) -> None:
    after, done = apply(_state(status), _decision("reopen", "Which day?"))
    assert done == effect
    assert after == QueryState(status="open", question="Dose?\n— Which day?", closed_by=None, closed_at=None)


def test_decisions_apply_in_number_order() -> None:
    state = _state("answered")
    for decision in (_decision("close"), _decision("reopen", "One more thing")):
        state, _effect = apply(state, decision)
    assert (state.status, state.question) == ("open", "Dose?\n— One more thing")


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="close or reopen, not 'delete'"):
        apply(_state("open"), _decision("delete"))
