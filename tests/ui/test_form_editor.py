"""Issue 3 item 6: the generic form editor on the demographics declaration, driven like a person would."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import records
from crf_desktop.ui.field_inputs import ChoiceInput, LineInput
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.qt import QApplication, QDialog, QLineEdit, QMessageBox, QRadioButton, Qt
from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog
from crf_desktop.ui.reason_dialog import ReasonDialog
from tests.ui.conftest import Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, fill, focused, new_subject, open_editor, open_main


def type_field(qtbot: QtBot, editor: FormEditor, field_id: str, text: str) -> None:
    """Type into the field that has the focus, check it is ``field_id``, then Tab on."""
    widget = focused()
    row = editor.rows[field_id]
    assert widget is not None and (widget is row.input.focus_widget() or row.input.isAncestorOf(widget)), \
        f"the focus is on {widget.accessibleName() if widget else None}, not {field_id}"
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_demographics_by_keyboard_inline_error_fix_save_reopen(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, subject_id)
    editor.activateWindow()
    qtbot.waitActive(editor)
    first = editor.rows["dob_unknown"].input.focus_widget()
    first.setFocus()
    qtbot.waitUntil(lambda: focused() is first)
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # past "date of birth not known" (left unticked)
    type_field(qtbot, editor, "dob", "05-Mar-1985")
    assert editor.rows["age_years"].input.text() == ""  # no consent date yet: cannot be calculated
    type_field(qtbot, editor, "sex", "F")  # typing a choice's code picks it
    assert editor.rows["childbearing"].isVisible()
    type_field(qtbot, editor, "childbearing", "Y")
    ethnicity = focused()
    assert ethnicity is not None and editor.rows["ethnicity"].input.isAncestorOf(ethnicity)
    qtbot.keyClick(ethnicity, Qt.Key.Key_Space)  # codes longer than a letter: Space picks the focused choice
    assert editor.rows["ethnicity"].input.text() == "HAN"
    qtbot.keyClick(ethnicity, Qt.Key.Key_Tab)
    type_field(qtbot, editor, "height_cm", "160")
    type_field(qtbot, editor, "weight_kg", "400")
    weight = editor.rows["weight_kg"]
    assert weight.issue_label.isVisible()
    assert "Weight: 400 kg is outside the possible range 20–250 kg" in weight.issue_label.text()
    assert "#a40000" in weight.issue_label.styleSheet()  # red
    weight_edit = weight.input.focus_widget()
    assert isinstance(weight_edit, QLineEdit)
    weight_edit.setFocus()
    weight_edit.selectAll()
    qtbot.keyClicks(weight_edit, "58")
    assert not weight.issue_label.isVisible()
    assert editor.rows["bmi"].input.text() == "22.7"
    qtbot.keyClick(weight_edit, Qt.Key.Key_Return)  # Enter moves on to the next field
    assert editor.rows["sle_diagnosis_date"].input.isAncestorOf(focused())
    qtbot.keyClicks(focused(), "UNK-Mar-2019")
    for field_id, code in ACR_ANSWERS.items():
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert editor.rows[field_id].input.isAncestorOf(focused())
        qtbot.keyClicks(focused(), code)
    assert editor.rows["acr_count"].input.text() == "5"
    assert "Yes" in editor.rows["acr_at_least_4"].input.text()
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.record is not None and editor.status is RecordStatus.COMPLETE, editor.message.text()
    assert not editor.is_dirty()
    editor.close()
    assert not editor.isVisible()

    again = open_editor(qtbot, window, subject_id)
    assert again is not editor
    assert again.rows["weight_kg"].input.text() == "58.0"
    assert again.rows["dob"].input.text() == "05-Mar-1985"
    assert again.rows["sle_diagnosis_date"].input.text() == "UNK-Mar-2019"
    assert again.rows["sex"].input.text() == "F"
    assert "Complete" in again.status_label.text()
    assert "demographics, version 1.0" in again.subtitle.text()


def test_an_expected_range_warning_is_confirmed_and_saved_with_the_confirmation(qtbot: QtBot,
                                                                               sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    editor = open_editor(qtbot, open_main(qtbot, session), subject_id)
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS, "weight_kg": "130"})
    weight = editor.rows["weight_kg"]
    assert "outside the expected range 35–120 kg" in weight.issue_label.text()
    assert weight.confirm_box.isVisible() and not weight.confirm_box.isChecked()
    outcome = editor.save()
    assert outcome is not None and not outcome.saved  # an unconfirmed warning refuses the save
    assert "Not saved" in editor.message.text()
    weight.confirm_box.click()
    assert editor.confirmed == {"weight_kg": "130.0"}
    outcome = editor.save()
    assert outcome is not None and outcome.saved
    record = records.get_record(session, subject_id=subject_id, visit="screening", form_id="demographics")
    assert record is not None and record.confirmations == {"weight_kg": "130.0"}
    assert record.status is RecordStatus.COMPLETE
    weight.input.set_text("131")  # a new value asks again
    assert not weight.confirm_box.isChecked() and "weight_kg" not in editor.confirmed


def test_relevance_childbearing_potential_only_for_women(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    editor = open_editor(qtbot, open_main(qtbot, session), new_subject(session))
    childbearing = editor.rows["childbearing"]
    assert not childbearing.isVisible()
    sex = editor.rows["sex"].input
    assert isinstance(sex, ChoiceInput)
    sex.buttons["M"].click()
    assert not childbearing.isVisible()
    sex.buttons["F"].click()
    assert childbearing.isVisible()
    childbearing.input.set_text("N")
    assert editor.rows["non_cbp_reason"].isVisible()
    sex.buttons["M"].click()
    assert not childbearing.isVisible() and not editor.rows["non_cbp_reason"].isVisible()


def test_derived_bmi_updates_live_and_is_read_only(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    editor = open_editor(qtbot, open_main(qtbot, session), new_subject(session))
    bmi = editor.rows["bmi"].input
    assert isinstance(bmi, LineInput) and bmi.edit.isReadOnly()
    editor.rows["height_cm"].input.set_text("170")
    assert bmi.text() == ""
    editor.rows["weight_kg"].input.set_text("72.3")
    assert bmi.text() == "25.0"
    editor.rows["weight_kg"].input.set_text("60")
    assert bmi.text() == "20.8"
    assert "kg/m²" in editor.rows["bmi"].hint.text()
    assert "expected 35–120" in editor.rows["weight_kg"].hint.text()


def test_the_unsaved_changes_guard_cancel_discard_save(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, subject_id)
    editor.rows["height_cm"].input.set_text("165")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert editor.isVisible() and editor.is_dirty()

    editor.close()
    box = editor.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved = records.get_record(session, subject_id=subject_id, visit="screening", form_id="demographics")
    assert saved is not None and saved.data["height_cm"] == "165.0" and saved.status is RecordStatus.IN_PROGRESS

    editor = open_editor(qtbot, window, subject_id)
    editor.rows["height_cm"].input.set_text("170")
    editor.close_button.click()
    box = editor.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    kept = records.get_record(session, subject_id=subject_id, visit="screening", form_id="demographics")
    assert kept is not None and kept.data["height_cm"] == "165.0"


def test_changing_a_complete_form_asks_for_the_reason(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, subject_id)
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS})
    assert editor.save() is not None and editor.status is RecordStatus.COMPLETE
    editor.rows["weight_kg"].input.set_text("59")
    assert editor.save() is None  # not saved yet: the reason is asked first
    dialog = editor.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    dialog.choose("other")
    dialog.ok_button.click()
    assert dialog.message.isVisible() and dialog.isVisible()  # "other" needs words
    dialog.other_edit.setText("weighed again with shoes off")
    dialog.ok_button.click()
    record = records.get_record(session, subject_id=subject_id, visit="screening", form_id="demographics")
    assert record is not None and record.data["weight_kg"] == "59.0"
    history = records.field_history(session, subject_id=subject_id, visit="screening", form_id="demographics",
                                    field_id="weight_kg")
    assert history[-1].reason == "weighed again with shoes off"
    shown = editor.open_history("weight_kg")
    assert shown is not None
    rows = shown.rows()
    assert [r[3:5] for r in rows] == [["", "58.0"], ["58.0", "59.0"]]
    assert rows[1][1] == "coordinator" and rows[1][5] == "weighed again with shoes off"
    shown.reject()

    editor.rows["weight_kg"].input.set_text("60")
    editor.save()
    listed = editor.dialog
    assert isinstance(listed, ReasonDialog)
    listed.choose("transcription")
    listed.ok_button.click()
    assert records.field_history(session, subject_id=subject_id, visit="screening", form_id="demographics",
                                 field_id="weight_kg")[-1].reason == "Transcription error"


def test_a_monitor_sees_the_form_read_only_verifies_it_and_can_raise_a_query(qtbot: QtBot,
                                                                            sessions: Sessions) -> None:
    coordinator = sessions.login("coordinator")
    subject_id = new_subject(coordinator)
    assert records.save_record(coordinator, subject_id=subject_id, visit="screening", form_id="demographics",
                               raw={**DEMOGRAPHICS, **ACR_ANSWERS}).saved
    coordinator.close()
    monitor = sessions.login("monitor")
    window = open_main(qtbot, monitor)
    editor = open_editor(qtbot, window, subject_id)
    assert editor.read_only and editor.read_only_note.isVisible()
    assert not editor.save_button.isVisible()
    assert editor.rows["weight_kg"].input.focus_widget().isReadOnly()
    sex = editor.rows["sex"].input
    assert isinstance(sex, ChoiceInput) and sex.text() == DEMOGRAPHICS["sex"]
    # read-only, yet reachable by keyboard (a monitor raises a query on it): no click or key changes it
    other = next(b for code, b in sex.buttons.items() if code != DEMOGRAPHICS["sex"])
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_M, Qt.Key.Key_F, Qt.Key.Key_Delete):
        qtbot.keyClick(other, key)
    assert sex.text() == DEMOGRAPHICS["sex"] and not other.isChecked()
    qtbot.keyClick(other, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(editor.dialog, RaiseQueryDialog) and editor.dialog.target["field_id"] == "sex"
    editor.dialog.reject()
    assert editor.save() is None
    menu = editor.field_menu("weight_kg")
    texts = [a.text() for a in menu.actions()]
    assert "Raise &query…" in texts and "Field &history…" in texts
    query_dialog = editor.open_raise_query("weight_kg")
    query_dialog.question_edit.setPlainText("Please confirm the weight against the clinic scale log.")
    query_dialog.ok_button.click()
    assert query_dialog.query is not None and query_dialog.query.field == "weight_kg"
    assert editor.verify_button.isVisible() and editor.verify_button.isEnabled()
    with qtbot.waitSignal(editor.saved):
        editor.verify_button.click()
    assert editor.status is RecordStatus.VERIFIED
    assert not editor.verify_button.isEnabled()
    assert "Verified" in editor.status_label.text()


def test_a_coordinator_gets_no_query_action_and_radio_groups_are_one_tab_stop(qtbot: QtBot,
                                                                             sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    editor = open_editor(qtbot, open_main(qtbot, session), new_subject(session))
    assert [a.text() for a in editor.field_menu("weight_kg").actions()] == ["Field &history…"]
    sex = editor.rows["sex"].input
    assert isinstance(sex, ChoiceInput)
    assert all(isinstance(b, QRadioButton) for b in sex.buttons.values())
    assert editor.windowModality() == Qt.WindowModality.NonModal and isinstance(editor, QDialog)
