"""Issue 2 item 9: the admin's users dialog, driven through its sub-dialogs; refusal for other roles."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core.errors import AuthenticationError
from crf_desktop.core.roles import Role
from crf_desktop.services.session import login
from crf_desktop.ui.user_edit_dialogs import AddUserDialog, DisableUserDialog, ResetPasswordDialog
from crf_desktop.ui.users_dialog import UsersDialog
from tests.ui.conftest import DEMO_PASSWORD, Sessions

TEMPORARY = "temporary-pass-1"


def open_users(qtbot: QtBot, sessions: Sessions, user: str = "admin") -> UsersDialog:
    dialog = UsersDialog(sessions.login(user))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def usernames(dialog: UsersDialog) -> list[str]:
    return [dialog.model.user(row).username for row in range(dialog.model.rowCount())]


def test_the_admin_sees_every_user_and_the_model_is_sound(qtbot: QtBot, qtmodeltester, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions)
    assert not dialog.message.isVisible()
    assert sorted(usernames(dialog)) == ["admin", "coordinator", "datamanager", "investigator", "monitor"]
    row = dialog.model.row_of("coordinator")
    assert row is not None
    assert [dialog.model.cell_text(row, c) for c in range(5)] == [
        "coordinator", "Li Na (demo coordinator)", "Site coordinator", "yes", ""]
    qtmodeltester.check(dialog.model)


def test_the_admin_adds_a_user_who_appears_in_the_table_and_the_service(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions)
    dialog.add_button.click()
    add = dialog.dialog
    assert isinstance(add, AddUserDialog) and add.isVisible()
    assert not add.ok_button.isEnabled()
    add.username_edit.setText("wang.fang")
    add.full_name_edit.setText("Wang Fang")
    add.role_combo.setCurrentIndex(add.role_combo.findData(Role.INVESTIGATOR))
    add.rows.new_edit.setText("short")
    assert "at least 10 characters" in add.rows.feedback.text()  # live rule feedback
    add.rows.new_edit.setText(TEMPORARY)
    add.rows.repeat_edit.setText(TEMPORARY + "x")
    assert "differ" in add.rows.feedback.text() and not add.ok_button.isEnabled()
    add.rows.repeat_edit.setText(TEMPORARY)
    assert add.ok_button.isEnabled()
    add.ok_button.click()
    qtbot.waitUntil(lambda: dialog.dialog is None)
    assert "wang.fang" in usernames(dialog)
    assert dialog.selected_username() == "wang.fang"
    assert "must change the temporary password" in dialog.message.text()
    added = {u.username: u for u in dialog.session.list_users()}["wang.fang"]
    assert added.role is Role.INVESTIGATOR and added.must_change_password


def test_a_user_name_that_exists_is_refused_inline_and_the_dialog_stays(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions)
    add = dialog.open_add_user()
    add.username_edit.setText("monitor")
    add.full_name_edit.setText("Someone Else")
    add.rows.new_edit.setText(TEMPORARY)
    add.rows.repeat_edit.setText(TEMPORARY)
    add.ok_button.click()
    assert add.isVisible() and dialog.dialog is add
    assert "already exists" in add.message.text()


def test_a_coordinator_opening_the_users_dialog_sees_the_refusal(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions, "coordinator")
    assert dialog.message.isVisible() and dialog.message.kind == "error"
    assert "may not manage users" in dialog.message.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.add_button.isEnabled()
    assert not dialog.reset_button.isEnabled() and not dialog.disable_button.isEnabled()


def test_disabling_needs_a_reason_and_stops_the_login(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions)
    dialog.select_user("monitor")
    assert dialog.disable_button.isEnabled()
    disable = dialog.open_disable_user()
    assert isinstance(disable, DisableUserDialog)
    assert not disable.ok_button.isEnabled()
    disable.reason_edit.setText("left the study team")
    disable.ok_button.click()
    qtbot.waitUntil(lambda: dialog.dialog is None)
    row = dialog.model.row_of("monitor")
    assert row is not None and dialog.model.cell_text(row, 3) == "disabled"
    dialog.select_user("admin")
    assert not dialog.disable_button.isEnabled()  # one cannot disable oneself


def test_reset_password_gives_a_temporary_password(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = open_users(qtbot, sessions)
    dialog.select_user("coordinator")
    reset = dialog.open_reset_password()
    assert isinstance(reset, ResetPasswordDialog)
    reset.rows.new_edit.setText(TEMPORARY)
    reset.rows.repeat_edit.setText(TEMPORARY)
    reset.ok_button.click()
    qtbot.waitUntil(lambda: dialog.dialog is None)
    row = dialog.model.row_of("coordinator")
    assert row is not None and dialog.model.cell_text(row, 4) == "yes"
    dialog.session.close()
    with pytest.raises(AuthenticationError):
        login(sessions.data_dir, "coordinator", DEMO_PASSWORD)  # the old password is gone
    again = login(sessions.data_dir, "coordinator", TEMPORARY)
    try:
        assert again.user.must_change_password
    finally:
        again.close()
