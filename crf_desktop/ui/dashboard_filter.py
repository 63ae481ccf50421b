"""Search and filters over the dashboard grid: subject id or initials, overdue, open queries, incomplete."""

from __future__ import annotations

from collections.abc import Callable

from crf_desktop.services.dashboard import SubjectRow
from crf_desktop.ui.dashboard_model import ROW_ROLE, SORT_ROLE
from crf_desktop.ui.qt import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

Index = QModelIndex | QPersistentModelIndex


class DashboardFilter(QSortFilterProxyModel):
    """Rows matching the search text (in the subject id or the initials) and every filter ticked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.overdue_only = False
        self.queries_only = False
        self.incomplete_only = False
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change: Callable[[], None]) -> None:
        """Qt 6.10 replaced ``invalidateFilter`` by begin/endFilterChange around the change."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        def change() -> None:
            self.search = text.strip().casefold()

        self._refilter(change)

    def set_filters(self, *, overdue: bool | None = None, queries: bool | None = None,
                    incomplete: bool | None = None) -> None:
        def change() -> None:
            if overdue is not None:
                self.overdue_only = overdue
            if queries is not None:
                self.queries_only = queries
            if incomplete is not None:
                self.incomplete_only = incomplete

        self._refilter(change)

    def accepts(self, row: SubjectRow) -> bool:
        subject = row.subject
        if self.search and self.search not in subject.subject_id.casefold() \
                and self.search not in subject.initials.casefold():
            return False
        if self.overdue_only and not row.overdue:
            return False
        if self.queries_only and not row.open_queries:
            return False
        return not (self.incomplete_only and not row.incomplete)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        row = source.data(source.index(source_row, 0, source_parent), ROW_ROLE)
        return isinstance(row, SubjectRow) and self.accepts(row)
