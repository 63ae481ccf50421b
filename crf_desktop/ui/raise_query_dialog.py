"""A monitor's question about one field (``queries.raise_query``)."""

from __future__ import annotations

from crf_desktop.services.queries import Query, raise_query
from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class RaiseQueryDialog(QDialog):
    def __init__(self, session: Session, *, subject_id: str, visit: str, form_id: str, field_id: str,
                 field_label: str, repeat_no: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target = {"subject_id": subject_id, "visit": visit, "form_id": form_id, "field_id": field_id,
                       "repeat_no": repeat_no}
        self.query: Query | None = None
        self.setWindowTitle(self.tr("crf-desktop: raise a query"))
        self.setMinimumWidth(520)
        intro = QLabel(fill(self.tr("Query on %1 (subject %2, %3). Say what needs clarifying; the site answers "
                                    "it."), field_label, subject_id, visit))
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Question:"))
        self.question_edit = QPlainTextEdit()
        self.question_edit.setTabChangesFocus(True)
        label.setBuddy(self.question_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Raise query"))
        self.ok_button = self.buttons.action_button
        self.buttons.submit_from(self.question_edit)
        self.buttons.accepted.connect(self.try_raise)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.question_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_raise(self) -> None:
        text = self.question_edit.toPlainText()
        outcome = run_service(self, lambda: raise_query(self.session, question=text, **self.target),
                              inline=self.message)
        if outcome.ok:
            self.query = outcome.value
            self.accept()
