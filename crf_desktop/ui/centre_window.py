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
from crf_desktop.services import centre_export, centre_unblinding
from crf_desktop.services.session import Session
from crf_desktop.ui import start_folders
from crf_desktop.ui.centre_queries_panel import QueriesPanel
from crf_desktop.ui.centre_query_dialogs import CloseQueryDialog, RaiseCentreQueryDialog, ReopenQueryDialog
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
    QShortcut,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.study_unblind_dialog import StudyUnblindDialog

MANAGERS = frozenset({Role.ADMIN, Role.DATA_MANAGER})
QUERY_ROLES = frozenset({Role.ADMIN, Role.DATA_MANAGER, Role.MONITOR})
SITE_ROWS = 4  # the sites table's height in rows before it scrolls
REPORT_LINES = 5  # the import report's height in lines before it scrolls


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


def _rows_height(table: QTableWidget, rows: int) -> int:
    return (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth() + 2)


def _fit_rows(table: QTableWidget, at_most: int) -> None:
    """Make ``table`` as high as its rows (``at_most`` then it scrolls); on a small screen it gives way to the
    queries down to one row (the rest scroll)."""
    table.setMinimumHeight(_rows_height(table, 1))
    table.setMaximumHeight(_rows_height(table, min(max(table.rowCount(), 1), at_most)))


def _tight(layout: QVBoxLayout) -> QVBoxLayout:
    """A group box's layout with little padding: the page fits 1024×700 with its messages shown."""
    layout.setContentsMargins(8, 4, 8, 6)
    layout.setSpacing(4)
    return layout


class CentrePage(QWidget):
    """Import, sites, queries and exports for a centre session."""

    changed = Signal()  # something was imported or a query changed: the audit panel may refresh
    ask_folder: Callable[[QWidget, str, Path | None], Path | None] = staticmethod(ask_folder)
    ask_new_file: Callable[[QWidget, str, Path | None], Path | None] = staticmethod(ask_new_file)

    def __init__(self, session: Session, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Operation[object] | None = None
        self.dialog: QDialog | None = None  # the dialog last opened, for tests
        manager = session.user.role in MANAGERS
        querier = session.user.role in QUERY_ROLES

        self.heading = QLabel()
        self.import_box = QGroupBox()
        self.import_button = QPushButton()
        # Ctrl+I as a shortcut of its own: the button's text gives it Alt+I, and setting that text (at each
        # retranslate) replaces a shortcut set on the button itself
        self.import_shortcut = QShortcut(QKeySequence("Ctrl+I"), self)
        self.import_shortcut.activated.connect(self.import_from_folder)
        self.import_button.clicked.connect(self.import_from_folder)
        self.import_message = InlineMessage()
        self.import_report: centre_service.ImportReport | None = None  # the last import's, for its summary line
        self._importing_from = Path()  # the folder of the import running now (see import_from_folder)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setTabChangesFocus(True)
        self.report_view.setAccessibleName("import report")
        self.report_view.setMinimumHeight(self.report_view.fontMetrics().lineSpacing() * 2 + 12)  # then it scrolls
        self.report_view.hide()  # until there is a report: the queries get the room
        self.report_button = QPushButton()  # shows or hides the last report (hidden until there is one)
        self.report_button.setCheckable(True)
        self.report_button.toggled.connect(self._show_report)
        self.report_button.hide()
        import_layout = _tight(QVBoxLayout(self.import_box))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.report_button)
        row.addStretch(1)
        import_layout.addLayout(row)
        import_layout.addWidget(self.import_message)
        import_layout.addWidget(self.report_view)
        self.import_box.setVisible(manager)

        self.sites_box = QGroupBox()
        self.sites_table = _table(["", "", "", "", ""])
        self.data_message = InlineMessage()  # a problem reading the sites or queries
        sites_layout = _tight(QVBoxLayout(self.sites_box))
        sites_layout.addWidget(self.data_message)
        sites_layout.addWidget(self.sites_table)

        # every query of the trial, raised here or at a site (ui/centre_queries_panel.py)
        self.queries_panel = QueriesPanel(session)
        self.queries_panel.changed.connect(self._tell_sites)
        self.queries_box = self.queries_panel
        self.queries_table = self.queries_panel.table
        self.raise_button = self.queries_panel.raise_button
        self.close_button = self.queries_panel.close_button
        self.reopen_button = self.queries_panel.reopen_button
        self.query_message = self.queries_panel.message
        self.queries_box.setVisible(querier)

        self.export_box = QGroupBox()
        self.csv_button = QPushButton()
        self.odm_button = QPushButton()
        self.csv_button.clicked.connect(self.export_csv)
        self.odm_button.clicked.connect(self.export_odm)
        self.export_message = InlineMessage()
        self.blinding: centre_unblinding.BlindingStatus | None = None  # read by refresh()
        self.blinding_label = QLabel()  # blinded, or "Study unblinded on … by … (reason)"
        self.blinding_label.setWordWrap(True)
        self.unblind_button = QPushButton()
        self.unblind_button.clicked.connect(self.unblind_study)
        export_layout = _tight(QVBoxLayout(self.export_box))
        export_row = QHBoxLayout()
        export_row.addWidget(self.csv_button)
        export_row.addWidget(self.odm_button)
        export_row.addStretch(1)
        export_row.addWidget(self.unblind_button)
        export_layout.addLayout(export_row)
        export_layout.addWidget(self.blinding_label)
        export_layout.addWidget(self.export_message)
        self.export_box.setVisible(manager)

        # the queries (the data manager's daily work) get the height; import and export share one row above,
        # and the sites table is as high as its rows (SITE_ROWS at most, then it scrolls); little padding, so the
        # page fits 1024×700 with the import and export messages shown (the tab's frame is the page's margin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        actions = QHBoxLayout()
        actions.addWidget(self.import_box, 1)
        actions.addWidget(self.export_box, 1)
        layout.addLayout(actions)
        layout.addWidget(self.sites_box)
        layout.addWidget(self.queries_box, 1)
        self.retranslate()
        self.refresh()

    # -- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(fill(self.tr("Coordinating centre · study %1"), self.session.study_id))
        self.import_box.setTitle(self.tr("Import site packages"))
        self.import_button.setText(self.tr("&Import from folder… (Ctrl+I)"))
        self._show_report(self.report_button.isChecked())
        self.sites_box.setTitle(self.tr("Sites (key pinned at first contact: confirm the fingerprint by phone)"))
        self.sites_table.setHorizontalHeaderLabels([self.tr("Site"), self.tr("Key fingerprint"), self.tr("Pinned at"),
                                                    self.tr("Last package"), self.tr("Last import")])
        self.export_box.setTitle(self.tr("Export the trial's data"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.odm_button.setText(self.tr("Export CDISC O&DM…"))
        self.unblind_button.setText(self.tr("Un&blind study…"))
        self._show_blinding()

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

        def read() -> list[centre_service.PinnedSite]:
            return centre_service.pinned_sites(session)

        outcome = run_service(self, read, inline=self.data_message)
        if with_queries:  # the same roles may see whether the study is blinded
            blinding = run_service(self, lambda: centre_unblinding.blinding_status(session), inline=self.data_message)
            self.blinding = blinding.value if blinding.ok else None
        self._show_blinding()
        if outcome.ok and outcome.value is not None:
            sites = outcome.value
            _fill(self.sites_table, [[s.site, s.fingerprint or self.tr("(no package yet)"), _local(s.pinned_at),
                                      str(s.last_seq), _local(s.last_import_at)] for s in sites])
            _fit_rows(self.sites_table, SITE_ROWS)
            self.queries_panel.set_sites([s.site for s in sites])
        if with_queries:
            self.queries_panel.refresh()

    def selected_query(self) -> centre_service.CentreQuery | None:
        return self.queries_panel.selected_query()

    # -- background work ----------------------------------------------------------------------------------
    def _run(self, work: Callable[[Progress], object], title: str, label: str, inline: InlineMessage,
             done: Callable[[Outcome[object]], None]) -> Operation[object]:
        task: Operation[object] = Operation(self, work, title=title, label=label, session=self.session, inline=inline)
        task.done.connect(done)
        self.task = task
        task.start()
        return task

    def import_from_folder(self) -> None:
        data_dir = self.session.data_dir
        # where it imported from last time, else the demo centre's exchange folder, else home
        start = start_folders.start_folder(data_dir, start_folders.CENTRE_IMPORT,
                                           start_folders.demo_exchange_folder(data_dir))
        folder = self.ask_folder(self, self.tr("Choose the central folder to import from"), start)
        if folder is None:
            return
        self._importing_from = folder  # remembered once the import went through: query messages are sent there
        self.import_report = None  # the message line is this import's now (its progress, an error, its summary)
        session = self.session

        def work(progress: Progress) -> object:
            return centre_service.import_packages(session, folder, progress=progress)

        self._run(work, self.tr("Import"), fill(self.tr("Importing site packages from %1…"), folder),
                  self.import_message, self._imported)

    def _imported(self, outcome: Outcome[object]) -> None:
        report = outcome.value
        if outcome.ok and isinstance(report, centre_service.ImportReport):
            start_folders.remember_folder(self.session.data_dir, start_folders.CENTRE_IMPORT, self._importing_from)
            self.import_report = report
            lines = report.lines()
            self.report_view.setPlainText("\n".join(lines))
            shown = min(max(len(lines), 2), REPORT_LINES)  # as high as the report, REPORT_LINES at most
            self.report_view.setMaximumHeight(self.report_view.fontMetrics().lineSpacing() * shown + 12)
            self.report_button.show()
            # right after an import the summary line says what matters and the full report is one key away
            # (Alt+P): the queries keep their room (at least three rows at 1024×700)
            self.report_button.setChecked(False)
            self._show_report(False)
        self.refresh()
        self.changed.emit()

    def _show_summary(self, report: centre_service.ImportReport) -> None:
        """The import in a line or two: what was applied, what was held back, and any new site key to confirm."""
        key = QKeySequence.mnemonic(self.tr("Show re&port")).toString(QKeySequence.SequenceFormat.NativeText)
        if report.ok:
            text = fill(self.tr("%1 package(s) applied; everything found was applied or already there."),
                        report.applied)
        else:
            text = fill(self.tr("Not everything was applied: %1 shows the packages waiting behind a gap or "
                                "quarantined, and why."), key)
        pinned = [site.site for site in report.sites if site.newly_pinned]
        if pinned:
            text += " " + fill(self.tr("New key for site %1: confirm its fingerprint (Sites, below) by phone before "
                                       "trusting its data."), ", ".join(pinned))
        if report.ok and not pinned:
            self.import_message.show_info(text)
        else:
            self.import_message.show_warning(text)

    def _show_report(self, shown: bool) -> None:
        """Show the last import's full report, or its summary line (the full report says it all, and the two
        together would take the queries' room)."""
        self.report_view.setVisible(shown and bool(self.report_view.toPlainText()))
        if self.import_report is not None:
            if shown:
                self.import_message.clear_message()
            else:
                self._show_summary(self.import_report)
        self.report_button.setText(self.tr("Hide re&port") if shown else self.tr("Show re&port"))

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

    def _export_start(self) -> Path:
        """Where the last export went (the CSV export's new folder is made beside the last one), else home."""
        return start_folders.start_folder(self.session.data_dir, start_folders.CENTRE_EXPORT)

    def export_csv(self) -> None:
        out = self.ask_folder(self, self.tr("Choose a new, empty folder for the CSV export"), self._export_start())
        if out is not None:
            start_folders.remember_folder(self.session.data_dir, start_folders.CENTRE_EXPORT, out.parent)
            self._export("csv", out)

    def export_odm(self) -> None:
        out = self.ask_new_file(self, self.tr("Name the ODM file"), self._export_start())
        if out is not None:
            start_folders.remember_folder(self.session.data_dir, start_folders.CENTRE_EXPORT, out.parent)
            self._export("odm", out)

    # -- unblinding (database lock) -----------------------------------------------------------------------
    def _show_blinding(self) -> None:
        status = self.blinding
        done = status.unblinding if status is not None else None
        if done is not None:
            self.blinding_label.setText(fill(self.tr("Study unblinded on %1 by %2 (%3): the exports carry each "
                                                     "subject's treatment arm."), _local(done.unblinded_at),
                                             done.full_name, done.reason))
        else:
            self.blinding_label.setText("" if status is None else self.tr("Blinded: the exports carry no treatment "
                                                                          "arm."))
        self.unblind_button.setVisible(status is not None and done is None and self.session.user.role in MANAGERS)

    def unblind_study(self) -> StudyUnblindDialog:
        dialog = StudyUnblindDialog(self.session, self)
        dialog.accepted.connect(self._unblinded)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _unblinded(self) -> None:
        self.refresh()
        self.export_message.show_info(self.tr("The study is unblinded: the next CSV and ODM exports carry the "
                                              "treatment arms."))
        self.changed.emit()

    # -- queries ------------------------------------------------------------------------------------------
    def raise_query(self) -> RaiseCentreQueryDialog:
        return self.queries_panel.raise_query()

    def close_selected(self) -> CloseQueryDialog | None:
        return self.queries_panel.close_selected()

    def reopen_selected(self) -> ReopenQueryDialog | None:
        return self.queries_panel.reopen_selected()

    def _tell_sites(self, query_id: str) -> None:
        """Write the query's new state for its site into the central folder last imported from, if any."""
        folder = start_folders.last_folder(self.session.data_dir, start_folders.CENTRE_IMPORT)
        if folder is not None:
            sent = run_service(self, lambda: centre_service.send_messages(self.session, folder),
                               inline=self.query_message)
            if sent.ok:
                self.query_message.show_info(fill(self.tr("Query %1 saved and sent to %2; the site sees it at its "
                                                          "next export."), query_id, folder))
        else:
            self.query_message.show_info(fill(self.tr("Query %1 saved; it is sent to the site with the next "
                                                      "import run."), query_id))
        self.changed.emit()  # the queries panel reads its list again itself
