"""Signing a form, a visit or the casebook: what is signed, what the signature means, and the password again.

Enter signs (the password field holds the focus). A wrong password keeps the dialog open with the attempts left;
the service counts it towards the lockout and audits it. The signature is applied by ``services.signatures.sign``.
"""

from __future__ import annotations

from crf_desktop.core.clock import parse_iso
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.session import Session
from crf_desktop.services.signatures import MEANING, SignTarget, StoredSignature, sign, signable_records
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


def utc_text(signed_at: str) -> str:
    """A stored UTC time stamp as people read it, still in UTC (the signature manifestation says UTC)."""
    try:
        return parse_iso(signed_at).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return signed_at


def local_text(moment: str) -> str:
    try:
        return parse_iso(moment).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return moment


def target_text(target: SignTarget) -> str:
    """What a signature covers, in the current language."""
    lang = language.current()
    if target.visit is None:
        return fill(translate("SignDialog", "the whole casebook of subject %1"), target.subject_id)
    try:
        visit = REGISTRY.schedule.visit(target.visit).label.get(lang)
    except KeyError:
        visit = next((log.label.get(lang) for log in REGISTRY.schedule.logs if log.code == target.visit),
                     target.visit)
    if target.form is None:
        return fill(translate("SignDialog", "every form of %1, subject %2"), visit, target.subject_id)
    form = REGISTRY.form(target.form).title.get(lang)
    if target.repeat_no:
        form = f"{form} #{target.repeat_no}"
    return fill(translate("SignDialog", "%1, %2, subject %3"), form, visit, target.subject_id)


class SignDialog(QDialog):
    """Opened without blocking; :attr:`signature` holds the new signature once accepted."""

    def __init__(self, session: Session, target: SignTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target = target
        self.signature: StoredSignature | None = None
        self.setWindowTitle(self.tr("crf-desktop: electronic signature"))
        self.setMinimumWidth(560)
        user = session.user
        self.what = QLabel(fill(self.tr("You are signing: %1"), target_text(target)))
        self.what.setWordWrap(True)
        self.what.setStyleSheet("font-weight: bold;")
        self.signer = QLabel(fill(self.tr("Signer: %1 (%2), user %3"), user.full_name,
                                  user.role.label_in(language.current()), user.username))
        self.meaning_title = QLabel(self.tr("Meaning of this signature:"))
        self.meaning = QLabel(MEANING)
        self.meaning.setAccessibleName("meaning")
        self.meaning.setWordWrap(True)
        self.meaning.setStyleSheet("font-size: 110%; padding: 8px; border: 1px solid #1d3f6e; border-radius: 4px; "
                                   "background: #eef3fb; color: #1a1a1a;")
        self.notice = QLabel(self.tr(
            "Your password makes this an electronic signature, the legally binding equivalent of your handwritten "
            "signature. It is recorded with the time (UTC) and a hash of the signed data; a later change to these "
            "data invalidates it."))
        self.notice.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("password")
        form = QFormLayout()
        label = QLabel(self.tr("Your &password:"))
        label.setBuddy(self.password_edit)
        form.addRow(label, self.password_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Sign"))
        self.sign_button = self.buttons.action_button
        self.sign_button.clicked.connect(self.try_sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.what, self.signer, self.meaning_title, self.meaning, self.notice):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()
        ready = run_service(self, lambda: signable_records(session, target), inline=self.message)
        if not ready.ok:  # not complete yet: say so before the password is typed
            self.sign_button.setEnabled(False)
            self.password_edit.setEnabled(False)

    def try_sign(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.message.show_error(self.tr("Type your password to sign."))
            self.password_edit.setFocus()
            return
        self.password_edit.clear()
        outcome = run_service(self, lambda: sign(self.session, self.target, password=password), inline=self.message)
        if not outcome.ok or outcome.value is None:
            self.password_edit.setFocus()
            return
        self.signature = outcome.value
        self.accept()
