"""View ▸ Responses by visit: how many of the site's subjects are SRI-4 and renal responders, non-responders or
not evaluable at each follow-up visit. No treatment arms (the sites are blind)."""

from __future__ import annotations

from crf_desktop.forms.outcomes.summary import Counts, SiteSummary
from crf_desktop.services.outcomes import site_outcomes
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.outcomes_text import visit_label
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

COLUMNS = 9


def _counts(counts: Counts) -> tuple[int, int, int]:
    return counts.responders, counts.non_responders, counts.not_evaluable


class SiteOutcomesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary: SiteSummary | None = None
        self.resize(1060, 420)
        self.title = heading("")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.message = InlineMessage()
        self.table = QTableWidget(0, COLUMNS)
        self.table.setAccessibleName("responses by visit")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        outcome = run_service(self, lambda: site_outcomes(session), inline=self.message)
        self.summary = outcome.value if outcome.ok else None
        self.retranslate()

    def retranslate(self) -> None:
        lang = language.current()
        self.setWindowTitle(self.tr("crf-desktop: responses by visit"))
        self.title.setText(fill(self.tr("Responses by visit — site %1"), self.session.site_id))
        subjects = self.summary.subjects if self.summary else 0
        definition = self.summary.definition if self.summary else ""
        self.note.setText(fill(self.tr(
            "%1 subject(s) with a baseline visit. Renal response by the %2 definition (responder = complete or "
            "partial). Not evaluable: the visit or a value it needs is not recorded yet. Treatment arms are not "
            "shown: the study is blind at the sites."), subjects, definition))
        self.table.setHorizontalHeaderLabels([
            self.tr("Visit"), self.tr("SRI-4\nresponders"), self.tr("SRI-4\nnon-responders"),
            self.tr("SRI-4\nnot evaluable"), self.tr("Renal\nresponders"), self.tr("of which\ncomplete"),
            self.tr("of which\npartial"), self.tr("Renal\nnon-responders"), self.tr("Renal\nnot evaluable")])
        visits = self.summary.visits if self.summary else ()
        self.table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            renal = _counts(visit.renal)
            values = (visit_label(visit.visit, lang), *_counts(visit.sri4), renal[0], visit.renal_complete,
                      visit.renal_partial, renal[1], renal[2])
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

    def row_values(self, visit: str) -> list[str]:
        """The cells of ``visit``'s row (tests read them)."""
        assert self.summary is not None  # noqa: S101
        row = [v.visit for v in self.summary.visits].index(visit)
        return [self.table.item(row, c).text() for c in range(COLUMNS)]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
