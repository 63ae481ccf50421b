"""QA pass: menu keys (Alt+F, F10, log out), the dashboard search by keyboard, focus and selection after opening
a subject or closing a form, the "Not saved" banner, the lock heading, window size, counts and the shell."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.ui import language
from crf_desktop.ui.idle_lock import LockScreen
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QKeySequence, Qt
from crf_desktop.ui.shell import Shell
from tests.ui.conftest import DEMO_PASSWORD, Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, fill, new_subject, open_editor, open_main


def active_main(qtbot: QtBot, sessions: Sessions, user: str = "coordinator") -> MainWindow:
    window = open_main(qtbot, sessions.login(user))
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_alt_f_opens_the_file_menu_from_the_search_box(qtbot: QtBot, sessions: Sessions) -> None:
    window = active_main(qtbot, sessions)
    dashboard = window.dashboard
    assert dashboard is not None
    assert "&F" not in dashboard.search_label.text()
    dashboard.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.search_edit)
    qtbot.keyClick(dashboard.search_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    window.file_menu.close()


def test_f10_opens_the_menu_bar_and_log_out_has_a_shortcut(qtbot: QtBot, sessions: Sessions) -> None:
    window = active_main(qtbot, sessions)
    assert window.dashboard is not None
    window.dashboard.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dashboard.table)
    qtbot.keyClick(window.dashboard.table, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    window.file_menu.close()
    shortcut = window.logout_action.shortcut()
    assert not shortcut.isEmpty() and shortcut != window.lock_action.shortcut()
    assert shortcut == QKeySequence("Ctrl+Shift+L")


def test_down_and_enter_in_the_search_box(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    first, second = new_subject(session, "QAX"), new_subject(session, "QAY")
    window = open_main(qtbot, session)
    window.activateWindow()
    qtbot.waitActive(window)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.search_edit)
    qtbot.keyClicks(dashboard.search_edit, "QA")
    qtbot.keyClick(dashboard.search_edit, Qt.Key.Key_Down)  # two matches: to the first one
    assert QApplication.focusWidget() is dashboard.table
    assert dashboard.table.currentIndex().row() == 0
    dashboard.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.search_edit)
    qtbot.keyClick(dashboard.search_edit, Qt.Key.Key_Return)  # several: Enter also goes to the first
    assert QApplication.focusWidget() is dashboard.table and window.tabs.currentWidget() is dashboard
    dashboard.search_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.search_edit)
    qtbot.keyClicks(dashboard.search_edit, "Y")  # one match: Enter opens it
    qtbot.keyClick(dashboard.search_edit, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert page is window.subject_pages.get(second) and first not in window.subject_pages
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.tree)  # not the tab bar: Down works at once


def test_the_selected_dashboard_cell_stays_selected_after_a_form_closes(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    new_subject(session, "QAA")
    subject_id = new_subject(session, "QAB")
    window = open_main(qtbot, session)
    dashboard = window.dashboard
    assert dashboard is not None
    selected = dashboard.select(subject_id, "screening")
    assert selected.isValid()
    editor = open_editor(qtbot, window, subject_id)
    fill(editor, DEMOGRAPHICS)
    assert editor.save() is not None  # refreshes the dashboard
    editor.close_without_asking()
    current = dashboard.table.currentIndex()
    source = dashboard.proxy.mapToSource(current)
    assert dashboard.model.row(source.row()).subject.subject_id == subject_id
    assert dashboard.model.visit_code(source.column()) == "screening"


def test_the_not_saved_banner_follows_the_corrections(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    editor = open_editor(qtbot, open_main(qtbot, session), new_subject(session))
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS, "weight_kg": "130", "height_cm": "300"})
    outcome = editor.save()
    assert outcome is not None and not outcome.saved and len(outcome.refused) == 2
    assert editor.message.isVisible() and editor.message.text().startswith("Not saved: 2 value(s)")
    fill(editor, {"height_cm": "160"})
    assert editor.message.isVisible() and editor.message.text().startswith("Not saved: 1 value(s)")
    editor.rows["weight_kg"].confirm_box.click()
    assert editor.message.isHidden()
    outcome = editor.save()
    assert outcome is not None and outcome.saved


def test_the_lock_heading_shows_the_name_and_role(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    screen = LockScreen(session)
    qtbot.addWidget(screen)
    assert screen.heading.text() == f"Locked: {session.user.full_name} · Site coordinator"


def test_the_main_window_fills_the_screen_and_counts_use_plurals(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    free = window.screen().availableGeometry()
    # the screen's free area (800×800 offscreen), not a fixed 1100×680
    assert window.width() >= free.width() * 0.9 and window.height() >= free.height() * 0.9
    dashboard = window.dashboard
    assert dashboard is not None
    text = dashboard.counts_text
    assert "subject(s)" not in text and "visit(s)" not in text
    overdue = dashboard.dashboard.counts().overdue_visits
    label = dashboard.counts_label.text()
    assert ("color: #9c2500" in label) == bool(overdue)
    assert "#9c2500" not in dashboard.counts_label.styleSheet()


def test_the_counts_are_normal_text_without_anything_overdue(qtbot: QtBot, sessions: Sessions,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.dashboard is not None
    counts = dashboard.dashboard.counts()
    monkeypatch.setattr(type(dashboard.dashboard), "counts",
                        lambda _self: dataclasses.replace(counts, overdue_visits=0, subjects=1))
    dashboard._show_counts()
    assert dashboard.counts_text.startswith("1 subject  ·") and "0 overdue visits" in dashboard.counts_text
    assert "#9c2500" not in dashboard.counts_label.text()


def test_the_language_menu_reads_in_both_languages(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    assert window.language_menu.title() == "&Language / 语言"
    window.set_language(language.CHINESE)
    assert window.language_menu.title() == "&Language / 语言"


def test_the_login_header_keeps_demo_after_log_out(qtbot: QtBot, demo_dir: Path) -> None:
    shell = Shell(demo_dir, demo_users={"admin": DEMO_PASSWORD}, site_text="Site 01 · Study NCT03580291 (demo)")
    try:
        shell.start()
        dialog = shell.login_dialog
        assert dialog is not None
        dialog.user_edit.setText("admin")
        dialog.password_edit.setText(DEMO_PASSWORD)
        dialog.login_button.click()
        qtbot.waitUntil(lambda: shell.main_window is not None)
        assert shell.main_window.isMaximized() or shell.main_window.isVisible()
        shell.main_window.logout_action.trigger()
        qtbot.waitUntil(lambda: shell.login_dialog is not None and shell.login_dialog.isVisible())
        assert shell.login_dialog.site_label.text() == "Site 01 · Study NCT03580291 (demo)"
    finally:
        shell.shut_down()
        for widget in (shell.login_dialog, shell.main_window):
            if widget is not None:
                widget.close()
