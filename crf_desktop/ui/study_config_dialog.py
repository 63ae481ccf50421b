"""Help ▸ Study configuration: what is in force at this site and where it came from (read-only).

The configuration comes from the centre's enrolment file (``services.study_config``); until one is installed the
study defaults apply, and the dialog says so. Each setting is shown with its value in the current language: the
visit windows, the renal response definition (printed with every response), the eGFR equation, the SLEDAI-2K
window and whether disease measures are graded as adverse events. Users who may read the audit trail also see
every version installed before.
"""

from __future__ import annotations

from crf_desktop.core.roles import Permission
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import (
    InstalledConfiguration,
    StudyConfiguration,
    configuration_history,
    current_configuration,
    installed_configuration,
)
from crf_desktop.ui import language
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHeaderView,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class StudyConfigDialog(QDialog):
    """Read-only; Enter or Escape closes it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.config: StudyConfiguration | None = None
        self.installed: InstalledConfiguration | None = None
        self.history: list[InstalledConfiguration] = []
        self.resize(900, 460)
        self.title = heading("")
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setAccessibleName("where the configuration came from")
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = InlineMessage()
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName("study configuration settings")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setAutoDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.origin)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history_label)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        def read() -> tuple[StudyConfiguration, InstalledConfiguration | None, list[InstalledConfiguration]]:
            older = configuration_history(self.session) if self.session.can(Permission.VIEW_AUDIT) else []
            return current_configuration(self.session), installed_configuration(self.session), older

        outcome = run_service(self, read, inline=self.message)
        if outcome.ok and outcome.value is not None:
            self.config, self.installed, self.history = outcome.value
        self.retranslate()

    def setting(self, row: int) -> tuple[str, str]:
        """The name and value shown in ``row`` (tests read them)."""
        return self.table.item(row, 0).text(), self.table.item(row, 1).text()

    def retranslate(self) -> None:
        lang = language.current()
        self.setWindowTitle(self.tr("crf-desktop: study configuration"))
        self.title.setText(fill(self.tr("Study configuration in force — site %1"), self.session.site_id))
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value")])
        found = self.installed
        if found is None:
            self.origin.setText(self.tr("No study configuration has been installed at this site: the study "
                                        "defaults apply until the centre's enrolment file is installed."))
        else:
            self.origin.setText(fill(self.tr("Version %1, installed %2 by %3 from: %4"), found.version,
                                     found.installed_at, found.installed_by, found.source))
        rows = self.config.describe() if self.config is not None else ()
        self.table.setRowCount(len(rows))
        for row, (name, value) in enumerate(rows):
            for column, text in enumerate((name.get(lang), value.get(lang))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        earlier = [f for f in self.history if found is None or f.version != found.version]
        self.history_label.setVisible(bool(earlier))
        self.history_label.setText(self.tr("Installed before: ") + "; ".join(
            fill(self.tr("version %1 (%2, %3)"), f.version, f.installed_at, f.source) for f in reversed(earlier)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
