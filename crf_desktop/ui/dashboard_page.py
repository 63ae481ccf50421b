"""The main page after login: subjects × visits, counts, search, filters, legend and "New subject…"."""

from __future__ import annotations

import html

from crf_desktop.core.roles import Permission
from crf_desktop.services.dashboard import Dashboard, build_dashboard
from crf_desktop.services.session import Session
from crf_desktop.ui import language, visit_states
from crf_desktop.ui.dashboard_filter import DashboardFilter
from crf_desktop.ui.dashboard_model import FIXED_COLUMNS, NEXT_DUE, QUERIES, STATUS, DashboardModel
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.new_subject_dialog import NewSubjectDialog
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

VISIT_COLUMN_WIDTH = 96


class DashboardPage(QWidget):
    """Emits :attr:`subject_requested` (subject id, visit code or "") on double-click or Enter."""

    subject_requested = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dashboard: Dashboard | None = None
        self.dialog: NewSubjectDialog | None = None
        self.heading = heading("")
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName("counts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_text = ""
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.installEventFilter(self)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)
        self.overdue_box = QCheckBox()
        self.queries_box = QCheckBox()
        self.incomplete_box = QCheckBox()
        self.overdue_box.toggled.connect(lambda on: self.proxy.set_filters(overdue=on))
        self.queries_box.toggled.connect(lambda on: self.proxy.set_filters(queries=on))
        self.incomplete_box.toggled.connect(lambda on: self.proxy.set_filters(incomplete=on))
        for box in (self.overdue_box, self.queries_box, self.incomplete_box):
            box.toggled.connect(self._update_shown)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.open_new_subject)
        self.new_button.setVisible(session.can(Permission.ENTER_DATA))
        self.refresh_button = QPushButton()
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.message = InlineMessage()
        self.shown_label = QLabel()

        self.model = DashboardModel(self)
        self.proxy = DashboardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("subjects and visits")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.activated.connect(self._activated)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("legend")

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search_edit)
        filters.addSpacing(16)
        filters.addWidget(self.overdue_box)
        filters.addWidget(self.queries_box)
        filters.addWidget(self.incomplete_box)
        filters.addStretch(1)
        filters.addWidget(self.shown_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.retranslate()
        self.refresh()

    # -- words ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(fill(self.tr("Subjects at site %1"), self.session.site_id))
        self.search_label.setText(self.tr("&Search:"))  # not Alt+F: that is the File menu
        self.search_edit.setPlaceholderText(self.tr("Subject number or initials"))
        self.overdue_box.setText(self.tr("&Overdue visits"))
        self.queries_box.setText(self.tr("Open &queries"))
        self.incomplete_box.setText(self.tr("&Incomplete forms"))
        self.new_button.setText(self.tr("&New subject…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload the dashboard (F5)"))
        self.legend.setText(self.tr("Legend:") + "   " + "    ".join(
            f"{visit_states.glyph(state)} {visit_states.label(state)}" for state in visit_states.LEGEND_ORDER)
            + "    " + self.tr("(double-click a row or press Enter to open the subject)"))
        self.model.retranslate()
        self._show_counts()
        self._update_shown()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_counts(self) -> None:
        if self.dashboard is None:
            self.counts_text = ""
            self.counts_label.setText("")
            return
        counts = self.dashboard.counts()
        lang = language.current()

        def plural(number: int, one: str, many: str) -> str:
            return fill(one if number == 1 else many, str(number))

        parts = [plural(counts.subjects, self.tr("%1 subject"), self.tr("%1 subjects"))]
        parts += [f"{number} {status.label.get(lang).lower()}" for status, number in counts.by_status.items()
                  if number]
        overdue = counts.overdue_visits
        in_progress = counts.visits_in_progress
        overdue_text = plural(overdue, self.tr("%1 overdue visit"), self.tr("%1 overdue visits"))
        in_progress_text = plural(in_progress, self.tr("%1 visit with forms in progress"),
                                  self.tr("%1 visits with forms in progress"))
        self.counts_text = "  ·  ".join([*parts, overdue_text, in_progress_text])  # plain, for tests and reading
        shown = [html.escape(p) for p in parts]
        # only the overdue part is red, and only when something is overdue
        shown.append(f'<span style="font-weight: bold; color: #9c2500;">{html.escape(overdue_text)}</span>'
                     if overdue else html.escape(overdue_text))
        shown.append(html.escape(in_progress_text))
        if counts.sae_reports_due:  # issue 6: SAE reports due within 24 hours of awareness
            sae_text = plural(counts.sae_reports_due, self.tr("%1 SAE report due"), self.tr("%1 SAE reports due"))
            if counts.sae_reports_overdue:
                sae_text += fill(self.tr(" (%1 overdue)"), counts.sae_reports_overdue)
            self.counts_text += f"  ·  {sae_text}"
            colour = "#a40000" if counts.sae_reports_overdue else "#7a4d00"
            shown.append(f'<span style="font-weight: bold; color: {colour};">{html.escape(sae_text)}</span>')
        self.counts_label.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(shown))
        self.counts_label.setAccessibleDescription(self.counts_text)

    def _update_shown(self) -> None:
        self.shown_label.setText(fill(self.tr("Showing %1 of %2"), self.proxy.rowCount(), self.model.rowCount()))

    # -- data -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        outcome = run_service(self, lambda: build_dashboard(self.session), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return
        self.dashboard = outcome.value
        current = self.proxy.mapToSource(self.table.currentIndex())
        kept = (self.model.row(current.row()).subject.subject_id, self.model.visit_code(current.column())) \
            if current.isValid() else None
        self.model.set_dashboard(outcome.value)
        if kept is not None:  # the row (and visit) selected before, e.g. when a form closes, stays selected
            self.select(*kept)
        self._fit_columns()
        self._show_counts()
        self._update_shown()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = metrics.horizontalAdvance(title) + 28
            if column >= FIXED_COLUMNS:
                width = max(width, VISIT_COLUMN_WIDTH)
            elif column == STATUS:
                width = max(width, metrics.horizontalAdvance(self.tr("Screen failure")) + 28)
            elif column == NEXT_DUE:
                width = max(width, metrics.horizontalAdvance("00-Mmm-0000") + 28)
            elif column != QUERIES:
                width = max(width, metrics.horizontalAdvance("01-000") + 28)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_shown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and self.first_match():
            return True
        return super().eventFilter(watched, event)

    def first_match(self) -> bool:
        """Move the focus from the search box to the first row shown; false when nothing matches."""
        if self.proxy.rowCount() == 0:
            return False
        current = self.table.currentIndex()
        column = current.column() if current.isValid() else 0
        self.table.setCurrentIndex(self.proxy.index(0, column))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _search_entered(self) -> None:
        """Enter in the search box: open the only match, or go to the first of several."""
        if self.proxy.rowCount() == 1 and self.search_edit.text().strip():
            self.first_match()
            self._activated(self.proxy.index(0, 0))
        else:
            self.first_match()

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return
        row = self.model.row(source.row())
        self.subject_requested.emit(row.subject.subject_id, self.model.visit_code(source.column()))

    def open_subject_at(self, subject_id: str, visit: str = "") -> None:
        """What double-click and Enter do (for tests and the menu)."""
        self.subject_requested.emit(subject_id, visit)

    def select(self, subject_id: str, visit: str = "") -> QModelIndex:
        """Select the subject's row (at ``visit``'s column) in the view; the proxy index, invalid if hidden."""
        row = self.model.row_of(subject_id)
        if row < 0:
            return QModelIndex()
        column = self.model.visit_column(visit) if visit else 0
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.table.setCurrentIndex(index)
        return index

    def open_new_subject(self) -> NewSubjectDialog:
        dialog = NewSubjectDialog(self.session, self)

        def registered() -> None:
            self.refresh()
            if dialog.subject is not None:
                self.select(dialog.subject.subject_id)

        return open_kept(self, dialog, registered)
