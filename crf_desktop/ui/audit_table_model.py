"""A read-only table model of audit trail entries, times shown in the computer's local time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from crf_desktop.core.clock import parse_iso
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class AuditRecord(Protocol):
    """What the table reads from an audit entry (services return ``store.audit.AuditEntry``)."""

    seq: int
    ts: str
    user: str
    action: str
    subject: str | None
    visit: str | None
    form: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


COLUMNS = ("Time (local)", "User", "Action", "Target", "Old → new", "Reason")  # English; shown through tr()
CHANGE_COLUMN = 4  # "Old → new": the longest texts


def column_titles() -> list[str]:
    """The column headers in the language now shown."""
    return [translate("AuditTable", "Time (local)"), translate("AuditTable", "User"),
            translate("AuditTable", "Action"), translate("AuditTable", "Target"),
            translate("AuditTable", "Old → new"), translate("AuditTable", "Reason")]


def local_time(ts: str) -> str:
    """An audit time stamp (UTC ISO) in local time, to the second."""
    try:
        return parse_iso(ts).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return ts  # shown as stored rather than hidden: the trail is evidence


def target_text(entry: AuditRecord) -> str:
    parts = [(translate("AuditTable", "subject"), entry.subject), (translate("AuditTable", "visit"), entry.visit),
             (translate("AuditTable", "form"), entry.form), ("", entry.field)]
    return " · ".join(f"{label} {value}".strip() for label, value in parts if value)


def change_text(entry: AuditRecord) -> str:
    old, new = entry.old_value, entry.new_value
    if old is None and new is None:
        return ""
    if old is None:
        return new or ""
    return f"{old} → {new if new is not None else translate('AuditTable', '(empty)')}"


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditRecord] = []

    def set_entries(self, entries: Sequence[AuditRecord]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> AuditRecord:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def cell_text(self, row: int, column: int) -> str:
        entry = self._entries[row]
        texts = (local_time(entry.ts), entry.user, entry.action, target_text(entry), change_text(entry),
                 entry.reason or "")
        return texts[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = self._entries[index.row()]
            if index.column() == 0:
                return fill(translate("AuditTable", "Entry %1, recorded at %2 (UTC)"), entry.seq, entry.ts)
            text = self.cell_text(index.row(), index.column())
            return text if len(text) > 40 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None
