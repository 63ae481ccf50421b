"""The centre page's queries: every query of the trial, raised at the centre or at a site, in one table.

Like OpenClinica's Notes & Discrepancies page: one row per query with its origin and raiser, site, subject,
visit, form, entry, field, status (translated; a decision the site has not applied yet is marked as waiting),
age in days, question and latest answer; filtered by site and status. Keyboard: Alt+S and Alt+E pick the filters,
Alt+R raises a query, Alt+L closes the selected one, Alt+O re-opens it. The centre closes its own query at
once; a query raised at a site is closed with a reason the site reads (:class:`CloseQueryDialog`). The services
check every role and state; their messages show inline.
"""

from __future__ import annotations

from crf_desktop.services import centre as centre_service
from crf_desktop.services.centre_queries import ANSWERED, CENTRE, CLOSED, OPEN
from crf_desktop.services.session import Session
from crf_desktop.ui.centre_query_dialogs import RaiseCentreQueryDialog, ReopenQueryDialog
from crf_desktop.ui.dialog_buttons import ActionButtonBox
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = 13
STATUS_COLUMN, QUESTION_COLUMN, ANSWER_COLUMN = 9, 11, 12


class CloseQueryDialog(QDialog):
    """Close a query raised at a site, with the reason the site reads."""

    def __init__(self, session: Session, query: centre_service.CentreQuery, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.query = query
        self.setWindowTitle(fill(self.tr("crf-desktop: close query %1"), query.query_id))
        self.setMinimumWidth(520)
        answer = query.answer or self.tr("(no answer yet)")
        intro = QLabel(fill(self.tr("Query %1, raised at site %2 by %3, on %4:\n%5\nAnswer: %6"), query.query_id,
                            query.site, query.raised_by, query.where, query.question, answer))
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Reason for closing it (the site reads it):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        label.setBuddy(self.reason_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("C&lose query"))
        self.buttons.submit_from(self.reason_edit)
        self.buttons.accepted.connect(self.try_close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_close(self) -> None:
        reason = self.reason_edit.toPlainText()
        outcome = run_service(self, lambda: centre_service.close_query(self.session, self.query.query_id, reason),
                              inline=self.message)
        if outcome.ok:
            self.accept()


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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("queries")
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.raise_button, self.close_button, self.reopen_button = QPushButton(), QPushButton(), QPushButton()
        self.raise_button.clicked.connect(self.raise_query)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.message = InlineMessage()  # what an action did, or why it was refused
        self.list_message = InlineMessage()  # a problem reading the queries
        filters = QHBoxLayout()
        for widget in (self.site_label, self.site_combo, self.status_label, self.status_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.raise_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list_message)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
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
        self._fill()
        self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def status_text(self, query: centre_service.CentreQuery) -> str:
        """The query's status in the user's language; a decision not yet applied at the site says so."""
        text = {OPEN: self.tr("Open"), ANSWERED: self.tr("Answered"), CLOSED: self.tr("Closed")}.get(
            query.status, query.status)
        return fill(self.tr("%1 (waiting for the site)"), text) if query.waiting else text

    def origin_text(self, query: centre_service.CentreQuery) -> str:
        return self.tr("Centre") if query.origin == CENTRE else fill(self.tr("Site %1"), query.site)

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
                     str(q.repeat_no), q.field, self.status_text(q), str(q.age_days), q.question, q.answer or ""]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.count_label.setText(fill(self.tr("%1 query(s)"), len(self.queries)))

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
