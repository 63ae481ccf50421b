"""Serious adverse events in the form editor (a mixin of :class:`crf_desktop.ui.form_editor.FormEditor`, kept apart
so each module stays small; issue 6 item 4):

- on a saved serious adverse event and on its SAE report, the 24-hour reporting clock (due by, time left or
  overdue in red, or when the report was sent);
- on a saved serious adverse event, "SAE report…" opens the event's report (entry *n* of the SAE report form for
  AE *n*);
- a new SAE report starts from its adverse event: the AE number, "initial report" and the concomitant
  medications taken on the onset date, pulled from the log (``adverse_events.sae_report_prefill``);
- on a saved SAE report, "Print SAE report…" shows the report (AE and report together,
  ``services.sae_print``) in the print preview, which records the print when it is printed or saved.

The clock's wording is :mod:`crf_desktop.ui.sae_clock_text` (shared with the subject page and the AE summary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.errors import CrfError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.library import adverse_event, sae_report
from crf_desktop.forms.model import Form
from crf_desktop.services import adverse_events
from crf_desktop.services.adverse_events import SeriousEvent
from crf_desktop.services.printing import Printed
from crf_desktop.services.sae_print import print_sae_report
from crf_desktop.services.session import Session
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.print_actions import default_language
from crf_desktop.ui.print_preview import PrintPreviewDialog
from crf_desktop.ui.qt import QDialog, QLabel, QMessageBox, QPushButton, Qt, Signal
from crf_desktop.ui.sae_clock_text import clock_style, clock_text

if TYPE_CHECKING:
    from crf_desktop.services.records import Record

class SaeMixin:
    """Needs the editor's ``session``, ``subject_id``, ``visit``, ``form``, ``repeat_no``, ``record``,
    ``message``, ``read_only`` and :attr:`record_requested`."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    repeat_no: int
    record: Record | None
    message: InlineMessage
    read_only: bool
    record_requested: Signal  # (subject id, visit, form id, repeat no, pre-filled values or None)
    sae_clock_label: QLabel
    sae_button: QPushButton
    sae_event: SeriousEvent | None
    sae_print_button: QPushButton
    dialog: QDialog | QMessageBox | None

    if TYPE_CHECKING:
        def prefill(self, values: dict[str, str]) -> None: ...

    def _build_sae(self) -> None:
        self.sae_event = None
        self.sae_clock_label = QLabel()
        self.sae_clock_label.setAccessibleName("SAE reporting clock")
        self.sae_clock_label.setWordWrap(True)
        self.sae_clock_label.hide()
        self.sae_button = QPushButton(translate("FormEditor", "SAE &report…"))
        self.sae_button.setAutoDefault(False)
        self.sae_button.setToolTip(translate("FormEditor", "Open the serious adverse event report of this event"))
        self.sae_button.clicked.connect(self.open_sae_report)
        self.sae_button.hide()
        self.sae_print_button = QPushButton(translate("FormEditor", "Print SAE re&port…"))
        self.sae_print_button.setAutoDefault(False)
        self.sae_print_button.setToolTip(translate("FormEditor", "The SAE report with its adverse event, as a PDF "
                                                                 "to check, print or save"))
        self.sae_print_button.clicked.connect(lambda: self.print_sae_report())
        self.sae_print_button.hide()

    def _sae_forms(self) -> bool:
        return self.form.id in (adverse_event.FORM_ID, sae_report.FORM_ID) and self.repeat_no >= 1

    def refresh_sae(self) -> None:
        """Read the clock from the saved records (after loading and after each save), then show it."""
        self.sae_event = None
        if self._sae_forms():
            try:
                found = adverse_events.serious_events(self.session, self.subject_id)
            except CrfError:
                found = []
            self.sae_event = next((e for e in found if e.ae_no == self.repeat_no), None)
        self.show_sae()

    def show_sae(self) -> None:
        """The clock and the "SAE report…" button as last read (also on a change of language)."""
        event = self.sae_event
        self.sae_button.setVisible(event is not None and self.form.id == adverse_event.FORM_ID)
        self.sae_print_button.setVisible(event is not None and event.report is not None
                                         and self.session.can(Permission.PRINT))
        if event is None or event.clock is None:
            self.sae_clock_label.hide()
            return
        self.sae_clock_label.setText(clock_text(event.clock))
        self.sae_clock_label.setStyleSheet(clock_style(event.clock))
        self.sae_clock_label.show()

    def print_sae_report(self, lang: str | None = None) -> PrintPreviewDialog | None:
        """The print preview of this event's SAE report (a language change prints it again)."""
        chosen = lang or default_language()
        outcome = run_service(self, lambda: print_sae_report(  # type: ignore[arg-type]
            self.session, subject_id=self.subject_id, ae_no=self.repeat_no, lang=chosen), inline=self.message)
        printed = outcome.value if outcome.ok else None
        if not isinstance(printed, Printed):
            return None
        if isinstance(self.dialog, PrintPreviewDialog):
            self.dialog.close()
        dialog = PrintPreviewDialog(self.session, printed, fill(translate("FormEditor", "SAE report of %1, adverse "
                                                                          "event #%2"), self.subject_id,
                                                                self.repeat_no), self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_changed.connect(lambda code: self.print_sae_report(str(code)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def remind_sae_report(self, saved_text: str) -> None:
        """After saving a serious AE whose report is not started: say that it is due, and how to open it."""
        event = self.sae_event
        if self.form.id != adverse_event.FORM_ID or event is None or event.report is not None:
            return
        due = clock_text(event.clock) if event.clock is not None else translate(
            "FormEditor", "enter the date the site became aware of it to start the 24-hour clock")
        self.message.show_warning(fill(translate(
            "FormEditor", "%1\nSerious adverse event: %2. Open its report with “SAE report…” below."), saved_text, due))

    def open_sae_report(self) -> None:
        self.record_requested.emit(self.subject_id, self.visit, sae_report.FORM_ID, self.repeat_no, None)

    def start_sae_report(self) -> None:
        """A new SAE report starts from its adverse event (number, type, medications at onset)."""
        if self.form.id != sae_report.FORM_ID or self.record is not None or self.read_only:
            return
        try:
            values = adverse_events.sae_report_prefill(self.session, self.subject_id, self.repeat_no)
        except CrfError as exc:
            self.message.show_error(exc)
            return
        self.prefill(values)
        self.message.show_info(fill(translate(
            "FormEditor", "Started from adverse event #%1: the concomitant medications taken on the onset date are "
                          "copied from the log. Check them, complete the report and save."), self.repeat_no))
