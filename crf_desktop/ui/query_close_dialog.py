"""The raiser's decision on a query at the site: close it, or re-open it with a follow-up question
(``queries.close_query``)."""

from __future__ import annotations

from crf_desktop.services.queries import Query, close_query
from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QLabel, QPlainTextEdit, Qt, QVBoxLayout, QWidget
from crf_desktop.ui.query_answer_dialog import query_summary


class QueryCloseDialog(QDialog):
    """Close ``query`` (``reopen=False``) or re-open it with a follow-up (``reopen=True``); :attr:`query` holds the
    query afterwards."""

    def __init__(self, session: Session, query: Query, *, field_label: str, current_value: str, reopen: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.asked = query
        self.reopen = reopen
        self.query: Query | None = None
        self.setWindowTitle(self.tr("crf-desktop: re-open a query") if reopen else
                            self.tr("crf-desktop: close a query"))
        self.setMinimumWidth(560)
        intro = QLabel(fill(self.tr("Query on %1 (subject %2, %3, form %4)."), field_label, query.subject_id,
                            query.visit, query.form))
        intro.setWordWrap(True)
        question = QLabel(query.question)
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setStyleSheet("background: #fff4d6; border: 1px solid #d9a400; padding: 6px;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(question)
        layout.addWidget(QLabel(query_summary(query)))
        value = QLabel(fill(self.tr("Value now: %1"), current_value))
        value.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(value)
        self.answer_label = QLabel(fill(self.tr("Answer: %1"), query.answer) if query.answer
                                   else self.tr("Not answered yet."))
        self.answer_label.setWordWrap(True)
        self.answer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_label.setAccessibleName("answer")
        layout.addWidget(self.answer_label)
        self.follow_up_edit = QPlainTextEdit()
        self.follow_up_edit.setTabChangesFocus(True)
        self.follow_up_edit.setAccessibleName("follow-up")
        if reopen:
            label = QLabel(self.tr("&Follow-up question (the site answers it again):"))
            label.setBuddy(self.follow_up_edit)
            layout.addWidget(label)
            layout.addWidget(self.follow_up_edit)
        else:
            self.follow_up_edit.hide()
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Re-open query") if reopen else self.tr("&Close query"))
        self.ok_button = self.buttons.action_button
        if reopen:
            self.buttons.submit_from(self.follow_up_edit)
        self.buttons.accepted.connect(self.try_decide)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.follow_up_edit if reopen else self.ok_button).setFocus()

    def try_decide(self) -> None:
        follow_up = self.follow_up_edit.toPlainText().strip()
        if self.reopen and not follow_up:
            self.message.show_error(self.tr("Write the follow-up question first: say what is still unclear."))
            self.follow_up_edit.setFocus()
            return
        outcome = run_service(self, lambda: close_query(self.session, self.asked.id,
                                                        reopen_with=follow_up if self.reopen else None),
                              inline=self.message)
        if outcome.ok:
            self.query = outcome.value
            self.accept()
