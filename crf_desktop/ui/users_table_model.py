"""A read-only table model of the site's users."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from crf_desktop.core.roles import Role
from crf_desktop.ui import language
from crf_desktop.ui.language import translate
from crf_desktop.ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("User name", "Full name", "Role", "Active", "Must change password")


def column_titles() -> list[str]:
    return [translate("UsersTableModel", "User name"), translate("UsersTableModel", "Full name"),
            translate("UsersTableModel", "Role"), translate("UsersTableModel", "Active"),
            translate("UsersTableModel", "Must change password")]


class UserRecord(Protocol):
    """What the table reads from a user (services return ``store.users.User``)."""

    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool


class UsersTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserRecord] = []

    def set_users(self, users: Sequence[UserRecord]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user(self, row: int) -> UserRecord:
        return self._users[row]

    def row_of(self, username: str) -> int | None:
        for row, user in enumerate(self._users):
            if user.username == username:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def cell_text(self, row: int, column: int) -> str:
        user = self._users[row]
        yes = translate("UsersTableModel", "yes")
        texts = (user.username, user.full_name, user.role.label_in(language.current()),
                 yes if user.active else translate("UsersTableModel", "disabled"),
                 yes if user.must_change_password else "")
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._users)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not self._users[index.row()].active:
            return Qt.GlobalColor.darkGray
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return column_titles()[section]
        return None
