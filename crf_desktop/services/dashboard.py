"""The site dashboard: subjects × visits with a status per visit, next due dates, overdue visits, counts.

Built from a fixed number of set-based queries whatever the number of subjects (the budget is 150 ms for
1,000 × 8, issue 10): subjects, the status grid, visit dates, the subjects' context, open queries, SAE reports due,
and the marks below; those on form records read covering indexes (``store.schema_dashboard``), not the records'
data. Visit windows are the study configuration's (``services.study_config``); a visit counts only the forms it
expects of the subject (a man has no pregnancy test to do: ``services.subject_context``). Signatures, prints and
locks are marked on the cells they concern (``services.signature_states``: five more queries). What cells derive
is worked out once per distinct value (the forms a context expects, a baseline date's windows, a visit's record
statuses against the forms expected), not once per cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from crf_desktop.core.roles import Permission
from crf_desktop.forms.library import visit_info
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.model import Text, Value
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.schedule import StudyConfig, Visit, VisitKind, window_dates
from crf_desktop.services import signature_states
from crf_desktop.services.adverse_events import SeriousEvent, sae_reports_due
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import current_configuration
from crf_desktop.services.subject_context import form_contexts
from crf_desktop.store import queries, records, subjects
from crf_desktop.store.schema_dashboard import VISIT_DATE_EXPR, VISIT_DONE_EXPR
from crf_desktop.store.subjects import Subject, SubjectStatus

BASELINE = "baseline"


class CellState(StrEnum):
    """What a visit cell shows; every state has a shape as well as a colour in the UI."""

    NOT_DUE = "not due"
    DUE = "due"
    OVERDUE = "overdue"
    MISSED = "missed"
    IN_PROGRESS = "in progress"
    COMPLETE = "complete"
    VERIFIED = "verified"
    SIGNED = "signed"
    LOCKED = "locked"
    NEEDS_RESIGN = signature_states.RESIGN  # a signature was invalidated by a change: sign again
    PRINTED = signature_states.PRINTED
    WET_SIGNED = signature_states.WET_SIGNED

    @property
    def label(self) -> Text:
        """The visit states of their own; a state that mirrors a record status reads as that status."""
        own = _LABELS.get(self)
        return own if own is not None else next(status.label for status, state in _BY_STATUS.items()
                                                if state is self)


_LABELS = {
    CellState.NOT_DUE: Text(en="Not due yet", zh="未到期"),
    CellState.DUE: Text(en="Due now", zh="当前应访视"),
    CellState.OVERDUE: Text(en="Overdue", zh="已逾期"),
    CellState.MISSED: Text(en="Did not take place", zh="未进行"),
    CellState.NEEDS_RESIGN: Text(en="Signature invalid: re-sign", zh="签名失效：请重新签名"),
    CellState.PRINTED: Text(en="Printed", zh="已打印"),
    CellState.WET_SIGNED: Text(en="Signed on paper", zh="已纸质签名"),
}
#: Which cells a signature, paper or lock mark (``services.signature_states``) replaces.
_MARKABLE = {CellState.COMPLETE, CellState.VERIFIED}
_URGENT_MARKABLE = _MARKABLE | {CellState.IN_PROGRESS, CellState.MISSED}

_BY_STATUS = {
    RecordStatus.IN_PROGRESS: CellState.IN_PROGRESS,
    RecordStatus.COMPLETE: CellState.COMPLETE,
    RecordStatus.VERIFIED: CellState.VERIFIED,
    RecordStatus.SIGNED: CellState.SIGNED,
    RecordStatus.LOCKED: CellState.LOCKED,
}
_ORDER = [RecordStatus.IN_PROGRESS, RecordStatus.COMPLETE, RecordStatus.VERIFIED, RecordStatus.SIGNED,
          RecordStatus.LOCKED]
_FINAL = {SubjectStatus.SCREEN_FAILURE, SubjectStatus.WITHDRAWN, SubjectStatus.COMPLETED}


@dataclass(frozen=True, kw_only=True)
class VisitCell:
    visit: str
    state: CellState
    forms_done: int
    forms_total: int
    visit_date: date | None = None
    window: tuple[date, date] | None = None
    deviation_days: int = 0


@dataclass(frozen=True, kw_only=True)
class SubjectRow:
    subject: Subject
    cells: tuple[VisitCell, ...]
    baseline_date: date | None
    next_due: tuple[str, date] | None
    open_queries: int = 0
    #: What the schedule's form conditions read (sex, childbearing potential): ``Visit.forms_for(context)``.
    context: Mapping[str, Value | None] = field(default_factory=dict)

    @property
    def overdue(self) -> bool:
        return any(cell.state is CellState.OVERDUE for cell in self.cells)

    @property
    def incomplete(self) -> bool:
        return any(cell.state is CellState.IN_PROGRESS for cell in self.cells)


@dataclass(frozen=True, kw_only=True)
class DashboardCounts:
    subjects: int
    by_status: dict[SubjectStatus, int]
    overdue_visits: int
    visits_in_progress: int
    sae_reports_due: int = 0  # serious AEs whose report is not sent yet (24-hour clock running or past)
    sae_reports_overdue: int = 0


@dataclass(frozen=True, kw_only=True)
class Dashboard:
    visits: tuple[Visit, ...]
    rows: tuple[SubjectRow, ...]
    today: date
    #: The site's SAE reports not sent yet, most urgent first (``adverse_events.sae_reports_due``).
    sae_due: tuple[SeriousEvent, ...] = ()

    def counts(self) -> DashboardCounts:
        by_status = {status: 0 for status in SubjectStatus}
        for row in self.rows:
            by_status[row.subject.status] += 1
        return DashboardCounts(
            subjects=len(self.rows), by_status=by_status,
            overdue_visits=sum(c.state is CellState.OVERDUE for r in self.rows for c in r.cells),
            visits_in_progress=sum(c.state is CellState.IN_PROGRESS for r in self.rows for c in r.cells),
            sae_reports_due=len(self.sae_due),
            sae_reports_overdue=sum(1 for e in self.sae_due if e.clock is not None and e.clock.overdue),
        )


def scheduled_visits() -> tuple[Visit, ...]:
    """The visits a dashboard shows as columns: screening, baseline and the timed follow-up visits."""
    return tuple(v for v in REGISTRY.schedule.visits
                 if v.kind in (VisitKind.SCREENING, VisitKind.BASELINE, VisitKind.SCHEDULED))


# The visit information's "visit done" and date as the index records_by_form holds them (migration 9): the
# query reads that index only, not the records' data (tests/services/test_dashboard_queries.py checks the plan).
_VISIT_DATES_SQL = (f"SELECT subject_id, visit, {VISIT_DONE_EXPR}, {VISIT_DATE_EXPR}"  # noqa: S608 - constants
                    " FROM records INDEXED BY records_by_form WHERE form = ? AND repeat_no = 0")


def _visit_dates(session: Session, only: str | None = None) -> dict[tuple[str, str], tuple[str, date | None]]:
    """(subject, visit) → (visit done "Y"/"N"/"", visit date) of every visit information record (of every subject
    or ``only`` that one), one query."""
    found: dict[tuple[str, str], tuple[str, date | None]] = {}
    sql, params = _VISIT_DATES_SQL, [visit_info.FORM_ID]
    if only is not None:
        sql, params = sql + " AND subject_id = ?", [*params, only]
    for subject_id, visit, done, day_text in session.site.db.execute(sql, params):
        try:
            day = date.fromisoformat(day_text) if day_text else None  # stored dates are canonical ISO
        except ValueError:
            day = None
        found[(subject_id, visit)] = (done or "", day)
    return found


def _outside(day: date, edges: tuple[date, date]) -> int:
    """Signed days outside the window (0 inside), as forms.schedule.deviation_days, from known edges."""
    if day < edges[0]:
        return (day - edges[0]).days
    if day > edges[1]:
        return (day - edges[1]).days
    return 0


#: Per visit column, the forms the visit expects of a subject and how many.
_Expected = tuple[tuple[frozenset[str], int], ...]


def _expected_forms(visits: tuple[Visit, ...], context: Mapping[str, Value | None],
                    known: dict[tuple[tuple[str, Value | None], ...], _Expected]) -> _Expected:
    """What each visit expects of a subject with ``context``: the schedule's form conditions are evaluated once
    per distinct context (sex, childbearing potential) and kept in ``known``, not once per cell."""
    key = tuple(sorted(context.items()))
    found = known.get(key)
    if found is None:
        found = known[key] = tuple((frozenset(forms), len(forms)) for forms in
                                   (visit.forms_for(context) for visit in visits))
    return found


#: What a visit's records give, whatever its dates: its state (None: no expected form entered yet) and the
#: number of expected forms finished.
_Progress = tuple[CellState | None, int]


def _progress(statuses: records.FormStatuses, forms: frozenset[str], total: int) -> _Progress:
    """The state and forms finished from the records of the ``total`` forms ``forms`` the visit expects."""
    found = [status for form_id, status in statuses if form_id in forms]
    if not found:
        return None, 0
    finished = sum(1 for status in found if status is not RecordStatus.IN_PROGRESS)
    if len(found) < total or finished < len(found):
        return CellState.IN_PROGRESS, finished
    return _BY_STATUS[min(found, key=_ORDER.index)], finished


def _cell(visit: Visit, progress: _Progress, done: str, day: date | None, *, edges: tuple[date, date] | None,
          today: date, active: bool, total: int) -> VisitCell:
    """``progress``: what the visit's records give (``_progress``); ``edges``: its window, if it has one."""
    state, finished = progress
    if done == "N":
        return VisitCell(visit=visit.code, state=CellState.MISSED, forms_done=finished, forms_total=total,
                         window=edges)
    if state is not None:
        deviation = _outside(day, edges) if day and edges else 0
        return VisitCell(visit=visit.code, state=state, forms_done=finished, forms_total=total, visit_date=day,
                         window=edges, deviation_days=deviation)
    if not active or edges is None:
        return VisitCell(visit=visit.code, state=CellState.NOT_DUE, forms_done=0, forms_total=total, window=edges)
    state = CellState.OVERDUE if today > edges[1] else CellState.DUE if today >= edges[0] else CellState.NOT_DUE
    return VisitCell(visit=visit.code, state=state, forms_done=0, forms_total=total, window=edges)


def _windows(visits: tuple[Visit, ...], baseline: date | None, config: StudyConfig,
             known: dict[date, tuple[tuple[date, date] | None, ...]]) -> tuple[tuple[date, date] | None, ...]:
    """Each visit's window from the baseline date (none for screening and baseline, or without a baseline date),
    worked out once per distinct baseline date and kept in ``known``."""
    if baseline is None:
        return (None,) * len(visits)
    found = known.get(baseline)
    if found is None:
        found = known[baseline] = tuple(window_dates(baseline, visit, config) if visit.target_day else None
                                        for visit in visits)
    return found


def _marked(cell: VisitCell, mark: str | None) -> VisitCell:
    """The cell with its signature, paper or lock state where it has one."""
    if mark is None:
        return cell
    state = CellState(mark)
    urgent = state in (CellState.LOCKED, CellState.NEEDS_RESIGN)
    if cell.state in (_URGENT_MARKABLE if urgent else _MARKABLE):
        return replace(cell, state=state)
    return cell


def _mark_first_untimed_due(cells: list[VisitCell]) -> None:
    """Screening (and baseline until its date is known) have no window: the first one not started is due."""
    for index, cell in enumerate(cells):
        if cell.state is CellState.NOT_DUE and cell.window is None:
            if all(prev.state not in (CellState.NOT_DUE, CellState.DUE, CellState.OVERDUE) for prev in cells[:index]):
                cells[index] = replace(cell, state=CellState.DUE)
            return


def subject_row(session: Session, subject_id: str, config: StudyConfig | None = None) -> SubjectRow | None:
    """One subject's row (for the subject page), without building the others."""
    return next(iter(build_dashboard(session, config, only=subject_id).rows), None)


def build_dashboard(session: Session, config: StudyConfig | None = None, *, only: str | None = None) -> Dashboard:
    """``config``: the visit windows (default: the site's study configuration in force)."""
    session.require(Permission.VIEW_DATA)
    db = session.site.db
    if config is None:
        config = current_configuration(session).schedule
    contexts = form_contexts(db, only)
    today = session.today()
    visits = scheduled_visits()
    grid = records.status_grid(db, only)
    dates = _visit_dates(session, only)
    open_queries = queries.open_counts(db)
    marks = signature_states.visit_marks(db, only)
    # Derived once per distinct value, not once per cell: what a context expects, a baseline's windows, what a
    # visit's records give against the forms expected.
    known_expected: dict[tuple[tuple[str, Value | None], ...], _Expected] = {}
    known_windows: dict[date, tuple[tuple[date, date] | None, ...]] = {}
    known_progress: dict[tuple[records.FormStatuses, frozenset[str]], _Progress] = {}
    known_cells: dict[tuple[object, ...], VisitCell] = {}  # cells are immutable: equal ones are shared
    no_records: records.FormStatuses = ()
    rows = []
    chosen = subjects.all_subjects(db) if only is None else [s for s in [subjects.get(db, only)] if s is not None]
    for subject in chosen:
        sid = subject.subject_id
        baseline = dates.get((sid, BASELINE), ("", None))[1]
        active = subject.status not in _FINAL
        expected = _expected_forms(visits, contexts.get(sid, {}), known_expected)
        windows = _windows(visits, baseline, config, known_windows)
        cells = []
        for visit, (forms, total), edges in zip(visits, expected, windows, strict=True):
            statuses = grid.get((sid, visit.code), no_records)
            progress = known_progress.get((statuses, forms))
            if progress is None:
                progress = known_progress[(statuses, forms)] = _progress(statuses, forms, total)
            done, day = dates.get((sid, visit.code), ("", None))
            key = (visit.code, progress, done, day, edges, active, total)
            cell = known_cells.get(key)
            if cell is None:
                cell = known_cells[key] = _cell(visit, progress, done, day, edges=edges, today=today, active=active,
                                                total=total)
            mark = marks.get((sid, visit.code))
            cells.append(cell if mark is None else _marked(cell, mark))
        if active:
            _mark_first_untimed_due(cells)
        next_due = next(((c.visit, c.window[0]) for c in cells
                         if c.state in (CellState.NOT_DUE, CellState.DUE, CellState.OVERDUE) and c.window
                         and active), None)
        rows.append(SubjectRow(subject=subject, cells=tuple(cells), baseline_date=baseline, next_due=next_due,
                               open_queries=open_queries.get(subject.subject_id, 0),
                               context=contexts.get(subject.subject_id, {})))
    sae_due = tuple(sae_reports_due(session)) if only is None else ()
    return Dashboard(visits=visits, rows=tuple(rows), today=today, sae_due=sae_due)
