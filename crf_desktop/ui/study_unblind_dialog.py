"""The centre's "Unblind study…" dialog (issue 8, database lock): a warning, a reason, the randomisation lists of
sites the centre keeps none for, the password again and the study id typed as confirmation.

The action button is enabled only once the reason, the password and the study id are filled, so Enter does
nothing before. The service (:func:`crf_desktop.services.centre_unblinding.unblind_study`) checks everything
again, and every refusal is shown in the dialog, which stays open. No arm is ever shown here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crf_desktop.services import centre_unblinding
from crf_desktop.services.session import Session
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import ERROR_STYLE, InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QDialog,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from crf_desktop.ui.start_folders import LISTS, remember_folder, start_folder
from crf_desktop.ui.window_size import grow_to_fit


def ask_list_files(parent: QWidget, title: str, start: Path) -> list[Path]:
    """Ask for CSV files, starting in ``start`` (tests replace :attr:`StudyUnblindDialog.ask_files`)."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, title, str(start), "CSV (*.csv)")
    return [Path(c) for c in chosen]


class StudyUnblindDialog(QDialog):
    """Opened without blocking; :attr:`unblinding` holds the record once the study is unblinded (then accepted)."""

    ask_files: Callable[[QWidget, str, Path], list[Path]] = staticmethod(ask_list_files)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unblinding: centre_unblinding.StudyUnblinding | None = None
        self.files: list[Path] = []
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("reason")
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.files_button = QPushButton()
        self.files_button.clicked.connect(self.add_files)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("password")
        self.study_edit = QLineEdit()
        self.study_edit.setAccessibleName("study id")
        self.reason_label, self.files_title, self.password_label, self.study_label = (QLabel() for _ in range(4))
        for label, widget in ((self.reason_label, self.reason_edit), (self.files_title, self.files_button),
                              (self.password_label, self.password_edit), (self.study_label, self.study_edit)):
            label.setBuddy(widget)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_button)
        files_row.addWidget(self.files_label, 1)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_edit)
        form.addRow(self.files_title, files_row)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.study_label, self.study_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox("")
        self.unblind_button = self.buttons.action_button
        self.unblind_button.clicked.connect(self.try_unblind)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.reason_edit, self.password_edit, self.study_edit):
            edit.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.retranslate()
        self._update_button()

    def retranslate(self) -> None:
        study = self.session.study_id
        self.setWindowTitle(fill(self.tr("crf-desktop: unblind study %1"), study))
        self.warning.setText(fill(self.tr(
            "Unblinding the study gives every CSV and ODM export the treatment arm of each randomised subject. Do "
            "it only at database lock, when the data are final.\n\n"
            "It cannot be undone: the study stays unblinded, and your name, the time and your reason are kept "
            "in the centre's audit trail. Type the study id %1 to confirm."), study))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. Database locked on 2026-11-20 for the final analysis"))
        self.files_title.setText(self.tr("Randomisation &lists:"))
        self.files_button.setText(self.tr("Add CSV files…"))
        self.password_label.setText(self.tr("Your &password:"))
        self.study_label.setText(fill(self.tr("&Study id (%1):"), study))
        self.unblind_button.setText(self.tr("&Unblind the study"))
        self._show_files()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)  # the word-wrapped warning and note whole at the window's width (Qt sizes it without)

    def _show_files(self) -> None:
        self.files_label.setText(", ".join(p.name for p in self.files) if self.files else self.tr(
            "Only needed for sites enrolled before the centre kept their lists."))
        if self.isVisible():  # a longer list of files, or another language, may take another line
            grow_to_fit(self)

    def _update_button(self) -> None:
        filled = all(e.text().strip() if e is not self.password_edit else e.text()
                     for e in (self.reason_edit, self.password_edit, self.study_edit))
        self.unblind_button.setEnabled(bool(filled) and self.unblinding is None)

    def add_files(self) -> None:
        data_dir = self.session.data_dir
        chosen = self.ask_files(self, self.tr("Choose the randomisation lists (CSV: seq, rand_no, msc_kit, mmf_kit, "
                                              "arm)"), start_folder(data_dir, LISTS, data_dir))
        if chosen:
            remember_folder(data_dir, LISTS, chosen[0].parent)
        self.files += [p for p in chosen if p not in self.files]
        self._show_files()

    def try_unblind(self) -> None:
        if not self.unblind_button.isEnabled():
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        outcome = run_service(self, lambda: centre_unblinding.unblind_study(
            self.session, password=password, reason=self.reason_edit.text(), confirm_study_id=self.study_edit.text(),
            randomisation_files=list(self.files)), inline=self.message)
        if not outcome.ok or outcome.value is None:
            self.password_edit.setFocus()
            return
        self.unblinding = outcome.value
        self.accept()
