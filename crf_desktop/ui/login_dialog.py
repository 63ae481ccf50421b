"""The login dialog: user name and password for one site's data directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.core.errors import DataDirError
from crf_desktop.services.site_identity import CENTRE_SITE_ID
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage, message_text
from crf_desktop.ui.qt import (
    QDialog,
    QEvent,
    QFont,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.selectable import make_selectable
from crf_desktop.ui.window_size import grow_to_fit

if TYPE_CHECKING:  # the session (sqlite_utils, SQLCipher, the crypto) is loaded when someone logs in (issue 10)
    from crf_desktop.services.session import Session


def not_a_site_text(data_dir: Path, error: BaseException | str) -> str:
    """The problem with ``data_dir`` and how to get a site there, for the login dialog."""
    return fill(translate("LoginDialog", "%1\n\nTo start a new site in this folder, the site admin runs in a "
                                         "terminal:\n    %2\nTo try the app with fictitious data instead:\n    %3"),
                message_text(error),
                f"crf-desktop init --data-dir \"{data_dir}\" --site 01 --study NCT03580291 --admin NAME",
                "crf-desktop demo")


def site_line(site_id: str, study_id: str, *, demo: bool) -> str:
    """The site (or the coordinating centre) and study the login window opens, in the current language (before and
    after a login)."""
    line = (fill(translate("LoginDialog", "Coordinating centre · Study %1"), study_id) if site_id == CENTRE_SITE_ID
            else fill(translate("LoginDialog", "Site %1 · Study %2"), site_id, study_id))
    return fill(translate("LoginDialog", "%1 (demo)"), line) if demo else line


class LoginDialog(QDialog):
    """Asks for a user name and password; on success :attr:`session` holds the open session."""

    def __init__(self, data_dir: Path, *, demo_users: dict[str, str] | None = None,
                 site_text: str | None = None, site_problem: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.session: Session | None = None
        self.setWindowTitle(self.tr("crf-desktop: log in"))
        self.setMinimumWidth(460)

        title = heading("crf-desktop", scale=1.6)
        self.site_label = QLabel(site_text or "")
        self.site_label.setObjectName("site")
        self.site_label.setVisible(bool(site_text))
        self.site_label.setStyleSheet("font-weight: bold;")
        where = QLabel(fill(self.tr("Data directory: %1"), data_dir))
        where.setWordWrap(True)
        make_selectable(where)
        where.setStyleSheet("color: #444444;")

        self.user_edit = QLineEdit()
        self.user_edit.setAccessibleName("user name")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("password")
        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.user_edit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(user_label, self.user_edit)
        form.addRow(password_label, self.password_edit)

        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Log in"))
        self.login_button = self.buttons.action_button
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.site_label)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.demo_box = self._demo_box(demo_users) if demo_users else None
        if self.demo_box is not None:
            layout.addWidget(self.demo_box)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.user_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.login_button)
        if site_problem:
            self.message.show_error(not_a_site_text(data_dir, site_problem))
        self.user_edit.setFocus()

    def _demo_box(self, demo_users: dict[str, str]) -> QGroupBox:
        box = QGroupBox(self.tr("DEMO: fictitious site for training, not for real patients"))
        box.setObjectName("demo")
        box.setStyleSheet("QGroupBox#demo { font-weight: bold; background: #fff8e1; border: 1px solid #e0c060;"
                          " border-radius: 4px; margin-top: 1.4em; padding: 8px 4px 4px 4px; }"
                          "QGroupBox#demo::title { subcontrol-origin: margin; left: 8px; color: #6b4e00; }")
        grid = QGridLayout(box)
        note = QLabel(self.tr("Demo users and their passwords (also printed in the terminal). Choose a user to "
                              "fill in the fields."))
        note.setWordWrap(True)
        note.setStyleSheet("font-weight: normal;")
        grid.addWidget(note, 0, 0, 1, 2)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.demo_buttons: dict[str, QPushButton] = {}
        for row, (name, password) in enumerate(demo_users.items(), start=1):
            button = QPushButton(name)
            button.setAutoDefault(False)
            button.setToolTip(fill(self.tr("Fill in %1 and the demo password"), name))
            button.clicked.connect(lambda _checked=False, n=name, p=password: self.fill_demo_user(n, p))
            shown = QLabel(password)
            shown.setFont(mono)
            make_selectable(shown)
            grid.addWidget(button, row, 0)
            grid.addWidget(shown, row, 1)
            self.demo_buttons[name] = button
        grid.setColumnStretch(1, 1)
        return box

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)  # the word-wrapped notes (the demo box's) whole at the window's width, in every language

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the fallback font, installed once the window is up (issue 10):
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))  # once every label has the new font (taller lines)

    def fill_demo_user(self, name: str, password: str) -> None:
        self.user_edit.setText(name)
        self.password_edit.setText(password)
        self.login_button.setFocus()

    def try_login(self) -> None:
        from crf_desktop.services.session import login
        from crf_desktop.ui.operation import run_service

        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.message.show_error(self.tr("Enter your user name."))
            self.user_edit.setFocus()
            return
        if not password:
            self.password_edit.setFocus()
            return
        self.login_button.setEnabled(False)
        try:
            outcome = run_service(self, lambda: login(self.data_dir, username, password), inline=self.message)
        finally:
            self.login_button.setEnabled(True)
        if outcome.ok:
            self.session = outcome.value
            self.password_edit.clear()
            self.accept()
            return
        if isinstance(outcome.error, DataDirError):
            self.message.show_error(not_a_site_text(self.data_dir, outcome.error))
        self.password_edit.clear()
        self.password_edit.setFocus()
