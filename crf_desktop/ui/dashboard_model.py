"""The dashboard grid as a table model: one row per subject, read straight from a :class:`Dashboard`.

No widget per cell: 1,000 subjects × 8 visits are 8,000 look-ups in ``data()``, made only for visible cells.
Columns: subject, initials, status, next visit due, open queries, then one column per scheduled visit.
"""

from __future__ import annotations

from typing import Any

from crf_desktop.forms.dates import display_date
from crf_desktop.services.dashboard import CellState, Dashboard, SubjectRow, VisitCell
from crf_desktop.services.subjects import SubjectStatus
from crf_desktop.ui import language, visit_states
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

SUBJECT, INITIALS, STATUS, NEXT_DUE, QUERIES = range(5)
FIXED_COLUMNS = 5
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the SubjectRow of the row (filters read it)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a key that sorts sensibly (dates, counts, states)
VISIT_ROLE = Qt.ItemDataRole.UserRole + 3  # the visit code of a visit column, else ""

_STATE_ORDER = {state: n for n, state in enumerate(visit_states.LEGEND_ORDER)}



def subject_status_text(status: SubjectStatus) -> str:
    """A subject's status in the current language (the store's bilingual label)."""
    return status.label.get(language.current())


def fixed_headers() -> list[str]:
    return [translate("Dashboard", "Subject"), translate("Dashboard", "Initials"), translate("Dashboard", "Status"),
            translate("Dashboard", "Next visit due"), translate("Dashboard", "Open queries")]


def cell_text(cell: VisitCell) -> str:
    """The glyph, plus the count of forms done while a visit is in progress (``◐ 1/3``)."""
    shown = visit_states.glyph(cell.state)
    if cell.state is CellState.IN_PROGRESS:
        return f"{shown} {cell.forms_done}/{cell.forms_total}"
    return shown


def cell_tooltip(cell: VisitCell, visit_label: str) -> str:
    lines = [f"{visit_label}: {visit_states.label(cell.state)}",
             fill(translate("Dashboard", "Forms done: %1 of %2"), cell.forms_done, cell.forms_total)]
    if cell.visit_date is not None:
        lines.append(fill(translate("Dashboard", "Visit date: %1"), display_date(cell.visit_date)))
    if cell.window is not None:
        lines.append(fill(translate("Dashboard", "Window: %1 to %2"), display_date(cell.window[0]),
                          display_date(cell.window[1])))
    if cell.deviation_days:
        lines.append(fill(translate("Dashboard", "Outside the window by %1 day(s): protocol deviation"),
                          abs(cell.deviation_days)))
    return "\n".join(lines)


class DashboardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dashboard: Dashboard | None = None
        self._rows: tuple[SubjectRow, ...] = ()
        self._visit_codes: tuple[str, ...] = ()

    def set_dashboard(self, dashboard: Dashboard) -> None:
        self.beginResetModel()
        self.dashboard = dashboard
        self._rows = dashboard.rows
        self._visit_codes = tuple(v.code for v in dashboard.visits)
        self.endResetModel()

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- reading ----------------------------------------------------------------------------------------
    def row(self, row: int) -> SubjectRow:
        return self._rows[row]

    def row_of(self, subject_id: str) -> int:
        for n, found in enumerate(self._rows):
            if found.subject.subject_id == subject_id:
                return n
        return -1

    def visit_code(self, column: int) -> str:
        return self._visit_codes[column - FIXED_COLUMNS] if column >= FIXED_COLUMNS else ""

    def visit_column(self, visit: str) -> int:
        return FIXED_COLUMNS + self._visit_codes.index(visit)

    def cell(self, row: int, column: int) -> VisitCell | None:
        if column < FIXED_COLUMNS:
            return None
        return self._rows[row].cells[column - FIXED_COLUMNS]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._visit_codes)

    def text(self, row: int, column: int) -> str:
        found = self._rows[row]
        if column == SUBJECT:
            return found.subject.subject_id
        if column == INITIALS:
            return found.subject.initials
        if column == STATUS:
            return subject_status_text(found.subject.status)
        if column == NEXT_DUE:
            if found.next_due is None:
                return ""
            return display_date(found.next_due[1])
        if column == QUERIES:
            return str(found.open_queries) if found.open_queries else ""
        cell = self.cell(row, column)
        return cell_text(cell) if cell is not None else ""

    def _visit_label(self, code: str) -> str:
        assert self.dashboard is not None  # noqa: S101 - there are columns only with a dashboard
        visit = next(v for v in self.dashboard.visits if v.code == code)
        return visit.label.get(language.current())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = index.row(), index.column()
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == ROW_ROLE:
            return self._rows[row]
        if role == VISIT_ROLE:
            return self.visit_code(column)
        if role == SORT_ROLE:
            return self._sort_key(row, column, cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole and cell is not None:
            return f"{self._visit_label(cell.visit)}: {visit_states.label(cell.state)}"
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            return visit_states.background(cell.state)
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None:
            return visit_states.foreground(cell.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and (cell is not None or column == QUERIES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _sort_key(self, row: int, column: int, cell: VisitCell | None) -> Any:
        found = self._rows[row]
        if cell is not None:
            return _STATE_ORDER[cell.state]
        if column == SUBJECT:
            return found.subject.number
        if column == NEXT_DUE:
            return found.next_due[1].isoformat() if found.next_due else "9999"
        if column == QUERIES:
            return -found.open_queries
        return self.text(row, column)

    def _tooltip(self, row: int, column: int, cell: VisitCell | None) -> str | None:
        found = self._rows[row]
        if cell is not None:
            return cell_tooltip(cell, self._visit_label(cell.visit))
        if column == NEXT_DUE and found.next_due is not None:
            return f"{self._visit_label(found.next_due[0])}: {display_date(found.next_due[1])}"
        if column == STATUS and found.subject.status_reason:
            return found.subject.status_reason
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < self.columnCount()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIXED_COLUMNS:
                return fixed_headers()[section]
            return self._visit_label(self.visit_code(section))
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED_COLUMNS:
            return translate("Dashboard", "Double-click a cell (or press Enter) to open the subject at this visit")
        return None
