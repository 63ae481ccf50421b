"""The admin's small dialogs on one user: add, reset password, disable. Each calls one Session method."""

from __future__ import annotations

from crf_desktop.core.roles import Role
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.password_fields import NewPasswordRows
from crf_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class _UserActionDialog(QDialog):
    """Intro, a form, an inline message and OK/Cancel; subclasses fill the form and do the action."""

    def __init__(self, session: Session, *, title: str, intro: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(fill(translate("UserEditDialogs", "crf-desktop: %1"), title))
        self.setMinimumWidth(500)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(ok_text)
        self.ok_button: QPushButton = self.buttons.action_button
        self.buttons.accepted.connect(self.try_action)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def labelled(self, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def update_ok(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def ready(self) -> bool:
        return True

    def action(self) -> None:
        raise NotImplementedError

    def try_action(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if run_service(self, self.action, inline=self.message).ok:
            self.accept()


class AddUserDialog(_UserActionDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, title=translate("AddUserDialog", "add user"), ok_text=translate("AddUserDialog", "&Add user"),
            parent=parent, intro=translate(
                "AddUserDialog", "Add a person who works on this study at this site. They log in with the "
                "temporary password and must choose their own at first login. User names are never re-used."))
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("e.g. lina (lower case, no spaces)"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("as printed on signatures"))
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role.label_in(language.current()), role)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.COORDINATOR))
        self.labelled(self.tr("&User name:"), self.username_edit)
        self.labelled(self.tr("&Full name:"), self.full_name_edit)
        self.labelled(self.tr("&Role:"), self.role_combo)
        self.rows = NewPasswordRows(self, label=self.tr("&Temporary password:"))
        self.rows.add_to(self.form)
        self.created_username: str | None = None
        for edit in (self.username_edit, self.full_name_edit):
            edit.textChanged.connect(self.update_ok)
        self.username_edit.textChanged.connect(self.rows.set_username)
        self.rows.changed.connect(self.update_ok)
        self.update_ok()
        self.username_edit.setFocus()

    def selected_role(self) -> Role:
        return Role(self.role_combo.currentData())

    def ready(self) -> bool:
        return bool(self.username_edit.text().strip() and self.full_name_edit.text().strip()
                    and self.rows.is_acceptable())

    def action(self) -> None:
        user = self.session.add_user(username=self.username_edit.text().strip(),
                                     full_name=self.full_name_edit.text().strip(), role=self.selected_role(),
                                     password=self.rows.password())
        self.created_username = user.username


class ResetPasswordDialog(_UserActionDialog):
    def __init__(self, session: Session, username: str, parent: QWidget | None = None) -> None:
        super().__init__(
            session, title=fill(translate("ResetPasswordDialog", "reset password of %1"), username),
            ok_text=translate("ResetPasswordDialog", "&Reset password"), parent=parent, intro=fill(translate(
                "ResetPasswordDialog", "Give %1 a temporary password. Tell it to them in person; they must choose "
                "their own at next login. A disabled account is enabled again."), repr(username)))
        self.username = username
        self.rows = NewPasswordRows(self, username=username, label=self.tr("&Temporary password:"))
        self.rows.add_to(self.form)
        self.rows.changed.connect(self.update_ok)
        self.update_ok()
        self.rows.new_edit.setFocus()

    def ready(self) -> bool:
        return self.rows.is_acceptable()

    def action(self) -> None:
        self.session.reset_password(self.username, self.rows.password())


class DisableUserDialog(_UserActionDialog):
    def __init__(self, session: Session, username: str, parent: QWidget | None = None) -> None:
        super().__init__(
            session, title=fill(translate("DisableUserDialog", "disable %1"), username),
            ok_text=translate("DisableUserDialog", "&Disable user"), parent=parent, intro=fill(translate(
                "DisableUserDialog", "Disable %1: they can no longer log in. Their entries, signatures and history "
                "stay in the audit trail. Reset the password later to enable the account again."),
                repr(username)))
        self.username = username
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. left the study team on 2025-03-01"))
        self.labelled(self.tr("R&eason (required):"), self.reason_edit)
        self.reason_edit.textChanged.connect(self.update_ok)
        self.update_ok()
        self.reason_edit.setFocus()

    def ready(self) -> bool:
        return bool(self.reason_edit.text().strip())

    def action(self) -> None:
        self.session.disable_user(self.username, self.reason_edit.text())
