"""The subject page's Eligibility tab: the 7 inclusion and 12 exclusion criteria of the registry record, each
met / not met / not evaluable with its evidence and what is missing, and the overall result.

Computed by ``services.eligibility`` from the recorded screening forms every time the page refreshes; nothing is
typed here. For an exclusion, "met" means it applies: the subject is excluded. Long criteria and evidence wrap
within their columns (the columns share the panel's width), so a coordinator reads them whole on screen.
"""

from __future__ import annotations

from crf_desktop.forms.trial.eligibility import CriterionResult, EligibilityResult, Overall, Status
from crf_desktop.services.eligibility import eligibility
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.messages import ERROR_STYLE, INFO_STYLE, WARNING_STYLE, InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QColor,
    QEvent,
    QHeaderView,
    QLabel,
    QResizeEvent,
    QSize,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GOOD, BAD, UNKNOWN = QColor("#e6f4e6"), QColor("#fbe3e1"), QColor("#fff4cc")
#: Shares of the width for criterion, result, evidence (missing takes the rest).
COLUMN_SHARES = (0.36, 0.11, 0.33)
TEXT_MARGIN = 12  # the item's text margins and the focus frame, in pixels
ROW_PADDING = 6
ID_ROLE = Qt.ItemDataRole.UserRole


class EligibilityPanel(QWidget):
    """Every criterion in registry order under "Inclusion" and "Exclusion", and the overall result above."""

    def __init__(self, session: Session, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.result: EligibilityResult | None = None
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.overall.setAccessibleName("overall eligibility")
        self.overall.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setAccessibleName("eligibility criteria")
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._rows_changed)
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.overall)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        outcome = run_service(self, lambda: eligibility(self.session, self.subject_id), inline=self.message)
        self.result = outcome.value if outcome.ok else None
        self.retranslate()

    # -- words ------------------------------------------------------------------------------------------
    def status_text(self, result: CriterionResult) -> str:
        if result.status is Status.NOT_EVALUABLE:
            return self.tr("? Not evaluable")
        if result.criterion.inclusion:
            return self.tr("✓ Met") if result.status is Status.MET else self.tr("✗ Not met")
        return self.tr("✗ Met: excludes") if result.status is Status.MET else self.tr("✓ Not met")

    def overall_text(self, result: EligibilityResult) -> str:
        lang = language.current()
        return language.fill(self.tr("Eligibility: %1"), result.summary().get(lang))

    def retranslate(self) -> None:
        lang = language.current()
        self.tree.setHeaderLabels([self.tr("Criterion"), self.tr("Result"), self.tr("Evidence"),
                                   self.tr("Missing")])
        self.note.setText(self.tr("Computed from the screening forms and the concomitant-medication log; for an "
                                  "exclusion criterion \"met\" means the subject is excluded. Correct the forms, "
                                  "not this list."))
        self.tree.clear()
        result = self.result
        if result is None:
            self.overall.setText("")
            self.overall.hide()
            return
        style = {Overall.ELIGIBLE: INFO_STYLE, Overall.NOT_ELIGIBLE: ERROR_STYLE,
                 Overall.NOT_EVALUABLE: WARNING_STYLE}[result.overall]
        self.overall.setText(self.overall_text(result))
        self.overall.setStyleSheet(style + " font-weight: bold;")
        self.overall.show()
        groups = {True: QTreeWidgetItem([self.tr("Inclusion criteria (all must be met)"), "", "", ""]),
                  False: QTreeWidgetItem([self.tr("Exclusion criteria (none may be met)"), "", "", ""])}
        for group in groups.values():
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
        for found in result.criteria:
            criterion = found.criterion
            text = f"{criterion.short.get(lang)}: {criterion.text.get(lang)}"
            missing = "; ".join(m.get(lang) for m in found.missing)
            item = QTreeWidgetItem([text, self.status_text(found), found.evidence.get(lang), missing])
            item.setData(0, ID_ROLE, criterion.id)
            for column in range(4):
                item.setToolTip(column, item.text(column))
            colour = UNKNOWN if found.status is Status.NOT_EVALUABLE else BAD if found.failed else GOOD
            item.setBackground(1, colour)
            groups[criterion.inclusion].addChild(item)
        for group in groups.values():
            group.setExpanded(True)
        self._fit_columns()

    # -- layout -----------------------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Columns share the visible width, so wrapped text never runs off to the right."""
        width = self.tree.viewport().width()
        if width <= 0:
            return
        header = self.tree.header()
        header.blockSignals(True)
        for column, share in enumerate(COLUMN_SHARES):
            header.resizeSection(column, int(width * share))
        header.blockSignals(False)
        self._rows_changed()

    def _rows_changed(self, *_args: object) -> None:
        """Rows as tall as their wrapped text at the present column widths (QTreeView does not grow a row for
        wrapped text by itself, so each row's height is measured here)."""
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        flags = Qt.TextFlag.TextWordWrap.value
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for c in range(top.childCount()):
                item = top.child(c)
                height = metrics.height()
                for column in range(self.tree.columnCount()):
                    width = header.sectionSize(column) - TEXT_MARGIN - (self.tree.indentation() if column == 0 else 0)
                    if width > 0 and item.text(column):
                        height = max(height, metrics.boundingRect(0, 0, width, 100000, flags,
                                                                  item.text(column)).height())
                item.setSizeHint(0, QSize(header.sectionSize(0), height + ROW_PADDING))
        self.tree.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # after the tree took its new width

    def item(self, criterion_id: str) -> QTreeWidgetItem | None:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for c in range(top.childCount()):
                if top.child(c).data(0, ID_ROLE) == criterion_id:
                    return top.child(c)
        return None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
