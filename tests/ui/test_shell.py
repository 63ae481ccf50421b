"""Issue 2 item 9: the window sequence: login, forced password change, main window, log out, quit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.session import login
from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.shell import Shell
from tests.ui.conftest import DEMO_PASSWORD, NEW_PASSWORD, Sessions

TEMPORARY = "temporary-pass-1"


@pytest.fixture
def shell(demo_dir: Path) -> Iterator[Shell]:
    started = Shell(demo_dir)
    yield started
    started.shut_down()
    for widget in (started.login_dialog, started.password_dialog, started.main_window):
        if widget is not None:
            widget.close()


def login_through(qtbot: QtBot, shell: Shell, user: str, password: str) -> None:
    dialog = shell.login_dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: shell.login_dialog is None)


def test_login_shows_the_main_window_and_log_out_returns_to_login(qtbot: QtBot, shell: Shell) -> None:
    shell.start()
    login_through(qtbot, shell, "admin", DEMO_PASSWORD)
    window = shell.main_window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert "Demo Admin (Site administrator)" in window.windowTitle()
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: shell.login_dialog is not None and shell.login_dialog.isVisible())
    assert shell.main_window is None
    assert shell.login_dialog.site_label.text() == "Site 01 · Study NCT03580291"  # known after one login


def test_cancelling_the_login_finishes_with_exit_code_zero(qtbot: QtBot, shell: Shell) -> None:
    shell.start()
    with qtbot.waitSignal(shell.finished) as finished:
        assert shell.login_dialog is not None
        shell.login_dialog.reject()
    assert finished.args == [0]


def test_quitting_from_the_main_window_finishes(qtbot: QtBot, shell: Shell) -> None:
    shell.start()
    login_through(qtbot, shell, "monitor", DEMO_PASSWORD)
    assert shell.main_window is not None
    with qtbot.waitSignal(shell.finished) as finished:
        shell.main_window.quit_action.trigger()
    assert finished.args == [0]


def reset_coordinator(sessions: Sessions) -> None:
    admin = sessions.login("admin")
    admin.reset_password("coordinator", TEMPORARY)
    admin.close()


def test_a_reset_password_must_be_changed_before_the_main_window(qtbot: QtBot, shell: Shell,
                                                                 sessions: Sessions) -> None:
    reset_coordinator(sessions)
    shell.start()
    login_through(qtbot, shell, "coordinator", TEMPORARY)
    assert shell.main_window is None
    dialog = shell.password_dialog
    assert isinstance(dialog, ChangePasswordDialog) and dialog.forced and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.current_edit.setText(TEMPORARY)
    dialog.rows.new_edit.setText("coordinator")
    assert "must not be the user name" in dialog.rows.feedback.text()  # live feedback from the rule
    dialog.rows.new_edit.setText(NEW_PASSWORD)
    dialog.rows.repeat_edit.setText(NEW_PASSWORD)
    assert "✓" in dialog.rows.feedback.text() and dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert not shell.main_window.session.user.must_change_password
    assert shell.main_window.audit_panel.model.entry(0).action == "password changed"
    shell.main_window.close()
    login(sessions.data_dir, "coordinator", NEW_PASSWORD).close()


def test_a_wrong_temporary_password_in_the_change_dialog_is_shown_inline(qtbot: QtBot, shell: Shell,
                                                                         sessions: Sessions) -> None:
    reset_coordinator(sessions)
    shell.start()
    login_through(qtbot, shell, "coordinator", TEMPORARY)
    dialog = shell.password_dialog
    assert dialog is not None
    dialog.current_edit.setText("not the temporary one")
    dialog.rows.new_edit.setText(NEW_PASSWORD)
    dialog.rows.repeat_edit.setText(NEW_PASSWORD)
    dialog.ok_button.click()
    assert dialog.isVisible() and "current password is wrong" in dialog.message.text()


def test_cancelling_the_forced_change_logs_out(qtbot: QtBot, shell: Shell, sessions: Sessions) -> None:
    reset_coordinator(sessions)
    shell.start()
    login_through(qtbot, shell, "coordinator", TEMPORARY)
    dialog = shell.password_dialog
    assert dialog is not None and dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "Log &out"
    dialog.reject()
    qtbot.waitUntil(lambda: shell.login_dialog is not None)
    assert shell.main_window is None
    again = login(sessions.data_dir, "coordinator", TEMPORARY)  # the data directory was released
    try:
        assert again.user.must_change_password
    finally:
        again.close()
