"""Issue 2 item 9: every dialog works from the keyboard: mnemonics for each field, a default button, Tab order."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
from crf_desktop.ui.idle_lock import LockScreen
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QPushButton, Qt
from crf_desktop.ui.user_edit_dialogs import AddUserDialog, DisableUserDialog, ResetPasswordDialog
from tests.ui.conftest import Sessions

BUILDERS = {
    "change password": lambda s: ChangePasswordDialog(s, forced=False),
    "forced change": lambda s: ChangePasswordDialog(s, forced=True),
    "add user": lambda s: AddUserDialog(s),
    "reset password": lambda s: ResetPasswordDialog(s, "coordinator"),
    "disable user": lambda s: DisableUserDialog(s, "coordinator"),
    "lock screen": lambda s: LockScreen(s),
}


def check_keyboard_ready(dialog: QDialog) -> None:
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    fields = [w for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox)
              if not isinstance(w.parent(), QComboBox)]
    assert fields
    for field in fields:
        assert field in buddies, f"{field.accessibleName() or field} has no label"
        assert "&" in buddies[field], f"the label {buddies[field]!r} has no mnemonic"
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert len(defaults) == 1


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_each_dialog_has_mnemonics_and_one_default_button(qtbot: QtBot, sessions: Sessions, name: str) -> None:
    session: Session = sessions.login("admin")
    dialog = BUILDERS[name](session)
    qtbot.addWidget(dialog)
    check_keyboard_ready(dialog)


def test_the_login_dialog_is_keyboard_ready_and_tabs_in_order(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = LoginDialog(demo_dir, demo_users={"admin": "x"})
    qtbot.addWidget(dialog)
    check_keyboard_ready(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.user_edit)
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password_edit
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.login_button


def test_an_error_message_makes_the_dialog_tall_enough_to_read_it(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = LoginDialog(demo_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.height()
    dialog.message.show_error("a long message " * 20)
    layout = dialog.layout()
    assert dialog.height() > before
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
