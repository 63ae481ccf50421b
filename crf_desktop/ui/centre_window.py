"""The coordinating centre's page: import site packages, the pinned sites, queries, and the trial exports.

Shown in the main window instead of the site's dashboard when the data directory is a centre
(:func:`crf_desktop.services.centre.is_centre_dir`). Import and export run in the background with progress
(:class:`crf_desktop.ui.operation.Operation` on the session); the import report lists, per site, what was
applied, skipped as a duplicate, held behind a gap, or quarantined and why, and any newly pinned site key with
its fingerprint to confirm by phone. The services check every role; the page only hides what the user may not do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crf_desktop.core.clock import local_display, parse_iso
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import centre_export
from crf_desktop.services.session import Session
from crf_desktop.ui.centre_query_dialogs import RaiseCentreQueryDialog, ReopenQueryDialog
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage, message_text
from crf_desktop.ui.operation import Operation, Outcome, Progress, run_service, session_busy
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSettings,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

MANAGERS = frozenset({Role.ADMIN, Role.DATA_MANAGER})
QUERY_ROLES = frozenset({Role.ADMIN, Role.DATA_MANAGER, Role.MONITOR})
_IMPORT_FOLDER_KEY = "centre/import_folder"


def ask_folder(parent: QWidget, title: str, start: Path | None) -> Path | None:
    """Ask for a folder (tests replace :attr:`CentrePage.ask_folder`)."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start or Path.home()))
    return Path(chosen) if chosen else None


def ask_new_file(parent: QWidget, title: str, start: Path | None) -> Path | None:
    """Ask for a new file name (tests replace :attr:`CentrePage.ask_new_file`)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start or Path.home()), "ODM XML (*.xml)")
    return Path(chosen) if chosen else None


def centre_page_for(session: Session) -> CentrePage | None:
    """The centre page when ``session`` is a centre's, else ``None`` (a site)."""
    outcome = run_service(None, lambda: centre_service.is_centre_dir(session))
    return CentrePage(session) if outcome.ok and outcome.value else None


def _local(stamp: str | None) -> str:
    """A stored UTC time as the PC's local time, to the minute."""
    return local_display(parse_iso(stamp)) if stamp else ""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class CentrePage(QWidget):
    """Import, sites, queries and exports for a centre session."""

    changed = Signal()  # something was imported or a query changed: the audit panel may refresh
    ask_folder: Callable[[QWidget, str, Path | None], Path | None] = staticmethod(ask_folder)
    ask_new_file: Callable[[QWidget, str, Path | None], Path | None] = staticmethod(ask_new_file)

    def __init__(self, session: Session, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Operation[object] | None = None
        self.queries: list[centre_service.CentreQuery] = []
        self.dialog: QDialog | None = None  # the query dialog last opened, for tests
        manager = session.user.role in MANAGERS
        querier = session.user.role in QUERY_ROLES

        self.heading = QLabel()
        self.import_box = QGroupBox()
        self.import_button = QPushButton()
        self.import_button.setShortcut(QKeySequence("Ctrl+I"))
        self.import_button.clicked.connect(self.import_from_folder)
        self.import_message = InlineMessage()
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName("import report")
        import_layout = QVBoxLayout(self.import_box)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        import_layout.addLayout(row)
        import_layout.addWidget(self.import_message)
        import_layout.addWidget(self.report_view)
        self.import_box.setVisible(manager)

        self.sites_box = QGroupBox()
        self.sites_table = _table(["", "", "", "", ""])
        self.data_message = InlineMessage()  # a problem reading the sites or queries
        sites_layout = QVBoxLayout(self.sites_box)
        sites_layout.addWidget(self.data_message)
        sites_layout.addWidget(self.sites_table)

        self.queries_box = QGroupBox()
        self.queries_table = _table([""] * 10)
        self.raise_button = QPushButton()
        self.close_button = QPushButton()
        self.reopen_button = QPushButton()
        self.raise_button.clicked.connect(self.raise_query)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.query_message = InlineMessage()
        buttons = QHBoxLayout()
        for button in (self.raise_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        queries_layout = QVBoxLayout(self.queries_box)
        queries_layout.addWidget(self.queries_table)
        queries_layout.addLayout(buttons)
        queries_layout.addWidget(self.query_message)
        self.queries_box.setVisible(querier)
        self.queries_table.itemSelectionChanged.connect(self._update_buttons)

        self.export_box = QGroupBox()
        self.csv_button = QPushButton()
        self.odm_button = QPushButton()
        self.csv_button.clicked.connect(self.export_csv)
        self.odm_button.clicked.connect(self.export_odm)
        self.export_message = InlineMessage()
        export_layout = QVBoxLayout(self.export_box)
        export_row = QHBoxLayout()
        export_row.addWidget(self.csv_button)
        export_row.addWidget(self.odm_button)
        export_row.addStretch(1)
        export_layout.addLayout(export_row)
        export_layout.addWidget(self.export_message)
        self.export_box.setVisible(manager)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.import_box, 2)
        layout.addWidget(self.sites_box, 1)
        layout.addWidget(self.queries_box, 2)
        layout.addWidget(self.export_box)
        self.retranslate()
        self.refresh()

    # -- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(fill(self.tr("Coordinating centre · study %1"), self.session.study_id))
        self.import_box.setTitle(self.tr("Import site packages"))
        self.import_button.setText(self.tr("&Import from folder… (Ctrl+I)"))
        self.sites_box.setTitle(self.tr("Sites (key pinned at first contact: confirm the fingerprint by phone)"))
        self.sites_table.setHorizontalHeaderLabels([self.tr("Site"), self.tr("Key fingerprint"), self.tr("Pinned at"),
                                                    self.tr("Last package"), self.tr("Last import")])
        self.queries_box.setTitle(self.tr("Queries"))
        self.queries_table.setHorizontalHeaderLabels([
            self.tr("Query"), self.tr("Site"), self.tr("Subject"), self.tr("Visit"), self.tr("Form"), self.tr("Entry"),
            self.tr("Field"), self.tr("Status"), self.tr("Question"), self.tr("Answer")])
        self.raise_button.setText(self.tr("&Raise query…"))
        self.close_button.setText(self.tr("C&lose query"))
        self.reopen_button.setText(self.tr("Re-&open query…"))
        self.export_box.setTitle(self.tr("Export the trial's data (blinded: no treatment arms)"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.odm_button.setText(self.tr("Export CDISC O&DM…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sites and queries again."""
        if self.session.closed or session_busy(self.session):
            return
        session = self.session
        with_queries = session.user.role in QUERY_ROLES

        def read() -> tuple[list[centre_service.PinnedSite], list[centre_service.CentreQuery]]:
            return (centre_service.pinned_sites(session),
                    centre_service.list_queries(session) if with_queries else [])

        outcome = run_service(self, read, inline=self.data_message)
        if outcome.ok and outcome.value is not None:
            sites, self.queries = outcome.value
            _fill(self.sites_table, [[s.site, s.fingerprint or self.tr("(no package yet)"), _local(s.pinned_at),
                                      str(s.last_seq), _local(s.last_import_at)] for s in sites])
            _fill(self.queries_table, [[q.query_id, q.site, q.subject_id, q.visit, q.form, str(q.repeat_no),
                                        q.field, q.status, q.question, q.answer or ""] for q in self.queries])
        self._update_buttons()

    def selected_query(self) -> centre_service.CentreQuery | None:
        rows = self.queries_table.selectionModel().selectedRows()
        return self.queries[rows[0].row()] if rows and rows[0].row() < len(self.queries) else None

    def _update_buttons(self) -> None:
        query = self.selected_query()
        self.close_button.setEnabled(query is not None and query.status != "closed")
        self.reopen_button.setEnabled(query is not None and query.status != "open")

    # -- background work ----------------------------------------------------------------------------------
    def _run(self, work: Callable[[Progress], object], title: str, label: str, inline: InlineMessage,
             done: Callable[[Outcome[object]], None]) -> Operation[object]:
        task: Operation[object] = Operation(self, work, title=title, label=label, session=self.session, inline=inline)
        task.done.connect(done)
        self.task = task
        task.start()
        return task

    def import_from_folder(self) -> None:
        settings = QSettings()
        last = settings.value(_IMPORT_FOLDER_KEY, "")
        folder = self.ask_folder(self, self.tr("Choose the central folder to import from"),
                                 Path(str(last)) if last else None)
        if folder is None:
            return
        settings.setValue(_IMPORT_FOLDER_KEY, str(folder))
        session = self.session

        def work(progress: Progress) -> object:
            return centre_service.import_packages(session, folder, progress=progress)

        self._run(work, self.tr("Import"), fill(self.tr("Importing site packages from %1…"), folder),
                  self.import_message, self._imported)

    def _imported(self, outcome: Outcome[object]) -> None:
        report = outcome.value
        if outcome.ok and isinstance(report, centre_service.ImportReport):
            self.report_view.setPlainText("\n".join(report.lines()))
            if report.ok:
                self.import_message.show_info(fill(self.tr("%1 package(s) applied; everything found was applied "
                                                           "or already there."), report.applied))
            else:
                self.import_message.show_warning(self.tr("Not everything was applied: see the report for packages "
                                                         "waiting behind a gap or quarantined, and why."))
        self.refresh()
        self.changed.emit()

    def _export(self, kind: str, out: Path) -> None:
        session = self.session

        def work(_progress: Progress) -> object:
            return centre_export.export_trial(session, kind=kind, out=out)

        self._run(work, self.tr("Export"), fill(self.tr("Exporting the trial's data to %1…"), out),
                  self.export_message, self._exported)

    def _exported(self, outcome: Outcome[object]) -> None:
        result = outcome.value
        if outcome.ok and isinstance(result, centre_export.TrialExport):
            self.export_message.show_info(message_text(result.message))
        self.changed.emit()

    def export_csv(self) -> None:
        out = self.ask_folder(self, self.tr("Choose a new, empty folder for the CSV export"), None)
        if out is not None:
            self._export("csv", out)

    def export_odm(self) -> None:
        out = self.ask_new_file(self, self.tr("Name the ODM file"), None)
        if out is not None:
            self._export("odm", out)

    # -- queries ------------------------------------------------------------------------------------------
    def raise_query(self) -> RaiseCentreQueryDialog:
        cells = (self.sites_table.item(r, 0) for r in range(self.sites_table.rowCount()))
        sites = [cell.text() for cell in cells if cell is not None]
        dialog = RaiseCentreQueryDialog(self.session, sites, self)
        dialog.finished.connect(lambda result: self._query_changed(result, dialog.query_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def close_selected(self) -> None:
        query = self.selected_query()
        if query is None:
            return
        outcome = run_service(self, lambda: centre_service.close_query(self.session, query.query_id),
                              inline=self.query_message)
        if outcome.ok:
            self._tell_sites(query.query_id)

    def reopen_selected(self) -> ReopenQueryDialog | None:
        query = self.selected_query()
        if query is None:
            return None
        dialog = ReopenQueryDialog(self.session, query, self)
        dialog.finished.connect(lambda result: self._query_changed(result, query.query_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _query_changed(self, result: int, query_id: str | None) -> None:
        if result == QDialog.DialogCode.Accepted and query_id:
            self._tell_sites(query_id)

    def _tell_sites(self, query_id: str) -> None:
        """Write the query's new state for its site into the central folder last imported from, if any."""
        last = QSettings().value(_IMPORT_FOLDER_KEY, "")
        folder = Path(str(last)) if last else None
        if folder is not None and folder.is_dir():
            sent = run_service(self, lambda: centre_service.send_messages(self.session, folder),
                               inline=self.query_message)
            if sent.ok:
                self.query_message.show_info(fill(self.tr("Query %1 saved and sent to %2; the site sees it at its "
                                                          "next export."), query_id, folder))
        else:
            self.query_message.show_info(fill(self.tr("Query %1 saved; it is sent to the site with the next "
                                                      "import run."), query_id))
        self.refresh()
        self.changed.emit()
