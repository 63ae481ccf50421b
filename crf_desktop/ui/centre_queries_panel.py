"""The centre page's queries: every query of the trial, raised at the centre or at a site, in one table.

Like OpenClinica's Notes & Discrepancies page: one row per query with its origin and raiser, site, subject,
visit, form, entry, field, status (translated; a decision the site has not applied yet is marked as waiting),
age in days, question and latest answer; filtered by site and status. The question and answer columns take the
width left by the short ones, show their full text as a tooltip, and the details box under the table shows the
selected query in full with its last close or re-open (who, when, why). Keyboard: Alt+S and Alt+E pick the
filters, Alt+R raises a query, Alt+L closes the selected one, Alt+O re-opens it, Tab reaches the details. The
centre closes its own query at once; a query raised at a site is closed with a reason the site reads
(:class:`CloseQueryDialog`). The services check every role and state; their messages show inline.
"""

from __future__ import annotations

from crf_desktop.core.clock import local_display, parse_iso
from crf_desktop.services import centre as centre_service
from crf_desktop.services.centre_queries import ANSWERED, CENTRE, CLOSE, CLOSED, OPEN, LastDecision
from crf_desktop.services.session import Session
from crf_desktop.ui.centre_query_dialogs import CloseQueryDialog, RaiseCentreQueryDialog, ReopenQueryDialog
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QEvent,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QResizeEvent,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = 13
ORIGIN_COLUMN, RAISED_BY_COLUMN, SITE_COLUMN, VISIT_COLUMN, FORM_COLUMN, ENTRY_COLUMN = 1, 2, 3, 5, 6, 7
FIELD_COLUMN, STATUS_COLUMN, AGE_COLUMN, QUESTION_COLUMN, ANSWER_COLUMN = 8, 9, 10, 11, 12
#: Hidden when the table is narrower than COMPACT_BELOW pixels, so that the question and the answer stay readable:
#: the query id says the origin (C- centre, S01- site 01), and the field's tooltip and the details box say the
#: visit, form and age.
COMPACT_HIDDEN = (ORIGIN_COLUMN, VISIT_COLUMN, FORM_COLUMN, AGE_COLUMN)
COMPACT_BELOW = 1200
MAX_WIDTH = 150  # the widest a short column gets (a longer text is elided, in full in its tooltip)
DETAIL_LINES = 4  # the details box's height in lines of text


def _local(stamp: str | None) -> str:
    return local_display(parse_iso(stamp)) if stamp else ""


def _one_line(text: str) -> str:
    """A multi-line text (a question with its follow-ups) on one table line."""
    return " / ".join(line for line in text.splitlines() if line.strip())


class QueriesPanel(QGroupBox):
    """The queries box of the centre page; ``changed`` carries the id of a query raised, closed or re-opened."""

    changed = Signal(str)

    def __init__(self, session: Session, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.queries: list[centre_service.CentreQuery] = []
        self.sites: list[str] = []
        self.dialog: QDialog | None = None  # the dialog last opened, for tests
        self.site_label, self.status_label = QLabel(), QLabel()
        self.site_combo, self.status_combo = QComboBox(), QComboBox()
        self.site_label.setBuddy(self.site_combo)
        self.status_label.setBuddy(self.status_combo)
        self.site_combo.addItem("", None)
        for status in (None, OPEN, ANSWERED, CLOSED):
            self.status_combo.addItem("", status)
        self.site_combo.currentIndexChanged.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.table = QTableWidget(0, COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized to contents by size_columns()
        for column in (QUESTION_COLUMN, ANSWER_COLUMN):  # the long texts share what the short columns leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(SITE_COLUMN, True)  # the origin ("Site 01") and the subject id name the site
        self.compact = False  # COMPACT_HIDDEN columns hidden
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move between queries, Tab goes on to the details
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("queries")
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.itemSelectionChanged.connect(self.show_details)
        # three whole rows at least (the details box and the import report give way first: they scroll)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 3 * self.table.verticalHeader().defaultSectionSize() + 2 * self.table.frameWidth()
                                    + 2)
        self.details = QPlainTextEdit()  # the selected query in full, with its last close or re-open
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName("query details")
        spacing, frame = self.details.fontMetrics().lineSpacing(), 2 * self.details.frameWidth() + 8
        self.details.setMinimumHeight(spacing * 2 + frame)  # two lines when the window is small, then it scrolls
        self.details.setMaximumHeight(spacing * DETAIL_LINES + frame)
        self.raise_button, self.close_button, self.reopen_button = QPushButton(), QPushButton(), QPushButton()
        self.raise_button.clicked.connect(self.raise_query)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.message = InlineMessage()  # what an action did, or why it was refused
        self.list_message = InlineMessage()  # a problem reading the queries
        for combo in (self.site_combo, self.status_combo):  # as wide as their longest item, in every language
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # the filters, the count and the actions share one row, so that the table keeps three rows at 1024×700
        # with the import and export messages shown above
        filters = QHBoxLayout()
        for widget in (self.site_label, self.site_combo, self.status_label, self.status_combo):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        for button in (self.raise_button, self.close_button, self.reopen_button):
            filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.list_message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        # Tab as before the actions moved up: the filters, the table, the details, then the actions
        chain = (self.status_combo, self.table, self.details, self.raise_button, self.close_button, self.reopen_button)
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Queries (raised at the centre and at the sites)"))
        self.site_label.setText(self.tr("&Site:"))
        self.status_label.setText(self.tr("Query stat&e:"))
        self.site_combo.setItemText(0, self.tr("All sites"))
        for index, text in enumerate((self.tr("All statuses"), self.tr("Open"), self.tr("Answered"),
                                      self.tr("Closed"))):
            self.status_combo.setItemText(index, text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Query"), self.tr("Origin"), self.tr("Raised by"), self.tr("Site"), self.tr("Subject"),
            self.tr("Visit"), self.tr("Form"), self.tr("Entry"), self.tr("Field"), self.tr("Status"),
            self.tr("Age (days)"), self.tr("Question"), self.tr("Latest answer")])
        self.raise_button.setText(self.tr("&Raise query…"))
        self.reopen_button.setText(self.tr("Re-&open query…"))
        self.details.setPlaceholderText(self.tr("Select a query to see its full text and who closed or re-opened it "
                                                "last, when and why."))
        self._fill()
        self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.size_columns()  # e.g. the fallback font installed after the page was built: headers grow
        super().changeEvent(event)

    def status_text(self, query: centre_service.CentreQuery) -> str:
        """The query's status in the user's language; a decision not yet applied at the site says so."""
        text = {OPEN: self.tr("Open"), ANSWERED: self.tr("Answered"), CLOSED: self.tr("Closed")}.get(
            query.status, query.status)
        return fill(self.tr("%1 (waiting for the site)"), text) if query.waiting else text

    def origin_text(self, query: centre_service.CentreQuery) -> str:
        return self.tr("Centre") if query.origin == CENTRE else fill(self.tr("Site %1"), query.site)

    def decision_text(self, decision: LastDecision | None) -> str:
        """``Closed by … on …: reason`` (or ``Re-opened …``) in the user's language; empty without a decision."""
        if decision is None:
            return ""
        why = decision.reason or self.tr("(no reason given)")
        if decision.action == CLOSE:
            return fill(self.tr("Closed by %1 on %2: %3"), decision.by, _local(decision.at), why)
        return fill(self.tr("Re-opened by %1 on %2: %3"), decision.by, _local(decision.at), why)

    def details_text(self, query: centre_service.CentreQuery) -> str:
        """The query in full: where, who raised it, the question with its follow-ups, the answer, the last
        decision and whether the site has still to apply it."""
        raised = (fill(self.tr("raised at the centre by %1 on %2"), query.raised_by, _local(query.raised_at))
                  if query.origin == CENTRE else
                  fill(self.tr("raised at site %1 by %2 on %3"), query.site, query.raised_by, _local(query.raised_at)))
        lines = [f"{query.query_id} · {self.status_text(query)} · {query.where} · {raised}",
                 fill(self.tr("Question: %1"), query.question)]
        if query.answer:
            lines.append(fill(self.tr("Latest answer (%1, %2): %3"), query.answered_by or "",
                              _local(query.answered_at), query.answer))
        else:
            lines.append(self.tr("No answer yet."))
        if query.decision is not None:
            lines.append(self.decision_text(query.decision))
        if query.waiting:
            lines.append(self.tr("The site applies this decision on its next export run."))
        return "\n".join(lines)

    def show_details(self) -> None:
        query = self.selected_query()
        self.details.setPlainText("" if query is None else self.details_text(query))

    # -- data ---------------------------------------------------------------------------------------------
    def set_sites(self, sites: list[str]) -> None:
        """The enrolled sites, for the site filter and the raise dialog."""
        self.sites = sites
        chosen = self.site_combo.currentData()
        self.site_combo.blockSignals(True)
        while self.site_combo.count() > 1:
            self.site_combo.removeItem(1)
        for site in sites:
            self.site_combo.addItem(site, site)
        self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(chosen)))
        self.site_combo.blockSignals(False)

    def refresh(self) -> None:
        """Read the queries again with the chosen filters, keeping the selected query selected."""
        site, status = self.site_combo.currentData(), self.status_combo.currentData()
        selected = self.selected_query()
        outcome = run_service(self, lambda: centre_service.list_queries(self.session, site=site, status=status),
                              inline=self.list_message)
        if outcome.ok and outcome.value is not None:
            self.queries = outcome.value
            self._fill()
            if selected is not None:
                self.select(selected.query_id)
        self.update_buttons()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.queries))
        for r, q in enumerate(self.queries):
            cells = [q.query_id, self.origin_text(q), q.raised_by, q.site, q.subject_id, q.visit, q.form,
                     str(q.repeat_no), q.field, self.status_text(q), str(q.age_days), _one_line(q.question),
                     _one_line(q.answer or "")]
            where = fill(self.tr("%1 · age %2 day(s)"), q.where, q.age_days)
            status_tip = "\n".join(t for t in (self.status_text(q), self.decision_text(q.decision)) if t)
            tips = {QUESTION_COLUMN: q.question, STATUS_COLUMN: status_tip, FIELD_COLUMN: where,
                    0: f"{q.query_id} · {self.origin_text(q)} · {q.raised_by}",
                    ANSWER_COLUMN: (fill(self.tr("%1\n— %2, %3"), q.answer, q.answered_by or "", _local(q.answered_at))
                                    if q.answer else "")}
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if tips.get(c):
                    item.setToolTip(tips[c])
                self.table.setItem(r, c, item)
        self.count_label.setText(fill(self.tr("%1 query(s)"), len(self.queries)))
        self.size_columns()
        self.show_details()

    def size_columns(self) -> None:
        """Short columns as wide as their texts (MAX_WIDTH at most, and never narrower than their header: a long
        value is elided, whole in its tooltip, a column's name never); below COMPACT_BELOW pixels the columns
        another place shows are hidden; the question and the answer share the rest."""
        self.compact = self.table.viewport().width() < COMPACT_BELOW
        for column in COMPACT_HIDDEN:
            self.table.setColumnHidden(column, self.compact)
        self.table.setColumnHidden(ENTRY_COLUMN, not any(q.repeat_no for q in self.queries))  # log entries only
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            if column not in (QUESTION_COLUMN, ANSWER_COLUMN) and not self.table.isColumnHidden(column):
                self.table.resizeColumnToContents(column)
                whole_header = header.sectionSizeFromContents(column).width()
                self.table.setColumnWidth(column, max(min(self.table.columnWidth(column), MAX_WIDTH), whole_header))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.table.viewport().width() < COMPACT_BELOW) != self.compact:
            self.size_columns()

    def select(self, query_id: str) -> None:
        for row, query in enumerate(self.queries):
            if query.query_id == query_id:
                self.table.selectRow(row)
                return

    def selected_query(self) -> centre_service.CentreQuery | None:
        rows = self.table.selectionModel().selectedRows()
        return self.queries[rows[0].row()] if rows and rows[0].row() < len(self.queries) else None

    def update_buttons(self) -> None:
        query = self.selected_query()
        asks = query is not None and query.origin != CENTRE  # a site's query is closed with a reason (a dialog)
        self.close_button.setText(self.tr("C&lose query…") if asks else self.tr("C&lose query"))
        self.close_button.setEnabled(query is not None and query.status != CLOSED)
        self.reopen_button.setEnabled(query is not None and query.status != OPEN)

    # -- actions ------------------------------------------------------------------------------------------
    def raise_query(self) -> RaiseCentreQueryDialog:
        site = self.site_combo.currentData()
        dialog = RaiseCentreQueryDialog(self.session, self.sites, self, site=site or "")
        dialog.finished.connect(lambda result: self._done(result, dialog.query_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def close_selected(self) -> CloseQueryDialog | None:
        """Close the centre's own query at once; a site's query asks for the reason first."""
        query = self.selected_query()
        if query is None:
            return None
        if query.origin == CENTRE:
            outcome = run_service(self, lambda: centre_service.close_query(self.session, query.query_id),
                                  inline=self.message)
            if outcome.ok:
                self._done(QDialog.DialogCode.Accepted, query.query_id)
            return None
        dialog = CloseQueryDialog(self.session, query, self)
        dialog.finished.connect(lambda result: self._done(result, query.query_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def reopen_selected(self) -> ReopenQueryDialog | None:
        query = self.selected_query()
        if query is None:
            return None
        dialog = ReopenQueryDialog(self.session, query, self)
        dialog.finished.connect(lambda result: self._done(result, query.query_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _done(self, result: int, query_id: str | None) -> None:
        """After a change: the page sends it to the sites and refreshes (``changed``); the query stays selected."""
        if result == QDialog.DialogCode.Accepted and query_id:
            self.changed.emit(query_id)
            self.refresh()
            self.select(query_id)
