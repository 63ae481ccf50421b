"""Double-dummy blinding (DESIGN.md section 9): no screen shows the arm of a randomised subject, except the
emergency-unblinding dialog, once, after an investigator unblinds."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.ui.main_window import MainWindow
from tests.ui.blinding import RANDOMISED, arm_leaks, widget_texts
from tests.ui.conftest import DEMO_PASSWORD, Sessions
from tests.ui.data_entry import open_main

UI = Path(__file__).resolve().parents[2] / "crf_desktop" / "ui"
#: The only ways to an arm: the constants and labels (``forms.arms``, re-used by the services), the store's reader.
ARM_NAMES = re.compile(r"\b(ARM_MSC|ARM_MMF|_?ARM_LABELS|arm_of|forms\.arms)\b")
FORMS = (("baseline", "msc_infusion"), ("baseline", "drug_kits"), ("baseline", "mmf_dosing"), ("screening", "labs"),
         ("screening", "inclusion_exclusion"), ("week4", "drug_kits"))


def test_the_ui_never_reads_the_arm() -> None:
    found = [f"{path.name}:{n}" for path in sorted(UI.glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ARM_NAMES.search(line)]
    assert found == []


def everything_on_screen(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The dashboard, every tab of the subject page, and the editors of the treatment forms."""
    texts = widget_texts(window)
    page = window.open_subject(RANDOMISED)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        texts += widget_texts(window)
    window.show_dashboard()
    texts += widget_texts(window)
    for visit, form_id in FORMS:
        editor = window.open_form(RANDOMISED, visit, form_id)
        qtbot.waitExposed(editor)
        texts += widget_texts(editor)
        editor.close_without_asking()
    return texts


def test_nothing_on_screen_shows_the_arm_until_an_emergency_unblinding(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("investigator"))
    before = everything_on_screen(qtbot, window)
    assert any("Randomisation no. R01-001" in t for t in before)  # the walk does see the blinded header
    assert any("MSC-0001" in t for t in before)  # and the kits, which say nothing about the arm
    assert arm_leaks(before) == []

    page = window.open_subject(RANDOMISED)
    dialog = page.open_unblinding()
    dialog.reason_edit.setPlainText("Anaphylaxis: the emergency team asks what was given")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.unblind_button.click()
    assert len(arm_leaks(widget_texts(dialog))) == 1  # the one place, once
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)

    after = everything_on_screen(qtbot, window)
    assert any(t.startswith("Unblinded (") for t in after)
    assert arm_leaks(after) == []
