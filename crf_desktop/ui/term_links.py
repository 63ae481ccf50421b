"""What a chosen CTCAE term does to the rest of its form, found from the declaration (no form id here):

- the *grade field*: the first single-choice field after the term field whose choices are the grades "1".."5";
  beside it the term's five grade texts, and the grades the term marks "-" greyed out (``allowed_grades``);
- the *specify field*: the first entered text field after the term field whose id ends in ``specify``; a
  search hit's suggested "Other, specify" text goes there, only when it is empty.
"""

from __future__ import annotations

from crf_desktop.forms.ctcae import Term, allowed_grades, term_text
from crf_desktop.forms.model import Field, FieldType, Form, Text
from crf_desktop.ui import language
from crf_desktop.ui.field_inputs import ChoiceInput
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import QFrame, QGridLayout, QLabel, QObject, Qt, QWidget
from crf_desktop.ui.term_input import TermInput

CTCAE = "CTCAE v4.03"
GRADE_CODES = ("1", "2", "3", "4", "5")
PANEL_CSS = "QFrame#grade-texts { background: #f7f9fb; border: 1px solid #d0d6dc; border-radius: 4px; }"
ALLOWED_CSS = "color: #1a1a1a;"
NOT_ALLOWED_CSS = "color: #8a8a8a; font-style: italic;"


def _after(form: Form, field: Field) -> list[Field]:
    fields = list(form.fields)
    return fields[fields.index(field) + 1:]


def grade_field(form: Form, term_field: Field) -> Field | None:
    return next((f for f in _after(form, term_field) if f.type is FieldType.CHOICE and not f.is_derived
                 and tuple(c.code for c in f.options()) == GRADE_CODES), None)


def specify_field(form: Form, term_field: Field) -> Field | None:
    return next((f for f in _after(form, term_field) if f.type is FieldType.TEXT and not f.is_derived
                 and f.id.endswith("specify")), None)


class GradeTextsPanel(QFrame):
    """The chosen term's grade texts, one line per grade; grades it does not have say so, greyed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grade-texts")
        self.setStyleSheet(PANEL_CSS)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.lines: dict[int, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.title, 0, 0, 1, 2)
        for grade in range(1, 6):
            number = QLabel(str(grade))
            number.setStyleSheet("font-weight: bold;")
            number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            line = QLabel()
            line.setWordWrap(True)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setAccessibleName(f"grade {grade} text")
            line.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(number, grade, 0)
            grid.addWidget(line, grade, 1)
            self.lines[grade] = line
        grid.setColumnStretch(1, 1)
        self.show_term(None)

    def show_term(self, term: Term | None) -> None:
        lang = language.current()
        if term is None:
            self.title.setText(translate("TermLinks", "Choose the CTCAE term first: its grade texts appear here."))
            for line in self.lines.values():
                line.setText("")
            return
        self.title.setText(fill(translate("TermLinks", "CTCAE v4.03 grades of %1:"), term_text(term).get(lang)))
        for grade, line in self.lines.items():
            text = term.grade_text(grade)
            line.setText(text if text is not None else translate("TermLinks", "— not a grade of this term"))
            line.setStyleSheet(ALLOWED_CSS if text is not None else NOT_ALLOWED_CSS)


class TermLinks(QObject):
    """Connects each CTCAE term field of a form to its grade and specify fields."""

    def __init__(self, form: Form, rows: dict[str, FieldRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.links: list[tuple[TermInput, ChoiceInput | None, GradeTextsPanel | None, FieldRow | None]] = []
        for row in rows.values():
            if row.field.terminology != CTCAE or not isinstance(row.input, TermInput):
                continue
            grade = grade_field(form, row.field)
            specify = specify_field(form, row.field)
            grade_row = rows.get(grade.id) if grade is not None else None
            grade_input = grade_row.input if grade_row is not None else None
            panel = None
            if grade_row is not None and isinstance(grade_input, ChoiceInput):
                panel = GradeTextsPanel()
                grade_row.add_beside(panel)
            else:
                grade_input = None
            link = (row.input, grade_input, panel, rows.get(specify.id) if specify is not None else None)
            self.links.append(link)
            row.input.changed.connect(lambda link=link: self._update(link))
            row.input.chosen.connect(lambda term, text, link=link: self._prefill(link, text))
        self.update_all()

    def update_all(self) -> None:
        for link in self.links:
            self._update(link)

    def _update(self, link: tuple[TermInput, ChoiceInput | None, GradeTextsPanel | None, FieldRow | None]) -> None:
        term_input, grade_input, panel, _specify = link
        term = term_input.term()
        if panel is not None:
            panel.show_term(term)
        if grade_input is not None:
            allowed = {str(g) for g in allowed_grades(term)} if term is not None else set(GRADE_CODES)
            grade_input.set_unavailable(frozenset(set(GRADE_CODES) - allowed))

    @staticmethod
    def _prefill(link: tuple[TermInput, ChoiceInput | None, GradeTextsPanel | None, FieldRow | None],
                 text: Text | None) -> None:
        specify = link[3]
        if specify is not None and text is not None and not specify.input.text().strip():
            specify.input.set_text(text.get(language.current()))
