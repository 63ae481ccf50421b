"""The main window's page for now: the site's recent audit trail, read-only."""

from __future__ import annotations

from crf_desktop.core.roles import Permission
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.audit_table_model import CHANGE_COLUMN, AuditTableModel
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.table_columns import fit_columns

LIMIT = 200


class AuditPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, *, at_centre: bool = False) -> None:
        super().__init__(parent)
        self.session = session
        self.at_centre = at_centre  # the coordinating centre's own audit trail, not a site's
        self.heading = heading("")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.message = InlineMessage()
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("audit trail")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Recent activity at the coordinating centre") if self.at_centre
                             else fill(self.tr("Recent activity at site %1"), self.session.site_id))
        self.caption.setText(fill(self.tr("The last %1 entries of the audit trail, newest first. Times are this "
                                          "computer's local time; hover over a time for the stored UTC value."),
                                  LIMIT))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload the audit trail (F5)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if not self.session.can(Permission.VIEW_AUDIT):
            self.model.set_entries([])
            self.message.show_info(fill(self.tr("A %1 does not see the audit trail."),
                                        self.session.user.role.label_in(language.current()).lower()))
            return
        outcome = run_service(self, lambda: self.session.audit_trail(limit=LIMIT), inline=self.message)
        self.model.set_entries(outcome.value or [] if outcome.ok else [])
        fit_columns(self.table, stretch=CHANGE_COLUMN)
