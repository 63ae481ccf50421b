"""Issue 4 GUI: the Eligibility tab, randomising through the Randomise… button, and emergency unblinding, on a
copy of the demo site."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.services import subjects
from crf_desktop.services.subjects import SubjectStatus
from crf_desktop.ui.qt import QMessageBox
from crf_desktop.ui.subject_page import SubjectPage
from crf_desktop.ui.unblind_dialog import UnblindDialog
from tests.services.test_eligibility_service import lab_ranges, screen
from tests.ui.blinding import (
    NEXT_NUMBER,
    RANDOMISED,
    SCREEN_FAILURE,
    SCREENING_SUBJECT,
    answer_exclusion_12,
    arm_leaks,
    widget_texts,
)
from tests.ui.conftest import DEMO_PASSWORD, Sessions
from tests.ui.data_entry import open_main


def confirm(qtbot: QtBot, page: SubjectPage) -> None:
    """Click Randomise… and answer the question with "Randomise"."""
    page.randomise_button.click()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert f"Randomise subject {page.subject_id} now?" in box.text() and "cannot be undone" in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.dialog is not box)


def test_the_eligibility_tab_for_an_eligible_and_a_not_eligible_subject(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    eligible = window.open_subject(RANDOMISED).eligibility_panel
    assert eligible.overall.text() == "Eligibility: Eligible"
    tree = eligible.tree
    assert [tree.topLevelItem(n).childCount() for n in range(2)] == [7, 12]
    assert eligible.item("inc1").text(1) == "✓ Met"
    assert eligible.item("exc7").text(1) == "✓ Not met"
    assert "µmol/L" in eligible.item("exc7").text(2)  # the evidence: the creatinine recorded

    failure = window.open_subject(SCREEN_FAILURE)
    panel = failure.eligibility_panel
    assert panel.overall.text() == "Eligibility: Not eligible: Exclusion 7"
    assert panel.item("exc7").text(1) == "✗ Met: excludes"
    assert "301" in panel.item("exc7").text(2)
    assert failure.randomise_button.isHidden()  # a screen failure is not randomised
    assert failure.assignment_label.text() == "Not randomised"

    screening = window.open_subject(SCREENING_SUBJECT).eligibility_panel
    assert screening.overall.text() == "Eligibility: Not evaluable: Exclusion 12"
    assert screening.item("exc12").text(1) == "? Not evaluable"
    assert screening.item("exc12").text(3)  # what is missing, in words


def test_randomise_an_eligible_subject_through_the_button(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    page = window.open_subject(SCREENING_SUBJECT)
    assert page.randomise_button.isVisible() and page.unblind_button.isHidden()  # a coordinator never unblinds
    confirm(qtbot, page)  # not evaluable yet: refused, the reason on the page
    assert page.message.kind == "error"
    assert "cannot be randomised: Not evaluable: Exclusion 12" in page.message.text()
    assert page.assignment_label.text() == "Not randomised"

    answer_exclusion_12(session)
    page.refresh()
    assert page.eligibility_panel.overall.text() == "Eligibility: Eligible"
    confirm(qtbot, page)
    rand_no, msc, mmf = NEXT_NUMBER
    assert page.assignment_label.text() == f"Randomisation no. {rand_no} · MSC kit {msc} · MMF kit {mmf}"
    shown = page.dialog
    assert isinstance(shown, QMessageBox)
    assert f"Randomisation number: {rand_no}" in shown.text() and msc in shown.text() and mmf in shown.text()
    assert not arm_leaks([shown.text(), page.message.text()])
    assert subjects.get_subject(session, SCREENING_SUBJECT).status is SubjectStatus.ON_STUDY
    assert page.randomise_button.isHidden()
    assert "On study" in page.details.text()


def test_randomising_a_not_eligible_subject_is_refused_with_the_reason(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    lab_ranges(session)
    sid = screen(session, initials="HSF", labs={"scr_in_umol_l": "301.0"})  # exclusion 7
    window = open_main(qtbot, session)
    page = window.open_subject(sid)
    assert page.eligibility_panel.overall.text() == "Eligibility: Not eligible: Exclusion 7"
    confirm(qtbot, page)
    assert page.message.kind == "error"
    assert f"Subject {sid} cannot be randomised: Not eligible: Exclusion 7" in page.message.text()
    assert page.assignment_label.text() == "Not randomised" and page.randomise_button.isVisible()


def test_emergency_unblinding_for_the_investigator_only(qtbot: QtBot, sessions: Sessions) -> None:
    coordinator = open_main(qtbot, sessions.login("coordinator"))
    assert coordinator.open_subject(RANDOMISED).unblind_button.isHidden()
    coordinator.close()
    monitor = open_main(qtbot, sessions.login("monitor"))
    page = monitor.open_subject(RANDOMISED)
    assert page.unblind_button.isHidden() and page.randomise_button.isHidden()
    assert page.assignment_label.text() == "Randomisation no. R01-001 · MSC kit MSC-0001 · MMF kit MMF-0001"
    monitor.close()

    window = open_main(qtbot, sessions.login("investigator"))
    page = window.open_subject(RANDOMISED)
    assert page.unblind_button.isVisible() and page.unblinded_flag.isHidden()
    dialog = page.open_unblinding()
    assert isinstance(dialog, UnblindDialog)
    assert "cannot be undone" in dialog.warning.text()
    dialog.unblind_button.click()  # no reason
    assert "Give the medical reason" in dialog.message.text() and dialog.arm_label.isHidden()
    dialog.reason_edit.setPlainText("Severe sepsis: the ICU must know whether MMF is being given")
    dialog.password_edit.setText("not my password")
    dialog.unblind_button.click()
    assert dialog.message.kind == "error" and "attempt" in dialog.message.text().lower()
    assert dialog.arm_label.isHidden() and not dialog.unblinded
    assert page.unblinded_flag.isHidden()

    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.unblind_button.click()
    assert dialog.unblinded and dialog.arm_label.isVisible()
    arm = dialog.arm_label.text()
    assert arm.startswith(f"Subject {RANDOMISED} receives: ") and arm_leaks([arm])  # shown once, here
    assert dialog.unblind_button.isHidden()
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.unblinded_flag.isVisible()
    assert page.unblinded_flag.text().startswith("Unblinded (") and "investigator" in page.unblinded_flag.text()
    assert page.unblind_button.isVisible()  # a later emergency may need it again
    assert not arm_leaks(widget_texts(window)), "the arm stays in the dialog only"
    again = window.open_subject(RANDOMISED)
    assert again.unblinded_flag.isVisible()
