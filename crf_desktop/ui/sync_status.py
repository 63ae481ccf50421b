"""The status bar's sync line: when this site last sent to the centre, how many changes wait, and a reminder.

Reads :func:`crf_desktop.services.sync.sync_status`; refreshed after each export, after a save and once a minute
(skipped while an operation uses the database on its worker thread, :func:`crf_desktop.ui.operation.session_busy`).
The reminder (export older than 7 days with changes waiting, or never sent) is shown in the warning colours so it
is seen from across the room.
"""

from __future__ import annotations

from crf_desktop.core.clock import local_display
from crf_desktop.core.errors import CrfError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.operation import session_busy
from crf_desktop.ui.qt import QEvent, QLabel, QTimer, QWidget

REFRESH_MS = 60_000
REMINDER_STYLE = "color: #5c4400; background: #fff4cc; border: 1px solid #e0c060; border-radius: 3px; padding: 1px 6px;"


def key_fingerprint_line(session: Session, *, centre: bool) -> str:
    """For the About box: this site's signing-key fingerprint (the centre confirms it by phone at the first
    import), or the centre's own key fingerprint."""
    try:
        if centre:
            return fill(translate("About", "Centre key fingerprint: %1"), centre_service.centre_fingerprint(session))
        return fill(translate("About", "Site key fingerprint: %1\n(the coordinating centre confirms it with you by "
                                       "phone)"), sync_service.site_key_fingerprint(session))
    except CrfError as exc:
        return fill(translate("About", "Key fingerprint unavailable: %1"), exc)


class SyncStatusLabel(QLabel):
    """``Sent to centre: 2026-03-05 14:02 · 3 unsent changes``; a reminder when sending is overdue."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status: sync_service.SyncStatus | None = None
        self.problem: str | None = None
        self.setContentsMargins(6, 0, 6, 0)
        self.setAccessibleName("sync status")
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    @property
    def unsent(self) -> int | None:
        return None if self.status is None else self.status.unsent_changes

    @property
    def reminding(self) -> bool:
        return self.status is not None and self.status.reminder

    def refresh(self) -> None:
        """Read the status again (skipped while an operation uses the database, or after the session closed)."""
        if self.session.closed or session_busy(self.session):
            return
        try:
            self.status = sync_service.sync_status(self.session)
            self.problem = None
        except CrfError as exc:
            self.status = None
            self.problem = str(exc)
        self.retranslate()

    def retranslate(self) -> None:
        status = self.status
        if status is None:
            self.setText(self.tr("Sync status unavailable"))
            self.setToolTip(self.problem or "")
            self.setStyleSheet("")
            return
        if not status.enrolled:
            text = self.tr("Not connected to a coordinating centre")
        elif status.last_export_at is None:
            text = fill(self.tr("Never sent to the centre · %1 unsent changes"), status.unsent_changes)
        else:
            text = fill(self.tr("Sent to centre: %1 · %2 unsent changes"), local_display(status.last_export_at),
                        status.unsent_changes)
        if status.reminder and status.enrolled:
            text = fill(self.tr("⚠ %1: please send to the centre (Ctrl+E)"), text)
        self.setText(text)
        self.setStyleSheet(REMINDER_STYLE if status.reminder and status.enrolled else "")
        folder = str(status.central_folder) if status.central_folder else self.tr("not chosen yet")
        self.setToolTip(fill(self.tr("Central folder: %1\nLast package: %2 (centre has applied up to %3)"), folder,
                             status.last_package_seq, status.acked_seq))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
