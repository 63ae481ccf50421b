"""Issue 2 item 9: the main window: title, menus by role, status bar, the audit trail page, closing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop import __version__
from crf_desktop.core.roles import Role
from crf_desktop.ui.audit_table_model import AuditTableModel, change_text, local_time, target_text
from crf_desktop.ui.main_window import LOGOUT, QUIT, MainWindow
from crf_desktop.ui.qt import QMessageBox
from crf_desktop.ui.users_dialog import UsersDialog
from tests.ui.conftest import Sessions


def open_main(qtbot: QtBot, sessions: Sessions, user: str = "admin") -> MainWindow:
    window = MainWindow(sessions.login(user))
    qtbot.addWidget(window)
    window.show()
    return window


def actions(model: AuditTableModel) -> list[str]:
    return [model.entry(row).action for row in range(model.rowCount())]


def test_the_title_names_site_study_user_and_role(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions, "coordinator")
    assert window.windowTitle() == ("crf-desktop — Site 01 · NCT03580291 — Li Na (demo coordinator) "
                                    "(Site coordinator)")


def test_the_admin_menu_is_there_for_the_admin_only(qtbot: QtBot, sessions: Sessions) -> None:
    admin = open_main(qtbot, sessions, "admin")
    assert admin.admin_menu.menuAction().isVisible() and admin.users_action.isEnabled()
    admin.users_action.trigger()
    assert isinstance(admin.dialog, UsersDialog) and admin.dialog.isVisible()
    admin.close()
    monitor = open_main(qtbot, sessions, "monitor")
    assert not monitor.admin_menu.menuAction().isVisible()
    assert not monitor.users_action.isEnabled()


def test_the_file_menu_has_its_shortcuts(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_the_status_bar_shows_data_directory_user_and_role(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions, "investigator")
    texts = {key: label.text() for key, label in window.status_labels.items()}
    assert texts["data"] == f"Data: {sessions.data_dir}"
    assert texts["user"] == "User: investigator"
    assert texts["role"] == "Role: Investigator"
    assert "warnings" not in texts and not window.warning_banner.isVisible()  # a local disk: no warning


def test_the_page_shows_the_recent_audit_trail_newest_first(qtbot: QtBot, qtmodeltester,
                                                             sessions: Sessions) -> None:
    admin = sessions.login("admin")  # the demo's own entries are many; add a user so a known entry is recent
    admin.add_user(username="wang.fang", full_name="Wang Fang", role=Role.COORDINATOR, password="temporary-pass-1")
    admin.close()
    window = open_main(qtbot, sessions)
    model = window.audit_panel.model
    qtmodeltester.check(model)
    seen = actions(model)
    assert seen[0] == "login"
    assert "user created" in seen and len(seen) <= 200
    entries = [model.entry(row) for row in range(model.rowCount())]
    assert [e.seq for e in entries] == sorted((e.seq for e in entries), reverse=True)
    created = next(row for row in range(model.rowCount()) if model.entry(row).action == "user created"
                   and model.entry(row).field == "wang.fang")
    assert model.cell_text(created, 1) == "admin"
    assert model.cell_text(created, 3) == "wang.fang"
    assert model.cell_text(created, 4) == "Wang Fang (coordinator)"
    assert model.cell_text(created, 0) == local_time(model.entry(created).ts)


def test_audit_cells_read_like_sentences() -> None:
    class Entry:
        seq, ts, user, action = 7, "2025-01-02T03:04:05.000000Z", "coordinator", "changed"
        subject, visit, form, field = "01-001", "W4", "vitals", "sbp"
        old_value, new_value, reason = "120", "130", "transcription error"

    entry = Entry()
    assert target_text(entry) == "subject 01-001 · visit W4 · form vitals · sbp"
    assert change_text(entry) == "120 → 130"
    entry.old_value, entry.new_value = None, "new"
    assert change_text(entry) == "new"
    assert local_time("not a time") == "not a time"
    assert len(local_time(Entry.ts)) == len("2025-01-02 03:04:05")


def test_refresh_shows_new_entries(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    window.session.record("printed", subject="01-001")
    window.audit_panel.refresh_button.click()
    assert actions(window.audit_panel.model)[0] == "printed"


def test_about_names_the_version_and_the_data_directory(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    box = window.show_about()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert __version__ in box.text() and str(sessions.data_dir) in box.text()
    box.close()


def test_closing_the_window_closes_the_session_and_says_quit(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    with qtbot.waitSignal(window.session_ended) as ended:
        window.close()
    assert ended.args == [QUIT]
    assert not window.session_open
    again = sessions.login("admin")  # the data directory is free again, and the logout was audited
    assert [e.action for e in again.audit_trail(limit=3)][1] == "logout"


def test_log_out_closes_the_session_and_says_logout(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions)
    with qtbot.waitSignal(window.session_ended) as ended:
        window.logout_action.trigger()
    assert ended.args == [LOGOUT]
    assert not window.isVisible()
