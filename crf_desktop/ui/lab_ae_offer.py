"""The offer, after a labs record is saved, to record the adverse events its values suggest (issue 6 item 3).

One row per CTCAE v4.03 term whose grade ≥ 1 a value meets (``services.lab_adverse_events``): the value against
the laboratory's limits, the suggested grade and that grade's CTCAE text, so the investigator reads the
definition before deciding. "Record adverse event" (Enter) opens a new AE record pre-filled with the chosen row
(term, grade, onset = sample date, verbatim); nothing is created until it is saved. "Later" closes the offer;
the labs form's "Adverse events from these values…" button shows it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from crf_desktop.forms.ctcae import term_by_code, term_text
from crf_desktop.services.form_checks import AdverseEventPrompt
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox, StandardButton
from crf_desktop.ui.language import fill
from crf_desktop.ui.qt import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


def grade_text(prompt: AdverseEventPrompt) -> str:
    """The CTCAE text of the suggested grade of the prompt's term ("" when the prompt has none)."""
    term = term_by_code(prompt.prefill.get("ae_term", ""))
    grade = prompt.prefill.get("ae_grade", "")
    if term is None or not grade.isdigit() or int(grade) not in term.allowed_grades:
        return ""
    return term.grade_text(int(grade)) or ""


class LabAeOfferDialog(QDialog):
    """After Accept, :attr:`selected` is the prompt chosen (its ``prefill`` opens the new AE record)."""

    def __init__(self, prompts: Sequence[AdverseEventPrompt], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts = tuple(prompts)
        self.selected: AdverseEventPrompt | None = None
        self.setWindowTitle(self.tr("crf-desktop: adverse events suggested by lab values"))
        self.resize(820, 420)
        lang = language.current()
        intro = QLabel(fill(self.tr(
            "%1 value(s) of this labs form meet a CTCAE v4.03 grade of 1 or more. Is any of them an adverse event? "
            "The investigator decides; choose one to open a new adverse event, pre-filled, to check and save."),
            len(self.prompts)))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("suggested adverse events")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        for prompt in self.prompts:
            term = term_by_code(prompt.prefill.get("ae_term", ""))
            title = term_text(term).get(lang) if term is not None else prompt.prefill.get("ae_term", "")
            text = fill(self.tr("%1, grade %2\n%3\nGrade %2: %4"), title, prompt.prefill.get("ae_grade", ""),
                        prompt.message.get(lang), grade_text(prompt))
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.buttons = ActionButtonBox(self.tr("&Record adverse event"), standard=StandardButton.Close)
        self.buttons.button(StandardButton.Close).setText(self.tr("&Later"))
        self.ok_button = self.buttons.action_button
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def accept_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.prompts):
            self.selected = self.prompts[row]
            self.accept()
