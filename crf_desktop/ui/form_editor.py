"""The form editor: renders any form declaration, checks it live, saves it through ``records.save_record``.

Nothing here knows a particular form: sections become group boxes, fields rows in declaration order, inputs
come from the field type (:mod:`crf_desktop.ui.field_inputs`). Every change runs ``records.check`` on the whole
form: relevance shows and hides rows, derived values update, and issues appear under the fields the person has
already visited (all of them after a save attempt). Roles without ``ENTER_DATA`` see the form read-only; a
monitor verifies a complete form from here. A field coded from CTCAE gets the term search and its grade texts
(:mod:`crf_desktop.ui.term_links`); answers the services can suggest from the same visit appear in a panel above
the form, applied only on a click (:mod:`crf_desktop.ui.suggestions_panel`). Saving and closing live in
:mod:`crf_desktop.ui.form_editor_saving`, the live check in :mod:`crf_desktop.ui.form_editor_checking`, the
field menu in :mod:`crf_desktop.ui.form_editor_menu`, the queries on the fields in
:mod:`crf_desktop.ui.form_editor_queries`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.forms.lifecycle import RecordStatus, editable
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.validation import Result
from crf_desktop.services import records, study_forms
from crf_desktop.services.session import Session
from crf_desktop.services.suggestions import Suggestion, suggestions_for
from crf_desktop.ui import language
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.form_editor_checking import CheckingMixin
from crf_desktop.ui.form_editor_menu import FieldMenuMixin
from crf_desktop.ui.form_editor_notices import NoticesMixin
from crf_desktop.ui.form_editor_queries import QueriesMixin
from crf_desktop.ui.form_editor_sae import SaeMixin
from crf_desktop.ui.form_editor_saving import SavingMixin
from crf_desktop.ui.headings import heading
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.print_actions import FormPrintMixin
from crf_desktop.ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QGroupBox,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.signature_actions import SignaturePanel
from crf_desktop.ui.suggestions_panel import SuggestionsPanel
from crf_desktop.ui.term_links import TermLinks

if TYPE_CHECKING:
    from crf_desktop.services.records import Record

OPEN_WIDTH, OPEN_HEIGHT = 1000, 760  # the editor's size where the screen has room (the form scrolls inside)
FRAME_ROOM = 40  # a window manager's title bar and borders, drawn outside the window's own height


def open_size(parent: QWidget | None) -> tuple[int, int]:
    """The editor's first size: OPEN_WIDTH × OPEN_HEIGHT, smaller on a small screen (1024×700: 660 high), so that
    Save and Close are on the screen with or without a window manager."""
    screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
    if screen is None:
        return OPEN_WIDTH, OPEN_HEIGHT
    free = screen.availableGeometry()
    return min(OPEN_WIDTH, free.width()), min(OPEN_HEIGHT, free.height() - FRAME_ROOM)


class FormEditor(CheckingMixin, SavingMixin, FieldMenuMixin, QueriesMixin, NoticesMixin, SaeMixin, FormPrintMixin,
                 QDialog):
    """One record of one form. Emits :attr:`saved` (subject id) after every save or verification, and
    :attr:`record_requested` (subject id, visit, form id, repeat no, pre-filled values) to open another record."""

    saved = Signal(str)
    record_requested = Signal(str, str, str, int, object)

    def __init__(self, session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.visit = visit
        self.form: Form = study_forms.form_for(session, form_id)  # the configured SLEDAI-2K window
        self.repeat_no = repeat_no
        self.record: Record | None = None
        self.result: Result | None = None
        self.confirmed: dict[str, str] = {}
        self.touched: set[str] = set()
        self.show_all_issues = False
        self.baseline: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self.dialog: QDialog | QMessageBox | None = None  # the dialog or question now open (tests answer it)
        self._closing = False
        self._loading = False
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(*open_size(parent))

        self.title = heading("")
        self.subtitle = QLabel()
        self.status_label = QLabel()
        self.status_label.setAccessibleName("status")
        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #1d3f6e; background: #e8f0fe; padding: 4px 6px;")
        self.read_only_note.hide()
        self.rows: dict[str, FieldRow] = {}
        self.groups: dict[str, QGroupBox] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for section in self.form.sections:
            group = QGroupBox()
            group_layout = QVBoxLayout(group)
            group_layout.setSpacing(6)
            for field in section.fields:
                row = FieldRow(field)
                row.input.changed.connect(lambda f=field.id: self._edited(f))
                row.input.left.connect(lambda f=field.id: self._left(f))
                row.confirm_toggled.connect(self._confirm_toggled)
                row.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                row.customContextMenuRequested.connect(
                    lambda pos, r=row: self.field_menu(r.field.id).popup(r.mapToGlobal(pos)))
                for widget in row.input.findChildren(QWidget):
                    widget.installEventFilter(self)
                group_layout.addWidget(row)
                self.rows[field.id] = row
            self.groups[section.id] = group
            body_layout.addWidget(group)
        body_layout.addStretch(1)
        self.term_links = TermLinks(self.form, self.rows, self)
        self.suggestions_panel = self._suggestions_panel()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        self.message = InlineMessage()
        self.signature_panel = SignaturePanel(session, subject_id=subject_id, visit=visit, form_id=form_id,
                                              repeat_no=repeat_no, title=self.windowTitle)
        self.signature_panel.changed.connect(lambda: self.saved.emit(self.subject_id))
        self.saved.connect(lambda _subject: self.signature_panel.refresh())
        self._build_lab_hint()
        self._build_queries()
        self._build_sae()
        self._build_printing()
        self.save_button = QPushButton()
        self.verify_button = QPushButton()
        self.close_button = QPushButton()
        for button in (self.save_button, self.verify_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.verify_button.clicked.connect(self.verify)
        self.close_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lab_ae_button)
        buttons.addWidget(self.sae_button)
        buttons.addWidget(self.sae_print_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.lab_hint)
        layout.addWidget(self.sae_clock_label)
        if self.suggestions_panel is not None:
            layout.addWidget(self.suggestions_panel)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.signature_panel)
        layout.addLayout(buttons)

        self.can_enter = session.can(Permission.ENTER_DATA)
        self.can_verify = session.can(Permission.VERIFY_DATA)
        self.load()
        self.retranslate()
        self.start_sae_report()

    def _suggestions_panel(self) -> SuggestionsPanel | None:
        outcome = run_service(self, lambda: suggestions_for(self.session, subject_id=self.subject_id,
                                                            visit=self.visit, form_id=self.form.id))
        found: list[Suggestion] = [s for s in outcome.value or [] if s.field_id in self.rows] if outcome.ok else []
        if not found:
            return None
        panel = SuggestionsPanel(self.form, found)
        panel.apply_requested.connect(self.apply_suggestion)
        return panel

    def apply_suggestion(self, field_id: str, code: str) -> None:
        """Fill in a suggested answer (the physician confirms it by saving)."""
        if self.read_only:
            return
        self.rows[field_id].input.set_text(code)
        self.touched.add(field_id)
        self.recheck()

    # -- state ------------------------------------------------------------------------------------------
    @property
    def status(self) -> RecordStatus:
        return self.record.status if self.record is not None else RecordStatus.NOT_STARTED

    @property
    def read_only(self) -> bool:
        return not self.can_enter or not editable(self.status) or self.signature_panel.locked

    def raw(self) -> dict[str, str]:
        """The text of every field that is entered (not derived), as validation reads it."""
        return {fid: row.input.text() for fid, row in self.rows.items() if not row.field.is_derived}

    def is_dirty(self) -> bool:
        return not self.read_only and (self.raw(), self.confirmed) != self.baseline

    def load(self) -> None:
        outcome = run_service(self, lambda: records.get_record(
            self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
            repeat_no=self.repeat_no), inline=self.message)
        self.record = outcome.value if outcome.ok else None
        data = self.record.data if self.record is not None else {}
        self.confirmed = dict(self.record.confirmations) if self.record is not None else {}
        self._loading = True
        for fid, row in self.rows.items():
            if not row.field.is_derived:
                row.input.set_text(data.get(fid, ""))
        self._loading = False
        for row in self.rows.values():
            row.input.set_read_only(self.read_only or row.field.is_derived)
        self.touched = set(data) if self.record is not None else set()
        self.show_all_issues = self.record is not None
        self.baseline = (self.raw(), dict(self.confirmed))
        self.recheck()
        self.refresh_sae()
        self._update_header()
        self.refresh_lab_flags()
        self.refresh_queries()

    def prefill(self, values: dict[str, str]) -> None:
        """Start a new record from ``values`` (field id → text); the person completes and saves it."""
        if self.read_only:
            return
        for field_id, text in values.items():
            row = self.rows.get(field_id)
            if row is not None and not row.field.is_derived:
                row.input.set_text(text)
                self.touched.add(field_id)
        self.recheck()
        self.message.show_info(translate("FormEditor", "Filled in from the form just saved: check every value, "
                                                       "complete the rest, and save."))

    # -- words ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = language.current()
        visit = self._visit_label(lang)
        self.setWindowTitle(fill(self.tr("%1 — subject %2 — %3"), self.form.title.get(lang), self.subject_id, visit))
        self.title.setText(self.form.title.get(lang))
        self.subtitle.setText(fill(self.tr("Subject %1 · %2 · form %3, version %4"), self.subject_id, visit,
                                   self.form.id, self.form.version))
        for section in self.form.sections:
            self.groups[section.id].setTitle(section.title.get(lang))
        for row in self.rows.values():
            row.retranslate(lang)
        self.term_links.update_all()
        for field_id in self.query_markers:
            self._show_marker(field_id)
        if self.suggestions_panel is not None:
            self.suggestions_panel.retranslate(lang)
        self.save_button.setText(self.tr("&Save (Ctrl+S)"))
        self.print_button.setText(self.tr("&Print"))
        self.verify_button.setText(self.tr("&Verify (SDV)"))
        self.close_button.setText(self.tr("&Close"))
        self.read_only_note.setText(self._read_only_text())
        self._update_header()
        self.refresh_lab_flags()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _visit_label(self, lang: str) -> str:
        try:
            return REGISTRY.schedule.visit(self.visit).label.get(lang)
        except KeyError:
            return self.visit

    def _read_only_text(self) -> str:
        if not self.can_enter:
            return fill(self.tr("Read only: a %1 does not enter data."),
                        self.session.user.role.label_in(language.current()).lower())
        if not editable(self.status):
            return self.tr("Read only: this form is locked.")
        if self.signature_panel.locked:
            return self.tr("Read only: the casebook is locked; a data manager or investigator can unlock it with "
                           "a reason (subject page, Unlock casebook…).")
        return ""

    def _update_header(self) -> None:
        lang = language.current()
        self.status_label.setText(fill(self.tr("Status: %1"), self.status.label.get(lang)))
        self.status_label.setStyleSheet("font-weight: bold; padding: 4px 8px; border: 1px solid #999999; "
                                        "border-radius: 4px;")
        self.read_only_note.setText(self._read_only_text())
        self.read_only_note.setVisible(self.read_only)
        self.save_button.setVisible(not self.read_only)
        self.verify_button.setVisible(self.can_verify)
        self.verify_button.setEnabled(self.can_verify and self.status is RecordStatus.COMPLETE)
        self.show_sae()

    # -- keyboard ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                and not any(r.input.wants_enter() for r in self.rows.values()
                            if isinstance(watched, QWidget) and r.input.isAncestorOf(watched)):
            self.focus_next_field(watched)
            return True
        return super().eventFilter(watched, event)

    def show_field(self, field_id: str) -> QWidget | None:
        """Scroll to ``field_id`` (with its query marker) and put the cursor in it, e.g. from a query on the subject
        page; ``None``, with a message naming the field, when the form does not ask it now."""
        row = self.rows.get(field_id)
        if row is None:
            return None
        if row.isHidden():  # not asked now: the answers it depends on rule it out
            self.message.show_info(fill(translate("FormEditor", "%1 is not asked now: the answers it depends on "
                                                                "rule it out. Its query is on the subject page."),
                                        row.field.label.get(language.current())))
            return None
        target = row.input.focus_widget()
        marker = self.query_markers.get(field_id)
        if (target.focusPolicy() == Qt.FocusPolicy.NoFocus or not target.isEnabled()) \
                and marker is not None and not marker.isHidden():
            target = marker  # a calculated field, or a choice read-only to this role, takes no cursor: its query does
        self.scroll.ensureWidgetVisible(row, 0, 24)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def focus_next_field(self, current: QObject | None = None) -> QWidget:
        """Enter: the next visible, editable field (or the Save button after the last)."""
        order = [r for r in self.rows.values() if r.isVisible() and not r.field.is_derived]
        index = next((n for n, r in enumerate(order) if current is not None
                      and (current is r.input or r.input.isAncestorOf(current))), -1)  # type: ignore[arg-type]
        if 0 <= index < len(order) - 1:
            target = order[index + 1].input.focus_widget()
        else:
            target = self.save_button if self.save_button.isVisible() else self.close_button
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        return target
