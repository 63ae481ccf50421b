"""Issue 2 item 9: the login dialog (user name, password, lockout messages, demo hint, not-a-site help)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QDialog, Qt
from tests.ui.conftest import DEMO_PASSWORD


def make_dialog(qtbot: QtBot, data_dir: Path, **kwargs: object) -> LoginDialog:
    dialog = LoginDialog(data_dir, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(dialog: LoginDialog, user: str, password: str) -> None:
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.login_button.click()


def test_logging_in_with_the_right_password_accepts_and_holds_the_session(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = make_dialog(qtbot, demo_dir)
    attempt(dialog, "coordinator", DEMO_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session is not None
    try:
        assert dialog.session.user.username == "coordinator"
        assert dialog.password_edit.text() == ""  # the password does not linger in the widget
    finally:
        dialog.session.close()


def test_enter_in_the_password_field_logs_in_and_escape_cancels(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = make_dialog(qtbot, demo_dir)
    qtbot.keyClicks(dialog.user_edit, "monitor")
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Return)  # empty password: Enter moves on, no error
    assert dialog.isVisible() and not dialog.message.isVisible()
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.session is not None)
    dialog.session.close()

    other = make_dialog(qtbot, demo_dir)
    with qtbot.waitSignal(other.rejected):
        qtbot.keyClick(other, Qt.Key.Key_Escape)


def test_a_wrong_password_shows_the_attempts_left_inline(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = make_dialog(qtbot, demo_dir)
    attempt(dialog, "coordinator", "not the password")
    assert dialog.isVisible() and dialog.session is None
    assert dialog.message.isVisible() and dialog.message.kind == "error"
    assert "4 attempts left before a 5-minute lock" in dialog.message.text()
    assert dialog.password_edit.text() == ""
    assert dialog.user_edit.text() == "coordinator"


def test_the_sixth_attempt_after_five_wrong_ones_shows_the_lockout(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = make_dialog(qtbot, demo_dir)
    for left in (4, 3, 2, 1):
        attempt(dialog, "investigator", "wrong password!")
        assert f"{left} attempt" in dialog.message.text()
    attempt(dialog, "investigator", "wrong password!")
    assert "now locked for 5 minutes" in dialog.message.text()
    attempt(dialog, "investigator", DEMO_PASSWORD)  # even the right password is refused while locked
    assert dialog.session is None
    assert "is locked after 5 failed logins; try again in" in dialog.message.text()
    assert "ask the site admin" in dialog.message.text()


def test_a_folder_that_is_not_a_site_says_so_with_its_path_and_how_to_create_one(qtbot: QtBot,
                                                                                  tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    dialog = make_dialog(qtbot, empty)
    attempt(dialog, "admin", "whatever-password")
    text = dialog.message.text()
    assert str(empty) in text
    assert "is not a crf-desktop site" in text
    assert "crf-desktop init" in text and "crf-desktop demo" in text


def test_demo_users_are_listed_in_a_demo_box_and_fill_the_fields(qtbot: QtBot, demo_dir: Path) -> None:
    demo_users = {"admin": DEMO_PASSWORD, "coordinator": DEMO_PASSWORD}
    dialog = make_dialog(qtbot, demo_dir, demo_users=demo_users)
    assert dialog.demo_box is not None and "DEMO" in dialog.demo_box.title()
    dialog.demo_buttons["coordinator"].click()
    assert dialog.user_edit.text() == "coordinator"
    assert dialog.password_edit.text() == DEMO_PASSWORD
    dialog.login_button.click()
    assert dialog.session is not None
    dialog.session.close()


def test_no_demo_box_for_a_real_site(qtbot: QtBot, demo_dir: Path) -> None:
    assert make_dialog(qtbot, demo_dir).demo_box is None
