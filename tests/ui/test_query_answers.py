"""Issues 3 and 8 (item 4): at the site a query is seen on its field, answered by the coordinator or investigator,
and closed or re-opened by the monitor who raised it, all from the GUI and by keyboard."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core.errors import PermissionDenied
from crf_desktop.services import queries, records
from crf_desktop.services.queries import QueryStatus
from crf_desktop.ui.dashboard_model import QUERIES
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QDialog, Qt
from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog
from crf_desktop.ui.query_close_dialog import QueryCloseDialog
from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog
from tests.ui.conftest import Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, new_subject, open_editor, open_main

QUESTION = "Weight 58 kg differs from 68 kg on the clinic scale log: please check."


def saved_subject(sessions: Sessions) -> str:
    coordinator = sessions.login("coordinator")
    subject_id = new_subject(coordinator)
    assert records.save_record(coordinator, subject_id=subject_id, visit="screening", form_id="demographics",
                               raw={**DEMOGRAPHICS, **ACR_ANSWERS}).saved
    coordinator.close()
    return subject_id


def focus_field(qtbot: QtBot, editor: FormEditor, field_id: str) -> None:
    editor.activateWindow()
    qtbot.waitActive(editor)
    target = editor.rows[field_id].input.focus_widget()
    target.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)


def press_query_shortcut(qtbot: QtBot, editor: FormEditor) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def menu_actions(editor: FormEditor, field_id: str) -> dict[str, bool]:
    """Menu entry (without its shortcut column) → enabled."""
    return {a.text().split("\t")[0]: a.isEnabled() for a in editor.field_menu(field_id).actions()}


def dashboard_queries(window: MainWindow, subject_id: str) -> str:
    model = window.dashboard.model
    return str(model.data(model.index(model.row_of(subject_id), QUERIES)))


def raise_by_gui(qtbot: QtBot, sessions: Sessions, subject_id: str) -> int:
    monitor = sessions.login("monitor")
    window = open_main(qtbot, monitor)
    editor = open_editor(qtbot, window, subject_id)
    assert not editor.has_queries("weight_kg") and "weight_kg" not in editor.query_markers
    focus_field(qtbot, editor, "weight_kg")
    press_query_shortcut(qtbot, editor)  # on a field without a query, the monitor's shortcut raises one
    dialog = editor.dialog
    assert isinstance(dialog, RaiseQueryDialog)
    dialog.question_edit.setPlainText(QUESTION)
    dialog.ok_button.click()
    marker = editor.query_markers["weight_kg"]
    assert marker.isVisible() and QUESTION in marker.text() and "open" in marker.text()
    assert dialog.query is not None
    window.close()
    monitor.close()
    return dialog.query.id


def test_the_coordinator_answers_by_keyboard_and_the_monitor_closes(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    query_id = raise_by_gui(qtbot, sessions, subject_id)

    coordinator = sessions.login("coordinator")
    window = open_main(qtbot, coordinator)
    page = window.open_subject(subject_id)
    assert page.tabs.tabText(1) == "Open queries (1)"
    assert dashboard_queries(window, subject_id) == "1"
    editor = open_editor(qtbot, window, subject_id)
    marker = editor.query_markers["weight_kg"]
    assert marker.isVisible() and marker.isEnabled() and marker.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert QUESTION in marker.text() and "monitor" in marker.toolTip() and "Answer query…" in marker.text()
    actions = menu_actions(editor, "weight_kg")
    assert actions["&Answer query…"] and "C&lose query…" not in actions and "Raise &query…" not in actions
    assert "&Answer query…" not in menu_actions(editor, "height_cm")  # a field without a query

    focus_field(qtbot, editor, "weight_kg")
    press_query_shortcut(qtbot, editor)
    dialog = editor.dialog
    assert isinstance(dialog, QueryAnswerDialog)
    qtbot.waitActive(dialog)
    assert QUESTION in dialog.question_label.text() and "monitor" in dialog.raised_label.text()
    assert dialog.value_label.text() == "Value now: 58.0 kg"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.answer_edit)
    qtbot.keyClicks(dialog.answer_edit, "Checked the scale log: 58 kg is right, 68 was another patient.")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    answered = queries.record_queries(coordinator, subject_id=subject_id, visit="screening", form_id="demographics")
    assert [(q.id, q.status, q.answered_by) for q in answered] == [(query_id, QueryStatus.ANSWERED, "coordinator")]
    assert "answered" in marker.text() and "Query on Weight answered." in editor.message.text()
    assert page.tabs.tabText(1) == "Open queries (1)"  # answered, not yet closed by the monitor
    assert page.queries_tree.topLevelItem(0).text(4) == "answered"
    window.close()
    coordinator.close()

    monitor = sessions.login("monitor")
    window = open_main(qtbot, monitor)
    page = window.open_subject(subject_id)
    editor = open_editor(qtbot, window, subject_id)
    marker = editor.query_markers["weight_kg"]
    assert "Close query…" in marker.text() and "58 kg is right" in marker.toolTip()
    actions = menu_actions(editor, "weight_kg")
    assert actions["C&lose query…"] and actions["Re-&open query…"] and "&Answer query…" not in actions
    focus_field(qtbot, editor, "weight_kg")
    press_query_shortcut(qtbot, editor)
    closing = editor.dialog
    assert isinstance(closing, QueryCloseDialog) and not closing.reopen
    qtbot.waitActive(closing)
    assert "58 kg is right" in closing.answer_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is closing.ok_button)
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(closing.ok_button, Qt.Key.Key_Return)
    assert closing.result() == QDialog.DialogCode.Accepted
    assert queries.subject_queries(monitor, subject_id)[-1].status is QueryStatus.CLOSED
    assert not marker.isVisible() and not editor.has_queries("weight_kg")
    assert page.tabs.tabText(1) == "Open queries (0)"
    assert dashboard_queries(window, subject_id) == ""  # the dashboard leaves the cell blank at no open query


def test_an_empty_answer_is_refused_in_the_dialog(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    raise_by_gui(qtbot, sessions, subject_id)
    coordinator = sessions.login("coordinator")
    editor = open_editor(qtbot, open_main(qtbot, coordinator), subject_id)
    dialog = editor.query_action("weight_kg")
    assert isinstance(dialog, QueryAnswerDialog)
    qtbot.waitActive(dialog)
    qtbot.keyClicks(dialog.answer_edit, "   ")
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.query is None
    assert "Write the answer first" in dialog.message.text()
    assert queries.subject_queries(coordinator, subject_id)[-1].status is QueryStatus.OPEN


def test_roles_that_do_not_answer_are_not_offered_it_and_the_service_refuses(qtbot: QtBot,
                                                                            sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    query_id = raise_by_gui(qtbot, sessions, subject_id)
    manager = sessions.login("datamanager")  # raises queries, does not answer them, did not raise this one
    editor = open_editor(qtbot, open_main(qtbot, manager), subject_id)
    actions = menu_actions(editor, "weight_kg")
    assert "&Answer query…" not in actions
    assert actions["C&lose query…"] is False and actions["Re-&open query…"] is False
    assert editor.answerable_query("weight_kg") is None
    assert editor.query_action("weight_kg") is None and "no query that a data manager" in editor.message.text()
    with pytest.raises(PermissionDenied):
        queries.answer_query(manager, query_id, "answered by the wrong role")
    with pytest.raises(PermissionDenied):
        queries.close_query(manager, query_id)
    assert queries.subject_queries(manager, subject_id)[-1].status is QueryStatus.OPEN


def test_enter_on_the_subject_page_answers_and_the_monitor_re_opens(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    raise_by_gui(qtbot, sessions, subject_id)
    investigator = sessions.login("investigator")
    window = open_main(qtbot, investigator)
    editor = open_editor(qtbot, window, subject_id)  # left open while the query is answered on the subject page
    assert "open" in editor.query_markers["weight_kg"].text()
    page = window.open_subject(subject_id)
    page.tabs.setCurrentIndex(1)
    assert page.answer_query_button.isVisible() and page.answer_query_button.isEnabled()
    window.activateWindow()
    qtbot.waitActive(window)
    page.queries_tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.queries_tree)
    qtbot.keyClick(page.queries_tree, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, QueryAnswerDialog) and dialog.value_label.text() == "Value now: 58.0 kg"
    qtbot.waitActive(dialog)
    qtbot.keyClicks(dialog.answer_edit, "Source verified: 58 kg.")
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert queries.subject_queries(investigator, subject_id)[-1].status is QueryStatus.ANSWERED
    assert page.queries_tree.topLevelItem(0).text(4) == "answered"
    editor.activateWindow()
    qtbot.waitUntil(lambda: "(answered, raised by monitor)" in editor.query_markers["weight_kg"].text())
    window.close()
    investigator.close()

    monitor = sessions.login("monitor")
    window = open_main(qtbot, monitor)
    page = window.open_subject(subject_id)
    assert not page.answer_query_button.isVisibleTo(page)
    editor = open_editor(qtbot, window, subject_id)
    answered = editor.closable_query("weight_kg", answered_only=True)
    assert answered is not None
    reopening = editor.open_close_query(answered, reopen=True)
    qtbot.waitActive(reopening)
    reopening.ok_button.click()  # no follow-up written yet
    assert reopening.isVisible() and "Write the follow-up question first" in reopening.message.text()
    qtbot.keyClicks(reopening.follow_up_edit, "Which scale: clinic or home?")
    qtbot.keyClick(reopening.follow_up_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    query = queries.subject_queries(monitor, subject_id)[-1]
    assert query.status is QueryStatus.OPEN and query.question.endswith("Which scale: clinic or home?")
    assert "open" in editor.query_markers["weight_kg"].text()
    assert page.queries_tree.topLevelItem(0).text(4) == "open"
