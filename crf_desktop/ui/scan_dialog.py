"""The paper trail of one record: "Mark as wet-signed…" (who signed the printed CRF, and when) and "Attach signed
scan…" (a PDF, PNG or JPEG of the signed page, whose QR code is checked against the record's versions).

Both are opened without blocking; Enter presses the main button. The work is done by ``services.paper_trail``.
"""

from __future__ import annotations

from pathlib import Path

from crf_desktop.forms.dates import DateTextError, display_date, parse_date
from crf_desktop.services.paper_trail import MAX_SCAN_BYTES, ScanInfo, attach_scan, mark_wet_signed
from crf_desktop.services.session import Session
from crf_desktop.ui import start_folders
from crf_desktop.ui.dialog_buttons import ActionButtonBox, StandardButton
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WetSignedDialog(QDialog):
    """Who signed the printed CRF by hand, and the date written beside the signature."""

    def __init__(self, session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int,
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.where = (subject_id, visit, form_id, repeat_no)
        self.setWindowTitle(self.tr("crf-desktop: mark as signed on paper"))
        self.setMinimumWidth(520)
        intro = QLabel(fill(self.tr("The printed copy of %1 was signed by hand. Enter the signer's name and the "
                                    "date written beside the signature, as on the page."), title))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(self.tr("e.g. Dr Wang Li"))
        self.date_edit = QLineEdit(display_date(session.today()))
        self.date_edit.setPlaceholderText(self.tr("DD-MMM-YYYY or YYYY-MM-DD"))
        form = QFormLayout()
        for text, widget in ((self.tr("Signed &by:"), self.name_edit), (self.tr("Signature &date:"), self.date_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Record paper signature"))
        self.buttons.action_button.clicked.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def try_save(self) -> None:
        try:
            day = parse_date(self.date_edit.text())
        except (DateTextError, ValueError):
            self.message.show_error(self.tr("The signature date is not a date: type it like 05-Mar-2024 or "
                                            "2024-03-05."))
            self.date_edit.setFocus()
            return
        subject_id, visit, form_id, repeat_no = self.where
        outcome = run_service(self, lambda: mark_wet_signed(
            self.session, subject_id=subject_id, visit=visit, form_id=form_id, repeat_no=repeat_no,
            signer_name=self.name_edit.text(), signed_on=day), inline=self.message)
        if outcome.ok:
            self.accept()


class AttachScanDialog(QDialog):
    """Choose the scan, attach it, read what its QR code says; Close afterwards (the scan is kept)."""

    def __init__(self, session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int,
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.where = (subject_id, visit, form_id, repeat_no)
        self.scan: ScanInfo | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("crf-desktop: attach a signed scan"))
        self.setMinimumWidth(600)
        intro = QLabel(fill(self.tr(
            "Attach the scan of the signed page of %1: a PDF, PNG or JPEG file of at most %2 MB, scanned straight "
            "at 150 dpi or more. It is stored encrypted with its SHA-256, and the QR code printed on the page is "
            "compared with the record's versions."), title, MAX_SCAN_BYTES // 1024 // 1024))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("scan file")
        self.path_edit.setPlaceholderText(self.tr("The scanned file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        label = QLabel(self.tr("Scan &file:"))
        label.setBuddy(self.path_edit)
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Attach"), standard=StandardButton.Close)
        self.attach_button = self.buttons.action_button
        self.attach_button.clicked.connect(self.try_attach)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.path_edit.setFocus()

    def browse(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the scan of the signed page"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        # in the folder a scan was picked from last time in this data directory, else home
        dialog.setDirectory(str(start_folders.start_folder(self.session.data_dir, start_folders.SCANS)))
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.fileSelected.connect(lambda chosen: start_folders.remember_folder(
            self.session.data_dir, start_folders.SCANS, Path(chosen).parent))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def try_attach(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.message.show_error(self.tr("Choose the scanned file first (Browse…)."))
            self.path_edit.setFocus()
            return
        subject_id, visit, form_id, repeat_no = self.where
        outcome = run_service(self, lambda: attach_scan(
            self.session, subject_id=subject_id, visit=visit, form_id=form_id, repeat_no=repeat_no,
            path=Path(text).expanduser()), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return
        self.scan, check = outcome.value
        text_shown = fill(self.tr("Attached %1. QR code: %2"), self.scan.file_name, check.message)
        if check.matches:
            self.message.show_info(text_shown)
        else:
            self.message.show_warning(text_shown)
        self.attach_button.setEnabled(False)
        self.path_edit.setReadOnly(True)
        self.buttons.button(StandardButton.Close).setFocus()
