"""Issue 5: the generic editor with derived scores (HAQ-DI), suggestions from the visit's labs (SLEDAI-2K), and
the CTCAE term search with the term's grades (adverse events). Real test site, widgets driven as a person would."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from crf_desktop.forms.ctcae import term_by_name
from crf_desktop.services import records
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import register_subject
from crf_desktop.ui import language
from crf_desktop.ui.field_inputs import ChoiceInput
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.qt import Qt
from crf_desktop.ui.term_input import TermInput
from crf_desktop.ui.term_links import GradeTextsPanel
from tests.ui.clinical_data import labs, save

PLATELETS = "10035528"


def editor_for(qtbot: QtBot, session: Session, sid: str, visit: str, form_id: str, repeat_no: int = 0) -> FormEditor:
    editor = FormEditor(session, subject_id=sid, visit=visit, form_id=form_id, repeat_no=repeat_no)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def subject(session: Session) -> str:
    return register_subject(session, initials="WXY", birth_year=1990, sex="F").subject_id


def test_filling_the_haq_shows_the_haq_di_score(qtbot: QtBot, clinical: Session) -> None:
    editor = editor_for(qtbot, clinical, subject(clinical), "baseline", "haq")
    categories = ("dressing", "arising", "eating", "walking", "hygiene", "reach", "grip", "activities")
    items = [f.id for f in editor.form.fields if f.id.split("_")[1] in categories and f.id[-1].isdigit()]
    assert len(items) == 20
    assert editor.rows["haq_di"].input.text() == ""
    for field_id in items:
        editor.rows[field_id].input.buttons["1"].click()
    qtbot.waitUntil(lambda: editor.rows["haq_di"].input.text() != "")
    assert float(editor.rows["haq_di"].input.text()) == 1.0
    assert editor.rows["haq_categories_scored"].input.text() == "8"


def test_a_suggested_sledai_descriptor_is_applied_on_a_click_and_saved(qtbot: QtBot, clinical: Session) -> None:
    sid = subject(clinical)
    day = (clinical.today() - timedelta(days=3)).isoformat()
    save(clinical, sid, "baseline", "labs", labs("2.0", "80", day, plt_unit="E9_L", plt_in_e9_l="80",
                                                 wbc_unit="E9_L", wbc_in_e9_l="3.5"))
    editor = editor_for(qtbot, clinical, sid, "baseline", "sledai")
    panel = editor.suggestions_panel
    assert panel is not None and panel.title() == "Suggested from this visit's labs"
    assert editor.rows["sledai_proteinuria"].input.text() == ""  # never applied by itself
    field_label, answer, evidence = panel.labels["sledai_proteinuria"]
    assert answer.text() == "Yes" and "2" in evidence.text()
    assert panel.labels["sledai_low_complement"][1].text() == "labs cannot decide"
    assert "sledai_low_complement" not in panel.buttons
    panel.buttons["sledai_proteinuria"].click()
    assert editor.rows["sledai_proteinuria"].input.text() == "Y"
    assert panel.buttons["sledai_proteinuria"].text() == "Applied ✓"
    assert not panel.buttons["sledai_proteinuria"].isEnabled()
    assert editor.rows["sledai_thrombocytopenia"].input.text() == ""
    editor.save()
    record = records.get_record(clinical, subject_id=sid, visit="baseline", form_id="sledai")
    assert record is not None and record.data["sledai_proteinuria"] == "Y"
    panel.apply_all_button.click()
    assert editor.rows["sledai_thrombocytopenia"].input.text() == "Y"
    assert editor.rows["sledai_leukopenia"].input.text() == "N"
    language.apply(language.CHINESE, remember=False)
    qtbot.waitUntil(lambda: panel.title() == "根据本次访视化验结果的建议")
    assert panel.labels["sledai_proteinuria"][1].text() == "是"


def ae_editor(qtbot: QtBot, session: Session) -> FormEditor:
    return editor_for(qtbot, session, subject(session), "adverse_events", "adverse_event", repeat_no=1)


def test_typing_plt_finds_platelet_count_decreased_and_enter_stores_its_code(qtbot: QtBot,
                                                                              clinical: Session) -> None:
    editor = ae_editor(qtbot, clinical)
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    term.edit.setFocus()
    qtbot.keyClicks(term.edit, "plt")
    assert term.results.isVisible()
    assert term.results.item(0).text().startswith("Platelet count decreased")
    assert "Investigations" in term.results.item(0).text() and PLATELETS in term.results.item(0).text()
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    assert term.text() == PLATELETS and editor.raw()["ae_term"] == PLATELETS
    assert not term.results.isVisible()
    assert editor.rows["ae_term_name"].input.text() == "Platelet count decreased"
    assert "MedDRA 10035528" in term.shown.text()
    grades = editor.rows["ae_grade"].findChild(GradeTextsPanel)
    assert grades is not None
    assert grades.lines[1].text().startswith("<LLN - 75,000/mm3")
    assert grades.lines[5].text() == "— not a grade of this term"
    buttons = editor.rows["ae_grade"].input
    assert isinstance(buttons, ChoiceInput)
    assert [buttons.buttons[g].isEnabled() for g in "12345"] == [True, True, True, True, False]


def test_down_and_enter_choose_the_next_hit_and_sepsis_allows_only_grades_4_and_5(qtbot: QtBot,
                                                                                   clinical: Session) -> None:
    editor = ae_editor(qtbot, clinical)
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    term.edit.setFocus()
    qtbot.keyClicks(term.edit, "sepsis")
    assert term.hits[0].term.term == "Sepsis"
    qtbot.keyClick(term.edit, Qt.Key.Key_Down)
    qtbot.keyClick(term.edit, Qt.Key.Key_Up)
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    sepsis = term_by_name("Sepsis")
    assert sepsis is not None and term.text() == sepsis.meddra_code
    buttons = editor.rows["ae_grade"].input
    assert isinstance(buttons, ChoiceInput)
    assert [buttons.buttons[g].isEnabled() for g in "12345"] == [False, False, False, True, True]
    panel = editor.rows["ae_grade"].findChild(GradeTextsPanel)
    assert panel.lines[4].text() == "Life-threatening consequences; urgent intervention indicated"
    assert panel.lines[1].text() == "— not a grade of this term"


def test_an_other_specify_synonym_prefills_the_specify_field_only_when_empty(qtbot: QtBot,
                                                                             clinical: Session) -> None:
    editor = ae_editor(qtbot, clinical)
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    qtbot.keyClicks(term.edit, "herpes zoster")
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    assert term.term() is not None and term.term().is_other_specify
    qtbot.waitUntil(lambda: editor.rows["ae_other_specify"].isVisible())
    assert editor.rows["ae_other_specify"].input.text() == "Herpes zoster"
    editor.rows["ae_other_specify"].input.set_text("Shingles, left T5")
    qtbot.keyClicks(term.edit, "x")  # typing again clears the choice
    assert term.code == "" and term.term() is None
    term.edit.clear()
    qtbot.keyClicks(term.edit, "herpes zoster")
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    assert editor.rows["ae_other_specify"].input.text() == "Shingles, left T5"


def test_browse_by_soc_chooses_a_term(qtbot: QtBot, clinical: Session) -> None:
    editor = ae_editor(qtbot, clinical)
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    term.browse_button.click()
    dialog = term.dialog
    assert dialog is not None
    row = next(n for n in range(dialog.soc_list.count())
               if dialog.soc_list.item(n).text() == "Infections and infestations")
    dialog.soc_list.setCurrentRow(row)
    index = next(n for n, t in enumerate(dialog.terms) if t.term == "Sepsis")
    dialog.term_list.setCurrentRow(index)
    dialog.ok_button.click()
    assert term.term() == term_by_name("Sepsis")


def test_the_term_search_in_chinese(qtbot: QtBot, clinical: Session) -> None:
    language.apply(language.CHINESE, remember=False)
    editor = ae_editor(qtbot, clinical)
    term = editor.rows["ae_term"].input
    assert isinstance(term, TermInput)
    assert term.browse_button.text() == "按系统器官分类浏览(&S)…"
    term.edit.insert("血小板")  # an input method commits the characters at once (QTest cannot type CJK)
    assert term.results.item(0).text().startswith("血小板计数降低")
    assert "各类检查" in term.results.item(0).text()
    qtbot.keyClick(term.edit, Qt.Key.Key_Return)
    assert term.text() == PLATELETS
    panel = editor.rows["ae_grade"].findChild(GradeTextsPanel)
    assert panel.title.text().startswith("血小板计数降低")
