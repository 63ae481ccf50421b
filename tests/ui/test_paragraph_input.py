"""Long free text (SAE narrative) is typed on several lines: Enter starts a line, Tab moves on (issue 6)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.ui.field_inputs import LineInput, ParagraphInput, make_input
from crf_desktop.ui.qt import Qt


def test_the_sae_narrative_takes_several_lines_and_short_text_stays_one_line(qtbot: QtBot) -> None:
    report = REGISTRY.form("sae_report")
    narrative = make_input(report.field("sr_narrative"))
    qtbot.addWidget(narrative)
    assert isinstance(narrative, ParagraphInput) and narrative.wants_enter()
    narrative.focus_widget().setFocus()
    qtbot.keyClicks(narrative.focus_widget(), "Admitted on day 3.")
    qtbot.keyClick(narrative.focus_widget(), Qt.Key.Key_Return)
    qtbot.keyClicks(narrative.focus_widget(), "Treated with ceftriaxone.")
    assert narrative.text() == "Admitted on day 3.\nTreated with ceftriaxone."
    narrative.set_read_only(True)
    assert not narrative.wants_enter()  # a read-only narrative leaves Enter to the form (next field)
    verbatim = make_input(REGISTRY.form("adverse_event").field("ae_verbatim"))
    qtbot.addWidget(verbatim)
    assert isinstance(verbatim, LineInput)  # the AE form keeps Enter-to-next for its one-line fields
