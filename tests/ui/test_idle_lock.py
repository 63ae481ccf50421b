"""Issue 2 item 9: the idle screen lock keeps what was typed, unlocks only with the user's password."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.ui.idle_lock import LockCover, LockScreen
from crf_desktop.ui.main_window import LOGOUT, MainWindow
from crf_desktop.ui.qt import QDialog, QLineEdit, Qt, QVBoxLayout
from tests.ui.conftest import DEMO_PASSWORD, Sessions

TINY = 0.005  # minutes: 300 ms


def open_main(qtbot: QtBot, sessions: Sessions, *, idle_minutes: float = 15.0) -> MainWindow:
    window = MainWindow(sessions.login("coordinator"), idle_minutes=idle_minutes)
    qtbot.addWidget(window)
    window.show()
    return window


def half_typed_dialog(qtbot: QtBot, window: MainWindow) -> QLineEdit:
    """A dialog with an entry in progress, as a data-entry form will have."""
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.show()
    qtbot.keyClicks(edit, "systolic 132")
    return edit


def screen_of(window: MainWindow) -> LockScreen:
    screen = window.idle_lock.screen
    assert screen is not None
    return screen


def test_idle_time_locks_keeps_the_typed_text_and_only_the_password_unlocks(qtbot: QtBot,
                                                                           sessions: Sessions) -> None:
    window = open_main(qtbot, sessions, idle_minutes=TINY)
    edit = half_typed_dialog(qtbot, window)
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=5000)
    window.idle_lock.timer.setInterval(600_000)  # no second lock while the test goes on
    screen = screen_of(window)
    assert screen.isVisible() and screen.isModal()
    covers = window.findChildren(LockCover)  # recursive: the dialog is the main window's child
    assert {c.parentWidget() for c in covers} == {window, edit.window()}  # both windows are hidden
    assert all(c.isVisible() and c.geometry() == c.parentWidget().rect() for c in covers)

    screen.password_edit.setText("not my password")
    screen.unlock_button.click()
    assert window.idle_lock.is_locked
    assert "wrong" in screen.message.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Escape does not dismiss the lock
    assert window.idle_lock.is_locked and screen.isVisible()

    screen.password_edit.setText(DEMO_PASSWORD)
    screen.unlock_button.click()
    assert not window.idle_lock.is_locked
    qtbot.waitUntil(lambda: not any(c.isVisible() for c in window.findChildren(LockCover)))
    assert edit.text() == "systolic 132" and edit.isVisible()
    actions = [e.action for e in window.session.audit_trail(limit=4)]
    assert actions[:3] == ["screen unlocked", "re-authentication failed", "screen locked"]


def test_ctrl_l_locks_at_once(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.idle_lock.is_locked)
    screen_of(window).password_edit.setText(DEMO_PASSWORD)
    qtbot.keyClick(screen_of(window).password_edit, Qt.Key.Key_Return)
    assert not window.idle_lock.is_locked


def test_input_restarts_the_idle_timer(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions, idle_minutes=0.02)  # 1.2 s
    window.idle_lock.timer.stop()
    edit = half_typed_dialog(qtbot, window)
    assert window.idle_lock.timer.isActive()  # typing started it again
    assert edit.text() == "systolic 132"


def test_log_out_from_the_lock_screen_ends_the_session(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    window.lock_action.trigger()
    with qtbot.waitSignal(window.session_ended) as ended:
        screen_of(window).logout_button.click()
    assert ended.args == [LOGOUT]
    assert not window.session_open and not window.idle_lock.is_locked


def test_a_locked_account_says_so_on_the_lock_screen(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    window.lock_screen()
    screen = screen_of(window)
    for _ in range(5):
        screen.password_edit.setText("wrong password!")
        screen.unlock_button.click()
    screen.password_edit.setText(DEMO_PASSWORD)
    screen.unlock_button.click()
    assert window.idle_lock.is_locked
    assert "is locked for" in screen.message.text()
