"""Issue 4 item 2 with inclusion 3 of the registry record ("renal biopsy within 12 weeks" before randomisation)
and the screening window (day −28 to 0, DESIGN.md / forms.visits): randomising today is refused, naming the
reason, when the biopsy is older than 12 weeks (84 days) before today or the screening lies outside its window,
whatever randomisation date the eligibility form planned. Both sides of each threshold are tested."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.services import records as rec
from crf_desktop.services.randomisation import randomise
from crf_desktop.services.session import Session
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, lab_ranges, save, screen
from tests.services.test_randomisation import LIST, _load


def _redate_biopsy(session: Session, sid: str, days_ago: int) -> None:
    record = rec.get_record(session, subject_id=sid, visit="screening", form_id="renal_biopsy")
    assert record is not None
    raw = dict(record.data) | {"bx_date": (session.today() - timedelta(days=days_ago)).isoformat()}
    outcome = rec.save_record(session, subject_id=sid, visit="screening", form_id="renal_biopsy", raw=raw,
                              reason="date corrected from the pathology report")
    assert outcome.saved, [i.message.en for i in outcome.refused]


def test_a_biopsy_older_than_12_weeks_before_today_refuses_randomisation(site_with_users: SiteFixture) -> None:
    _load(site_with_users, LIST)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        old, boundary = screen(session, initials="OB"), screen(session, initials="NB")
        _redate_biopsy(session, old, 85)
        _redate_biopsy(session, boundary, 84)
        today = session.today()
        with pytest.raises(UserInputError) as refused:
            randomise(session, old)
        message = str(refused.value)
        assert f"renal biopsy of {(today - timedelta(days=85)).isoformat()} was 85 days before randomisation " \
               f"today ({today.isoformat()})" in message
        assert "within 12 weeks (84 days)" in message
        assert randomise(session, boundary).rand_no == "R001"  # exactly 12 weeks: allowed
    finally:
        session.close()


def test_a_planned_date_does_not_hide_an_expired_biopsy(site_with_users: SiteFixture) -> None:
    # The eligibility form planned randomisation 5 days ago, when the biopsy (88 days ago) was 83 days old.
    _load(site_with_users, LIST)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        today = session.today()
        sid = screen(session, initials="PD", eligibility_answers={
            "elig_date": (today - timedelta(days=6)).isoformat(),
            "elig_rand_date": (today - timedelta(days=5)).isoformat()})
        _redate_biopsy(session, sid, 88)
        with pytest.raises(UserInputError, match="was 88 days before randomisation today"):
            randomise(session, sid)
    finally:
        session.close()


def test_screening_outside_its_window_refuses_randomisation(site_with_users: SiteFixture) -> None:
    _load(site_with_users, LIST)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        today = session.today()
        late, edge = screen(session, initials="SL"), screen(session, initials="SE")
        for sid in (late, edge):  # consent 40 days ago, so the screening visit may be dated before the window
            consent = rec.get_record(session, subject_id=sid, visit="screening", form_id="consent")
            assert consent is not None
            earlier = {"consent_date": (today - timedelta(days=40)).isoformat()}
            outcome = rec.save_record(session, subject_id=sid, visit="screening", form_id="consent",
                                      raw=dict(consent.data) | earlier,
                                      reason="date corrected from the signed consent form")
            assert outcome.saved
        save(session, late, "screening", "visit_info", {"visit_done": "Y",
                                                        "visit_date": (today - timedelta(days=29)).isoformat()})
        save(session, edge, "screening", "visit_info", {"visit_done": "Y",
                                                        "visit_date": (today - timedelta(days=28)).isoformat()})
        with pytest.raises(UserInputError) as refused:
            randomise(session, late)
        assert (f"the screening visit on {(today - timedelta(days=29)).isoformat()} is outside the screening window "
                f"for randomisation today ({today.isoformat()}) ({(today - timedelta(days=28)).isoformat()} to "
                f"{today.isoformat()})"
                in str(refused.value))
        assert randomise(session, edge).rand_no == "R001"  # day −28: the window's first day
        # recorded after the day (paper backup): checked against that day, never a future one
        with pytest.raises(UserInputError, match="is in the future"):
            randomise(session, late, on=today + timedelta(days=1))
        on = today - timedelta(days=2)  # the screening visit (day −29 from today) is day −27 from then
        assert randomise(session, late, on=on).rand_no == "R002"
    finally:
        session.close()
