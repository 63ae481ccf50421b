"""The subject page's logs: adverse events and concomitant medications listed entry by entry, a new entry opened
with the next number and shown once saved, in English and Chinese (demo site, no mocks)."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from crf_desktop.services import records
from crf_desktop.ui import language
from crf_desktop.ui.qt import Qt
from crf_desktop.ui.subject_logs import ENTRY_ROLE, NEW_ROLE, entry_summary
from crf_desktop.ui.subject_page import SubjectPage
from tests.ui.conftest import Sessions
from tests.ui.data_entry import fill, open_main

AE_LOG, AE_FORM = "adverse_events", "adverse_event"
CM_LOG, CM_FORM = "concomitant_medications", "conmed"
TWO_AES = "01-008"  # the demo's infusion reaction (grade 1) and upper respiratory infection (grade 2)
ZOSTER = "01-009"  # leukopenia, and herpes zoster coded as "Infections and infestations - Other, specify"


def page_of(qtbot: QtBot, sessions: Sessions, subject_id: str, user: str = "coordinator"):  # noqa: ANN201
    window = open_main(qtbot, sessions.login(user))
    return window, window.open_subject(subject_id)


def test_the_adverse_event_log_lists_each_entry_with_term_grade_onset_and_status(qtbot: QtBot,
                                                                                sessions: Sessions) -> None:
    _window, page = page_of(qtbot, sessions, TWO_AES)
    rows = page.entry_items(AE_LOG, AE_FORM)
    assert [row.data(0, ENTRY_ROLE) for row in rows] == [1, 2]
    assert rows[0].text(0) == "#1  Infusion related reaction · Grade 1 (mild)"
    assert rows[1].text(0) == "#2  Upper respiratory infection · Grade 2 (moderate)"
    stored = {r.repeat_no: r for r in records.subject_records(page.session, TWO_AES) if r.form == AE_FORM}
    assert rows[0].text(1) == "✓ Complete"
    assert rows[0].text(2).endswith(stored[1].data["ae_onset"][:4])  # 03-Jun-2026 style
    log = rows[0].parent()
    assert log.parent() is None and log.text(0) == "Adverse events (2)" and log.isExpanded()
    assert page.new_entry_item(AE_LOG, AE_FORM) is log.child(log.childCount() - 1)


def test_other_specify_terms_show_what_was_specified(qtbot: QtBot, sessions: Sessions) -> None:
    _window, page = page_of(qtbot, sessions, ZOSTER)
    texts = [row.text(0) for row in page.entry_items(AE_LOG, AE_FORM)]
    assert texts[1] == "#2  Infections and infestations - Other, specify: Herpes zoster · Grade 2 (moderate)"


def test_concomitant_medications_are_listed_by_name_and_start(qtbot: QtBot, sessions: Sessions) -> None:
    _window, page = page_of(qtbot, sessions, TWO_AES)
    rows = page.entry_items(CM_LOG, CM_FORM)
    stored = sorted((r for r in records.subject_records(page.session, TWO_AES) if r.form == CM_FORM),
                    key=lambda r: r.repeat_no)
    assert len(stored) >= 3 and stored[0].data["cm_name"] == "Prednisone"
    assert [row.text(0) for row in rows] == [f"#{r.repeat_no}  {r.data['cm_name']}" for r in stored]
    assert rows[0].text(2).startswith("UNK-")  # a partial start date
    assert rows[0].parent().text(0) == f"Concomitant medications ({len(stored)})"


def test_enter_on_an_entry_opens_that_record(qtbot: QtBot, sessions: Sessions) -> None:
    window, page = page_of(qtbot, sessions, TWO_AES)
    page.tree.setCurrentItem(page.entry_items(AE_LOG, AE_FORM)[1])
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    editor = window.editors[(TWO_AES, AE_LOG, AE_FORM, 2)]
    assert editor.record is not None and editor.record.data["ae_term"] == "10046300"
    editor.close_without_asking()


def test_new_entry_opens_the_next_number_and_saving_adds_a_row(qtbot: QtBot, sessions: Sessions) -> None:
    window, page = page_of(qtbot, sessions, TWO_AES)
    new_row = page.new_entry_item(AE_LOG, AE_FORM)
    assert new_row is not None and new_row.data(0, NEW_ROLE)
    page.tree.setCurrentItem(new_row)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # the "＋ New entry…" row, from the keyboard
    key = (TWO_AES, AE_LOG, AE_FORM, 3)
    assert key in window.editors
    editor = window.editors[key]
    assert editor.record is None and editor.repeat_no == 3
    onset = (page.session.today() - timedelta(days=1)).isoformat()
    fill(editor, {"ae_term": "10028411", "ae_verbatim": "Aching muscles after the visit", "ae_onset": onset,
                  "ae_ongoing": "Y", "ae_grade": "1", "ae_serious": "N", "ae_rel_msc": "NOT_RELATED",
                  "ae_rel_mmf": "UNLIKELY", "ae_action_msc": "NA", "ae_action_mmf": "NONE", "ae_treated": "N",
                  "ae_outcome": "RECOVERING"})
    saved = editor.save()
    assert saved is not None and saved.saved
    rows = page.entry_items(AE_LOG, AE_FORM)
    assert [row.data(0, ENTRY_ROLE) for row in rows] == [1, 2, 3]
    assert rows[2].text(0) == "#3  Myalgia · Grade 1 (mild)"
    assert page.tree.currentItem() is rows[2]  # the entry just added is selected
    assert rows[2].parent().text(0) == "Adverse events (3)"
    editor.close_without_asking()


def test_the_button_and_context_menu_offer_new_entries(qtbot: QtBot, sessions: Sessions) -> None:
    window, page = page_of(qtbot, sessions, TWO_AES)
    assert page.new_button.isVisible() and page.new_button.text() == "&New entry…"
    actions = [a.text() for a in page.new_menu.actions()]
    assert actions == ["New entry in Adverse events…", "New entry in Concomitant medications…"]
    page.new_menu.actions()[1].trigger()
    assert (TWO_AES, CM_LOG, CM_FORM, 4) in window.editors
    window.editors[(TWO_AES, CM_LOG, CM_FORM, 4)].close_without_asking()

    entry = page.entry_items(AE_LOG, AE_FORM)[0]
    menu = page.item_menu(entry)
    assert [a.text() for a in menu.actions()] == ["&Open", "&New entry…"]
    menu.actions()[1].trigger()
    assert (TWO_AES, AE_LOG, AE_FORM, 3) in window.editors
    window.editors[(TWO_AES, AE_LOG, AE_FORM, 3)].close_without_asking()
    assert [a.text() for a in page.item_menu(entry.parent()).actions()] == ["&New entry…"]


def test_a_monitor_sees_the_entries_but_adds_none(qtbot: QtBot, sessions: Sessions) -> None:
    _window, page = page_of(qtbot, sessions, TWO_AES, user="monitor")
    assert len(page.entry_items(AE_LOG, AE_FORM)) == 2
    assert page.new_entry_item(AE_LOG, AE_FORM) is None and not page.new_button.isVisible()
    assert [a.text() for a in page.item_menu(page.entry_items(AE_LOG, AE_FORM)[0]).actions()] == ["&Open"]


def test_term_names_follow_the_language(qtbot: QtBot, sessions: Sessions) -> None:
    window, page = page_of(qtbot, sessions, TWO_AES)
    window.language_actions[language.CHINESE].trigger()
    qtbot.waitUntil(lambda: page.entry_items(AE_LOG, AE_FORM)[1].text(0).startswith("#2  上"))  # LanguageChange
    rows = page.entry_items(AE_LOG, AE_FORM)
    assert rows[1].text(0) == "#2  上呼吸道感染 · 2 级（中度）"
    assert rows[0].parent().text(0).startswith("不良事件")
    assert "新" in page.new_entry_item(AE_LOG, AE_FORM).text(0)
    assert isinstance(page, SubjectPage)


def test_the_summary_is_generic() -> None:
    from crf_desktop.forms.registry import REGISTRY

    assert entry_summary(REGISTRY.form(CM_FORM), {"cm_name": " Prednisone "}, "en") == "Prednisone"
    assert entry_summary(REGISTRY.form(AE_FORM), {"ae_term": "99999999"}, "en") == "99999999"  # unknown code
    assert entry_summary(REGISTRY.form(AE_FORM), {}, "en") == ""
