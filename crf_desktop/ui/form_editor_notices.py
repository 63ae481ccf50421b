"""What the form editor says beyond the form's own issues (a mixin of :class:`crf_desktop.ui.form_editor.FormEditor`,
kept apart so each module stays small):

- on the labs form, the L / H flags of the saved values against the laboratory's reference range valid on the
  sample date (``lab_ranges.lab_flags``), and a hint when the laboratory named on the form lacks ranges;
- after a save, the offer to record an adverse event (an infusion reaction or interruption) in a new record of
  the adverse-event log, pre-filled, and the warning that a concomitant medication is a prohibited agent;
- on the labs form, the adverse events its values suggest (CTCAE grade >= 1, :mod:`crf_desktop.ui.lab_ae_offer`),
  offered after a save and again from the "Adverse events from these values…" button.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from crf_desktop.core.errors import CrfError
from crf_desktop.forms.dates import display_date, parse_date
from crf_desktop.forms.library import labs
from crf_desktop.forms.library.lab_units import ANALYTES
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.visits import ADVERSE_EVENT_FORMS
from crf_desktop.services import lab_adverse_events, lab_ranges, records
from crf_desktop.services.form_checks import AdverseEventPrompt, PromptCause
from crf_desktop.services.lab_ranges import Flag, LabFlag
from crf_desktop.services.records import SaveOutcome
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.lab_ae_offer import LabAeOfferDialog
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import WARNING_STYLE, InlineMessage
from crf_desktop.ui.qt import QDialog, QLabel, QMessageBox, QPushButton, Qt, Signal

if TYPE_CHECKING:
    from crf_desktop.services.records import Record

AE_FORM = ADVERSE_EVENT_FORMS[0]
FLAG_STYLE = {Flag.HIGH: "color: #a40000; font-weight: bold;", Flag.LOW: "color: #1d4fa0; font-weight: bold;",
              Flag.NORMAL: "color: #2e6b2e;", Flag.NO_RANGE: "color: #777777;"}


def ae_log_code() -> str:
    return next(log.code for log in REGISTRY.schedule.logs if AE_FORM in log.forms)


class NoticesMixin:
    """Needs the editor's ``session``, ``subject_id``, ``visit``, ``form``, ``record``, ``rows``, ``message`` and
    ``dialog``; provides :attr:`record_requested` handling through the editor's signal."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    record: Record | None
    rows: dict[str, FieldRow]
    message: InlineMessage
    dialog: QDialog | QMessageBox | None
    record_requested: Signal  # (subject id, visit, form id, repeat no, pre-filled values)
    lab_hint: QLabel
    lab_ae_button: QPushButton
    flags: dict[str, LabFlag]
    read_only: bool

    if TYPE_CHECKING:
        def refresh_sae(self) -> None: ...
        def remind_sae_report(self, saved_text: str) -> None: ...

    # -- lab flags --------------------------------------------------------------------------------------
    def _build_lab_hint(self) -> None:
        self.flags = {}
        self.lab_hint = QLabel()
        self.lab_hint.setWordWrap(True)
        self.lab_hint.setAccessibleName("reference ranges")
        self.lab_hint.setStyleSheet(WARNING_STYLE)
        self.lab_hint.hide()
        self.lab_ae_button = QPushButton(translate("FormEditor", "&Adverse events from these values…"))
        self.lab_ae_button.setAutoDefault(False)
        self.lab_ae_button.clicked.connect(self.show_lab_adverse_events)
        self.lab_ae_button.hide()

    def refresh_lab_flags(self) -> None:
        """Flags of the saved labs record (none before the first save); the missing-range hint."""
        if self.form.id != labs.FORM_ID:
            return
        try:
            self.flags = lab_ranges.lab_flags(self.session, self.subject_id, self.visit)
        except CrfError:
            self.flags = {}
        for analyte in ANALYTES.values():
            found = self.flags.get(analyte.id)
            fields = [analyte.canonical_field, *(analyte.entered_field(u) for u in analyte.units)]
            for field_id in fields:
                row = self.rows.get(field_id)
                if row is None:
                    continue
                if found is None or (field_id != analyte.canonical_field and not row.input.text()):
                    row.set_flag("")
                    continue
                row.set_flag(self._flag_text(found.flag), self._flag_tip(found), FLAG_STYLE[found.flag])
        self._update_lab_hint()
        self.lab_ae_button.setVisible(bool(self.lab_adverse_events()))

    def _flag_text(self, flag: Flag) -> str:
        return {Flag.HIGH: translate("FormEditor", "H ▲"), Flag.LOW: translate("FormEditor", "L ▼"),
                Flag.NORMAL: translate("FormEditor", "N"), Flag.NO_RANGE: translate("FormEditor", "no range")}[flag]

    def _flag_tip(self, found: LabFlag) -> str:
        if found.range is None:
            return translate("FormEditor", "No reference range of this laboratory on the sample date")
        used = found.range
        low = "–" if used.lln is None else str(used.lln)
        high = "–" if used.uln is None else str(used.uln)
        symbol = ANALYTES[used.analyte].unit(used.unit).symbol.get(language.current())
        return fill(translate("FormEditor", "Saved value against %1's range %2 – %3 %4 (valid from %5)"),
                    used.lab_name, low, high, symbol, display_date(used.valid_from))

    def _saved_lab(self) -> tuple[str, date | None]:
        data = self.record.data if self.record is not None else {}
        name = " ".join((data.get("lab_name") or "").split())
        try:
            day = parse_date(data["lab_date"]) if data.get("lab_date") else None
        except ValueError:
            day = None
        return name, day

    def _update_lab_hint(self) -> None:
        name, day = self._saved_lab()
        if not name or day is None:
            self.lab_hint.hide()
            return
        try:
            missing = lab_ranges.missing_reference_ranges(self.session, name, day)
            ungraded = self._ctcae_ungraded()
        except CrfError:
            missing, ungraded = [], ()
        lang = language.current()
        if not missing and not ungraded:
            self.lab_hint.hide()
            return
        parts = [fill(translate("FormEditor", "%1 has no reference range on %2 for: %3."), name, display_date(day),
                      ", ".join(f"{ANALYTES[a].label.get(lang)} {limit}" for a, limit in missing))] if missing else []
        if ungraded:  # issue 6: the CTCAE grade of these values needs the laboratory's limit
            parts.append(fill(translate("FormEditor", "No CTCAE grade can be suggested without the %1."),
                              ", ".join(f"{ANALYTES[a].label.get(lang)} {limit}" for a, limit in ungraded)))
        parts.append(translate("FormEditor", "Enter the laboratory's ranges in Tools → Reference ranges; the flags "
                                             "appear after the next save."))
        self.lab_hint.setText(" ".join(parts))
        self.lab_hint.show()

    def _ctcae_ungraded(self) -> tuple[tuple[str, str], ...]:
        if self.record is None:
            return ()
        record = self.record
        return lab_adverse_events.grading_of(self.session, self.subject_id, self.visit, record.data).ungraded

    # -- after a save -----------------------------------------------------------------------------------
    def after_save(self, saved: SaveOutcome, saved_text: str) -> None:
        """The prohibited-medication warning (beside "Saved"), the adverse-event offer, fresh lab flags."""
        lang = language.current()
        if saved.prohibited is not None:
            self.message.show_warning(f"{saved_text}\n⚠ {saved.prohibited.message.get(lang)}")
        self.refresh_lab_flags()
        self.refresh_sae()
        self.remind_sae_report(saved_text)
        from_lab = [p for p in saved.adverse_events if p.cause is PromptCause.LAB_GRADE]
        other = [p for p in saved.adverse_events if p.cause is not PromptCause.LAB_GRADE]
        if other:
            self.ask_adverse_event(other[0])
        elif from_lab:
            self.offer_lab_adverse_events(from_lab)

    # -- adverse events suggested by the saved lab values -----------------------------------------------
    def lab_adverse_events(self) -> tuple[AdverseEventPrompt, ...]:
        """The AEs the saved labs record suggests that the AE log does not hold yet (none for a reader)."""
        if self.form.id != labs.FORM_ID or self.record is None or self.read_only:
            return ()
        record = self.record
        try:
            return lab_adverse_events.lab_prompts(self.session, subject_id=self.subject_id, visit=self.visit,
                                                  data=record.data)
        except CrfError:
            return ()

    def show_lab_adverse_events(self) -> LabAeOfferDialog | None:
        found = self.lab_adverse_events()
        if not found:
            self.message.show_info(translate("FormEditor", "No saved value of this form suggests an adverse event "
                                                           "that the adverse event log does not hold already."))
            return None
        return self.offer_lab_adverse_events(list(found))

    def offer_lab_adverse_events(self, prompts: list[AdverseEventPrompt]) -> LabAeOfferDialog:
        dialog = LabAeOfferDialog(prompts, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def answered(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted and dialog.selected is not None:
                self.open_adverse_event(dict(dialog.selected.prefill))

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    def ask_adverse_event(self, prompt: AdverseEventPrompt) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, translate("FormEditor", "crf-desktop: adverse event"),
                          translate("FormEditor", "Record an adverse event now?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)  # type: ignore[arg-type]
        box.setInformativeText(prompt.message.get(language.current()) + "\n\n" + translate(
            "FormEditor", "Yes opens a new adverse event record, filled in from this form, for you to complete and "
                          "save."))
        box.button(QMessageBox.StandardButton.Yes).setText(translate("FormEditor", "&Record adverse event"))
        box.button(QMessageBox.StandardButton.No).setText(translate("FormEditor", "&Later"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box

        def answered(_result: int) -> None:
            if self.dialog is box:
                self.dialog = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.open_adverse_event(dict(prompt.prefill))

        box.finished.connect(answered)
        box.open()
        return box

    def open_adverse_event(self, prefill: dict[str, str]) -> None:
        log = ae_log_code()
        try:
            number = records.next_log_number(self.session, subject_id=self.subject_id, log=log, form_id=AE_FORM)
        except CrfError as exc:
            self.message.show_error(exc)
            return
        self.record_requested.emit(self.subject_id, log, AE_FORM, number, prefill)
