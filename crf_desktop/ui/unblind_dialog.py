"""Emergency unblinding of one subject (investigators only): the consequences, a reason, the password again.

The arm label returned by ``randomisation.unblind`` is shown once, in this dialog, and kept nowhere else in the
UI: closing the dialog deletes it. The subject page then shows only the red "Unblinded" flag.
"""

from __future__ import annotations

from crf_desktop.services import randomisation
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox, ButtonRole, StandardButton
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import ERROR_STYLE, InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


class UnblindDialog(QDialog):
    """Opened without blocking; :attr:`unblinded` is true once the service has unblinded the subject."""

    def __init__(self, session: Session, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.unblinded = False
        self.setWindowTitle(fill(self.tr("crf-desktop: emergency unblinding of subject %1"), subject_id))
        self.setMinimumWidth(600)
        self.warning = QLabel(fill(self.tr(
            "Emergency unblinding shows which treatment subject %1 receives. Do it only when the treatment of a "
            "medical emergency depends on knowing it.\n\n"
            "It cannot be undone: the subject is flagged as unblinded on every screen, the unblinding, your name "
            "and your reason are kept in the audit trail and reported to the coordinating centre, and the "
            "treatment is shown once, in this window only."), subject_id))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("The medical reason, e.g. severe infection: the treating team "
                                                    "must know whether MMF is being given"))
        self.reason_edit.setFixedHeight(80)
        self.reason_edit.setTabChangesFocus(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("password")
        form = QFormLayout()
        for text, widget in ((self.tr("Medical &reason:"), self.reason_edit),
                             (self.tr("Your &password:"), self.password_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = InlineMessage()
        self.arm_label = QLabel()
        self.arm_label.setWordWrap(True)
        self.arm_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.arm_label.setAccessibleName("treatment")
        self.arm_label.setStyleSheet("font-weight: bold; font-size: 120%; color: #1d1d1d; background: #fff4cc; "
                                     "border: 2px solid #a40000; border-radius: 4px; padding: 10px;")
        self.arm_label.hide()
        self.buttons = ActionButtonBox(self.tr("&Unblind now"), standard=StandardButton.Close,
                                       role=ButtonRole.ActionRole)
        self.unblind_button = self.buttons.action_button
        self.buttons.submit_from(self.reason_edit)
        self.unblind_button.clicked.connect(self.try_unblind)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.arm_label)
        layout.addWidget(self.buttons)

    def try_unblind(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.message.show_error(self.tr("Give the medical reason for unblinding; it is reported to the "
                                            "coordinating centre."))
            self.reason_edit.setFocus()
            return
        if not self.password_edit.text():
            self.message.show_error(self.tr("Type your password to confirm that it is you."))
            self.password_edit.setFocus()
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        checked = run_service(self, lambda: self.session.check_password(password), inline=self.message)
        if not checked.ok:
            self.password_edit.setFocus()
            return
        outcome = run_service(self, lambda: randomisation.unblind(self.session, self.subject_id, reason),
                              inline=self.message)
        if not outcome.ok or outcome.value is None:
            return
        self.unblinded = True
        self.reason_edit.setReadOnly(True)
        self.password_edit.setEnabled(False)
        self.unblind_button.hide()
        self.arm_label.setText(fill(self.tr("Subject %1 receives: %2"), self.subject_id,
                                    outcome.value.get(language.current())))
        self.arm_label.show()
        self.message.show_warning(self.tr("Unblinded and recorded. Tell the treating team now: this treatment is "
                                          "not shown again after you close this window."))

    def done(self, result: int) -> None:
        """Closing forgets the treatment: it is not kept anywhere on screen."""
        self.arm_label.clear()
        self.arm_label.hide()
        super().done(result)
