"""Lock and unlock a subject's casebook (investigators and data managers): what locking means, and the reason for
an unlock. Opened without blocking; Enter locks or unlocks. The work is done by ``services.locks``."""

from __future__ import annotations

from crf_desktop.services.locks import lock_casebook, unlock_casebook
from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class LockDialog(QDialog):
    """``unlock`` false: lock the casebook; true: unlock it, with a reason."""

    def __init__(self, session: Session, subject_id: str, *, unlock: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.unlock = unlock
        self.setMinimumWidth(540)
        if unlock:
            self.setWindowTitle(fill(self.tr("crf-desktop: unlock the casebook of %1"), subject_id))
            text = fill(self.tr("Unlocking lets the data of subject %1 be changed again. Any change invalidates the "
                                "casebook signature, which must then be given again before the casebook is locked "
                                "again. Say why it is unlocked; the reason is kept in the audit trail."), subject_id)
            action = self.tr("&Unlock casebook")
        else:
            self.setWindowTitle(fill(self.tr("crf-desktop: lock the casebook of %1"), subject_id))
            text = fill(self.tr("Locking the signed casebook of subject %1 stops every change to its data until a "
                                "data manager or investigator unlocks it with a reason. The lock is audited."),
                        subject_id)
            action = self.tr("&Lock casebook")
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(300)
        self.reason_edit.setPlaceholderText(self.tr("e.g. query 12: visit date corrected from the source"))
        form = QFormLayout()
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason_edit)
        form.addRow(label, self.reason_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(action)
        self.buttons.action_button.clicked.connect(self.try_apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if unlock:
            layout.addLayout(form)
        else:
            self.reason_edit.hide()
            label.hide()
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.reason_edit if unlock else self.buttons.action_button).setFocus()

    def try_apply(self) -> None:
        if self.unlock:
            reason = self.reason_edit.text()
            outcome = run_service(self, lambda: unlock_casebook(self.session, self.subject_id, reason),
                                  inline=self.message)
        else:
            outcome = run_service(self, lambda: lock_casebook(self.session, self.subject_id), inline=self.message)
        if outcome.ok:
            self.accept()
