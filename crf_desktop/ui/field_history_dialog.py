"""Every value a field had: when (local time), who, old → new, why. From ``records.field_history``."""

from __future__ import annotations

from collections.abc import Sequence

from crf_desktop.services.session import AuditEntry
from crf_desktop.ui.audit_table_model import local_time
from crf_desktop.ui.language import fill
from crf_desktop.ui.qt import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


class FieldHistoryDialog(QDialog):
    def __init__(self, title: str, entries: Sequence[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("crf-desktop: history of %1"), title))
        self.resize(760, 320)
        caption = QLabel(fill(self.tr("History of %1, oldest first. Times are this computer's local time."), title))
        caption.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Time (local)"), self.tr("User"), self.tr("Action"),
                                   self.tr("Old value"), self.tr("New value"), self.tr("Reason")])
        for entry in entries:
            item = QTreeWidgetItem([local_time(entry.ts), entry.user, entry.action, entry.old_value or "",
                                    entry.new_value or "", entry.reason or ""])
            item.setToolTip(0, fill(self.tr("Recorded at %1 (UTC)"), entry.ts))
            self.tree.addTopLevelItem(item)
        if not entries:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("No saved values yet")]))
        for column in range(6):
            self.tree.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return [[self.tree.topLevelItem(n).text(c) for c in range(6)] for n in range(self.tree.topLevelItemCount())]
