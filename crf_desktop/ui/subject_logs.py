"""The subject page's repeating records (a mixin of :class:`crf_desktop.ui.subject_page.SubjectPage`, kept apart so
each module stays small): the entries of the subject-level logs (adverse events, concomitant medications) and of
repeating forms a visit holds, one row per record numbered 1, 2, ...; "New entry…" rows, button and context menu.

A log form linked to another (``forms.visits.LINKED_FORMS``: the SAE report of an adverse event) has no "New
entry" of its own: its entry *n* shows under entry *n* of the form it belongs to, with the 24-hour SAE reporting
clock (red when overdue), and opens from there, started when the event is serious.

Nothing here knows a particular form. An entry's summary is the term name of a field coded from a terminology
(CTCAE: :func:`crf_desktop.forms.ctcae.term_by_code`, in the language shown; an "Other, specify" term adds the
value of the form's ``*_specify`` text field), otherwise the first text field's value; then the choice label of
a field whose id ends with ``_grade``. The date column shows the form's first date field (partial dates as
``UNK-Jun-2026``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.forms.ctcae import term_by_code, term_text
from crf_desktop.forms.dates import DateTextError, parse_partial_date
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.model import FieldType, Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.visits import LINKED_FORMS
from crf_desktop.services import adverse_events, records
from crf_desktop.services.adverse_events import SeriousEvent
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.audit_table_model import local_time
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QBrush, QColor, QMenu, QPoint, QPushButton, Qt, QTreeWidget, QTreeWidgetItem, Signal
from crf_desktop.ui.sae_clock_text import clock_text

if TYPE_CHECKING:
    from crf_desktop.forms.schedule import SubjectLog
    from crf_desktop.services.records import Record

VISIT_ROLE = Qt.ItemDataRole.UserRole  # visit or log code
FORM_ROLE = Qt.ItemDataRole.UserRole + 1  # form id
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2  # repeat no of an entry (1, 2, ...)
NEW_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a "New entry…" row
LOG_ROLE = Qt.ItemDataRole.UserRole + 4  # True on every row of a subject-level log
STATUS_GLYPH = {RecordStatus.NOT_STARTED: "–", RecordStatus.IN_PROGRESS: "◐", RecordStatus.COMPLETE: "✓",
                RecordStatus.VERIFIED: "✔✔", RecordStatus.SIGNED: "✎", RecordStatus.LOCKED: "■"}
DATE_TYPES = (FieldType.DATE, FieldType.PARTIAL_DATE)


def _value(data: Mapping[str, object], field_id: str) -> str:
    value = data.get(field_id)
    return "" if value is None else str(value).strip()


def _free_text(form: Form, data: Mapping[str, object], suffix: str = "") -> str:
    for field in form.fields:
        if field.type is FieldType.TEXT and field.derived is None and field.terminology is None \
                and field.id.endswith(suffix) and _value(data, field.id):
            return _value(data, field.id)
    return ""


def entry_summary(form: Form, data: Mapping[str, object], lang: str) -> str:
    """The term name of a terminology-coded field, else the first text field's value ("" when none)."""
    for field in form.fields:
        code = _value(data, field.id)
        if field.terminology is None or not code:
            continue
        term = term_by_code(code)
        if term is None:
            return code
        name = term_text(term).get(lang)
        specify = _free_text(form, data, "_specify") if term.is_other_specify else ""
        return f"{name}: {specify}" if specify else name
    return _free_text(form, data)


def entry_grade(form: Form, data: Mapping[str, object], lang: str) -> str:
    """The value (its choice label) of the first field whose id ends with ``_grade``."""
    for field in form.fields:
        code = _value(data, field.id)
        if field.id.endswith("_grade") and code:
            labels = {choice.code: choice.label.get(lang) for choice in field.choices}
            return labels.get(code, fill(translate("SubjectPage", "grade %1"), code))
    return ""


def entry_date(form: Form, data: Mapping[str, object]) -> str:
    """The form's first (entered) date field, as the app shows dates."""
    for field in form.fields:
        if field.type in DATE_TYPES and field.derived is None:
            text = _value(data, field.id)
            try:
                return parse_partial_date(text).display() if text else ""
            except DateTextError:
                return text
    return ""


def entry_text(form: Form, record: Record, lang: str) -> str:
    summary = entry_summary(form, record.data, lang) or translate("SubjectPage", "(nothing entered yet)")
    grade = entry_grade(form, record.data, lang)
    return fill(translate("SubjectPage", "#%1  %2"), record.repeat_no, summary) + (f" · {grade}" if grade else "")


def status_text(status: RecordStatus, lang: str) -> str:
    return f"{STATUS_GLYPH[status]} {status.label.get(lang)}"


def saved_text(record: Record | None) -> str:
    if record is None:
        return ""
    return fill(translate("SubjectPage", "%1 by %2"), local_time(record.updated_at), record.updated_by)


def entry_forms(log: SubjectLog) -> tuple[str, ...]:
    """The forms of a log that take new entries of their own (not those linked to another form's entries)."""
    return tuple(form_id for form_id in log.forms if form_id not in LINKED_FORMS)


def item_key(item: QTreeWidgetItem | None) -> tuple[object, ...] | None:
    if item is None:
        return None
    return tuple(item.data(0, role) for role in (VISIT_ROLE, FORM_ROLE, ENTRY_ROLE, NEW_ROLE))


class LogsMixin:
    """Needs the page's ``session``, ``subject_id``, ``tree``, ``message`` and :attr:`record_requested`."""

    session: Session
    subject_id: str
    tree: QTreeWidget
    message: InlineMessage
    record_requested: Signal  # (subject id, visit or log, form id, repeat no)
    entries: dict[tuple[str, str], list[Record]]
    serious: dict[tuple[str, int], SeriousEvent]  # (log, AE number) → the serious event and its SAE clock
    new_button: QPushButton
    new_menu: QMenu
    context_menu: QMenu | None
    _select_next: tuple[object, ...] | None

    def _build_logs(self) -> None:
        self.entries = {}
        self.serious = {}
        self.context_menu = None
        self._select_next = None
        self.new_menu = QMenu(self.tree)
        self.new_button = QPushButton()
        self.new_button.setMenu(self.new_menu)
        self.new_button.setVisible(self.can_add_entries())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)

    def can_add_entries(self) -> bool:
        return self.session.can(Permission.ENTER_DATA) and any(log.forms for log in REGISTRY.schedule.logs)

    def set_entries(self, found: list[Record]) -> None:
        self.entries = {}
        for record in sorted((r for r in found if r.repeat_no >= 1), key=lambda r: r.repeat_no):
            self.entries.setdefault((record.visit, record.form), []).append(record)
        self.serious = {(event.record.visit, event.ae_no): event for event in adverse_events.serious_in(found)}

    def _new_entry_text(self, log: SubjectLog, form_id: str, lang: str) -> str:
        if len(entry_forms(log)) == 1:
            return fill(translate("SubjectPage", "New entry in %1…"), log.label.get(lang))
        return fill(translate("SubjectPage", "New entry in %1: %2…"), log.label.get(lang),
                    REGISTRY.form(form_id).title.get(lang))

    def _retranslate_logs(self, lang: str) -> None:
        self.new_button.setText(translate("SubjectPage", "&New entry…"))
        self.new_button.setToolTip(translate("SubjectPage", "Add an adverse event, a medication or another log "
                                                            "entry (also: the last row of each log)"))
        self.new_menu.clear()
        for log in REGISTRY.schedule.logs:
            for form_id in entry_forms(log):
                action = self.new_menu.addAction(self._new_entry_text(log, form_id, lang))
                action.triggered.connect(lambda _checked=False, v=log.code, f=form_id: self.new_entry(v, f))

    # -- the tree ---------------------------------------------------------------------------------------
    def _add_logs(self, lang: str) -> None:
        adding = self.session.can(Permission.ENTER_DATA)
        for log in REGISTRY.schedule.logs:
            forms = entry_forms(log)
            count = sum(len(self.entries.get((log.code, f), [])) for f in forms)
            item = QTreeWidgetItem([fill(translate("SubjectPage", "%1 (%2)"), log.label.get(lang), count), "", "", ""])
            item.setData(0, VISIT_ROLE, log.code)
            item.setData(0, LOG_ROLE, True)
            if not log.forms:
                item.setText(1, translate("SubjectPage", "(no forms declared yet)"))
            elif not count:
                item.setText(1, translate("SubjectPage", "no entries yet"))
            for form_id in forms:
                parent = item
                if len(forms) > 1:
                    parent = QTreeWidgetItem([REGISTRY.form(form_id).title.get(lang), "", "", ""])
                    self._mark(parent, log.code, form_id)
                    item.addChild(parent)
                    parent.setExpanded(True)
                self.add_entries(parent, log.code, form_id, lang, log=True)
                if adding:
                    new = QTreeWidgetItem([translate("SubjectPage", "＋ New entry…"), "", "", ""])
                    self._mark(new, log.code, form_id)
                    new.setData(0, NEW_ROLE, True)
                    new.setToolTip(0, self._new_entry_text(log, form_id, lang))
                    new.setForeground(0, self.tree.palette().link())
                    parent.addChild(new)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)

    @staticmethod
    def _mark(item: QTreeWidgetItem, log_code: str, form_id: str) -> None:
        item.setData(0, VISIT_ROLE, log_code)
        item.setData(0, FORM_ROLE, form_id)
        item.setData(0, LOG_ROLE, True)

    def add_entries(self, parent: QTreeWidgetItem, visit: str, form_id: str, lang: str, *, log: bool = False) -> int:
        """One row per record numbered 1, 2, ... of ``form_id`` in ``visit`` (a visit or a log)."""
        form = REGISTRY.form(form_id)
        found = self.entries.get((visit, form_id), [])
        for record in found:
            child = QTreeWidgetItem([entry_text(form, record, lang), status_text(record.status, lang),
                                     entry_date(form, record.data), saved_text(record)])
            child.setData(0, VISIT_ROLE, visit)
            child.setData(0, FORM_ROLE, form_id)
            child.setData(0, ENTRY_ROLE, record.repeat_no)
            child.setData(0, LOG_ROLE, log)
            child.setToolTip(0, child.text(0) + "\n" + translate("SubjectPage", "Double-click or press Enter to open "
                                                                               "the entry"))
            parent.addChild(child)
            self._add_linked(child, visit, form_id, record.repeat_no, lang)
        return len(found)

    def _add_linked(self, parent: QTreeWidgetItem, visit: str, form_id: str, number: int, lang: str) -> None:
        """Under a serious adverse event: its SAE report (started or not) with the reporting clock."""
        event = self.serious.get((visit, number))
        for linked, owner in LINKED_FORMS.items():
            if owner != form_id:
                continue
            title = REGISTRY.form(linked).title.get(lang)
            report = next((r for r in self.entries.get((visit, linked), []) if r.repeat_no == number), None)
            if event is None and report is None:
                continue
            status = report.status if report is not None else RecordStatus.NOT_STARTED
            if event is None:  # a report whose event is no longer marked serious: someone must reconcile them
                clock = translate("SubjectPage", "the adverse event is not marked serious: check both records")
            elif event.clock is None:
                clock = translate("SubjectPage", "awareness date not entered on the adverse event")
            else:
                clock = clock_text(event.clock)
            child = QTreeWidgetItem([title, status_text(status, lang), clock, saved_text(report)])
            child.setData(0, VISIT_ROLE, visit)
            child.setData(0, FORM_ROLE, linked)
            child.setData(0, ENTRY_ROLE, number)
            child.setData(0, LOG_ROLE, True)
            child.setToolTip(0, fill(translate("SubjectPage", "%1 of adverse event #%2: double-click or press Enter "
                                                              "to open it"), title, number))
            child.setToolTip(2, clock)
            if event is None or (event.clock is not None and event.clock.open):
                overdue = event is None or (event.clock is not None and event.clock.overdue)
                child.setForeground(2, QBrush(QColor("#a40000" if overdue else "#7a4d00")))
                font = child.font(2)
                font.setBold(True)
                child.setFont(2, font)
            parent.addChild(child)
            parent.setExpanded(True)

    def items(self) -> list[QTreeWidgetItem]:
        """Every row of the tree, depth first."""
        found: list[QTreeWidgetItem] = []
        pending = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            found.append(item)
            pending[:0] = [item.child(c) for c in range(item.childCount())]
        return found

    def entry_items(self, visit: str, form_id: str) -> list[QTreeWidgetItem]:
        return [i for i in self.items() if i.data(0, VISIT_ROLE) == visit and i.data(0, FORM_ROLE) == form_id
                and i.data(0, ENTRY_ROLE) is not None]

    def new_entry_item(self, log_code: str, form_id: str) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, NEW_ROLE) and i.data(0, VISIT_ROLE) == log_code
                     and i.data(0, FORM_ROLE) == form_id), None)

    def _select_key(self, key: tuple[object, ...] | None) -> bool:
        target = next((i for i in self.items() if key is not None and item_key(i) == key), None)
        if target is not None:
            self.tree.setCurrentItem(target)
            self.tree.scrollToItem(target)
        return target is not None

    # -- actions ----------------------------------------------------------------------------------------
    def new_entry(self, log_code: str, form_id: str) -> int | None:
        """Open the editor on a new record of the log, numbered by ``records.next_log_number``."""
        outcome = run_service(self, lambda: records.next_log_number(
            self.session, subject_id=self.subject_id, log=log_code, form_id=form_id), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return None
        self._select_next = (log_code, form_id, outcome.value, None)  # shown once saved
        self.record_requested.emit(self.subject_id, log_code, form_id, outcome.value)
        return outcome.value

    def item_menu(self, item: QTreeWidgetItem | None) -> QMenu:
        """Open, and New entry… for the log of ``item`` (both keyboard reachable through the menu key)."""
        menu = QMenu(self.tree)
        if item is None:
            return menu
        visit, form_id = item.data(0, VISIT_ROLE), item.data(0, FORM_ROLE)
        opens = item.data(0, ENTRY_ROLE) is not None or (form_id and not item.data(0, LOG_ROLE))
        if opens:
            menu.addAction(translate("SubjectPage", "&Open")).triggered.connect(
                lambda _checked=False: self._open_item(item))
        if item.data(0, LOG_ROLE) and self.session.can(Permission.ENTER_DATA):
            log = REGISTRY.schedule.log(str(visit))
            for target in ([str(form_id)] if form_id and form_id not in LINKED_FORMS else list(entry_forms(log))):
                action = menu.addAction(translate("SubjectPage", "&New entry…") if len(entry_forms(log)) == 1
                                        else self._new_entry_text(log, target, language.current()))
                action.triggered.connect(lambda _checked=False, v=log.code, f=target: self.new_entry(v, f))
        return menu

    def _tree_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None and self.tree.currentItem() is not None:  # the menu key: the current row
            item = self.tree.currentItem()
            pos = self.tree.visualItemRect(item).bottomLeft()
        menu = self.item_menu(item)
        self.context_menu = menu
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(pos))

    if TYPE_CHECKING:
        def _open_item(self, item: QTreeWidgetItem) -> None: ...
