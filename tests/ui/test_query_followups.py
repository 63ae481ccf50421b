"""Issue 8 GUI follow-ups: the marker of an answered query says when, by whom and what was answered and that the
monitor is next, and offers "Add to the answer…"; a re-opened query shows its follow-up question; "Open its form"
on the subject page puts the cursor in the queried field; Alt+A on the subject page answers at the first press."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core import clock
from crf_desktop.forms.dates import display_date
from crf_desktop.services import queries
from crf_desktop.services.queries import Query, QueryStatus
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QDialog, Qt
from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog
from crf_desktop.ui.query_close_dialog import QueryCloseDialog
from crf_desktop.ui.query_marker_text import SHORT, marker_text
from crf_desktop.ui.subject_page import SubjectPage
from tests.ui.conftest import Sessions
from tests.ui.data_entry import open_editor, open_main
from tests.ui.test_query_answers import focus_field, press_query_shortcut, saved_subject

QUESTION = "Weight 58 kg differs from 68 kg on the clinic scale log: please check."
ANSWER = "Checked the clinic scale log: 58 kg is right.\n68 kg was written for another patient that day."
ADDITION = "The scale log page is filed with the source documents."
FOLLOW_UP = "Which scale was used at screening: clinic or home?"
LAST_FIELD = "acr_ana"  # the last field of Demographics: below the first screen of the form


@pytest.fixture
def answer_day() -> Iterator[datetime]:
    """The answers are given three days from now at noon UTC: the marker must show that day, not today."""
    moment = (datetime.now(UTC) + timedelta(days=3)).replace(hour=12, minute=0, second=0, microsecond=0)
    clock.set_clock(lambda: moment)
    yield moment
    clock.set_clock(None)


def raise_query(sessions: Sessions, subject_id: str, field_id: str = "weight_kg", question: str = QUESTION) -> int:
    monitor = sessions.login("monitor")
    query = queries.raise_query(monitor, subject_id=subject_id, visit="screening", form_id="demographics",
                                field_id=field_id, question=question)
    monitor.close()
    return query.id


def active_window(qtbot: QtBot, sessions: Sessions, user: str) -> MainWindow:
    window = open_main(qtbot, sessions.login(user))
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def answer_by_shortcut(qtbot: QtBot, editor: FormEditor, text: str) -> QueryAnswerDialog:
    focus_field(qtbot, editor, "weight_kg")
    press_query_shortcut(qtbot, editor)
    dialog = editor.dialog
    assert isinstance(dialog, QueryAnswerDialog)
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.answer_edit)
    dialog.answer_edit.setPlainText(text)
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog


def test_the_answered_marker_says_when_who_and_what_and_offers_to_add(qtbot: QtBot, sessions: Sessions,
                                                                      answer_day: datetime) -> None:
    subject_id = saved_subject(sessions)
    query_id = raise_query(sessions, subject_id)
    window = active_window(qtbot, sessions, "coordinator")
    editor = open_editor(qtbot, window, subject_id)
    marker = editor.query_markers["weight_kg"]
    assert "Answer query… (Enter, or Ctrl+Shift+Q on the field)" in marker.text()
    assert "Answered" not in marker.text()

    first = answer_by_shortcut(qtbot, editor, ANSWER)
    assert not first.adding and first.ok_button.text() == "&Answer query"
    day = display_date(answer_day.astimezone().date())
    assert marker.text().splitlines() == [
        "⚑ Query (answered, raised by monitor):", QUESTION,
        f"Answered {day} by coordinator, waiting for the monitor:",
        "Checked the clinic scale log: 58 kg is right…",  # its first line; all of it in the tooltip
        "Add to the answer… (Enter, or Ctrl+Shift+Q on the field)"]
    assert "Answer query…" not in marker.text() and marker.isEnabled()
    assert "68 kg was written for another patient" in marker.toolTip()  # the whole answer stays in the tooltip
    offered = [a.text().split("\t")[0] for a in editor.field_menu("weight_kg").actions()]
    assert "&Add to the answer…" in offered and "&Answer query…" not in offered  # the field's menu says the same

    adding = answer_by_shortcut(qtbot, editor, ADDITION)  # Ctrl+Shift+Q still works on an answered query
    assert adding.adding and adding.ok_button.text() == "&Add to the answer"
    assert adding.windowTitle() == "crf-desktop: add to the answer of a query"
    [query] = queries.record_queries(editor.session, subject_id=subject_id, visit="screening",
                                     form_id="demographics")
    assert query.id == query_id and query.status is QueryStatus.ANSWERED
    assert query.answer == f"{ANSWER}\n— {ADDITION}"  # added under the answer so far, nothing lost
    assert f"Answered {day} by coordinator, waiting for the monitor:\nChecked the clinic scale log" in marker.text()
    assert "Add to the answer…" in marker.text()
    window.close()

    monitor_window = active_window(qtbot, sessions, "monitor")
    monitor_editor = open_editor(qtbot, monitor_window, subject_id)
    lines = monitor_editor.query_markers["weight_kg"].text().splitlines()
    assert lines[2:] == [f"Answered {day} by coordinator:",  # the monitor is not told to wait for themselves
                         "Checked the clinic scale log: 58 kg is right…",
                         "Close query… (Enter, or Ctrl+Shift+Q on the field)"]


def test_an_empty_addition_is_refused_and_the_answer_kept(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    query_id = raise_query(sessions, subject_id)
    coordinator = sessions.login("coordinator")
    queries.answer_query(coordinator, query_id, ANSWER)
    editor = open_editor(qtbot, open_main(qtbot, coordinator), subject_id)
    dialog = editor.query_action("weight_kg")
    assert isinstance(dialog, QueryAnswerDialog) and dialog.adding
    qtbot.waitActive(dialog)
    assert dialog.findChildren(type(dialog.raised_label))  # the earlier answer is shown above the box
    assert any(label.text() == f"Earlier answer: {ANSWER}" for label in dialog.findChildren(type(dialog.raised_label)))
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "Write what you add first" in dialog.message.text()
    assert queries.subject_queries(coordinator, subject_id)[-1].answer == ANSWER


def test_a_re_opened_query_shows_its_follow_up_question(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    query_id = raise_query(sessions, subject_id)
    coordinator = sessions.login("coordinator")
    queries.answer_query(coordinator, query_id, ANSWER)
    coordinator.close()  # one program at a time on a site
    monitor = sessions.login("monitor")
    queries.close_query(monitor, query_id, reopen_with=FOLLOW_UP)
    monitor.close()
    editor = open_editor(qtbot, open_main(qtbot, sessions.login("coordinator")), subject_id)
    assert editor.query_markers["weight_kg"].text().splitlines() == [
        "⚑ Query open again (raised by monitor), follow-up question:", FOLLOW_UP,
        "Answer query… (Enter, or Ctrl+Shift+Q on the field)"]
    dialog = editor.query_action("weight_kg")
    assert isinstance(dialog, QueryAnswerDialog) and not dialog.adding  # the follow-up gets an answer of its own


def _queries_tab(qtbot: QtBot, window: MainWindow, subject_id: str) -> SubjectPage:
    """The subject's page on its Open queries tab, the cursor in the list of queries."""
    page = window.open_subject(subject_id)
    page.tabs.setCurrentIndex(1)
    window.activateWindow()
    qtbot.waitActive(window)
    page.queries_tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.queries_tree)
    return page


def test_open_its_form_puts_the_cursor_in_the_queried_field(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    raise_query(sessions, subject_id, LAST_FIELD, "ANA: the lab report says negative; please check.")
    window = open_main(qtbot, sessions.login("coordinator"))
    page = _queries_tab(qtbot, window, subject_id)
    qtbot.keyClick(page.queries_tree, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "Open &its form"
    key = (subject_id, "screening", "demographics", 0)
    qtbot.waitUntil(lambda: key in window.editors)  # the button clicks itself a moment after its Alt key
    editor = window.editors[key]
    qtbot.waitActive(editor)
    row = editor.rows[LAST_FIELD]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.input.focus_widget())
    assert editor.scroll.verticalScrollBar().value() > 0  # scrolled down to it
    marker = editor.query_markers[LAST_FIELD]
    viewport = editor.scroll.viewport()
    for widget in (row.input.focus_widget(), marker):  # the field and its query are both on screen
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        assert viewport.rect().contains(top_left) and viewport.rect().contains(
            widget.mapTo(viewport, widget.rect().bottomLeft()))


def test_enter_on_a_query_opens_the_monitor_s_form_at_the_field(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    raise_query(sessions, subject_id, LAST_FIELD, "ANA: the lab report says negative; please check.")
    window = open_main(qtbot, sessions.login("monitor"))  # the monitor does not answer: Enter opens the form
    page = _queries_tab(qtbot, window, subject_id)
    qtbot.keyClick(page.queries_tree, Qt.Key.Key_Return)
    editor = window.editors[(subject_id, "screening", "demographics", 0)]
    qtbot.waitActive(editor)
    assert editor.read_only
    # the choice is read-only to the monitor but takes the cursor, as a read-only text box does; Ctrl+Shift+Q
    # there closes the query, and so does Enter on the query's marker
    choice = editor.rows[LAST_FIELD].input.focus_widget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is choice)
    press_query_shortcut(qtbot, editor)
    assert isinstance(editor.dialog, QueryCloseDialog)
    editor.dialog.reject()
    qtbot.waitUntil(lambda: editor.dialog is None)
    marker = editor.query_markers[LAST_FIELD]
    assert "Close query…" in marker.text() and marker.isEnabled()
    marker.setFocus()
    qtbot.keyClick(marker, Qt.Key.Key_Return)
    assert isinstance(editor.dialog, QueryCloseDialog)
    editor.dialog.reject()


def test_alt_a_on_the_subject_page_answers_at_the_first_press(qtbot: QtBot, sessions: Sessions) -> None:
    subject_id = saved_subject(sessions)
    raise_query(sessions, subject_id)
    window = open_main(qtbot, sessions.login("coordinator"))
    page = _queries_tab(qtbot, window, subject_id)
    assert page.answer_query_button.text() == "&Answer…"
    qtbot.keyClick(page.queries_tree, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    # one press, one action (the button clicks itself a moment later): not the focus to a hidden Admin menu
    qtbot.waitUntil(lambda: isinstance(page.dialog, QueryAnswerDialog))
    assert window.menuBar().activeAction() is None
    page.dialog.reject()


def test_alt_a_still_opens_the_admin_menu_for_the_administrator(qtbot: QtBot, sessions: Sessions) -> None:
    window = active_window(qtbot, sessions, "admin")
    assert window.admin_menu.menuAction().isVisible()
    window.tabs.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tabs.tabBar())
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.admin_menu)
    window.admin_menu.close()


def test_a_long_answer_is_cut_on_the_marker_and_a_missing_time_left_out() -> None:
    long_answer = "Re-weighed at the next visit on the calibrated clinic scale: 58.2 kg, so the recorded 58 kg stands."
    query = Query(id=1, subject_id="01-001", visit="screening", form="demographics", repeat_no=0, field="weight_kg",
                  question=QUESTION, raised_by="monitor", raised_at="2026-03-05T14:02:11.123456Z",
                  status=QueryStatus.ANSWERED, answer=long_answer, answered_by="investigator")
    lines = marker_text(query, answered_at=None, viewer="coordinator").splitlines()
    assert lines[2] == "Answered by investigator, waiting for the monitor:"  # when it is not known, not guessed
    assert lines[3] == "Re-weighed at the next visit on the calibrated clinic scale: 58.2 kg…"  # cut, no dangling comma
    assert len(lines[3]) <= SHORT


def test_a_query_from_the_centre_names_the_centre_and_waits_for_it() -> None:
    # The site stores a centre query's raiser as "dm (centre)" (sync/messages.py); the site's monitor does not
    # close it: the centre does, once the answer arrives at its next import.
    query = Query(id=2, subject_id="01-001", visit="screening", form="consent", repeat_no=0,
                  field="consent_obtained_by", question="Who took consent?", raised_by="dm (centre)",
                  raised_at="2026-11-20T09:00:00.000000Z", status=QueryStatus.ANSWERED,
                  answer="Dr Wang, see the consent log", answered_by="coordinator",
                  answered_at="2026-11-21T09:00:00.000000Z")
    lines = marker_text(query, answered_at=query.answered_at, viewer="coordinator").splitlines()
    assert lines[0] == "⚑ Query (answered, raised by dm at the centre):"  # not "(… raised by dm (centre))"
    assert lines[2].endswith("by coordinator, waiting for the centre:") and "monitor" not in lines[2]
    site_query = Query(**{**query.__dict__, "raised_by": "monitor"})
    assert marker_text(site_query, answered_at=None, viewer="coordinator").splitlines()[2] == \
        "Answered by coordinator, waiting for the monitor:"
