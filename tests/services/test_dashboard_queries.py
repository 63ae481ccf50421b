"""Issue 10: the dashboard is built from a fixed number of set-based queries that read covering indexes, and
shows exactly what a straightforward per-subject computation shows (cell by cell, on the demo site).

The reference below is the dashboard's computation before issue 10, one subject at a time: every record of the
subject read in full, the schedule's form conditions evaluated for every cell, the window worked out for every
cell. Signature, paper and lock marks come from ``signature_states.visit_marks`` in both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import pytest

from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.model import Value
from crf_desktop.forms.schedule import StudyConfig, Visit, window_dates
from crf_desktop.services import dashboard, signature_states
from crf_desktop.services.dashboard import (
    _BY_STATUS,  # noqa: PLC2701 - the reference reads the same state table
    _FINAL,  # noqa: PLC2701
    _ORDER,  # noqa: PLC2701
    CellState,
    SubjectRow,
    VisitCell,
    _mark_first_untimed_due,  # noqa: PLC2701 - unchanged steps the reference shares
    _marked,  # noqa: PLC2701
    _outside,  # noqa: PLC2701
    build_dashboard,
    scheduled_visits,
    subject_row,
)
from crf_desktop.services.demo import create_demo
from crf_desktop.services.session import Session, login
from crf_desktop.services.study_config import current_configuration
from crf_desktop.services.subjects import register_subject
from crf_desktop.store import queries, records, subjects
from tests.conftest import USER_PASSWORD, SiteFixture

PASSWORD = "demo-password-2024"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    data_dir = tmp_path_factory.mktemp("demo") / "demo"
    create_demo(data_dir, shared_password=PASSWORD)
    session = login(data_dir, "monitor", PASSWORD)
    try:
        yield session
    finally:
        session.close()


def _reference_cell(visit: Visit, statuses: dict[str, RecordStatus], done: str, day: date | None, *,
                    baseline: date | None, today: date, active: bool, config: StudyConfig,
                    context: Mapping[str, Value | None]) -> VisitCell:
    expected = visit.forms_for(context)
    statuses = {form_id: status for form_id, status in statuses.items() if form_id in expected}
    total = len(expected)
    finished = sum(1 for s in statuses.values() if s is not RecordStatus.IN_PROGRESS)
    edges = window_dates(baseline, visit, config) if baseline is not None and visit.target_day else None
    if done == "N":
        return VisitCell(visit=visit.code, state=CellState.MISSED, forms_done=finished, forms_total=total,
                         window=edges)
    if statuses:
        if len(statuses) < total or RecordStatus.IN_PROGRESS in statuses.values():
            state = CellState.IN_PROGRESS
        else:
            state = _BY_STATUS[min(statuses.values(), key=_ORDER.index)]
        deviation = _outside(day, edges) if day and edges else 0
        return VisitCell(visit=visit.code, state=state, forms_done=finished, forms_total=total, visit_date=day,
                         window=edges, deviation_days=deviation)
    if not active or edges is None:
        return VisitCell(visit=visit.code, state=CellState.NOT_DUE, forms_done=0, forms_total=total, window=edges)
    state = CellState.OVERDUE if today > edges[1] else CellState.DUE if today >= edges[0] else CellState.NOT_DUE
    return VisitCell(visit=visit.code, state=state, forms_done=0, forms_total=total, window=edges)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _reference_rows(session: Session) -> list[SubjectRow]:
    """The dashboard's rows computed subject by subject from the subject's full records."""
    db = session.site.db
    config = current_configuration(session).schedule
    today = session.today()
    marks = signature_states.visit_marks(db)
    open_queries = queries.open_counts(db)
    found = []
    for subject in subjects.all_subjects(db):
        own = [r for r in records.for_subject(db, subject.subject_id) if r.repeat_no == 0]
        demographics = next((r.data for r in own if r.visit == "screening" and r.form == "demographics"), {})
        context = {SUBJECT_SEX: demographics.get("sex") or subject.sex or None,
                   SUBJECT_CHILDBEARING: demographics.get("childbearing") or None}
        visit_info = {r.visit: r.data for r in own if r.form == "visit_info"}
        baseline = _day(visit_info.get("baseline", {}).get("visit_date"))
        active = subject.status not in _FINAL
        cells = []
        for visit in scheduled_visits():
            info = visit_info.get(visit.code, {})
            cell = _reference_cell(visit, {r.form: r.status for r in own if r.visit == visit.code},
                                   info.get("visit_done") or "", _day(info.get("visit_date")), baseline=baseline,
                                   today=today, active=active, config=config, context=context)
            cells.append(_marked(cell, marks.get((subject.subject_id, visit.code))))
        if active:
            _mark_first_untimed_due(cells)
        next_due = next(((c.visit, c.window[0]) for c in cells
                         if c.state in (CellState.NOT_DUE, CellState.DUE, CellState.OVERDUE) and c.window
                         and active), None)
        found.append(SubjectRow(subject=subject, cells=tuple(cells), baseline_date=baseline, next_due=next_due,
                                open_queries=open_queries.get(subject.subject_id, 0), context=context))
    return found


def test_the_demo_dashboard_equals_the_per_subject_computation_cell_by_cell(demo: Session) -> None:
    board = build_dashboard(demo)
    reference = _reference_rows(demo)
    assert [row.subject for row in board.rows] == [row.subject for row in reference]
    for built, expected in zip(board.rows, reference, strict=True):
        sid = built.subject.subject_id
        for cell, wanted in zip(built.cells, expected.cells, strict=True):
            assert cell == wanted, (sid, cell.visit)
        assert built == expected, sid
        assert subject_row(demo, sid) == built, sid  # the subject page's row: the same, from that subject only
    states = {cell.state for row in board.rows for cell in row.cells}
    assert {CellState.SIGNED, CellState.PRINTED, CellState.WET_SIGNED, CellState.MISSED, CellState.OVERDUE,
            CellState.IN_PROGRESS} <= states  # the comparison covered the marks and every kind of cell
    assert {row.context[SUBJECT_SEX] for row in board.rows} == {"F", "M"}
    totals = {(row.context[SUBJECT_SEX], cell.forms_total) for row in board.rows for cell in row.cells
              if cell.visit == "screening"}
    assert ("M", 6) in totals and ("F", 7) in totals  # men have no pregnancy test to do


def _statements(session: Session, build: object) -> list[str]:
    """The SELECT statements ``build()`` runs, with their parameters filled in."""
    seen: list[str] = []
    conn = session.site.db.conn
    conn.set_trace_callback(seen.append)
    try:
        assert callable(build)
        build()
    finally:
        conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def test_the_dashboard_reads_records_through_covering_indexes_in_a_fixed_number_of_queries(
        site_with_users: SiteFixture) -> None:
    session = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    try:
        first = register_subject(session, initials="AB", birth_year=1990, sex="F").subject_id
        one = _statements(session, lambda: build_dashboard(session))
        for initials in ("CD", "EF", "GH"):
            register_subject(session, initials=initials, birth_year=1985, sex="M")
        assert len(_statements(session, lambda: build_dashboard(session))) == len(one)  # not per subject
        db = session.site.db
        plans = {sql: [str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in one}
        for sql, plan in plans.items():
            assert not any(step.startswith("SCAN records") and "COVERING INDEX" not in step for step in plan), (
                sql, plan)  # never every page of the records table, form data and all
            if not sql.startswith("SELECT *"):  # only the serious adverse events are read whole, by form
                assert all("COVERING INDEX" in step for step in plan if " records " in f"{step} "), (sql, plan)
        covering = [step for plan in plans.values() for step in plan if "COVERING INDEX" in step]
        assert any("records_states" in step for step in covering)  # the status grid
        assert any("records_by_form" in step for step in covering)  # visit dates and the subjects' context
        row = subject_row(session, first)
        assert row is not None and row.subject.subject_id == first
    finally:
        session.close()


def test_the_index_expressions_name_the_fields_the_dashboard_reads() -> None:
    from crf_desktop.forms.library import demographics, visit_info
    from crf_desktop.store import schema_dashboard

    assert f"'$.{visit_info.DONE_FIELD}'" in schema_dashboard.VISIT_DONE_EXPR
    assert f"'$.{visit_info.DATE_FIELD}'" in schema_dashboard.VISIT_DATE_EXPR
    assert {f.id for f in demographics.FORM.fields} >= {"sex", "childbearing"}  # what SEX/CHILDBEARING_EXPR read
    assert dashboard._VISIT_DATES_SQL.count("json_extract") == 2  # noqa: SLF001 - the query the index serves


def test_status_grid_of_one_subject_is_that_subject_s_part_of_the_site_grid(demo: Session) -> None:
    db = demo.site.db
    grid = records.status_grid(db)
    sid = subjects.all_subjects(db)[3].subject_id
    mine = records.status_grid(db, sid)
    assert mine and mine == {key: value for key, value in grid.items() if key[0] == sid}
    for (subject_id, visit), statuses in grid.items():
        assert dict(statuses) == {r.form: r.status for r in records.for_subject(db, subject_id)
                                  if r.visit == visit and r.repeat_no == 0}


def test_one_subject_s_marks_are_that_subject_s_part_of_the_site_s(demo: Session) -> None:
    db = demo.site.db
    marks = signature_states.visit_marks(db)
    assert set(marks.values()) >= {signature_states.SIGNED, signature_states.PRINTED, signature_states.WET_SIGNED}
    for subject in subjects.all_subjects(db):
        sid = subject.subject_id
        assert signature_states.visit_marks(db, sid) == {key: mark for key, mark in marks.items() if key[0] == sid}
