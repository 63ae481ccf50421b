"""Column widths for the read-only tables: fitted to their content, with air, never absurdly wide."""

from __future__ import annotations

from crf_desktop.ui.qt import QHeaderView, QTableView

PADDING = 24
MAX_WIDTH = 420


def fit_columns(table: QTableView, *, stretch: int | None = None) -> None:
    """Fit every column to its content plus padding; ``stretch`` (a column) takes the remaining width."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, min(table.columnWidth(column) + PADDING, MAX_WIDTH))
