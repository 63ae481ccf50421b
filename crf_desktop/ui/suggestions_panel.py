"""Suggested answers for the open form from other records of the same visit (today: SLEDAI-2K descriptors from
the visit's labs, :func:`crf_desktop.services.suggestions.suggestions_for`).

Each suggestion shows the field, the suggested answer and its evidence, with an "Apply" button; "Apply all" takes
every decidable one. Applying only fills the answer in the form: nothing is saved until the physician saves, and
nothing is ever applied without a click.
"""

from __future__ import annotations

from collections.abc import Mapping

from crf_desktop.forms.model import Form
from crf_desktop.services.suggestions import Suggestion
from crf_desktop.ui import language
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

MAX_HEIGHT = 230
BOX_CSS = ("QGroupBox#suggestions { background: #eef4fb; border: 1px solid #9db7d8; border-radius: 4px; "
           "margin-top: 1.3em; padding-top: 4px; font-weight: bold; } "
           "QGroupBox#suggestions::title { subcontrol-origin: margin; left: 8px; color: #1d3f6e; }")


class SuggestionsPanel(QGroupBox):
    """Emits :attr:`apply_requested` (field id, code) for each answer to fill in."""

    apply_requested = Signal(str, str)

    def __init__(self, form: Form, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.suggestions = sorted(suggestions, key=lambda s: s.code is None)  # decidable ones first
        self.setObjectName("suggestions")
        self.setStyleSheet(BOX_CSS)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-weight: normal; color: #1d3f6e;")
        self.apply_all_button = QPushButton()
        self.apply_all_button.setAutoDefault(False)
        self.apply_all_button.clicked.connect(self.apply_all)
        self.labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.buttons: dict[str, QPushButton] = {}
        rows = QWidget()
        rows.setStyleSheet("font-weight: normal;")
        grid = QGridLayout(rows)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for n, suggestion in enumerate(self.suggestions):
            field, answer, evidence = QLabel(), QLabel(), QLabel()
            evidence.setWordWrap(True)
            evidence.setTextFormat(Qt.TextFormat.PlainText)
            answer.setStyleSheet("font-weight: bold;" if suggestion.code is not None else "color: #666666;")
            if suggestion.code is None:
                field.setStyleSheet("color: #666666;")
                evidence.setStyleSheet("color: #666666;")
            self.labels[suggestion.field_id] = (field, answer, evidence)
            grid.addWidget(field, n, 0)
            grid.addWidget(answer, n, 1)
            grid.addWidget(evidence, n, 2)
            if suggestion.code is not None:
                button = QPushButton()
                button.setAutoDefault(False)
                button.setAccessibleName(f"apply {suggestion.field_id}")
                button.clicked.connect(lambda _c=False, s=suggestion: self.apply(s))
                self.buttons[suggestion.field_id] = button
                grid.addWidget(button, n, 3)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        scroll.setMaximumHeight(MAX_HEIGHT)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.apply_all_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll)
        self.answers: Mapping[str, str] = {}
        self.read_only = False
        self.retranslate(language.current())

    def retranslate(self, lang: str) -> None:
        self.setTitle(translate("Suggestions", "Suggested from this visit's labs"))
        self.note.setText(translate("Suggestions", "Check each suggestion against the source; Apply fills in the "
                                                   "answer, and nothing is recorded until you save."))
        self.apply_all_button.setText(translate("Suggestions", "Apply &all"))
        for suggestion in self.suggestions:
            field_label, answer, evidence = self.labels[suggestion.field_id]
            field = self.form.field(suggestion.field_id)
            field_label.setText(field.label.get(lang))
            choice = field.choice(suggestion.code) if suggestion.code is not None else None
            answer.setText(choice.label.get(lang) if choice is not None else
                           translate("Suggestions", "labs cannot decide"))
            evidence.setText(suggestion.evidence.get(lang))
        self.sync(self.answers, read_only=self.read_only)

    def sync(self, answers: Mapping[str, str], *, read_only: bool = False) -> None:
        """Mark the suggestions already matching the form's answers; disable Apply on a read-only form."""
        self.answers, self.read_only = dict(answers), read_only
        pending = 0
        for suggestion in self.suggestions:
            button = self.buttons.get(suggestion.field_id)
            if button is None:
                continue
            done = answers.get(suggestion.field_id) == suggestion.code
            pending += not done
            button.setText(translate("Suggestions", "Applied ✓") if done else translate("Suggestions", "Apply"))
            button.setEnabled(not done and not read_only)
        self.apply_all_button.setEnabled(pending > 0 and not read_only)
        self.apply_all_button.setToolTip(fill(translate("Suggestions", "%1 suggestion(s) not applied yet"), pending))

    def apply(self, suggestion: Suggestion) -> None:
        if suggestion.code is not None and not self.read_only:
            self.apply_requested.emit(suggestion.field_id, suggestion.code)

    def apply_all(self) -> None:
        for suggestion in self.suggestions:
            if suggestion.code is not None and self.answers.get(suggestion.field_id) != suggestion.code:
                self.apply(suggestion)
