"""Issue 3 item 6 (dashboard data): a status per visit, due and overdue visits by window, counts."""

from __future__ import annotations

from datetime import date, timedelta

from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import CellState, build_dashboard
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import change_subject_status, register_subject
from crf_desktop.store.subjects import SubjectStatus
from tests.conftest import USER_PASSWORD, SiteFixture


def _visit(session: Session, subject_id: str, visit: str, day: date | None) -> None:
    raw = {"visit_done": "Y", "visit_date": day.isoformat()} if day else {"visit_done": "N",
                                                                          "missed_reason": "SUBJECT"}
    outcome = rec.save_record(session, subject_id=subject_id, visit=visit, form_id="visit_info", raw=raw)
    assert outcome.saved, outcome.refused


def _cells(session: Session, subject_id: str) -> dict[str, CellState]:
    row = next(r for r in build_dashboard(session).rows if r.subject.subject_id == subject_id)
    return {c.visit: c.state for c in row.cells}


def test_visit_states_follow_the_windows_from_the_baseline_date(site_with_users: SiteFixture) -> None:
    session = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    try:
        today = session.today()
        new = register_subject(session, initials="AB", birth_year=1990, sex="F").subject_id
        assert _cells(session, new)["screening"] is CellState.DUE
        assert _cells(session, new)["baseline"] is CellState.NOT_DUE

        on_study = register_subject(session, initials="CD", birth_year=1990, sex="F").subject_id
        baseline = today - timedelta(days=40)
        _visit(session, on_study, "screening", baseline - timedelta(days=10))
        _visit(session, on_study, "baseline", baseline)
        cells = _cells(session, on_study)
        assert cells["screening"] is CellState.IN_PROGRESS  # consent and demographics not entered yet
        assert cells["baseline"] is CellState.IN_PROGRESS  # only its visit information is entered
        assert cells["week4"] is CellState.OVERDUE  # window day 21-35, today is day 40
        assert cells["week8"] is CellState.NOT_DUE  # window day 49-63, today is day 40
    finally:
        session.close()


def test_due_overdue_missed_and_withdrawn(site_with_users: SiteFixture) -> None:
    session = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    try:
        today = session.today()
        sid = register_subject(session, initials="EF", birth_year=1990, sex="F").subject_id
        baseline = today - timedelta(days=52)
        _visit(session, sid, "baseline", baseline)
        _visit(session, sid, "week4", baseline + timedelta(days=37))  # 2 days after the window
        board = build_dashboard(session)
        row = next(r for r in board.rows if r.subject.subject_id == sid)
        cells = {c.visit: c for c in row.cells}
        assert cells["week4"].deviation_days == 2
        assert cells["week8"].state is CellState.DUE  # day 52 is inside 49-63
        assert row.next_due == ("week8", baseline + timedelta(days=49))
        _visit(session, sid, "week8", None)
        assert _cells(session, sid)["week8"] is CellState.MISSED
        change_subject_status(session, sid, SubjectStatus.ON_STUDY, "")
        change_subject_status(session, sid, SubjectStatus.WITHDRAWN, "moved away")
        assert _cells(session, sid)["week12"] is CellState.NOT_DUE
        counts = board.counts()  # taken before the status changes: still screening, nothing overdue
        assert counts.subjects == 1 and counts.by_status[SubjectStatus.SCREENING] == 1
        assert counts.overdue_visits == 0 and counts.visits_in_progress == 2
        after = build_dashboard(session).counts()
        assert after.by_status[SubjectStatus.WITHDRAWN] == 1 and after.by_status[SubjectStatus.SCREENING] == 0
    finally:
        session.close()
