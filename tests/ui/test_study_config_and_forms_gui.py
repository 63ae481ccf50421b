"""Issues 4 and 5 in the GUI: Help ▸ Study configuration shows what is in force and where it came from; the
eligibility tab wraps long criteria and evidence instead of cutting them off; the subject page lists only the
forms a visit expects of the subject (no pregnancy test for a man); the PhGA has a 0-3 slider with its anchors
next to the numeric box; the visit form flags a date outside the configured window."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.services import records
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import install_configuration
from crf_desktop.services.subjects import register_subject
from crf_desktop.ui import language
from crf_desktop.ui.eligibility_panel import EligibilityPanel
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import Qt
from crf_desktop.ui.scale_input import ScaleInput
from crf_desktop.ui.study_config_dialog import StudyConfigDialog
from crf_desktop.ui.subject_page import SubjectPage
from tests.ui.conftest import Sessions
from tests.ui.test_editor_helpers import editor_for


def test_help_study_configuration_shows_the_defaults_then_the_installed_version(qtbot: QtBot,
                                                                                 sessions: Sessions) -> None:
    window = MainWindow(sessions.login("coordinator"))
    qtbot.addWidget(window)
    window.show()
    assert window.study_config_action in window.help_menu.actions()
    window.study_config_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, StudyConfigDialog) and dialog.isVisible()
    assert "No study configuration has been installed" in dialog.origin.text()
    names = dict(dialog.setting(row) for row in range(dialog.table.rowCount()))
    assert names["eGFR equation"] == "CKD-EPI 2009"
    assert names["SLEDAI-2K window"] == "10 days before the visit"
    assert names["Renal response definition"].startswith("KDIGO 2012: complete = UPCR < 0.5 g/g")
    dialog.close()
    window.session.close()  # one program at a time per site
    admin = sessions.login("admin")
    install_configuration(admin, StudyConfiguration(sledai_window_days=30, egfr_equation="CKD-EPI 2021"),
                          source="enrolment-01.crfenrol")
    admin.close()
    shown = StudyConfigDialog(sessions.login("coordinator"))
    qtbot.addWidget(shown)
    assert shown.origin.text().startswith("Version 1, installed ") and "from: enrolment-01.crfenrol" in \
        shown.origin.text()
    names = dict(shown.setting(row) for row in range(shown.table.rowCount()))
    assert names["eGFR equation"] == "CKD-EPI 2021" and names["SLEDAI-2K window"] == "30 days before the visit"
    language.apply(language.CHINESE, remember=False)
    qtbot.waitUntil(lambda: shown.setting(3)[0] == "SLEDAI-2K 评估时间窗")
    assert shown.setting(3)[1] == "访视前 30 天"


def test_long_criteria_and_evidence_wrap_instead_of_being_cut_off(qtbot: QtBot, sessions: Sessions) -> None:
    panel = EligibilityPanel(sessions.login("coordinator"), "01-001")
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    panel.refresh()
    item = panel.item("exc7")  # the longest evidence: bilirubin, AST, ALT, Ccr, creatinine
    assert item is not None
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(item).height() > 3 * panel.tree.fontMetrics().height())
    metrics, header = panel.tree.fontMetrics(), panel.tree.header()
    for column in (0, 2):
        width = header.sectionSize(column) - 12 - (panel.tree.indentation() if column == 0 else 0)
        needed = metrics.boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap.value, item.text(column))
        assert needed.height() > metrics.height()  # the text is long enough to need several lines ...
        assert panel.tree.visualItemRect(item).height() >= needed.height()  # ... and the row shows them all
    assert header.sectionSize(0) + header.sectionSize(1) + header.sectionSize(2) <= panel.tree.viewport().width()


def test_the_subject_page_lists_a_pregnancy_test_for_women_of_childbearing_potential_only(
        qtbot: QtBot, clinical: Session) -> None:
    man = register_subject(clinical, initials="MAN", birth_year=1980, sex="M").subject_id
    woman = register_subject(clinical, initials="WOM", birth_year=1990, sex="F").subject_id
    for sid, expected in ((man, False), (woman, True)):
        page = SubjectPage(clinical, sid)
        qtbot.addWidget(page)
        for visit in ("screening", "baseline", "week4"):
            assert (page.form_item(visit, "pregnancy_test") is not None) is expected, (sid, visit)
        assert page.form_item("week20", "drug_kits") is not None and page.form_item("week24", "drug_kits") is None


def test_the_phga_slider_and_box_follow_each_other_and_save_one_decimal(qtbot: QtBot, clinical: Session) -> None:
    sid = register_subject(clinical, initials="PG", birth_year=1990, sex="F").subject_id
    editor = editor_for(qtbot, clinical, sid, "baseline", "phga")
    scale = editor.rows["phga"].input
    assert isinstance(scale, ScaleInput)
    assert [label.text() for label in scale.anchors.values()] == ["0 none", "1 mild", "2 moderate", "3 severe"]
    assert scale.focus_widget() is scale.edit  # the box first: type the value
    scale.slider.setValue(17)  # 1.7 on the line (keyboard: arrows 0.1, Page Up/Down 1.0)
    assert scale.text() == "1.7"
    scale.edit.setText("2.3")
    assert scale.slider.value() == 23
    scale.edit.setText("3.5")  # outside 0-3: the slider stays, validation names the range
    assert scale.slider.value() == 23
    qtbot.waitUntil(lambda: any("0" in i.message.en and "3" in i.message.en
                                for i in (editor.result.issues_for("phga") if editor.result else ())))
    scale.edit.setText("2.3")
    editor.save()
    record = records.get_record(clinical, subject_id=sid, visit="baseline", form_id="phga")
    assert record is not None and record.data["phga"] == "2.3"
    language.apply(language.CHINESE, remember=False)
    qtbot.waitUntil(lambda: scale.anchors[2].text() == "2 中度")


def test_the_visit_form_flags_a_date_outside_the_window(qtbot: QtBot, clinical: Session) -> None:
    sid = register_subject(clinical, initials="VW", birth_year=1990, sex="F").subject_id
    baseline = clinical.today() - timedelta(days=60)
    records.save_record(clinical, subject_id=sid, visit="baseline", form_id="visit_info",
                        raw={"visit_done": "Y", "visit_date": baseline.isoformat()})
    editor = editor_for(qtbot, clinical, sid, "week4", "visit_info")
    editor.rows["visit_done"].input.buttons["Y"].click()
    editor.rows["visit_date"].input.set_text((baseline + timedelta(days=40)).isoformat())
    editor.show_all_issues = True
    result = editor.recheck()
    assert result is not None
    flagged = [i for i in result.issues_for("visit_date") if i.code.value == "CRF-VISIT-WINDOW"]
    assert flagged and "5 day(s) after its window" in flagged[0].message.en and result.ok
