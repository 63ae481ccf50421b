"""The subject page's randomisation and blinding (a mixin of :class:`crf_desktop.ui.subject_page.SubjectPage`,
kept apart so each module stays small): the Randomise… button, the randomisation number and kits in the header,
emergency unblinding, and the red "Unblinded" flag. No arm is ever read here: only the unblinding dialog shows
the label the service returns, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.services import randomisation
from crf_desktop.services.randomisation import Assignment, Unblinding
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import SubjectStatus
from crf_desktop.ui.audit_table_model import local_time
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage, show_message
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QLabel, QMessageBox, QPushButton, Qt, Signal
from crf_desktop.ui.unblind_dialog import UnblindDialog

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    from crf_desktop.services.subjects import Subject

    D = TypeVar("D", bound=QDialog)

FLAG_STYLE = "color: white; background: #b00020; font-weight: bold; padding: 3px 8px; border-radius: 4px;"


def assignment_text(assigned: Assignment) -> str:
    return fill(translate("SubjectPage", "Randomisation no. %1 · MSC kit %2 · MMF kit %3"), assigned.rand_no,
                assigned.msc_kit, assigned.mmf_kit)


class RandomisationMixin:
    """Needs the page's ``session``, ``subject_id``, ``subject``, ``message``, ``dialog``, ``changed`` and
    ``refresh()``."""

    session: Session
    subject_id: str
    subject: Subject | None
    message: InlineMessage
    dialog: QDialog | QMessageBox | None
    changed: Signal
    assigned: Assignment | None
    unblinding: tuple[str, str] | None  # (when, by whom); ("", "") when the audit trail is not readable
    assignment_label: QLabel
    unblinded_flag: QLabel
    randomise_button: QPushButton
    unblind_button: QPushButton

    if TYPE_CHECKING:
        def refresh(self) -> None: ...
        def open_dialog(self, dialog: D, *, did_something: Callable[[int], bool] | None = None,
                        then: str | None = None) -> D: ...

    def _build_randomisation(self) -> None:
        self.assigned = None
        self.unblinding = None
        self.assignment_label = QLabel()
        self.assignment_label.setAccessibleName("randomisation")
        self.assignment_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assignment_label.setStyleSheet("font-weight: bold; color: #1d3f6e;")
        self.unblinded_flag = QLabel()
        self.unblinded_flag.setAccessibleName("unblinded")
        self.unblinded_flag.setStyleSheet(FLAG_STYLE)
        self.randomise_button = QPushButton()
        self.randomise_button.clicked.connect(self.ask_randomise)
        self.unblind_button = QPushButton()
        self.unblind_button.setStyleSheet("color: #a40000;")
        self.unblind_button.clicked.connect(self.open_unblinding)

    def _load_randomisation(self) -> None:
        def load() -> tuple[Assignment | None, Unblinding | None]:
            return (randomisation.assignment(self.session, self.subject_id),
                    randomisation.unblinding(self.session, self.subject_id))

        outcome = run_service(self, load, inline=self.message)  # type: ignore[arg-type]
        self.assigned, first = outcome.value if outcome.ok and outcome.value else (None, None)
        self.unblinding = None if first is None else (local_time(first.unblinded_at), first.unblinded_by)

    def _retranslate_randomisation(self) -> None:
        subject = self.subject
        screening = subject is not None and subject.status is SubjectStatus.SCREENING
        self.randomise_button.setText(translate("SubjectPage", "&Randomise…"))
        self.randomise_button.setToolTip(translate(
            "SubjectPage", "Check eligibility again and assign the next randomisation number and kits"))
        self.randomise_button.setVisible(self.session.can(Permission.RANDOMISE) and screening
                                         and self.assigned is None)
        self.unblind_button.setText(translate("SubjectPage", "Emergency &unblinding…"))
        self.unblind_button.setVisible(self.session.can(Permission.UNBLIND) and self.assigned is not None)
        if self.assigned is None:
            self.assignment_label.setText(translate("SubjectPage", "Not randomised"))
        else:
            self.assignment_label.setText(assignment_text(self.assigned))
        if self.unblinding is None:
            self.unblinded_flag.hide()
            self.unblinded_flag.setText("")
        else:
            when, who = self.unblinding
            self.unblinded_flag.setText(fill(translate("SubjectPage", "Unblinded (%1, by %2)"), when, who) if when
                                        else translate("SubjectPage", "Unblinded"))
            self.unblinded_flag.show()

    # -- randomising ------------------------------------------------------------------------------------
    def ask_randomise(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, translate("SubjectPage", "crf-desktop: randomise"),
                          fill(translate("SubjectPage", "Randomise subject %1 now?"), self.subject_id),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)  # type: ignore[arg-type]
        box.setInformativeText(translate(
            "SubjectPage", "Eligibility is checked again from the recorded forms. The subject then receives the "
                           "next randomisation number, an MSC/placebo kit and an MMF/placebo kit, and goes on study. "
                           "This cannot be undone."))
        box.button(QMessageBox.StandardButton.Yes).setText(translate("SubjectPage", "&Randomise"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box

        def answered(_result: int) -> None:
            if self.dialog is box:
                self.dialog = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.randomise_now()

        box.finished.connect(answered)
        box.open()
        return box

    def randomise_now(self) -> Assignment | None:
        outcome = run_service(self, lambda: randomisation.randomise(self.session, self.subject_id),  # type: ignore[arg-type]
                              inline=self.message)
        if not outcome.ok or outcome.value is None:
            return None
        assigned = outcome.value
        self.refresh()
        self.changed.emit(self.subject_id)
        self.message.show_info(fill(translate("SubjectPage", "Subject %1 randomised: %2."), self.subject_id,
                                    assignment_text(assigned)))
        self.dialog = show_message(self, fill(translate(  # type: ignore[arg-type]
            "SubjectPage", "Subject %1 is randomised.\n\nRandomisation number: %2\nMSC/placebo kit (infusion): %3\n"
                           "MMF/placebo kit (tablets): %4\n\nWrite the numbers on the subject's records and "
                           "dispense these kits only."), self.subject_id, assigned.rand_no, assigned.msc_kit,
            assigned.mmf_kit), title=translate("SubjectPage", "crf-desktop: randomised"))
        return assigned

    # -- unblinding -------------------------------------------------------------------------------------
    def open_unblinding(self) -> UnblindDialog:
        dialog = UnblindDialog(self.session, self.subject_id, self)  # type: ignore[arg-type]
        # deleted once closed: the arm label goes with it
        return self.open_dialog(dialog, did_something=lambda _result: dialog.unblinded)
