"""Issue 4 GUI: the reference-ranges dialog, L/H flags on the labs form, the adverse-event offer after an infusion
reaction and the prohibited-medication warning after a conmed, on a copy of the demo site."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from crf_desktop.services import lab_ranges
from crf_desktop.services.demo_clinical import LAB_NAME
from crf_desktop.services.randomisation import randomise
from crf_desktop.ui.qt import QMessageBox
from crf_desktop.ui.reason_dialog import ReasonDialog
from tests.ui.blinding import NEXT_NUMBER, RANDOMISED, SCREENING_SUBJECT, answer_exclusion_12
from tests.ui.clinical_data import labs, save
from tests.ui.conftest import Sessions
from tests.ui.data_entry import fill, new_subject, open_editor, open_main


def test_reference_ranges_listed_added_and_missing_ones_highlighted(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    assert window.tools_menu.menuAction().isVisible()
    dialog = window.open_reference_ranges()
    assert dialog.lab_name() == LAB_NAME
    analytes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Alanine aminotransferase (ALT)" in analytes and "Complement C3" in analytes
    assert dialog.missing_label.isHidden()  # the demo laboratory has what the rules need

    dialog.lab_combo.setCurrentText("County hospital lab")
    assert dialog.missing_label.kind == "warning"
    assert "ALT" in dialog.missing_label.text() and "C4" in dialog.missing_label.text()
    assert dialog.table.rowCount() == 4 and dialog.table.item(0, 2).text() == "missing (ULN)"
    dialog.choose("alt", "U_L")
    dialog.uln_edit.setText("35")
    dialog.from_edit.setText("01-Jan-2024")
    assert dialog.add_version() is not None
    assert dialog.lab_name() == "County hospital lab"
    assert dialog.message.text().startswith("Saved: Alanine aminotransferase (ALT), – – 35 U/L from 01-Jan-2024")
    assert "(ALT) ULN" not in dialog.missing_label.text() and "(AST) ULN" in dialog.missing_label.text()
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    row = rows["Alanine aminotransferase (ALT)"]
    assert [dialog.table.item(row, c).text() for c in range(1, 5)] == ["", "35", "U/L", "01-Jan-2024"]

    dialog.uln_edit.setText("36")  # the same date again: a correction, which needs a reason
    assert dialog.add_version() is None and "give a reason" in dialog.message.text()
    dialog.reason_edit.setText("Typed from the wrong line of the report")
    assert dialog.add_version() is not None
    found = lab_ranges.reference_ranges(session, "County hospital lab")
    assert [(r.uln, r.reason) for r in found][-1][1] == "Typed from the wrong line of the report"


def test_the_tools_menu_is_hidden_without_data_entry(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("monitor"))
    assert not window.tools_menu.menuAction().isVisible() and not window.ranges_action.isEnabled()


def test_lab_flags_beside_the_values_and_a_hint_for_missing_ranges(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, RANDOMISED, "labs", "screening")
    assert editor.rows["c3_g_l"].flag_text == "L ▼"  # active nephritis: low complement
    assert editor.rows["c3_in_g_l"].flag_text == "L ▼"  # beside the value as entered too
    assert editor.rows["alt_u_l"].flag_text == "N"
    assert "Central Hospital clinical laboratory" in editor.rows["c3_g_l"].flag.toolTip()
    assert editor.lab_hint.isHidden()

    sid = new_subject(session, "FLG")
    day = (session.today() - timedelta(days=1)).isoformat()
    save(session, sid, "screening", "consent", {
        "consent_version": "V2.0", "consent_version_date": "2018-06-15",
        "consent_date": (session.today() - timedelta(days=3)).isoformat(), "consent_obtained_by": "Dr Wang",
        "consent_copy_given": "Y"})
    save(session, sid, "screening", "labs", labs("2.1", "130", day, alt_u_l="80"))
    other = open_editor(qtbot, window, sid, "labs", "screening")
    assert other.lab_hint.isVisible()
    assert "Central lab has no reference range" in other.lab_hint.text() and "Tools → Reference ranges" in \
        other.lab_hint.text()
    assert other.rows["alt_u_l"].flag_text == "no range"
    lab_ranges.set_reference_range(session, lab_name="Central lab", analyte="alt", lln=None, uln="40", unit="U_L",
                                   valid_from=session.today() - timedelta(days=30))
    other.rows["alt_u_l"].input.set_text("81")
    other.save()  # the form was complete: the reason for change first
    reason = other.dialog
    assert isinstance(reason, ReasonDialog)
    reason.choose("other")
    reason.other_edit.setText("ALT repeated")
    reason.ok_button.click()
    assert other.message.kind == "info", other.message.text()
    assert other.rows["alt_u_l"].flag_text == "H ▲"
    assert "(ALT) ULN" not in other.lab_hint.text() and "(AST) ULN" in other.lab_hint.text()


def test_an_infusion_reaction_offers_a_prefilled_adverse_event(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    answer_exclusion_12(session)
    randomise(session, SCREENING_SUBJECT)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, SCREENING_SUBJECT, "msc_infusion", "baseline")
    details = "Chills and fever 38.4 °C 20 minutes into the infusion"
    fill(editor, {"inf_given": "Y", "inf_date": session.today().isoformat(), "inf_weight_kg": "58.0",
                  "inf_kit": NEXT_NUMBER[1], "inf_lot": "LOT-2018-09", "inf_interrupted": "N", "inf_reaction": "Y"})
    fill(editor, {"inf_reaction_details": details, "inf_reaction_ae": "N"})
    saved = editor.save()
    assert saved is not None and saved.saved and saved.adverse_event is not None
    box = editor.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Record an adverse event now?" and "infusion reaction" in box.informativeText().lower()
    box.button(QMessageBox.StandardButton.Yes).click()
    key = (SCREENING_SUBJECT, "adverse_events", "adverse_event", 1)
    qtbot.waitUntil(lambda: key in window.editors)
    ae = window.editors[key]
    assert ae.rows["ae_verbatim"].input.text() == details
    assert ae.rows["ae_onset"].input.text()
    assert "Infusion related reaction" in ae.rows["ae_term"].input.edit.text()
    assert ae.is_dirty() and ae.record is None  # nothing saved until the coordinator saves


def test_a_prohibited_conmed_warns_without_blocking(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    editor = window.open_form(RANDOMISED, "concomitant_medications", "conmed", 9)
    qtbot.waitExposed(editor)
    fill(editor, {"cm_name": "Mycophenolate mofetil (CellCept)", "cm_indication": "Lupus nephritis",
                  "cm_dose": "500", "cm_unit": "MG", "cm_route": "PO", "cm_frequency": "BID",
                  "cm_start": (session.today() - timedelta(days=3)).isoformat(), "cm_ongoing": "Y"})
    saved = editor.save()
    assert saved is not None and saved.saved and saved.prohibited is not None
    assert editor.message.kind == "warning"
    text = editor.message.text()
    assert text.startswith("Saved. Status:") and "mycophenolate mofetil" in text and "exclusion 1" in text
    assert editor.dialog is None  # not a blocking question
