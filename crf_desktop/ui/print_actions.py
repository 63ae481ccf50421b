"""Print menus (form, visit, subject; blank or filled) and the "Check a printed page…" dialog.

A print is gathered from the database on the GUI thread (the session's connection belongs to it), then rendered
on a worker thread (pure PDF drawing) while a progress dialog shows the parts done and offers Cancel; the preview
opens when it is ready. Nothing here touches the database except through services.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from crf_desktop.core.errors import CrfError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import printing
from crf_desktop.services.printing import Cancelled, Prepared, Printed, PrintRequest
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox, StandardButton
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage, show_error
from crf_desktop.ui.operation import run_service
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
    QProgressDialog,
    QPushButton,
    QShortcut,
    Qt,
    QTimer,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.subject_logs import ENTRY_ROLE, FORM_ROLE, NEW_ROLE, VISIT_ROLE

POLL_MS = 40


def default_language() -> str:
    return "zh" if language.current() == language.CHINESE else "en"


@dataclass
class _Progress:
    done: int = 0
    total: int = 0
    cancel: bool = False
    result: Printed | None = None
    error: CrfError | None = None
    finished: bool = False


class PrintJob(QObject):
    """Renders a prepared print on a worker thread; :attr:`ready` carries the :class:`Printed` (never emitted
    when cancelled or failed: the error is shown instead)."""

    ready = Signal(object)

    def __init__(self, parent: QWidget, prepared: Prepared, title: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.state = _Progress(total=len(prepared.document.parts))
        self.progress = QProgressDialog(fill(translate("Print", "Preparing %1…"), title),
                                        translate("Print", "Cancel"), 0, self.state.total, parent)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # shown only for a job longer than a blink
        self.progress.canceled.connect(self.cancel)
        self.thread = threading.Thread(target=self._run, args=(prepared,), name="print", daemon=True)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.thread.start()
        self.timer.start(POLL_MS)

    def cancel(self) -> None:
        self.state.cancel = True

    def _run(self, prepared: Prepared) -> None:  # the worker thread: no Qt, no database
        state = self.state

        def progress(done: int, total: int) -> bool:
            state.done, state.total = done, total
            return not state.cancel

        try:
            state.result = prepared.render(progress)
        except CrfError as exc:
            state.error = exc
        finally:
            state.finished = True

    def _poll(self) -> None:
        state = self.state
        self.progress.setValue(state.done)
        if not state.finished:
            return
        self.timer.stop()
        self.progress.reset()
        self.progress.hide()
        if state.error is not None and not isinstance(state.error, Cancelled):
            show_error(self.parent_widget, state.error)
        elif state.result is not None:
            self.ready.emit(state.result)
        self.deleteLater()


class Printer(QObject):
    """Prints for one window: ``preview(request, title)`` renders in the background and opens the preview."""

    def __init__(self, parent: QWidget, session: Session, message: InlineMessage | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.session = session
        self.message = message
        self.job: PrintJob | None = None
        self.dialog: PrintPreviewDialog | None = None

    def preview(self, request: PrintRequest, title: str) -> PrintJob | None:
        outcome = run_service(self.parent_widget, lambda: printing.prepare(self.session, request), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return None
        job = PrintJob(self.parent_widget, outcome.value, title)
        job.ready.connect(lambda printed: self._show(printed, title))
        self.job = job
        job.start()
        return job

    def _show(self, printed: Printed, title: str) -> None:
        self.job = None
        if self.dialog is not None:
            self.dialog.close()
        dialog = PrintPreviewDialog(self.session, printed, title, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_changed.connect(lambda lang: self._again(printed.request, lang, title))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _again(self, request: PrintRequest, lang: str, title: str) -> None:
        self.preview(PrintRequest(subject_id=request.subject_id, visit=request.visit, form=request.form,
                                  repeat_no=request.repeat_no, lang=lang), title)

    def _forget(self, dialog: PrintPreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


Target = Callable[[], tuple[str | None, str | None, int | None]]  # (visit, form, repeat no) now selected


def print_menu(parent: QWidget, printer: Printer, subject_id: str | None, target: Target) -> QMenu:
    """The Print menu: the selected form or visit and the casebook (filled), and the same blank."""
    menu = QMenu(translate("Print", "&Print"), parent)
    allowed = printer.session.can(Permission.PRINT)

    def add(text: str, run: Callable[[], object], *, needs: str = "") -> QAction:
        action = QAction(text, menu)
        action.triggered.connect(lambda _checked=False: run())
        action.setEnabled(allowed)
        action.setData(needs)
        menu.addAction(action)
        return action

    def filled(scope: str) -> None:
        visit, form, repeat_no = target()
        if subject_id is None:
            return
        if scope == "casebook":
            request, title = PrintRequest(subject_id=subject_id, lang=default_language()), f"{subject_id} casebook"
        elif scope == "visit" and visit:
            request, title = PrintRequest(subject_id=subject_id, visit=visit, lang=default_language()), \
                f"{subject_id} {visit}"
        elif scope == "form" and visit and form:
            request = PrintRequest(subject_id=subject_id, visit=visit, form=form, repeat_no=repeat_no or None,
                                   lang=default_language())
            title = f"{subject_id} {visit} {form}" + (f" {repeat_no}" if repeat_no else "")
        else:
            return
        printer.preview(request, title)

    def blank(scope: str) -> None:
        visit, form, _n = target()
        if scope == "book":
            printer.preview(PrintRequest(lang=default_language()), "blank CRF book")
        elif scope == "visit" and visit:
            printer.preview(PrintRequest(visit=visit, lang=default_language()), f"blank {visit}")
        elif scope == "form" and form:
            printer.preview(PrintRequest(visit=visit, form=form, lang=default_language()), f"blank {form}")

    if subject_id is not None:
        add(translate("Print", "This &form…"), lambda: filled("form"), needs="form")
        add(translate("Print", "This &visit…"), lambda: filled("visit"), needs="visit")
        add(translate("Print", "Whole &casebook…"), lambda: filled("casebook"))
        menu.addSeparator()
    add(translate("Print", "&Blank form…"), lambda: blank("form"), needs="form")
    add(translate("Print", "Blank v&isit…"), lambda: blank("visit"), needs="visit")
    add(translate("Print", "Blank b&ook…"), lambda: blank("book"))

    def refresh() -> None:
        visit, form, _n = target()
        for action in menu.actions():
            needs = action.data()
            action.setEnabled(allowed and (needs != "form" or bool(form)) and (needs != "visit" or bool(visit)))

    menu.aboutToShow.connect(refresh)
    return menu


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
        self.print_button.setMenu(print_menu(owner, self.printer, self.subject_id, self.print_target))
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

    def print_selected(self) -> PrintJob | None:
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
            request, title = PrintRequest(subject_id=self.subject_id, lang=lang), f"{self.subject_id} casebook"
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
        self.print_button.setMenu(print_menu(owner, self.printer, self.subject_id, target))
        self.print_button.setVisible(self.session.can(Permission.PRINT))
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, owner)
        self.print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut.activated.connect(self.print_form)

    def print_form(self) -> PrintJob | None:
        """Preview this form as saved (unsaved changes are not printed)."""
        request = PrintRequest(subject_id=self.subject_id, visit=self.visit, form=self.form.id,
                               repeat_no=self.repeat_no or None, lang=default_language())
        return self.printer.preview(request, f"{self.subject_id} {self.visit} {self.form.id}")
