"""The subject page's "Outcomes" tab: renal response and SRI-4 by follow-up visit, with the values that decided
them and the definition named; time to first partial / complete response; total remission at weeks 12 and 24;
and the trend chart of the renal and serological markers.

Outcomes come from :func:`crf_desktop.services.outcomes.outcomes_of` and the chart from ``trend_of``; the deciding
values (UPCR and its change, creatinine as % of baseline) are read from the same visit values the service derives
the response from (:func:`crf_desktop.services.outcomes.visit_values`).
"""

from __future__ import annotations

from crf_desktop.forms.instruments.renal_response import renal_response_definition
from crf_desktop.forms.outcomes.response import CATEGORY_TEXT, REMISSION_WEEKS, ResponseTime, SubjectOutcomes
from crf_desktop.forms.outcomes.trend import TrendChart
from crf_desktop.forms.outcomes.values import VisitValues
from crf_desktop.services import records
from crf_desktop.services.outcomes import outcomes_of, trend_of, visit_values
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.outcomes_text import (
    components_text,
    creatinine_evidence_text,
    creatinine_text,
    renal_text,
    sri4_text,
    status_colour,
    upcr_evidence_text,
    upcr_text,
    visit_label,
)
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QEvent,
    QFrame,
    QHeaderView,
    QLabel,
    QResizeEvent,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.trend_chart_widget import TrendChartWidget

VISIT, DAYS, RENAL, UPCR, CREATININE, SRI4, COMPONENTS = range(7)


def _values_by_visit(session: Session, subject_id: str) -> dict[str, VisitValues]:
    by_visit: dict[str, dict[str, dict[str, str]]] = {}
    for record in records.subject_records(session, subject_id):
        if record.repeat_no == 0:
            by_visit.setdefault(record.visit, {})[record.form] = dict(record.data)
    return {visit: visit_values(visit, forms) for visit, forms in by_visit.items()}


class OutcomesPanel(QWidget):
    """Read-only; the owner calls :meth:`refresh` to load it and again after the subject's data changed."""

    def __init__(self, session: Session, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.outcomes: SubjectOutcomes | None = None
        self.values: dict[str, VisitValues] = {}
        self.definition_label = QLabel()
        self.definition_label.setWordWrap(True)
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remission_label = QLabel()
        self.remission_label.setWordWrap(True)
        self.remission_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.time_label, self.remission_label):
            label.setStyleSheet("background: #f4f6f8; border: 1px solid #d0d6dc; border-radius: 4px; padding: 6px;")
        self.message = InlineMessage()
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName("outcomes by visit")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_title = heading("", scale=1.1)
        self.chart_note = QLabel()
        self.chart_note.setStyleSheet("color: #555555;")
        self.chart_note.setWordWrap(True)
        self.chart = TrendChartWidget()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.definition_label)
        layout.addWidget(self.time_label)
        layout.addWidget(self.remission_label)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addSpacing(8)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart_note)
        layout.addWidget(self.chart)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def refresh(self) -> None:
        def load() -> tuple[SubjectOutcomes, TrendChart, dict[str, VisitValues]]:
            return (outcomes_of(self.session, self.subject_id), trend_of(self.session, self.subject_id),
                    _values_by_visit(self.session, self.subject_id))

        outcome = run_service(self, load, inline=self.message)
        if not outcome.ok or outcome.value is None:
            return
        self.outcomes, chart, self.values = outcome.value
        self.chart.set_chart(chart)
        self.retranslate()

    # -- words --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = language.current()
        self.table.setHorizontalHeaderLabels([
            self.tr("Visit"), self.tr("Days from baseline"),
            fill(self.tr("Renal response (%1)"), self.outcomes.definition if self.outcomes else ""),
            self.tr("UPCR (change from baseline)"), self.tr("Creatinine (% of baseline)"), self.tr("SRI-4"),
            self.tr("SRI-4 components")])
        self.chart_title.setText(self.chart.chart.title.get(lang) if self.chart.chart else "")
        self.chart_note.setText(self.tr("One panel per measure; points are the recorded values, a dashed line "
                                        "bridges visits where the value was not recorded. Where the visit names do "
                                        "not fit: BL = baseline, W4 = week 4."))
        self.chart.update()
        result = self.outcomes
        if result is None:
            return
        self.definition_label.setText(fill(self.tr(
            "Renal response by the %1 definition: complete = UPCR < 0.5 g/g and creatinine ≤ 110 % of baseline; "
            "partial = UPCR down ≥ 50 % (and < 3.0 g/g when baseline ≥ 3.0 g/g) and creatinine ≤ 125 % of "
            "baseline. SRI-4: SLEDAI-2K down ≥ 4, no new BILAG A, at most one new BILAG B, PhGA not worse by "
            "≥ 0.3."), result.definition) if result.definition == "KDIGO 2012" else
            fill(self.tr("Renal response by the %1 definition (study configuration): %2"), result.definition,
                 renal_response_definition(result.definition).description))
        ttr = result.time_to_response
        lines = [fill(self.tr("Time to first partial response: %1"), self._time(ttr.first_partial, lang)),
                 fill(self.tr("Time to first complete response: %1"), self._time(ttr.first_complete, lang))]
        self.time_label.setText("\n".join(lines))
        remission = []
        for week, renal in zip(REMISSION_WEEKS, result.remission, strict=True):
            if renal.category in ("complete", "partial"):
                state = fill(self.tr("total remission (%1)"), CATEGORY_TEXT[renal.category].get(lang))
            elif renal.category == "none":
                state = self.tr("no remission")
            else:
                state = renal_text(renal, lang)
            remission.append(fill(self.tr("Week %1: %2"), week, state))
        self.remission_label.setText(fill(self.tr("Total remission (complete or partial renal response): %1"),
                                          "   ·   ".join(remission)))
        self._fill_table(result, lang)

    def _time(self, time: ResponseTime | None, lang: str) -> str:
        if time is None:
            return self.tr("not reached")
        if time.days is None:
            return fill(self.tr("%1 (visit date not recorded)"), visit_label(time.visit, lang))
        return fill(self.tr("%1, day %2 from baseline"), visit_label(time.visit, lang), time.days)

    def _fill_table(self, result: SubjectOutcomes, lang: str) -> None:
        baseline = self.values.get("baseline")
        self.table.setRowCount(len(result.visits))
        for row, visit in enumerate(result.visits):
            values = self.values.get(visit.visit)
            evidence = visit.renal.evidence  # the values the response was decided on, baseline → visit
            cells = {
                VISIT: visit_label(visit.visit, lang),
                DAYS: "" if visit.days_from_baseline is None else str(visit.days_from_baseline),
                RENAL: renal_text(visit.renal, lang),
                UPCR: upcr_evidence_text(evidence) if evidence is not None
                else upcr_text(baseline, values) if values else "",
                CREATININE: creatinine_evidence_text(evidence) if evidence is not None
                else creatinine_text(baseline, values) if values else "",
                SRI4: sri4_text(visit.sri4, lang),
                COMPONENTS: components_text(visit.sri4.components),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == RENAL:
                    item.setBackground(status_colour(visit.renal.status, visit.renal.category))
                    item.setToolTip(visit.renal.describe().get(lang))
                elif column == SRI4:
                    item.setBackground(status_colour(visit.sri4.status))
                    item.setToolTip(visit.sri4.describe().get(lang))
                if column == DAYS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in (VISIT, DAYS, UPCR, CREATININE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (RENAL, SRI4, COMPONENTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text at the present column widths, and the table as tall as its rows."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)  # after the columns took their new widths

    def cell(self, visit: str, column: int) -> str:
        """The text shown for ``visit`` in ``column`` (tests read it)."""
        if self.outcomes is None:
            return ""
        for row, found in enumerate(self.outcomes.visits):
            if found.visit == visit:
                item = self.table.item(row, column)
                return item.text() if item is not None else ""
        raise KeyError(visit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
