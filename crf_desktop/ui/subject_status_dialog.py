"""Changing a subject's status (screen failure, withdrawal, on study, completed) with the reason."""

from __future__ import annotations

from crf_desktop.services.session import Session
from crf_desktop.services.subjects import SubjectStatus, allowed_status_changes, change_subject_status
from crf_desktop.ui.dashboard_model import subject_status_text
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SubjectStatusDialog(QDialog):
    """Offers the statuses the subject may move to (``allowed_status_changes``); the service checks again."""

    def __init__(self, session: Session, subject_id: str, current: SubjectStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.setWindowTitle(self.tr("crf-desktop: subject status"))
        self.setMinimumWidth(500)
        intro = QLabel(fill(self.tr("Subject %1 is now: %2. A screen failure or withdrawal needs the reason; "
                                    "it is reported to the centre."), subject_id, subject_status_text(current)))
        intro.setWordWrap(True)
        self.status_combo = QComboBox()
        for status in SubjectStatus:  # declaration order; only the changes the service allows
            if status in allowed_status_changes(current):
                self.status_combo.addItem(subject_status_text(status), status.value)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        form = QFormLayout()
        for text, widget in ((self.tr("New &status:"), self.status_combo), (self.tr("&Reason:"), self.reason_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Change status"))
        self.ok_button = self.buttons.action_button
        self.buttons.accepted.connect(self.try_change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose(self, status: SubjectStatus) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))

    def try_change(self) -> None:
        status = SubjectStatus(str(self.status_combo.currentData()))
        outcome = run_service(self, lambda: change_subject_status(self.session, self.subject_id, status,
                                                                  self.reason_edit.text()), inline=self.message)
        if outcome.ok:
            self.accept()
