"""DESIGN.md section 5: queries raised by a monitor, answered at the site, closed by the raiser; all audited."""

from __future__ import annotations

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.queries import answer_query, close_query, raise_query, subject_queries
from crf_desktop.services.session import login
from crf_desktop.services.subjects import register_subject
from crf_desktop.store.queries import QueryStatus
from tests.conftest import USER_PASSWORD, SiteFixture


def test_query_round_trip(site_with_users: SiteFixture) -> None:
    coordinator = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    sid = register_subject(coordinator, initials="AB", birth_year=1990, sex="F").subject_id
    with pytest.raises(PermissionDenied):
        raise_query(coordinator, subject_id=sid, visit="screening", form_id="demographics", field_id="weight_kg",
                    question="x")
    coordinator.close()

    monitor = login(site_with_users.data_dir, "monitor", USER_PASSWORD)
    with pytest.raises(UserInputError, match="no field 'weight'"):
        raise_query(monitor, subject_id=sid, visit="screening", form_id="demographics", field_id="weight",
                    question="?")
    query = raise_query(monitor, subject_id=sid, visit="screening", form_id="demographics", field_id="weight_kg",
                        question="Source says 55.0 kg; please check")
    assert build_dashboard(monitor).rows[0].open_queries == 1
    monitor.close()

    coordinator = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    answered = answer_query(coordinator, query.id, "Corrected to 55.0")
    assert answered.status is QueryStatus.ANSWERED and answered.answered_by == "coordinator"
    with pytest.raises(PermissionDenied):
        close_query(coordinator, query.id)
    coordinator.close()

    monitor = login(site_with_users.data_dir, "monitor", USER_PASSWORD)
    try:
        closed = close_query(monitor, query.id)
        assert closed.status is QueryStatus.CLOSED
        assert build_dashboard(monitor).rows[0].open_queries == 0
        actions = [e.action for e in monitor.audit_trail(subject=sid)]
        assert {"query raised", "query answered", "query closed"} <= set(actions)
        assert [q.status for q in subject_queries(monitor, sid)] == [QueryStatus.CLOSED]
    finally:
        monitor.close()
