"""The admin's users dialog: who may log in at this site, and the actions on them."""

from __future__ import annotations

from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.table_columns import fit_columns
from crf_desktop.ui.user_edit_dialogs import AddUserDialog, DisableUserDialog, ResetPasswordDialog
from crf_desktop.ui.users_table_model import COLUMNS, UsersTableModel


class UsersDialog(QDialog):
    """Lists the users through ``Session.list_users``; a role that may not manage users sees the refusal."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(fill(self.tr("crf-desktop: users of site %1"), session.site_id))
        self.resize(860, 440)
        self.dialog: QDialog | None = None  # the add/reset/disable dialog now open (tests drive it)
        self.allowed = False  # whether the service let this user list the users

        title = heading(fill(self.tr("Users of site %1 (%2)"), session.site_id, session.study_id))
        self.message = InlineMessage()
        self.model = UsersTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("users")

        self.add_button = QPushButton(self.tr("&Add user…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.disable_button = QPushButton(self.tr("&Disable…"))
        for button in (self.add_button, self.reset_button, self.disable_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.open_add_user)
        self.reset_button.clicked.connect(self.open_reset_password)
        self.disable_button.clicked.connect(self.open_disable_user)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.disable_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.allowed = self.refresh()
        self._update_buttons()
        self.table.setFocus()

    # -- reading ----------------------------------------------------------------------------------------
    def refresh(self, *, select: str | None = None) -> bool:
        outcome = run_service(self, self.session.list_users, inline=self.message)
        if not outcome.ok:
            self.model.set_users([])
            self.allowed = False
            self._update_buttons()
            return False
        self.model.set_users(outcome.value or [])
        fit_columns(self.table, stretch=len(COLUMNS) - 1)
        if select:
            self.select_user(select)
        self._update_buttons()
        return True

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()).username if rows else None

    def select_user(self, username: str) -> None:
        row = self.model.row_of(username)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        selected = self.selected_username()
        self.add_button.setEnabled(self.allowed)
        self.reset_button.setEnabled(self.allowed and selected is not None)
        self.disable_button.setEnabled(self.allowed and selected is not None
                                       and selected != self.session.user.username)

    # -- actions ----------------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, done_text: str, username: str | None) -> QDialog:
        def done() -> None:
            name = username or getattr(dialog, "created_username", None)
            self.refresh(select=name)
            self.message.show_info(fill(done_text, repr(name)))

        return open_kept(self, dialog, done)

    def open_add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self.session, self)
        self._open(dialog, self.tr("Added %1; they must change the temporary password at first login."), None)
        return dialog

    def open_reset_password(self) -> ResetPasswordDialog | None:
        name = self.selected_username()
        if name is None:
            return None
        dialog = ResetPasswordDialog(self.session, name, self)
        self._open(dialog, self.tr("Password of %1 reset; they must change it at next login."), name)
        return dialog

    def open_disable_user(self) -> DisableUserDialog | None:
        name = self.selected_username()
        if name is None:
            return None
        dialog = DisableUserDialog(self.session, name, self)
        self._open(dialog, self.tr("Disabled %1; their history stays in the audit trail."), name)
        return dialog
