"""Derived values kept in English (an adverse event's CTCAE term name and its MedDRA system organ class) read in
the screen's language: a Chinese screen shows them in Chinese, an English one as stored."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.ui import language
from tests.ui.conftest import Sessions
from tests.ui.data_entry import open_main


def test_an_adverse_events_term_and_system_organ_class_follow_the_screen_language(
        qtbot: QtBot, sessions: Sessions) -> None:
    # The demo's 01-003 has an upper respiratory infection (MedDRA 10046300) in the SOC "Infections and
    # infestations", whose official Chinese MedDRA name is 感染及侵染类疾病.
    window = open_main(qtbot, sessions.login("coordinator"))
    try:
        window.set_language(language.CHINESE)
        editor = window.open_form("01-003", "adverse_events", "adverse_event", repeat_no=1)
        qtbot.waitExposed(editor)
        assert editor.rows["ae_soc"].input.text() == "感染及侵染类疾病"
        assert editor.rows["ae_term_name"].input.text() == "上呼吸道感染"
        editor.close()
        window.set_language(language.ENGLISH)
        editor = window.open_form("01-003", "adverse_events", "adverse_event", repeat_no=1)
        qtbot.waitExposed(editor)
        assert editor.rows["ae_soc"].input.text() == "Infections and infestations"
        assert editor.rows["ae_term_name"].input.text() == "Upper respiratory infection"
    finally:
        window.set_language(language.ENGLISH)
