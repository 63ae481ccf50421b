"""Issue 6 GUI: a lab value graded CTCAE >= 1 offers a pre-filled AE; an adverse event recorded by keyboard; a
serious one opens its SAE report (pre-filled from the logs) with the 24-hour clock on the AE, the report and the
subject page; the subject's AE timeline; the site's AE summary (no arms). Real test site, widgets driven as a
person would."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from crf_desktop.services import lab_ranges
from crf_desktop.services import records as rec
from crf_desktop.services.session import Session
from crf_desktop.ui.ae_summary_dialog import AeSummaryDialog
from crf_desktop.ui.lab_ae_offer import LabAeOfferDialog
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.print_preview import PrintPreviewDialog
from crf_desktop.ui.qt import Qt
from crf_desktop.ui.subject_logs import ENTRY_ROLE, FORM_ROLE
from crf_desktop.ui.term_input import TermInput
from crf_desktop.ui.term_links import GradeTextsPanel
from tests.ui.clinical_data import labs, save
from tests.ui.data_entry import fill, new_subject, open_main

LOG = "adverse_events"
PLATELETS = "10035528"


def _ranges(session: Session) -> None:
    start = session.today() - timedelta(days=400)
    for analyte, lln, uln, unit in (("plt", "125", "350", "E9_L"), ("hb", "115", "150", "G_L")):
        lab_ranges.set_reference_range(session, lab_name="Central lab", analyte=analyte, lln=lln, uln=uln,
                                       unit=unit, valid_from=start)


def _window(qtbot: QtBot, session: Session) -> MainWindow:
    return open_main(qtbot, session)


def test_a_low_platelet_count_offers_an_adverse_event_with_term_and_grade(qtbot: QtBot, clinical: Session) -> None:
    _ranges(clinical)
    sid = new_subject(clinical)
    window = _window(qtbot, clinical)
    editor = window.open_form(sid, "week4", "labs")
    qtbot.waitExposed(editor)
    day = (clinical.today() - timedelta(days=2)).isoformat()
    fill(editor, labs("0.40", "70", day, plt_unit="E9_L", hb_unit="G_L"))
    fill(editor, {"plt_in_e9_l": "62", "hb_in_g_l": "100", "neut_unit": "E9_L", "neut_in_e9_l": "1.2"})
    saved = editor.save()
    assert saved is not None and saved.saved, editor.message.text()
    offer = editor.dialog
    assert isinstance(offer, LabAeOfferDialog)
    texts = [offer.list.item(n).text() for n in range(offer.list.count())]
    # Hb exactly 100 g/L with LLN 115: grade 1 ("<LLN - 100 g/L"); platelets 62: grade 2 (<75 - 50)
    assert texts[0].startswith("Anemia, grade 1") and "Hemoglobin (Hgb) <LLN - 10.0 g/dL" in texts[0]
    assert texts[1].startswith("Platelet count decreased, grade 2") and "<75,000 - 50,000/mm3" in texts[1]
    assert "LLN 125" in texts[1]
    offer.list.setCurrentRow(1)
    qtbot.keyClick(offer.list, Qt.Key.Key_Return)  # Enter records the chosen one
    key = (sid, LOG, "adverse_event", 1)
    qtbot.waitUntil(lambda: key in window.editors)
    ae = window.editors[key]
    assert ae.rows["ae_term"].input.text() == PLATELETS and ae.rows["ae_grade"].input.text() == "2"
    assert ae.rows["ae_onset"].input.text() and ae.rows["ae_visit"].input.text() == "week4"
    assert ae.record is None and ae.is_dirty()  # nothing created until the investigator saves
    assert editor.lab_ae_button.isVisible()  # the offer can be shown again from the labs form
    # the laboratory gave no neutrophil range: no grade is suggested for it, and the form says why
    assert "No CTCAE grade can be suggested without the Neutrophil count LLN." in editor.lab_hint.text()


def test_record_an_adverse_event_by_keyboard(qtbot: QtBot, clinical: Session) -> None:
    """Done means: any AE recorded by keyboard, with the CTCAE term found by typing and its grade texts read."""
    sid = new_subject(clinical)
    save(clinical, sid, "screening", "consent", {
        "consent_version": "V2.0", "consent_version_date": "2018-06-15",
        "consent_date": (clinical.today() - timedelta(days=30)).isoformat(), "consent_obtained_by": "Dr Wang",
        "consent_copy_given": "Y"})
    window = _window(qtbot, clinical)
    editor = window.open_form(sid, LOG, "adverse_event", 1)
    qtbot.waitExposed(editor)
    with qtbot.waitActive(editor):  # the Ctrl+S shortcut needs the editor to be the active window
        editor.activateWindow()
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    term.edit.setFocus()
    qtbot.keyClicks(term.edit, "pneumonia")
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    assert editor.rows["ae_term_name"].input.text() == "Lung infection"
    grades = editor.rows["ae_grade"].findChild(GradeTextsPanel)
    assert grades is not None and grades.lines[3].text().startswith("IV antibiotic, antifungal, or antiviral")
    assert grades.lines[1].text() == "— not a grade of this term"

    def keys(field_id: str, text: str) -> None:
        widget = editor.rows[field_id].input.focus_widget()
        widget.setFocus()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)

    onset = (clinical.today() - timedelta(days=5)).strftime("%d-%b-%Y")
    keys("ae_verbatim", "Right lower lobe pneumonia")
    keys("ae_onset", onset)
    keys("ae_ongoing", "Y")
    keys("ae_grade", "1")  # grade 1 does not exist for Lung infection: the key does nothing
    assert editor.rows["ae_grade"].input.text() == ""
    keys("ae_grade", "3")
    keys("ae_serious", "N")
    for field_id, code in (("ae_rel_msc", "UNLIKELY"), ("ae_rel_mmf", "POSSIBLE"), ("ae_action_msc", "NA"),
                           ("ae_action_mmf", "INTERRUPTED"), ("ae_outcome", "RECOVERING")):
        buttons = editor.rows[field_id].input.buttons
        buttons[code].setFocus()
        qtbot.keyClick(buttons[code], Qt.Key.Key_Space)  # codes longer than a letter: Space picks the focused one
    qtbot.waitUntil(lambda: editor.rows["ae_expected"].isVisible())
    editor.rows["ae_expected"].input.buttons["EXPECTED"].setFocus()
    qtbot.keyClick(editor.rows["ae_expected"].input.buttons["EXPECTED"], Qt.Key.Key_Space)
    keys("ae_treated", "Y")
    keys("ae_treatment", "Amoxicillin-clavulanate 875 mg bid")
    qtbot.keyClick(editor.rows["ae_treatment"].input.focus_widget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert editor.record is not None and editor.record.status.value == "complete", editor.message.text()
    assert editor.record.data["ae_term"] == "10061229" and editor.record.data["ae_grade"] == "3"


def test_a_serious_event_shows_its_clock_and_opens_its_prefilled_sae_report(qtbot: QtBot,
                                                                            clinical: Session) -> None:
    sid = new_subject(clinical)
    today = clinical.today()
    outcome = rec.save_record(clinical, subject_id=sid, visit="concomitant_medications", form_id="conmed",
                              repeat_no=1, raw={"cm_name": "Prednisone", "cm_indication": "Lupus nephritis",
                                                "cm_dose": "30", "cm_unit": "MG", "cm_route": "PO",
                                                "cm_frequency": "QD", "cm_start": "2025-01", "cm_ongoing": "Y"})
    assert outcome.saved
    onset = today - timedelta(days=1)
    outcome = rec.save_record(clinical, subject_id=sid, visit=LOG, form_id="adverse_event", repeat_no=1, raw={
        "ae_term": "10061229", "ae_verbatim": "Pneumonia", "ae_onset": onset.isoformat(), "ae_ongoing": "Y",
        "ae_grade": "3", "ae_serious": "Y", "sae_criteria": "HOSP", "sae_awareness_date": today.isoformat(),
        "sae_admission_date": today.isoformat(), "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE",
        "ae_expected": "EXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "INTERRUPTED", "ae_treated": "Y",
        "ae_treatment": "IV antibiotics", "ae_outcome": "RECOVERING"})
    assert outcome.saved, [i.message.en for i in outcome.refused]
    window = _window(qtbot, clinical)
    assert window.dashboard is not None and "1 SAE report due" in window.dashboard.counts_text  # the flag
    ae = window.open_form(sid, LOG, "adverse_event", 1)
    qtbot.waitExposed(ae)
    assert ae.sae_clock_label.isVisible() and ae.sae_clock_label.text().startswith("SAE report due by")
    assert ae.sae_button.isVisible()
    ae.save()  # saving a serious AE whose report is not started says that it is due
    assert "Serious adverse event: SAE report due by" in ae.message.text()
    ae.sae_button.click()
    key = (sid, LOG, "sae_report", 1)
    qtbot.waitUntil(lambda: key in window.editors)
    report = window.editors[key]
    assert report.rows["sr_ae_no"].input.text() == "1"
    assert report.rows["sr_conmeds"].input.text().startswith("Prednisone 30 mg, Oral, Once daily")
    assert report.sae_clock_label.text().startswith("SAE report due by")
    assert not report.sae_print_button.isVisible()  # nothing to print before the report is saved
    fill(report, {"sr_aware_time": "08:30", "sr_narrative": "Admitted with pneumonia.", "sr_history": "SLE.",
                  "sr_tests": "CRP 120 mg/L", "sr_causality_msc": "Unlikely.", "sr_causality_mmf": "Possible.",
                  "sr_reporter": "Dr Li", "sr_reporter_role": "PI"})
    saved = report.save()
    assert saved is not None and saved.saved, report.message.text()
    assert report.sae_print_button.isVisible()
    preview = report.print_sae_report()
    assert isinstance(preview, PrintPreviewDialog) and preview.printed.request.form == "sae_report"
    preview.close()

    page = window.open_subject(sid)
    linked = [i for i in page.items() if i.data(0, FORM_ROLE) == "sae_report" and i.data(0, ENTRY_ROLE) == 1]
    assert len(linked) == 1 and linked[0].text(2).startswith("SAE report due by")
    assert page.new_entry_item(LOG, "sae_report") is None  # no free-floating SAE report
    assert [line.split(":")[0] for line in page.ae_timeline.rows_text()] == ["#1 Lung infection · G3 ★"]
    assert page.tabs.tabText(5) == "Adverse events (1)"
    page.ae_timeline.setFocus()
    with qtbot.waitSignal(page.record_requested) as opened:  # Enter on the timeline opens the event
        qtbot.keyClick(page.ae_timeline, Qt.Key.Key_Return)
    assert opened.args == [sid, LOG, "adverse_event", 1]

    dialog = window.open_ae_summary()
    assert isinstance(dialog, AeSummaryDialog)
    assert dialog.term_row("10061229")[:3] == ["Lung infection", "1", "1"]
    assert "arm" not in dialog.note.text().split("Treatment arms")[0].lower()
    assert "Subject" in dialog.due_label.text() and "#1" in dialog.due_label.text()
