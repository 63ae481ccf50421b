"""The sequence of windows: login, a forced password change if needed, the main window, and back to login
after Log out. Every step is a non-blocking dialog or window, so tests drive the same code the app runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.ui.idle_minutes import DEFAULT_IDLE_MINUTES
from crf_desktop.ui.login_dialog import LoginDialog, site_line
from crf_desktop.ui.qt import QObject, Signal

if TYPE_CHECKING:  # imported after the login: the login window comes up without them (issue 10)
    from crf_desktop.services.session import Session
    from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
    from crf_desktop.ui.main_window import MainWindow


class Shell(QObject):
    """Emits :attr:`finished` with the exit code when the person quits or cancels the login."""

    finished = Signal(int)

    def __init__(self, data_dir: Path, *, demo_users: dict[str, str] | None = None,
                 idle_minutes: float = DEFAULT_IDLE_MINUTES, site_text: str | None = None,
                 site_problem: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.demo_users = dict(demo_users or {})
        self.idle_minutes = idle_minutes
        self.site_text = site_text
        self.site_problem = site_problem
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(self.data_dir, demo_users=self.demo_users, site_text=self.site_text,
                             site_problem=self.site_problem)
        self.login_dialog = dialog
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(lambda: self._login_cancelled(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _login_cancelled(self, dialog: LoginDialog) -> None:
        self._drop_login(dialog)
        self.finished.emit(0)

    def _drop_login(self, dialog: LoginDialog) -> None:
        if self.login_dialog is dialog:
            self.login_dialog = None
        dialog.deleteLater()

    def _logged_in(self, dialog: LoginDialog) -> None:
        session = dialog.session
        self._drop_login(dialog)
        assert session is not None  # noqa: S101 - accepted only after a successful login
        self.site_text = site_line(session.site_id, session.study_id, demo=bool(self.demo_users))
        self.site_problem = None
        if session.user.must_change_password:
            self._ask_new_password(session)
        else:
            self.show_main(session)

    def _ask_new_password(self, session: Session) -> None:
        from crf_desktop.ui.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(session, forced=True)
        self.password_dialog = dialog

        def finished(result: int) -> None:
            self.password_dialog = None
            dialog.deleteLater()
            if result == ChangePasswordDialog.DialogCode.Accepted:
                self.show_main(session)
            else:
                session.close()
                self.show_login()

        dialog.finished.connect(finished)
        dialog.show()

    def show_main(self, session: Session) -> MainWindow:
        from crf_desktop.ui.main_window import MainWindow

        window = MainWindow(session, idle_minutes=self.idle_minutes)
        self.main_window = window
        window.session_ended.connect(lambda reason: self._session_ended(window, reason))
        window.showMaximized()
        return window

    def _session_ended(self, window: MainWindow, reason: str) -> None:
        from crf_desktop.ui.main_window import LOGOUT

        if self.main_window is window:
            self.main_window = None
        window.deleteLater()
        if reason == LOGOUT:
            self.show_login()
        else:
            self.finished.emit(0)

    def shut_down(self) -> None:
        """Close whatever is open (the session is closed and audited); for the application's exit."""
        if self.main_window is not None:
            self.main_window.end_session()
        if self.password_dialog is not None:
            self.password_dialog.session.close()
            self.password_dialog = None
