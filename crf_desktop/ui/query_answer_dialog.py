"""The site's answer to a data clarification query (``queries.answer_query``), and how a query is described on
screen (its question, who raised it and when, its status) for the form editor and the subject page.

A query that calls for a change of the data is answered here, and the value itself is changed in the form editor
and saved with a reason, as every change is: there is one way to change data. An answered query waits for the
monitor who raised it; until they close it the site may add to its answer: the addition goes under the answer so far
(``FOLLOW_UP``, as a follow-up is added to a question), so the monitor reads the whole exchange.
"""

from __future__ import annotations

from crf_desktop.forms.model import Field
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.queries import FOLLOW_UP, Query, QueryStatus, answer_query
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.audit_table_model import local_time
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QLabel, QPlainTextEdit, Qt, QVBoxLayout, QWidget


def status_text(status: QueryStatus) -> str:
    return {QueryStatus.OPEN: translate("Queries", "open"), QueryStatus.ANSWERED: translate("Queries", "answered"),
            QueryStatus.CLOSED: translate("Queries", "closed")}[status]


def shown_value(field: Field, text: str, lang: str) -> str:
    """A field's text as a person reads it: a choice by its label, a number with its unit; "(empty)" when nothing
    is entered."""
    if not text:
        return translate("Queries", "(empty)")
    choice = field.choice(text) if field.options() else None
    if choice is not None:
        return f"{choice.label.get(lang)} ({text})"
    unit = field.unit_text(lang)
    return f"{text} {unit}" if unit else text


def query_summary(query: Query) -> str:
    """Who raised the query and when, and where it stands (one line)."""
    text = fill(translate("Queries", "Raised by %1 on %2 · %3"), query.raised_by, local_time(query.raised_at),
                status_text(query.status))
    if query.answered_by:
        text += " " + fill(translate("Queries", "(answered by %1)"), query.answered_by)
    return text


class QueryAnswerDialog(QDialog):
    """Answer ``query`` on the field ``field_label`` whose value is now ``current_value``, or add to its answer when
    it is already answered (:attr:`adding`); :attr:`query` holds the answered query after Answer."""

    def __init__(self, session: Session, query: Query, *, field_label: str, current_value: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.asked = query
        self.query: Query | None = None
        self.adding = query.status is QueryStatus.ANSWERED and bool(query.answer)
        self.setWindowTitle(self.tr("crf-desktop: add to the answer of a query") if self.adding
                            else self.tr("crf-desktop: answer a query"))
        self.setMinimumWidth(560)
        intro = QLabel(fill(self.tr("Query on %1 (subject %2, %3, form %4)."), field_label, query.subject_id,
                            query.visit, query.form))
        intro.setWordWrap(True)
        self.question_label = QLabel(query.question)
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question_label.setAccessibleName("question")
        self.question_label.setStyleSheet("background: #fff4d6; border: 1px solid #d9a400; padding: 6px;")
        self.raised_label = QLabel(query_summary(query))
        self.value_label = QLabel(fill(self.tr("Value now: %1"), current_value))
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.value_label.setAccessibleName("value now")
        previous = QLabel(fill(self.tr("Earlier answer: %1"), query.answer)) if query.answer else None
        if previous is not None:
            previous.setWordWrap(True)
            previous.setTextFormat(Qt.TextFormat.PlainText)
        label = QLabel(self.tr("A&ddition to the answer:") if self.adding else self.tr("&Answer:"))
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setAccessibleName("answer")
        label.setBuddy(self.answer_edit)
        if self.adding:
            note = QLabel(self.tr("What you write goes under the answer so far, and the monitor reads both. If the "
                                  "value must change, close this, change the field in the form and save it with a "
                                  "reason first. Ctrl+Enter adds it."))
        else:
            note = QLabel(fill(self.tr("If the value must change, close this, change the field in the form and "
                                       "save it with a reason; then answer the query, for example “%1”. Ctrl+Enter "
                                       "answers."), self.example_answer(query, field_label)))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        note.setTextFormat(Qt.TextFormat.PlainText)  # the field label is the form's text, not markup
        self.note = note  # how to answer (with an example that fits the field), shown under the answer
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Add to the answer") if self.adding else self.tr("&Answer query"))
        self.ok_button = self.buttons.action_button
        self.buttons.submit_from(self.answer_edit)
        self.buttons.accepted.connect(self.try_answer)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.question_label)
        layout.addWidget(self.raised_label)
        layout.addWidget(self.value_label)
        if previous is not None:
            layout.addWidget(previous)
        layout.addWidget(label)
        layout.addWidget(self.answer_edit)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.answer_edit.setFocus()

    def example_answer(self, query: Query, field_label: str) -> str:
        """An answer that fits the queried field: its label, and its unit when it has one (a weight in kg, a height
        in cm); a date or a choice has none."""
        form = REGISTRY.forms.get(query.form)
        field = form.field(query.field) if form is not None and form.has_field(query.field) else None
        unit = field.unit_text(language.current()) if field is not None else ""
        if unit and unit not in field_label:  # many labels carry their unit already: "24-h urine protein (g/24 h)"
            return fill(self.tr("%1 (%2) corrected from the source document"), field_label, unit)
        return fill(self.tr("%1 corrected from the source document"), field_label)

    def try_answer(self) -> None:
        text = self.answer_edit.toPlainText()
        if not text.strip():
            self.message.show_error(self.tr("Write what you add first (the answer so far stays as it is).")
                                    if self.adding else
                                    self.tr("Write the answer first: say what was checked or changed (the query "
                                            "stays open)."))
            self.answer_edit.setFocus()
            return
        if self.adding:
            text = f"{(self.asked.answer or '').strip()}{FOLLOW_UP}{text.strip()}"
        outcome = run_service(self, lambda: answer_query(self.session, self.asked.id, text), inline=self.message)
        if outcome.ok:
            self.query = outcome.value
            self.accept()
