"""The visit schedule (issue 3 item 3): targets from baseline, windows, deviations, configuration."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.issues import IssueCode, Severity
from crf_desktop.forms.schedule import (
    StudyConfig,
    VisitKind,
    Window,
    deviation_days,
    target_date,
    visit_window_issue,
    window,
    window_dates,
)
from crf_desktop.forms.visits import SCHEDULE

BASELINE = date(2024, 1, 10)
WEEK4 = SCHEDULE.visit("week4")


def test_visits_in_order() -> None:
    # issue 3 item 3: screening, baseline, weeks 4..24, unscheduled, early termination
    assert [v.code for v in SCHEDULE.visits] == [
        "screening", "baseline", "week4", "week8", "week12", "week16", "week20", "week24", "unscheduled",
        "early_termination",
    ]
    assert all(v.label.en and v.label.zh for v in SCHEDULE.visits)
    assert SCHEDULE.visit("unscheduled").repeatable


def test_subject_level_logs() -> None:
    # issue 3 item 3: AE and concomitant medication logs belong to the subject, not to a visit
    assert [log.code for log in SCHEDULE.logs] == ["adverse_events", "concomitant_medications"]
    assert SCHEDULE.log("adverse_events").label.zh == "不良事件"


@pytest.mark.parametrize("week", [4, 8, 12, 16, 20, 24])
def test_target_day_is_28_times_n(week: int) -> None:
    # issue 3 item 3: week 4 = baseline + 28 days, target day 28·n
    visit = SCHEDULE.visit(f"week{week}")
    assert visit.target_day == week * 7
    assert target_date(BASELINE, visit) == BASELINE + timedelta(days=week * 7)


def test_week4_target() -> None:
    assert target_date(BASELINE, WEEK4) == date(2024, 2, 7)


def test_window_edges_are_inclusive() -> None:
    # issue 3 item 3: window ±7 days by default, edges inclusive
    assert window(WEEK4) == Window(before=7, after=7)
    assert window_dates(BASELINE, WEEK4) == (date(2024, 1, 31), date(2024, 2, 14))
    assert deviation_days(WEEK4, date(2024, 1, 31), BASELINE) == 0
    assert deviation_days(WEEK4, date(2024, 2, 14), BASELINE) == 0
    assert deviation_days(WEEK4, date(2024, 1, 30), BASELINE) == -1
    assert deviation_days(WEEK4, date(2024, 2, 15), BASELINE) == 1


def test_deviation_is_signed_days_outside() -> None:
    # issue 3 item 3: a visit outside its window is a protocol deviation with the number of days
    assert deviation_days(WEEK4, date(2024, 2, 20), BASELINE) == 6
    assert deviation_days(WEEK4, date(2024, 1, 20), BASELINE) == -11
    issue = visit_window_issue(WEEK4, date(2024, 2, 20), BASELINE)
    assert issue is not None
    assert issue.code is IssueCode.VISIT_WINDOW and issue.severity is Severity.WARNING and not issue.blocks_saving
    assert issue.message.en == (
        "Week 4: the visit on 2024-02-20 is 6 day(s) after its window (2024-01-31 to 2024-02-14); protocol deviation"
    )
    assert issue.message.zh == "第 4 周：访视日期 2024-02-20 晚于访视窗 6 天（2024-01-31 至 2024-02-14），属方案偏离"
    assert visit_window_issue(WEEK4, date(2024, 2, 7), BASELINE) is None


def test_configurable_window() -> None:
    # issue 3 item 3: windows are configurable (study configuration), per study and per visit
    wide = StudyConfig(default_window=Window(before=10, after=10))
    assert deviation_days(WEEK4, date(2024, 2, 17), BASELINE, wide) == 0
    assert deviation_days(WEEK4, date(2024, 2, 18), BASELINE, wide) == 1
    per_visit = StudyConfig(windows={"week24": Window(before=3, after=14)})
    week24 = SCHEDULE.visit("week24")
    assert window(week24, per_visit) == Window(before=3, after=14)
    assert window(WEEK4, per_visit) == Window(before=7, after=7)


def test_negative_window_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Window(before=-1, after=7)


def test_screening_window() -> None:
    # issue 3 item 3: screening is day −28..0
    screening = SCHEDULE.visit("screening")
    assert screening.kind is VisitKind.SCREENING
    assert window_dates(BASELINE, screening) == (BASELINE - timedelta(days=28), BASELINE)
    assert deviation_days(screening, BASELINE - timedelta(days=29), BASELINE) == -1
    assert deviation_days(screening, BASELINE + timedelta(days=1), BASELINE) == 1


def test_untimed_visits_never_deviate() -> None:
    for code in ("unscheduled", "early_termination"):
        visit = SCHEDULE.visit(code)
        assert target_date(BASELINE, visit) is None and window_dates(BASELINE, visit) is None
        assert deviation_days(visit, date(2030, 1, 1), BASELINE) == 0


def test_unknown_visit_names_it() -> None:
    with pytest.raises(KeyError, match="week5"):
        SCHEDULE.visit("week5")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(-60, 60),
       st.integers(0, 14), st.integers(0, 14))
def test_deviation_matches_window(baseline: date, offset: int, before: int, after: int) -> None:
    # issue 3 item 3: Hypothesis: deviation is 0 exactly inside the window, else the distance to the nearest edge
    config = StudyConfig(default_window=Window(before=before, after=after))
    actual = baseline + timedelta(days=28 + offset)
    days = deviation_days(WEEK4, actual, baseline, config)
    if -before <= offset <= after:
        assert days == 0
    elif offset < -before:
        assert days == offset + before
    else:
        assert days == offset - after
