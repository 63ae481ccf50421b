"""File ▸ Send to centre… (Ctrl+E) and Send to another folder…: the site's export, with progress.

The central folder is asked for once: the service remembers it with the first export, and later exports go
there without asking (a missing folder, e.g. a USB stick not plugged in, is reported by the service with what to
do). "Send to another folder…" asks again. The export runs off the GUI thread as an
:class:`~crf_desktop.ui.operation.Operation` on the session (whole or nothing: it cannot be cancelled half-way) and
its result (package written, nothing to send, queries received from the centre, problems) is shown in a message
box; the status bar's sync line is refreshed afterwards. The backup that follows each export (issue 8) then runs as
its own background step: it copies the whole database through a connection of its own, so the window stays usable;
the status bar says when it is taken, and a failure is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crf_desktop.core.roles import Permission
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import message_text, show_message
from crf_desktop.ui.operation import Operation, Outcome, Progress, run_service, session_busy
from crf_desktop.ui.qt import (
    QAction,
    QFileDialog,
    QKeySequence,
    QMainWindow,
    QMenu,
    QMessageBox,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from crf_desktop.ui.sync_status import SyncStatusLabel

SEND_SHORTCUT = "Ctrl+E"  # E for export
BACKUP_PROGRESS_AFTER_MS = 4000  # the backup shows a progress window only when it takes longer than this


def ask_folder(parent: QWidget, title: str, start: Path | None) -> Path | None:
    """Ask for the central folder (tests replace :attr:`SyncActions.ask_folder`)."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start or Path.home()))
    return Path(chosen) if chosen else None


class SyncActions(QObject):
    """The send actions of a site's main window, and the task that runs an export."""

    sent = Signal()  # an export finished (successfully or not): refresh what shows site data
    ask_folder: Callable[[QWidget, str, Path | None], Path | None] = staticmethod(ask_folder)

    def __init__(self, window: QWidget, session: Session, *, status_label: SyncStatusLabel) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.status_label = status_label
        self.task: Operation[sync_service.ExportResult] | None = None
        self.result_box: QMessageBox | None = None
        self.backup_task: Operation[sync_service.BackupResult] | None = None
        self.backup_box: QMessageBox | None = None
        self.send_action = QAction(self.tr("&Send to centre…"), window)
        self.send_action.setShortcut(QKeySequence(SEND_SHORTCUT))
        self.send_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # as File's other actions
        self.send_action.triggered.connect(self.send)
        self.other_folder_action = QAction(self.tr("Send to a&nother folder…"), window)
        self.other_folder_action.triggered.connect(self.send_elsewhere)
        allowed = session.can(Permission.EXPORT)
        for action in (self.send_action, self.other_folder_action):
            action.setEnabled(allowed)
            action.setVisible(allowed)

    @classmethod
    def install(cls, window: QMainWindow, session: Session, *, file_menu: QMenu, before: QAction,
                on_sent: Callable[[], None]) -> SyncActions:
        """Add the actions to ``file_menu`` (above ``before``) and the sync line to the window's status bar."""
        label = SyncStatusLabel(session)
        window.statusBar().addPermanentWidget(label)
        actions = cls(window, session, status_label=label)
        file_menu.insertAction(before, actions.send_action)
        file_menu.insertAction(before, actions.other_folder_action)
        file_menu.insertSeparator(before)
        actions.sent.connect(on_sent)
        return actions

    def retranslate(self) -> None:
        self.send_action.setText(self.tr("&Send to centre…"))
        self.other_folder_action.setText(self.tr("Send to a&nother folder…"))
        self.status_label.retranslate()

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def send(self) -> None:
        """Send to the remembered central folder, asking for one the first time."""
        if self.busy:
            return
        status = self.status_label.status
        folder = status.central_folder if status is not None else None
        if folder is None:
            folder = self.ask_folder(self.window, self.tr("Choose the central folder"), None)
            if folder is None:
                return
        self.start(folder)

    def send_elsewhere(self) -> None:
        """Ask for a folder (another USB stick, a new share), then send there."""
        if self.busy:
            return
        status = self.status_label.status
        folder = self.ask_folder(self.window, self.tr("Choose the central folder"),
                                 status.central_folder if status is not None else None)
        if folder is not None:
            self.start(folder)

    def start(self, folder: Path) -> Operation[sync_service.ExportResult]:
        """Run the export to ``folder`` in the background."""
        session = self.session

        def work(progress: Progress) -> sync_service.ExportResult:
            return sync_service.export_to_centre(session, folder, progress=progress)

        task: Operation[sync_service.ExportResult] = Operation(
            self.window, work, title=self.tr("Send to centre"),
            label=fill(self.tr("Sending this site's changes to %1…"), folder), session=session)
        task.done.connect(self._finished)
        self.task = task
        task.start()
        return task

    def result_text(self, result: sync_service.ExportResult) -> tuple[str, bool]:
        """The lines to show after an export, and whether something needs the person's attention."""
        lines = [message_text(result.message)]
        if result.previous_folder is not None:  # where the site sends changed: say so, as the CLI does
            lines.append(fill(self.tr("The central folder changed: this site sent to %1 until now and sends to %2 "
                                      "from now on."), result.previous_folder, result.folder))
        if result.queries_received:
            lines.append(fill(self.tr("%1 query update(s) received from the centre: see the dashboard."),
                              result.queries_received))
        if result.acked_seq:
            lines.append(fill(self.tr("The centre has applied this site's packages up to number %1."),
                              result.acked_seq))
        if result.republished:
            lines.append(fill(self.tr("Written again (they were missing from the folder): %1"),
                              ", ".join(p.name for p in result.republished)))
        lines += [fill(self.tr("Warning: %1"), message_text(problem)) for problem in result.problems]
        return "\n\n".join(lines), bool(result.problems) or result.previous_folder is not None

    def _finished(self, outcome: Outcome[sync_service.ExportResult]) -> None:
        self.status_label.refresh()
        if outcome.ok and outcome.value is not None:
            text, attention = self.result_text(outcome.value)
            icon = QMessageBox.Icon.Warning if attention else QMessageBox.Icon.Information
            self.result_box = show_message(self.window, text, title=self.tr("Send to centre"), icon=icon)
            if outcome.value.needs_backup:
                self.start_backup()
        self.sent.emit()

    def start_backup(self) -> Operation[sync_service.BackupResult]:
        """The backup after the export, on a worker thread (it does not use the session's connection)."""
        session = self.session

        def work(_progress: Progress) -> sync_service.BackupResult:
            return sync_service.take_export_backup(session)

        task: Operation[sync_service.BackupResult] = Operation(
            self.window, work, title=self.tr("Backup after the export"),
            label=self.tr("Taking the backup after the export…"), show_after_ms=BACKUP_PROGRESS_AFTER_MS)
        task.done.connect(self._backup_finished)
        self.backup_task = task
        self._status_message(self.tr("Taking the backup after the export…"))
        task.start()
        return task

    def _backup_finished(self, outcome: Outcome[sync_service.BackupResult]) -> None:
        if self.session.closed:
            return
        if session_busy(self.session):  # another task holds the session's connection: audit when it ends
            QTimer.singleShot(250, lambda: self._backup_finished(outcome))
            return
        result = outcome.value
        if not outcome.ok or result is None:
            return
        run_service(self.window, lambda: sync_service.record_export_backup(self.session, result))
        if result.name is not None:
            self._status_message(fill(self.tr("Backup taken: %1"), result.name), 15_000)
        else:
            self._status_message("")
            text = fill(self.tr("Warning: %1"), message_text(result.problem or ""))
            self.backup_box = show_message(self.window, text, title=self.tr("Backup after the export"),
                                           icon=QMessageBox.Icon.Warning)

    def _status_message(self, text: str, timeout_ms: int = 0) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, timeout_ms)
