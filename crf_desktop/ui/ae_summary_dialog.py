"""View ▸ Adverse events summary: the site's adverse events by system organ class and term (events, subjects,
subjects by their worst grade, serious events), the subjects by their worst grade of any event, and the SAE
reports still due (issue 6 items 4 and 5). No treatment arms (the sites are blind)."""

from __future__ import annotations

from crf_desktop.forms.ctcae import soc_text, term_text
from crf_desktop.forms.ctcae.summary import SiteAeSummary
from crf_desktop.forms.ctcae.terms import GRADES
from crf_desktop.services.adverse_events import SeriousEvent, sae_reports_due
from crf_desktop.services.ae_summary import site_ae_summary
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.sae_clock_text import clock_text

COLUMNS = 4 + len(GRADES)  # name, events, subjects, G1..G5, SAEs


class AeSummaryDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.resize(1100, 560)
        self.title = heading("")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setAccessibleName("SAE reports due")
        self.message = InlineMessage()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(COLUMNS)
        self.tree.setAccessibleName("adverse events by system organ class and term")
        self.tree.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.due_label)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        outcome = run_service(self, lambda: (site_ae_summary(session), sae_reports_due(session)), inline=self.message)
        self.summary: SiteAeSummary | None = outcome.value[0] if outcome.ok and outcome.value else None
        self.due: list[SeriousEvent] = outcome.value[1] if outcome.ok and outcome.value else []
        self.retranslate()
        self.tree.setFocus()

    def retranslate(self) -> None:
        lang = language.current()
        self.setWindowTitle(self.tr("crf-desktop: adverse events summary"))
        self.title.setText(fill(self.tr("Adverse events — site %1"), self.session.site_id))
        summary = self.summary
        self.tree.setHeaderLabels([self.tr("System organ class / CTCAE v4.03 term"), self.tr("Events"),
                                   self.tr("Subjects"), *(fill(self.tr("Worst\ngrade %1"), g) for g in GRADES),
                                   self.tr("Serious\nevents")])
        self.tree.clear()
        if summary is None:
            return
        worst = ", ".join(f"G{g}: {summary.worst_grade[g]}" for g in GRADES)
        self.note.setText(fill(self.tr(
            "%1 adverse event(s) in %2 subject(s). Subjects by their worst grade of any event: %3. Serious: %4 "
            "event(s) in %5 subject(s); fatal: %6. A subject counts once per term, at the worst grade recorded "
            "for it. Treatment arms are not shown: the study is blind at the sites."),
            summary.events, summary.subjects_with_events, worst, summary.serious_events,
            summary.subjects_with_serious, summary.fatal_events))
        self._show_due()
        for soc in summary.socs:
            top = QTreeWidgetItem([soc_text(soc.soc).get(lang), str(soc.events), str(soc.subjects),
                                   *("" for _ in GRADES), str(sum(t.serious_events for t in soc.terms))])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for term in soc.terms:
                child = QTreeWidgetItem([term_text(term.term).get(lang), str(term.events), str(term.subjects),
                                         *(str(term.worst_grade[g]) for g in GRADES), str(term.serious_events)])
                child.setToolTip(0, f"MedDRA {term.term.meddra_code}")
                top.addChild(child)
            for column in range(1, COLUMNS):
                top.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
                for n in range(top.childCount()):
                    top.child(n).setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)

    def _show_due(self) -> None:
        lang = language.current()
        if not self.due:
            self.due_label.setText(self.tr("No SAE report is due."))
            self.due_label.setStyleSheet("")
            return
        lines = [fill(self.tr("Subject %1, adverse event #%2 (%3): %4"), e.subject_id, e.ae_no, e.term.get(lang),
                      clock_text(e.clock)) for e in self.due if e.clock is not None]
        self.due_label.setText("\n".join(lines))
        overdue = any(e.clock is not None and e.clock.overdue for e in self.due)
        self.due_label.setStyleSheet("color: #a40000; font-weight: bold;" if overdue else "color: #7a4d00;")

    def term_row(self, meddra_code: str) -> list[str]:
        """The cells of a term's row (tests read them)."""
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for c in range(top.childCount()):
                child = top.child(c)
                if child.toolTip(0) == f"MedDRA {meddra_code}":
                    return [child.text(column) for column in range(COLUMNS)]
        raise KeyError(meddra_code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
