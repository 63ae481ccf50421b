"""The site dashboard: subjects × visits with a status per visit, next due dates, overdue visits, counts.

Built from three queries whatever the number of subjects (the budget is 150 ms for 1,000 × 8).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from crf_desktop.core.roles import Permission
from crf_desktop.forms.library import visit_info
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.model import Text
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.schedule import DEFAULT_CONFIG, StudyConfig, Visit, VisitKind, window_dates
from crf_desktop.services.session import Session
from crf_desktop.store import queries, records, subjects
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
}

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


@dataclass(frozen=True, kw_only=True)
class Dashboard:
    visits: tuple[Visit, ...]
    rows: tuple[SubjectRow, ...]
    today: date

    def counts(self) -> DashboardCounts:
        by_status = {status: 0 for status in SubjectStatus}
        for row in self.rows:
            by_status[row.subject.status] += 1
        return DashboardCounts(
            subjects=len(self.rows), by_status=by_status,
            overdue_visits=sum(c.state is CellState.OVERDUE for r in self.rows for c in r.cells),
            visits_in_progress=sum(c.state is CellState.IN_PROGRESS for r in self.rows for c in r.cells),
        )


def scheduled_visits() -> tuple[Visit, ...]:
    """The visits a dashboard shows as columns: screening, baseline and the timed follow-up visits."""
    return tuple(v for v in REGISTRY.schedule.visits
                 if v.kind in (VisitKind.SCREENING, VisitKind.BASELINE, VisitKind.SCHEDULED))


def _visit_dates(session: Session) -> dict[tuple[str, str], tuple[str, date | None]]:
    found: dict[tuple[str, str], tuple[str, date | None]] = {}
    for subject_id, visit, done, day_text in session.site.db.execute(
        "SELECT subject_id, visit, json_extract(data, ?), json_extract(data, ?) FROM records"
        " WHERE form = ? AND repeat_no = 0",
        [f"$.{visit_info.DONE_FIELD}", f"$.{visit_info.DATE_FIELD}", visit_info.FORM_ID],
    ):
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


def _cell(visit: Visit, statuses: dict[str, RecordStatus], done: str, day: date | None, *, baseline: date | None,
          today: date, active: bool, config: StudyConfig) -> VisitCell:
    total = len(visit.forms)
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


def _mark_first_untimed_due(cells: list[VisitCell]) -> None:
    """Screening (and baseline until its date is known) have no window: the first one not started is due."""
    for index, cell in enumerate(cells):
        if cell.state is CellState.NOT_DUE and cell.window is None:
            if all(prev.state not in (CellState.NOT_DUE, CellState.DUE, CellState.OVERDUE) for prev in cells[:index]):
                cells[index] = replace(cell, state=CellState.DUE)
            return


def subject_row(session: Session, subject_id: str, config: StudyConfig = DEFAULT_CONFIG) -> SubjectRow | None:
    """One subject's row (for the subject page), without building the others."""
    return next(iter(build_dashboard(session, config, only=subject_id).rows), None)


def build_dashboard(session: Session, config: StudyConfig = DEFAULT_CONFIG, *, only: str | None = None) -> Dashboard:
    session.require(Permission.VIEW_DATA)
    db = session.site.db
    today = session.today()
    visits = scheduled_visits()
    grid = records.status_grid(db)
    dates = _visit_dates(session)
    open_queries = queries.open_counts(db)
    rows = []
    chosen = subjects.all_subjects(db) if only is None else [s for s in [subjects.get(db, only)] if s is not None]
    for subject in chosen:
        baseline = dates.get((subject.subject_id, BASELINE), ("", None))[1]
        active = subject.status not in _FINAL
        cells = [
            _cell(visit, grid.get((subject.subject_id, visit.code), {}),
                  *dates.get((subject.subject_id, visit.code), ("", None)),
                  baseline=baseline, today=today, active=active, config=config)
            for visit in visits
        ]
        if active:
            _mark_first_untimed_due(cells)
        next_due = next(((c.visit, c.window[0]) for c in cells
                         if c.state in (CellState.NOT_DUE, CellState.DUE, CellState.OVERDUE) and c.window
                         and active), None)
        rows.append(SubjectRow(subject=subject, cells=tuple(cells), baseline_date=baseline, next_due=next_due,
                               open_queries=open_queries.get(subject.subject_id, 0)))
    return Dashboard(visits=visits, rows=tuple(rows), today=today)
