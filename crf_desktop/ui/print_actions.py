"""Print menus (form, visit, subject; blank or filled) and the "Check a printed page…" dialog.

A print is gathered from the database on the GUI thread (:func:`printing.prepare` under
:func:`~crf_desktop.ui.operation.run_service`), then rendered as an :class:`~crf_desktop.ui.operation.Operation`
without a session (pure PDF drawing on a worker thread) while a progress dialog shows the parts done and offers
Cancel; the preview opens when it is ready. Nothing here touches the database except through services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import printing
from crf_desktop.services.printing import Printed, PrintRequest
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox, StandardButton
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import Operation, Outcome, run_service
from crf_desktop.ui.print_preview import PrintPreviewDialog
from crf_desktop.ui.qt import (
    QAction,
    QDialog,
    QEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QObject,
    QPushButton,
    QShortcut,
    Qt,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.subject_logs import ENTRY_ROLE, FORM_ROLE, NEW_ROLE, VISIT_ROLE

SHOW_AFTER_MS = 300  # the progress window appears only for a job longer than a blink


def default_language() -> str:
    return "zh" if language.current() == language.CHINESE else "en"


class Printer(QObject):
    """Prints for one window: ``preview(request, title)`` gathers the data, renders it in the background (one job
    at a time; Cancel stops it) and opens the preview. Errors show in ``message``, else in a message box."""

    def __init__(self, parent: QWidget, session: Session, message: InlineMessage | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.session = session
        self.message = message
        self.job: Operation[Printed] | None = None
        self.job_title = ""
        self.dialog: PrintPreviewDialog | None = None

    def preview(self, request: PrintRequest, title: str) -> Operation[Printed] | None:
        """Start a print job; ``None`` when its data cannot be gathered (the error is shown) or a job still runs."""
        if self.job is not None and self.job.running:
            return None
        outcome = run_service(self.parent_widget, lambda: printing.prepare(self.session, request), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return None
        job: Operation[Printed] = Operation(
            self.parent_widget, outcome.value.render, title=title,
            label=fill(translate("Print", "Preparing %1…"), title), cancellable=True, inline=self.message,
            show_after_ms=SHOW_AFTER_MS)
        job.done.connect(self._rendered)
        self.job, self.job_title = job, title
        job.start()
        return job

    def _rendered(self, outcome: Outcome[Printed]) -> None:
        if outcome.ok and outcome.value is not None:
            self._show(outcome.value, self.job_title)

    def _show(self, printed: Printed, title: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog = PrintPreviewDialog(self.session, printed, title, self.parent_widget)
        dialog.language_changed.connect(lambda lang: self._again(printed.request, lang, title))
        open_kept(self, dialog)

    def _again(self, request: PrintRequest, lang: str, title: str) -> None:
        self.preview(PrintRequest(subject_id=request.subject_id, visit=request.visit, form=request.form,
                                  repeat_no=request.repeat_no, lang=lang), title)


Target = Callable[[], tuple[str | None, str | None, int | None]]  # (visit, form, repeat no) now selected


class PrintMenu(QMenu):
    """The Print menu: the selected form or visit and the casebook (filled), and the same blank. Entries are
    enabled for what is selected when the menu opens, and re-labelled when the language changes."""

    def __init__(self, parent: QWidget, printer: Printer, subject_id: str | None, target: Target) -> None:
        super().__init__(parent)
        self.printer = printer
        self.subject_id = subject_id
        self.target = target
        self.allowed = printer.session.can(Permission.PRINT)
        self.form_action: QAction | None = None  # the filled entries exist only with a subject
        self.visit_action: QAction | None = None
        self.casebook_action: QAction | None = None
        if subject_id is not None:
            self.form_action = self._add(lambda: self.filled("form"), needs="form")
            self.visit_action = self._add(lambda: self.filled("visit"), needs="visit")
            self.casebook_action = self._add(lambda: self.filled("casebook"))
            self.addSeparator()
        self.blank_form_action = self._add(lambda: self.blank("form"), needs="form")
        self.blank_visit_action = self._add(lambda: self.blank("visit"), needs="visit")
        self.blank_book_action = self._add(lambda: self.blank("book"))
        self.aboutToShow.connect(self.refresh)
        self.retranslate()

    def _add(self, run: Callable[[], object], *, needs: str = "") -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: run())
        action.setEnabled(self.allowed)
        action.setData(needs)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setTitle(translate("Print", "&Print"))
        if self.form_action is not None and self.visit_action is not None and self.casebook_action is not None:
            self.form_action.setText(translate("Print", "This &form…"))
            self.visit_action.setText(translate("Print", "This &visit…"))
            self.casebook_action.setText(translate("Print", "Whole &casebook…"))
        self.blank_form_action.setText(translate("Print", "&Blank form…"))
        self.blank_visit_action.setText(translate("Print", "Blank v&isit…"))
        self.blank_book_action.setText(translate("Print", "Blank b&ook…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        visit, form, _n = self.target()
        for action in self.actions():
            needs = action.data()
            action.setEnabled(self.allowed and (needs != "form" or bool(form)) and (needs != "visit" or bool(visit)))

    def filled(self, scope: str) -> None:
        visit, form, repeat_no = self.target()
        subject_id = self.subject_id
        if subject_id is None:
            return
        lang = default_language()
        if scope == "casebook":
            request = PrintRequest(subject_id=subject_id, lang=lang)
            title = fill(translate("Print", "%1 casebook"), subject_id)
        elif scope == "visit" and visit:
            request, title = PrintRequest(subject_id=subject_id, visit=visit, lang=lang), f"{subject_id} {visit}"
        elif scope == "form" and visit and form:
            request = PrintRequest(subject_id=subject_id, visit=visit, form=form, repeat_no=repeat_no or None,
                                   lang=lang)
            title = f"{subject_id} {visit} {form}" + (f" {repeat_no}" if repeat_no else "")
        else:
            return
        self.printer.preview(request, title)

    def blank(self, scope: str) -> None:
        visit, form, _n = self.target()
        lang = default_language()
        if scope == "book":
            self.printer.preview(PrintRequest(lang=lang), translate("Print", "blank CRF book"))
        elif scope == "visit" and visit:
            self.printer.preview(PrintRequest(visit=visit, lang=lang),
                                 fill(translate("Print", "blank %1"), visit))
        elif scope == "form" and form:
            self.printer.preview(PrintRequest(visit=visit, form=form, lang=lang),
                                 fill(translate("Print", "blank %1"), form))


class QrCheckDialog(QDialog):
    """Check a printed page: type or scan (a scanner types like a keyboard) its QR text, Enter checks it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Check a printed page"))
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.text_edit = QLineEdit()
        self.text_edit.setAccessibleName("QR text")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Check"), standard=StandardButton.Close)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.result_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 220)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check a printed page"))
        self.buttons.action_button.setText(self.tr("&Check"))
        self.explain.setText(self.tr("Scan the QR code at the foot of the printed page (or type its text, which "
                                     "starts with CRF1;) and press Enter: the app says whether the page shows the "
                                     "record as it is now."))

    def check(self) -> printing.QrVerdict | None:
        outcome = run_service(self, lambda: printing.verify_qr(self.session, self.text_edit.text()),
                              inline=self.message)
        if not outcome.ok or outcome.value is None:
            self.result_label.clear()
            return None
        verdict = outcome.value
        mark = "✓" if verdict.matches else "✗"
        self.result_label.setText(f"{mark} {verdict.message}")
        self.text_edit.selectAll()
        return verdict


class SubjectPrintMixin:
    """The subject page's Print button and Ctrl+P (a mixin of :class:`crf_desktop.ui.subject_page.SubjectPage`):
    Ctrl+P previews the selected form or visit, or the casebook when nothing is selected. Needs ``session``,
    ``subject_id``, ``tree`` and ``message``."""

    session: Session
    subject_id: str
    tree: QTreeWidget
    message: InlineMessage

    def _build_printing(self) -> None:
        owner = cast(QWidget, self)
        self.printer = Printer(owner, self.session, self.message)
        self.print_button = QPushButton()
        self.print_button.setMenu(PrintMenu(owner, self.printer, self.subject_id, self.print_target))
        self.print_button.setVisible(self.session.can(Permission.PRINT))
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, owner)
        self.print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut.activated.connect(self.print_selected)

    def print_target(self) -> tuple[str | None, str | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None, None
        visit, form, number = item.data(0, VISIT_ROLE), item.data(0, FORM_ROLE), item.data(0, ENTRY_ROLE)
        if item.data(0, NEW_ROLE):
            number = None
        return (str(visit) if visit else None, str(form) if form else None,
                int(number) if number is not None else None)

    def print_selected(self) -> Operation[Printed] | None:
        """Preview the selected entry, form or visit (filled), or the whole casebook."""
        visit, form, number = self.print_target()
        lang = default_language()
        if visit and form and not (REGISTRY.form(form).repeating and number is None and
                                   visit in {log.code for log in REGISTRY.schedule.logs}):
            request = PrintRequest(subject_id=self.subject_id, visit=visit, form=form, repeat_no=number, lang=lang)
            title = f"{self.subject_id} {visit} {form}" + (f" {number}" if number else "")
        elif visit:
            request, title = PrintRequest(subject_id=self.subject_id, visit=visit, lang=lang), \
                f"{self.subject_id} {visit}"
        else:
            request = PrintRequest(subject_id=self.subject_id, lang=lang)
            title = fill(translate("Print", "%1 casebook"), self.subject_id)
        return self.printer.preview(request, title)


class FormPrintMixin:
    """The form editor's Print button (this form filled, or blank) and Ctrl+P (a mixin of
    :class:`crf_desktop.ui.form_editor.FormEditor`). Needs ``session``, ``subject_id``, ``visit``, ``form``,
    ``repeat_no`` and ``message``."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    repeat_no: int
    message: InlineMessage

    def _build_printing(self) -> None:
        owner = cast(QWidget, self)
        self.printer = Printer(owner, self.session, self.message)
        self.print_button = QPushButton()
        target: Target = lambda: (self.visit, self.form.id, self.repeat_no or None)  # noqa: E731
        self.print_button.setMenu(PrintMenu(owner, self.printer, self.subject_id, target))
        self.print_button.setVisible(self.session.can(Permission.PRINT))
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, owner)
        self.print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut.activated.connect(self.print_form)

    def print_form(self) -> Operation[Printed] | None:
        """Preview this form as saved (unsaved changes are not printed)."""
        request = PrintRequest(subject_id=self.subject_id, visit=self.visit, form=self.form.id,
                               repeat_no=self.repeat_no or None, lang=default_language())
        return self.printer.preview(request, f"{self.subject_id} {self.visit} {self.form.id}")
