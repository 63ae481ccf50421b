"""Saving, verifying and closing the form editor (a mixin of :class:`crf_desktop.ui.form_editor.FormEditor`, kept
apart so each module stays small): save with the reason for change once a form is complete, verify (SDV),
and the "unsaved changes" question on closing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.forms.issues import IssueCode, Severity
from crf_desktop.forms.lifecycle import RecordStatus, refusing_issues
from crf_desktop.forms.model import Form
from crf_desktop.services import records
from crf_desktop.services.records import ReasonRequired, SaveOutcome
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QEvent, QMessageBox, QPushButton, QScrollArea, Qt, Signal
from crf_desktop.ui.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from crf_desktop.forms.validation import Result
    from crf_desktop.services.records import Record


class SavingMixin:
    """Needs the editor's state (``record``, ``confirmed``, ``rows`` …) and its ``raw()``, ``recheck()``,
    ``is_dirty()`` and ``_update_header()``."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    repeat_no: int
    record: Record | None
    confirmed: dict[str, str]
    show_all_issues: bool
    baseline: tuple[dict[str, str], dict[str, str]]
    rows: dict[str, FieldRow]
    message: InlineMessage
    scroll: QScrollArea
    save_button: QPushButton
    dialog: QDialog | QMessageBox | None
    saved: Signal
    _closing: bool
    read_only: bool
    status: RecordStatus

    if TYPE_CHECKING:
        def raw(self) -> dict[str, str]: ...
        def recheck(self) -> Result | None: ...
        def is_dirty(self) -> bool: ...
        def _update_header(self) -> None: ...
        def after_save(self, saved: SaveOutcome, saved_text: str) -> None: ...

    # -- saving -----------------------------------------------------------------------------------------
    def save(self, reason: str | None = None) -> SaveOutcome | None:
        """Save; a complete form asks for the reason for change first (the dialog then saves again)."""
        if self.read_only:
            return None
        self.show_all_issues = True
        version = self.record.version if self.record is not None else 0
        asked: list[ReasonRequired] = []

        def action() -> SaveOutcome | None:
            try:
                return records.save_record(
                    self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
                    raw=self.raw(), confirmed=dict(self.confirmed), reason=reason or None,
                    repeat_no=self.repeat_no, expected_version=version)
            except ReasonRequired as exc:
                asked.append(exc)
                return None

        outcome = run_service(self, action, inline=self.message)
        if asked:
            self.ask_reason(str(asked[0]))
            return None
        if not outcome.ok or outcome.value is None:
            return None
        saved = outcome.value
        self.recheck()
        if not saved.saved:
            self._show_refused(len(saved.refused))
            self._scroll_to_first_issue()
            return saved
        self.record = saved.record
        self.baseline = (self.raw(), dict(self.confirmed))
        self._update_header()
        lang = language.current()
        if self.status is RecordStatus.IN_PROGRESS:
            missing = sum(1 for i in saved.result.issues if i.code is IssueCode.REQUIRED)
            text = fill(translate("FormEditor", "Saved as in progress: %1 required field(s) still empty."), missing)
            self.message.show_warning(text)
        else:
            text = fill(translate("FormEditor", "Saved. Status: %1."), self.status.label.get(lang))
            self.message.show_info(text)
        self.saved.emit(self.subject_id)
        self.after_save(saved, text)
        return saved

    def _show_refused(self, count: int) -> None:
        self._refused_text = fill(translate(
            "FormEditor", "Not saved: %1 value(s) need correcting or confirming; see the "
                          "messages under the fields."), str(count))
        self.message.show_error(self._refused_text)

    def update_refused_banner(self, result: Result) -> None:
        """After each check: the "Not saved: N value(s)…" banner follows the corrections, and goes at zero."""
        shown = getattr(self, "_refused_text", "")
        if not shown or self.message.text() != shown or not self.message.isVisibleTo(self.message.window()):
            self._refused_text = ""
            return
        count = len(refusing_issues(result.issues))
        if count == 0:
            self._refused_text = ""
            self.message.clear_message()
        else:
            self._show_refused(count)

    def _scroll_to_first_issue(self) -> None:
        for row in self.rows.values():
            if row.isVisible() and any(i.severity is Severity.ERROR or i.blocks_saving for i in row.issues):
                self.scroll.ensureWidgetVisible(row)
                return

    def ask_reason(self, summary: str) -> ReasonDialog:
        dialog = ReasonDialog(summary, self)
        return open_kept(self, dialog, lambda: self.save(dialog.reason))

    def verify(self) -> None:
        outcome = run_service(self, lambda: records.verify_record(
            self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
            repeat_no=self.repeat_no), inline=self.message)
        if outcome.ok:
            self.record = outcome.value
            self._update_header()
            self.message.show_info(translate("FormEditor", "Verified against the source documents."))
            self.saved.emit(self.subject_id)

    # -- closing ----------------------------------------------------------------------------------------
    def reject(self) -> None:  # Esc, the Close button, the window's close box (through closeEvent)
        if self._closing or not self.is_dirty():
            super().reject()
            return
        self.ask_unsaved()

    def closeEvent(self, event: QEvent) -> None:
        if self._closing or not self.is_dirty():
            super().closeEvent(event)
            return
        event.ignore()
        self.ask_unsaved()

    def ask_unsaved(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, translate("FormEditor", "crf-desktop: unsaved changes"),
                          fill(translate("FormEditor", "%1 has changes that are not saved."),
                               self.form.title.get(language.current())),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(translate("FormEditor", "Save them, discard them, or go back to the form?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box

        def answered(button: int) -> None:
            if self.dialog is box:
                self.dialog = None
            if button == QMessageBox.StandardButton.Save:
                outcome = self.save()
                if outcome is not None and outcome.saved:
                    self.close_without_asking()
            elif button == QMessageBox.StandardButton.Discard:
                self.close_without_asking()

        box.finished.connect(lambda _r: answered(int(box.standardButton(box.clickedButton()))
                                                 if box.clickedButton() else int(QMessageBox.StandardButton.Cancel)))
        box.open()
        return box

    def close_without_asking(self) -> None:
        self._closing = True
        self.reject()

