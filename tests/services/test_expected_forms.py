"""Issue 4: the dashboard counts and the demo expect of each subject only the forms that apply to them (a man has
no pregnancy test to do; a woman of childbearing potential has one missing until it is entered), and nothing is
expected, or accepted, where the protocol has no use for it (study-drug kits at week 24)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import CellState, subject_row
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import register_subject
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, save, screen


def _screening(session: Session, sid: str) -> tuple[CellState, int, int]:
    row = subject_row(session, sid)
    assert row is not None
    cell = next(c for c in row.cells if c.visit == "screening")
    return cell.state, cell.forms_done, cell.forms_total


def test_a_man_has_no_pregnancy_test_to_do_and_a_woman_has_one_missing(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        day = (session.today() - timedelta(days=2)).isoformat()
        man = register_subject(session, initials="MM", birth_year=1990, sex="M").subject_id
        save(session, man, "screening", "visit_info", {"visit_done": "Y", "visit_date": day})
        assert _screening(session, man)[2] == 6  # seven screening forms, less the pregnancy test

        woman = screen(session)  # every screening form of a woman of childbearing potential, pregnancy test too
        state, done, total = _screening(session, woman)
        assert total == 7 and done == 6  # visit information not entered yet
        save(session, woman, "screening", "visit_info", {"visit_done": "Y", "visit_date": day})
        assert _screening(session, woman) == (CellState.COMPLETE, 7, 7)

        other = register_subject(session, initials="WN", birth_year=1990, sex="F").subject_id
        save(session, other, "screening", "visit_info", {"visit_done": "Y", "visit_date": day})
        assert _screening(session, other)[2] == 7  # potential not recorded yet: the test is expected
        row = subject_row(session, other)
        assert row is not None and "pregnancy_test" in next(
            v for v in rec.REGISTRY.schedule.visits if v.code == "week4").forms_for(row.context)
    finally:
        session.close()


def test_kits_cannot_be_recorded_at_week_24(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        sid = register_subject(session, initials="KK", birth_year=1990, sex="M").subject_id
        with pytest.raises(UserInputError, match="form 'drug_kits' does not belong to 'week24'"):
            rec.save_record(session, subject_id=sid, visit="week24", form_id="drug_kits", raw={})
    finally:
        session.close()
