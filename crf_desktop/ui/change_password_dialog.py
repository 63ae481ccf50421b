"""Changing one's own password: at first login after a reset (forced), or from the File menu."""

from __future__ import annotations

from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.password_fields import NewPasswordRows
from crf_desktop.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class ChangePasswordDialog(QDialog):
    """Current password, new password twice; the service checks and rewraps the key.

    When ``forced`` (the password was reset by an admin) the cancel button reads "Log out": the caller closes
    the session when the dialog is rejected.
    """

    def __init__(self, session: Session, *, forced: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.forced = forced
        self.setWindowTitle(self.tr("crf-desktop: change password"))
        self.setMinimumWidth(480)

        user = session.user
        intro = QLabel(
            fill(self.tr("%1 (%2): your password was set by the site admin. Choose your own password before you "
                         "continue; Log out leaves without changing it."), user.full_name, user.username)
            if forced else fill(self.tr("Change the password of %1 (%2)."), user.full_name, user.username)
        )
        intro.setWordWrap(True)

        self.current_edit = QLineEdit()
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setAccessibleName("current password")
        current_label = QLabel(self.tr("&Current password:") if not forced else self.tr("&Temporary password:"))
        current_label.setBuddy(self.current_edit)
        form = QFormLayout()
        form.addRow(current_label, self.current_edit)
        self.rows = NewPasswordRows(self, username=session.user.username)
        self.rows.add_to(form)

        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("C&hange password"))
        self.ok_button = self.buttons.action_button
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if forced:
            cancel.setText(self.tr("Log &out"))
        self.buttons.accepted.connect(self.try_change)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # the password rows were made in the dialog before the current password field was: Tab in reading order
        self.setTabOrder(self.current_edit, self.rows.new_edit)
        self.setTabOrder(self.rows.new_edit, self.rows.repeat_edit)

        self.current_edit.textChanged.connect(self._update_ok)
        self.rows.changed.connect(self._update_ok)
        self._update_ok()
        self.current_edit.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.current_edit.text()) and self.rows.is_acceptable())

    def try_change(self) -> None:
        if not self.ok_button.isEnabled():
            return
        current, new = self.current_edit.text(), self.rows.password()
        outcome = run_service(self, lambda: self.session.change_own_password(current, new),
                              inline=self.message)
        if outcome.ok:
            self.accept()
        else:
            self.current_edit.selectAll()
            self.current_edit.setFocus()
