"""QA: Enter in every dialog presses its action button (Save, Register, Raise …), never Cancel; a dialog that
refuses says why inline and stays open."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import queries, records, subjects
from crf_desktop.services.session import login
from crf_desktop.services.subjects import SubjectStatus
from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
from crf_desktop.ui.idle_lock import LockScreen
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.new_subject_dialog import NewSubjectDialog
from crf_desktop.ui.qt import QApplication, QDialog, QPushButton, Qt, QWidget
from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog
from crf_desktop.ui.reason_dialog import ReasonDialog
from crf_desktop.ui.soc_browser_dialog import SocBrowserDialog
from crf_desktop.ui.subject_status_dialog import SubjectStatusDialog
from crf_desktop.ui.unblind_dialog import UnblindDialog
from crf_desktop.ui.user_edit_dialogs import AddUserDialog, DisableUserDialog, ResetPasswordDialog
from tests.ui.blinding import RANDOMISED
from tests.ui.conftest import DEMO_PASSWORD, NEW_PASSWORD, Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, fill, new_subject, open_editor, open_main


def shown(qtbot: QtBot, dialog: QDialog, first: QWidget) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    return dialog


def type_in(qtbot: QtBot, text: str, *, then_tab: bool = True) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    if then_tab:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def enter(qtbot: QtBot, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None and not isinstance(widget, QPushButton), "Enter must be pressed in a field"
    qtbot.keyClick(widget, Qt.Key.Key_Return, modifier)


def test_the_action_button_is_the_default_once_the_dialog_is_shown(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("admin")
    dialog = NewSubjectDialog(session)
    shown(qtbot, dialog, dialog.initials_edit)
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [dialog.ok_button]


def test_enter_registers_a_new_subject(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    dialog = NewSubjectDialog(session)
    shown(qtbot, dialog, dialog.initials_edit)
    type_in(qtbot, "ABC")
    type_in(qtbot, "1985", then_tab=False)
    enter(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.subject is not None
    assert subjects.get_subject(session, dialog.subject.subject_id).initials == "ABC"


def test_enter_with_a_wrong_year_says_why_and_stays_open(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = NewSubjectDialog(sessions.login("coordinator"))
    shown(qtbot, dialog, dialog.initials_edit)
    type_in(qtbot, "ABC")
    type_in(qtbot, "85x", then_tab=False)
    enter(qtbot)
    assert dialog.isVisible() and dialog.message.isVisible() and "four digits" in dialog.message.text()


def test_enter_saves_a_complete_form_with_the_reason(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, subject_id)
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS})
    assert editor.save() is not None and editor.status is RecordStatus.COMPLETE
    editor.rows["weight_kg"].input.set_text("59")
    editor.save()
    dialog = editor.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.choose("other")
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.other_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.other_edit)
    enter(qtbot)  # no words yet: refused, and said so
    assert dialog.isVisible() and dialog.message.isVisible() and "Type the reason" in dialog.message.text()
    type_in(qtbot, "weighed again", then_tab=False)
    enter(qtbot)
    assert not dialog.isVisible()
    record = records.get_record(session, subject_id=subject_id, visit="screening", form_id="demographics")
    assert record is not None and record.data["weight_kg"] == "59.0"
    history = records.field_history(session, subject_id=subject_id, visit="screening", form_id="demographics",
                                    field_id="weight_kg")
    assert history[-1].reason == "weighed again"


def test_ctrl_enter_raises_a_query(qtbot: QtBot, sessions: Sessions) -> None:
    coordinator = sessions.login("coordinator")
    subject_id = new_subject(coordinator)
    assert records.save_record(coordinator, subject_id=subject_id, visit="screening", form_id="demographics",
                               raw={**DEMOGRAPHICS, **ACR_ANSWERS}).saved
    coordinator.close()
    monitor = sessions.login("monitor")
    dialog = RaiseQueryDialog(monitor, subject_id=subject_id, visit="screening", form_id="demographics",
                              field_id="weight_kg", field_label="Weight")
    shown(qtbot, dialog, dialog.question_edit)
    type_in(qtbot, "Weight 58 kg?", then_tab=False)
    enter(qtbot)  # Enter starts a new line in the question
    assert dialog.isVisible() and dialog.question_edit.toPlainText() == "Weight 58 kg?\n"
    type_in(qtbot, "Source says 68.", then_tab=False)
    enter(qtbot, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.query is not None
    assert "Source says 68." in dialog.query.question
    assert any(q.id == dialog.query.id for q in queries.subject_queries(monitor, subject_id))


def test_enter_changes_the_subject_status_and_a_missing_reason_is_said(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    dialog = SubjectStatusDialog(session, subject_id, SubjectStatus.SCREENING)
    dialog.choose(SubjectStatus.SCREEN_FAILURE)
    shown(qtbot, dialog, dialog.reason_edit)
    enter(qtbot)
    assert dialog.isVisible() and dialog.message.isVisible()
    type_in(qtbot, "exclusion 12", then_tab=False)
    enter(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert subjects.get_subject(session, subject_id).status is SubjectStatus.SCREEN_FAILURE


def test_enter_changes_the_password(qtbot: QtBot, sessions: Sessions, demo_dir: Path) -> None:
    session = sessions.login("coordinator")
    dialog = ChangePasswordDialog(session, forced=False)
    shown(qtbot, dialog, dialog.current_edit)
    type_in(qtbot, DEMO_PASSWORD)
    assert QApplication.focusWidget() is dialog.rows.new_edit  # Tab goes on to the new password
    type_in(qtbot, NEW_PASSWORD)
    type_in(qtbot, NEW_PASSWORD, then_tab=False)
    enter(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    session.close()
    login(demo_dir, "coordinator", NEW_PASSWORD).close()


def test_enter_adds_resets_and_disables_users(qtbot: QtBot, sessions: Sessions, demo_dir: Path) -> None:
    session = sessions.login("admin")
    add = AddUserDialog(session)
    shown(qtbot, add, add.username_edit)
    type_in(qtbot, "zhangwei")
    type_in(qtbot, "Zhang Wei")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the role stays coordinator
    type_in(qtbot, NEW_PASSWORD)
    type_in(qtbot, NEW_PASSWORD, then_tab=False)
    enter(qtbot)
    assert add.result() == QDialog.DialogCode.Accepted and add.created_username == "zhangwei"

    reset = ResetPasswordDialog(session, "zhangwei")
    shown(qtbot, reset, reset.rows.new_edit)
    type_in(qtbot, "another new password")
    type_in(qtbot, "another new password", then_tab=False)
    enter(qtbot)
    assert reset.result() == QDialog.DialogCode.Accepted

    disable = DisableUserDialog(session, "zhangwei")
    shown(qtbot, disable, disable.reason_edit)
    type_in(qtbot, "left the team", then_tab=False)
    enter(qtbot)
    assert disable.result() == QDialog.DialogCode.Accepted
    assert not next(u for u in session.list_users() if u.username == "zhangwei").active
    session.close()


def test_enter_logs_in(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = LoginDialog(demo_dir)
    shown(qtbot, dialog, dialog.user_edit)
    type_in(qtbot, "coordinator", then_tab=False)
    enter(qtbot)  # no password yet: Enter moves on to it (test_login_dialog)
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.password_edit
    type_in(qtbot, DEMO_PASSWORD, then_tab=False)
    enter(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.session is not None
    dialog.session.close()


def test_enter_unlocks_the_lock_screen(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = LockScreen(sessions.login("coordinator"))
    shown(qtbot, dialog, dialog.password_edit)
    enter(qtbot)
    assert dialog.isVisible() and dialog.message.isVisible()
    with qtbot.waitSignal(dialog.unlocked, timeout=5000):
        type_in(qtbot, DEMO_PASSWORD, then_tab=False)
        enter(qtbot)


def test_enter_in_the_password_unblinds(qtbot: QtBot, sessions: Sessions) -> None:
    dialog = UnblindDialog(sessions.login("investigator"), RANDOMISED)
    shown(qtbot, dialog, dialog.reason_edit)
    type_in(qtbot, "Severe sepsis")
    assert QApplication.focusWidget() is dialog.password_edit
    type_in(qtbot, DEMO_PASSWORD, then_tab=False)
    enter(qtbot)
    assert dialog.unblinded and dialog.arm_label.isVisible()
    dialog.reject()


def test_enter_chooses_the_term(qtbot: QtBot) -> None:
    dialog = SocBrowserDialog()
    dialog.term_list.setCurrentRow(0)
    shown(qtbot, dialog, dialog.term_list)
    qtbot.keyClick(dialog.term_list, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.selected is not None
