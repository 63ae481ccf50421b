"""One subject: who they are, their visits with forms and states, the logs and their entries (adverse events,
medications: :mod:`crf_desktop.ui.subject_logs`), open queries, their history, and the timeline of their adverse
events (:mod:`crf_desktop.ui.ae_timeline`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from crf_desktop.core.roles import Permission
from crf_desktop.forms.dates import display_date
from crf_desktop.forms.library import adverse_event
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import ae_summary, queries, records, subjects
from crf_desktop.services.adverse_events import AE_LOG
from crf_desktop.services.dashboard import SubjectRow, subject_row
from crf_desktop.services.session import Session
from crf_desktop.ui import language, visit_states
from crf_desktop.ui.ae_timeline import AeTimeline
from crf_desktop.ui.audit_table_model import AuditTableModel
from crf_desktop.ui.dashboard_model import subject_status_text
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.eligibility_panel import EligibilityPanel
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.outcomes_panel import OutcomesPanel
from crf_desktop.ui.print_actions import SubjectPrintMixin
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    Qt,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.query_answer_dialog import status_text as query_status_text
from crf_desktop.ui.signature_actions import CasebookActions
from crf_desktop.ui.subject_logs import (
    ENTRY_ROLE,
    FORM_ROLE,
    LOG_ROLE,
    NEW_ROLE,
    VISIT_ROLE,
    LogsMixin,
    item_key,
    saved_text,
    status_text,
)
from crf_desktop.ui.subject_queries import QUERY_ROLE, SubjectQueriesMixin
from crf_desktop.ui.subject_randomisation import RandomisationMixin
from crf_desktop.ui.subject_status_dialog import SubjectStatusDialog
from crf_desktop.ui.table_columns import fit_columns

if TYPE_CHECKING:
    from crf_desktop.services.queries import Query
    from crf_desktop.services.records import Record
    from crf_desktop.services.subjects import Subject

__all__ = ["FORM_ROLE", "VISIT_ROLE", "SubjectPage"]


D = TypeVar("D", bound=QDialog)


class SubjectPage(LogsMixin, RandomisationMixin, SubjectQueriesMixin, SubjectPrintMixin, QWidget):
    """Emits :attr:`form_requested` (subject id, visit, form id) when a form is opened,
    :attr:`record_requested` (subject id, visit or log, form id, repeat no) for an entry of a repeating form, and
    :attr:`field_requested` (the same and a field id) to open a record at a queried field."""

    form_requested = Signal(str, str, str)
    record_requested = Signal(str, str, str, int)
    field_requested = Signal(str, str, str, int, str)
    changed = Signal(str)

    def __init__(self, session: Session, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.subject: Subject | None = None
        self.row: SubjectRow | None = None
        self.records: dict[tuple[str, str], Record] = {}
        self.queries: list[Query] = []
        self.dialog: QDialog | QMessageBox | None = None
        self.title = heading("")
        self.details = QLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setWordWrap(True)
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self.open_status_dialog)
        self.status_button.setVisible(session.can(Permission.ENTER_DATA))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.message = InlineMessage()
        self._build_randomisation()
        self.casebook_actions = CasebookActions(session, subject_id, self.selected_visit)
        self.casebook_actions.changed.connect(lambda: (self.refresh(), self.changed.emit(self.subject_id)))

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setAccessibleName("visits and forms")
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(lambda item, _column: self._open_item(item))
        self._build_logs()
        self._build_printing()
        self.queries_tree = QTreeWidget()
        self.queries_tree.setColumnCount(5)
        self.queries_tree.setRootIsDecorated(False)
        self.queries_tree.setAccessibleName("open queries")
        self.audit_model = AuditTableModel(self)
        self.audit_table = QTableView()
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_table.verticalHeader().hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self._build_queries_tab(), "")
        self.tabs.addTab(self.audit_table, "")
        self.outcomes_panel = OutcomesPanel(session, subject_id)
        self.tabs.addTab(self.outcomes_panel, "")
        self.eligibility_panel = EligibilityPanel(session, subject_id)
        self.tabs.addTab(self.eligibility_panel, "")
        self.ae_timeline = AeTimeline()
        self.ae_timeline.entry_requested.connect(
            lambda number: self.record_requested.emit(self.subject_id, AE_LOG, adverse_event.FORM_ID, number))
        self.ae_scroll = QScrollArea()
        self.ae_scroll.setWidgetResizable(True)
        self.ae_scroll.setWidget(self.ae_timeline)
        self.tabs.addTab(self.ae_scroll, "")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        top.addWidget(self.status_button)
        top.addWidget(self.randomise_button)
        top.addWidget(self.unblind_button)
        top.addWidget(self.print_button)
        blinding = QHBoxLayout()
        blinding.addWidget(self.assignment_label)
        blinding.addWidget(self.unblinded_flag)
        blinding.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(blinding)
        layout.addWidget(self.casebook_actions)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # -- data -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        def load() -> tuple[Subject, list[Record], list[Query], SubjectRow | None]:
            subject = subjects.get_subject(self.session, self.subject_id)
            found = records.subject_records(self.session, self.subject_id)
            asked = queries.subject_queries(self.session, self.subject_id)
            return subject, found, asked, subject_row(self.session, self.subject_id)

        outcome = run_service(self, load, inline=self.message)
        if not outcome.ok or outcome.value is None:
            return
        self.subject, found, self.queries, self.row = outcome.value
        self.records = {(r.visit, r.form): r for r in found if r.repeat_no == 0}
        self.set_entries(found)
        if self.session.can(Permission.VIEW_AUDIT):
            trail = run_service(self, lambda: self.session.audit_trail(subject=self.subject_id, limit=500),
                                inline=self.message)
            self.audit_model.set_entries(trail.value or [] if trail.ok else [])
            fit_columns(self.audit_table, stretch=4)
        self.outcomes_panel.refresh()
        self.eligibility_panel.refresh()
        bars = run_service(self, lambda: ae_summary.subject_ae_timeline(self.session, self.subject_id),
                           inline=self.message)
        self.ae_timeline.set_bars(bars.value or () if bars.ok else (), self.session.today())
        self._load_randomisation()
        self.casebook_actions.refresh()
        self.retranslate()

    def open_queries(self) -> list[Query]:
        return [q for q in self.queries if q.status.value != "closed"]

    # -- words ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = language.current()
        self.status_button.setText(self.tr("Change &status…"))
        self.open_button.setText(self.tr("&Open form"))
        self.print_button.setText(self.tr("&Print"))
        self.tree.setHeaderLabels([self.tr("Visit / form"), self.tr("State"), self.tr("Date or window"),
                                   self.tr("Last saved")])
        self.queries_tree.setHeaderLabels([self.tr("Field"), self.tr("Visit · form"), self.tr("Question"),
                                           self.tr("Raised by"), self.tr("Status")])
        self.tabs.setTabText(0, self.tr("Visits and forms"))
        self.tabs.setTabText(1, fill(self.tr("Open queries (%1)"), len(self.open_queries())))
        self.tabs.setTabText(2, self.tr("History"))
        self.tabs.setTabText(3, self.tr("Outcomes"))
        self.tabs.setTabText(4, self.tr("Eligibility"))
        self.tabs.setTabText(5, fill(self.tr("Adverse events (%1)"), len(self.ae_timeline.bars)))
        self._retranslate_randomisation()
        self._retranslate_logs(lang)
        self._retranslate_queries_tab()
        subject = self.subject
        if subject is None:
            return
        self.title.setText(fill(self.tr("Subject %1 (%2)"), subject.subject_id, subject.initials))
        sex = self.tr("Female") if subject.sex == "F" else self.tr("Male")
        baseline = self.row.baseline_date if self.row is not None else None
        parts = [fill(self.tr("Status: %1"), subject_status_text(subject.status)), fill(self.tr("Sex: %1"), sex),
                 fill(self.tr("Year of birth: %1"), subject.birth_year or self.tr("not known")),
                 fill(self.tr("Baseline: %1"), display_date(baseline) if baseline else self.tr("not yet"))]
        if subject.status_reason:
            parts.append(fill(self.tr("Reason: %1"), subject.status_reason))
        self.details.setText("   ·   ".join(parts))
        self._fill_tree(lang)
        self._fill_queries(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_tree(self, lang: str) -> None:
        selected = item_key(self.tree.currentItem())
        self.tree.clear()
        cells = {c.visit: c for c in self.row.cells} if self.row is not None else {}
        for visit in REGISTRY.schedule.visits:
            cell = cells.get(visit.code)
            state = f"{visit_states.glyph(cell.state)} {visit_states.label(cell.state)}" if cell else ""
            when = ""
            if cell is not None and cell.visit_date is not None:
                when = display_date(cell.visit_date)
            elif cell is not None and cell.window is not None:
                when = f"{display_date(cell.window[0])} – {display_date(cell.window[1])}"
            item = QTreeWidgetItem([visit.label.get(lang), state, when, ""])
            item.setData(0, VISIT_ROLE, visit.code)
            if cell is not None:
                item.setBackground(1, visit_states.background(cell.state))
            # Only the forms the visit expects of this subject (no pregnancy test for a man), and any form that
            # holds data although it no longer applies (so nothing entered is hidden).
            expected = visit.forms_for(self.row.context) if self.row is not None else visit.forms
            shown = tuple(f for f in visit.forms if f in expected or (visit.code, f) in self.records)
            self._add_forms(item, visit.code, shown, lang)
            self.tree.addTopLevelItem(item)
            item.setExpanded(cell is not None and cell.state.value not in ("not due",))
        self._add_logs(lang)
        for column in range(1, 4):
            self.tree.resizeColumnToContents(column)
        titles = [self.tree.topLevelItem(n).child(c).text(0) for n in range(self.tree.topLevelItemCount())
                  for c in range(self.tree.topLevelItem(n).childCount())]
        metrics = self.tree.fontMetrics()  # collapsed visits count too: the column fits every form title
        self.tree.setColumnWidth(0, min(max([metrics.horizontalAdvance(t) for t in titles] + [200]), 720) + 60)
        if self._select_next is not None and self._select_key(self._select_next):
            self._select_next = None  # the entry just added, once saved
        else:
            self._select_key(selected)

    def _add_forms(self, parent: QTreeWidgetItem, visit: str, form_ids: tuple[str, ...], lang: str) -> None:
        for form_id in form_ids:
            form = REGISTRY.form(form_id)
            record = self.records.get((visit, form_id))
            status = record.status if record is not None else RecordStatus.NOT_STARTED
            child = QTreeWidgetItem([form.title.get(lang), status_text(status, lang), "", saved_text(record)])
            child.setData(0, VISIT_ROLE, visit)
            child.setData(0, FORM_ROLE, form_id)
            child.setToolTip(0, self.tr("Double-click or press Enter to open the form"))
            parent.addChild(child)
            if form.repeating and self.add_entries(child, visit, form_id, lang):  # e.g. kits a visit dispensed
                child.setExpanded(True)

    def _fill_queries(self, lang: str) -> None:
        selected = self.selected_query()
        self.queries_tree.clear()
        for query in self.open_queries():
            form = REGISTRY.form(query.form)
            label = form.field(query.field).label.get(lang) if form.has_field(query.field) else query.field
            item = QTreeWidgetItem([label, f"{query.visit} · {form.title.get(lang)}", query.question,
                                    query.raised_by, query_status_text(query.status)])
            item.setData(0, VISIT_ROLE, query.visit)
            item.setData(0, FORM_ROLE, query.form)
            item.setData(0, QUERY_ROLE, query.id)
            if query.repeat_no:
                item.setData(0, ENTRY_ROLE, query.repeat_no)  # opens that entry of a repeating form
            self.queries_tree.addTopLevelItem(item)
            if selected is not None and query.id == selected.id:
                self.queries_tree.setCurrentItem(item)
        if self.queries_tree.currentItem() is None and self.queries_tree.topLevelItemCount():
            self.queries_tree.setCurrentItem(self.queries_tree.topLevelItem(0))
        for column in range(5):
            self.queries_tree.resizeColumnToContents(column)
        self._update_query_buttons()

    # -- actions ----------------------------------------------------------------------------------------
    def form_item(self, visit: str, form_id: str) -> QTreeWidgetItem | None:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for c in range(top.childCount()):
                child = top.child(c)
                if child.data(0, VISIT_ROLE) == visit and child.data(0, FORM_ROLE) == form_id:
                    return child
        return None

    def show_visit(self, visit: str) -> None:
        """Expand and select ``visit`` (from a dashboard cell)."""
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top.data(0, VISIT_ROLE) == visit:
                top.setExpanded(True)
                target = top.child(0) if top.childCount() else top
                self.tree.setCurrentItem(target)
                self.tree.scrollToItem(target)
                self.tree.setFocus()
                return

    def _open_item(self, item: QTreeWidgetItem) -> None:
        visit, form_id, repeat_no = item.data(0, VISIT_ROLE), item.data(0, FORM_ROLE), item.data(0, ENTRY_ROLE)
        if visit and form_id and item.data(0, NEW_ROLE):
            self.new_entry(str(visit), str(form_id))
        elif visit and form_id and repeat_no is not None:
            self.record_requested.emit(self.subject_id, str(visit), str(form_id), int(repeat_no))
        elif visit and form_id and not item.data(0, LOG_ROLE):
            self.form_requested.emit(self.subject_id, str(visit), str(form_id))
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    def selected_visit(self) -> str | None:
        """The visit (or log) of the item selected in the visits tree, for "Sign visit…"."""
        item = self.tree.currentItem()
        visit = item.data(0, VISIT_ROLE) if item is not None else None
        return str(visit) if visit else None

    def open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._open_item(item)

    def open_status_dialog(self) -> SubjectStatusDialog | None:
        if self.subject is None:
            return None
        return self.open_dialog(SubjectStatusDialog(self.session, self.subject_id, self.subject.status, self))

    def open_dialog(self, dialog: D, *, did_something: Callable[[int], bool] | None = None,
                    then: str | None = None) -> D:
        """Open ``dialog`` (window-modal, kept as :attr:`dialog` while open). When it closes having changed
        something (accepted, or ``did_something(result)``), the page reloads, shows ``then`` and tells the
        main window (``changed``), which refreshes the dashboard."""
        def reload() -> None:
            self.refresh()
            if then is not None:
                self.message.show_info(then)
            self.changed.emit(self.subject_id)

        return open_kept(self, dialog, reload, did_something=did_something)
