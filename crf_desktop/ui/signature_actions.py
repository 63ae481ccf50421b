"""Signatures, paper trail and lock on screen: the manifestation under a form, and the Sign / paper / lock actions.

:class:`SignaturePanel` sits in the form editor: every signature that covers the record (form, visit, casebook)
with printed name, role, meaning and UTC time, an invalidated one in red asking for re-signing, what happened on
paper, and the buttons "Sign…", "Mark as wet-signed…", "Attach signed scan…". :class:`CasebookActions` sits on
the subject page: "Sign visit…", "Sign casebook…", "Lock casebook…" / "Unlock casebook…" and their state.
Every button has a mnemonic; the dialogs are opened without blocking and kept in :attr:`dialog` for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from crf_desktop.core.roles import Permission, Role
from crf_desktop.forms.dates import display_date
from crf_desktop.services.locks import LockEvent, lock_state
from crf_desktop.services.paper_trail import RecordPaper, record_paper
from crf_desktop.services.session import Session
from crf_desktop.services.signatures import SignTarget, StoredSignature, covering, latest_for, signatures_of
from crf_desktop.ui import language
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.lock_actions import LockDialog
from crf_desktop.ui.messages import ERROR_STYLE, INFO_STYLE, WARNING_STYLE
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QDialog, QEvent, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from crf_desktop.ui.scan_dialog import AttachScanDialog, WetSignedDialog
from crf_desktop.ui.sign_dialog import SignDialog, local_text, target_text, utc_text


def _scope_text(signature: StoredSignature) -> str:
    if signature.scope == "form":
        return translate("SignaturePanel", "this form")
    target = SignTarget(subject_id=signature.subject_id, visit=signature.visit, form=signature.form)
    return target_text(target)


def manifestation(signature: StoredSignature) -> str:
    """The signature as 21 CFR 11.50 wants it shown: printed name, role, meaning, date and time (UTC)."""
    role = Role(signature.role).label_in(language.current())
    text = fill(translate("SignaturePanel", "Signed electronically by %1 (%2), %3: “%4” (covers %5)"),
                signature.printed_name, role, utc_text(signature.signed_at), signature.meaning, _scope_text(signature))
    if signature.valid:
        return text
    return fill(translate("SignaturePanel", "Signature invalid: data changed on %1 by %2; please re-sign. (%3)"),
                local_text(signature.invalidated_at or ""), signature.invalidated_by or "?", text)


def _paper_text(found: RecordPaper) -> str:
    parts = []
    if found.prints:
        last = found.prints[-1]
        parts.append(fill(translate("SignaturePanel", "Printed %1 time(s), last on %2 from version %3."),
                          len(found.prints), local_text(last.printed_at), last.record_version or "-"))
    for wet in found.wet_signatures:
        parts.append(fill(translate("SignaturePanel", "Signed on paper by %1 on %2 (printed version %3)."),
                          wet.signer_name, display_date(date.fromisoformat(wet.signed_on)),
                          wet.record_version or "-"))
    for scan in found.scans:
        parts.append(fill(translate("SignaturePanel", "Scan %1 attached on %2: %3."), scan.file_name,
                          local_text(scan.attached_at), scan.qr_result))
    return " ".join(parts)


class SignaturePanel(QWidget):
    """Under a form: its signatures, its paper trail, and the actions on them. Emits :attr:`changed` after any."""

    changed = Signal()

    def __init__(self, session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int,
                 title: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.where = (subject_id, visit, form_id, repeat_no)
        self.title = title
        self.signatures: list[StoredSignature] = []
        self.paper: RecordPaper | None = None
        self.lock: LockEvent | None = None
        self.dialog: QDialog | None = None
        self.lines = QVBoxLayout()
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.paper_label = QLabel()
        self.paper_label.setWordWrap(True)
        self.paper_label.setAccessibleName("paper trail")
        self.sign_button = QPushButton()
        self.wet_button = QPushButton()
        self.scan_button = QPushButton()
        for button, slot in ((self.sign_button, self.open_sign), (self.wet_button, self.open_wet_signed),
                             (self.scan_button, self.open_attach_scan)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.sign_button.setVisible(session.can(Permission.SIGN))
        self.wet_button.setVisible(session.can(Permission.ENTER_DATA))
        self.scan_button.setVisible(session.can(Permission.ENTER_DATA))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.wet_button)
        buttons.addWidget(self.scan_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.lines)
        layout.addWidget(self.paper_label)
        layout.addLayout(buttons)
        self.refresh()

    @property
    def locked(self) -> bool:
        return self.lock is not None

    def target(self) -> SignTarget:
        subject_id, visit, form_id, repeat_no = self.where
        return SignTarget(subject_id=subject_id, visit=visit, form=form_id, repeat_no=repeat_no)

    def refresh(self) -> None:
        subject_id, visit, form_id, repeat_no = self.where

        def load() -> tuple[list[StoredSignature], RecordPaper, LockEvent | None]:
            return (signatures_of(self.session, subject_id),
                    record_paper(self.session, subject_id=subject_id, visit=visit, form_id=form_id,
                                 repeat_no=repeat_no),
                    lock_state(self.session, subject_id))

        outcome = run_service(self, load)
        if not outcome.ok or outcome.value is None:
            return
        every, self.paper, self.lock = outcome.value
        self.signatures = covering(every, visit=visit, form=form_id, repeat_no=repeat_no)
        self.retranslate()

    def signature_labels(self) -> list[QLabel]:
        return [item for n in range(self.lines.count())
                if isinstance(item := self.lines.itemAt(n).widget(), QLabel)]

    def retranslate(self) -> None:
        for label in self.signature_labels():
            self.lines.removeWidget(label)
            label.deleteLater()
        shown: list[tuple[str, str]] = [(manifestation(s), INFO_STYLE if s.valid else ERROR_STYLE)
                                        for s in self.signatures]
        if self.lock is not None:
            shown.append((fill(self.tr("Casebook locked by %1 on %2: no change is possible until it is unlocked."),
                               self.lock.by, local_text(self.lock.at)), WARNING_STYLE))
        for text, style in shown:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(style)
            label.setAccessibleName("signature")
            self.lines.addWidget(label)
        paper = _paper_text(self.paper) if self.paper is not None else ""
        self.paper_label.setText(paper)
        self.paper_label.setVisible(bool(paper))
        own = latest_for(self.signatures, self.target())
        self.sign_button.setText(self.tr("Re-si&gn…") if own is not None and not own.valid else self.tr("Si&gn…"))
        self.wet_button.setText(self.tr("Mark as &wet-signed…"))
        self.scan_button.setText(self.tr("Attach signed sc&an…"))

    # -- actions ----------------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        return open_kept(self, dialog, self._changed, did_something=lambda result: (
            result == QDialog.DialogCode.Accepted or isinstance(dialog, AttachScanDialog) and bool(dialog.scan)))

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def open_sign(self) -> QDialog:
        return self._open(SignDialog(self.session, self.target(), self))

    def open_wet_signed(self) -> QDialog:
        subject_id, visit, form_id, repeat_no = self.where
        return self._open(WetSignedDialog(self.session, subject_id=subject_id, visit=visit, form_id=form_id,
                                          repeat_no=repeat_no, title=self.title(), parent=self))

    def open_attach_scan(self) -> QDialog:
        subject_id, visit, form_id, repeat_no = self.where
        return self._open(AttachScanDialog(self.session, subject_id=subject_id, visit=visit, form_id=form_id,
                                           repeat_no=repeat_no, title=self.title(), parent=self))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CasebookActions(QWidget):
    """On the subject page: sign the selected visit or the casebook, lock or unlock it; their state in words.

    ``current_visit`` gives the visit (or log) selected on the page, ``None`` when none is.
    """

    changed = Signal()

    def __init__(self, session: Session, subject_id: str, current_visit: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject_id = subject_id
        self.current_visit = current_visit
        self.signatures: list[StoredSignature] = []
        self.lock: LockEvent | None = None
        self.dialog: QDialog | None = None
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName("casebook signature")
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sign_visit_button = QPushButton()
        self.sign_book_button = QPushButton()
        self.lock_button = QPushButton()
        for button, slot in ((self.sign_visit_button, self.open_sign_visit),
                             (self.sign_book_button, self.open_sign_casebook), (self.lock_button, self.open_lock)):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        can_sign = session.can(Permission.SIGN)
        self.sign_visit_button.setVisible(can_sign)
        self.sign_book_button.setVisible(can_sign)
        self.lock_button.setVisible(session.can(Permission.LOCK_CASEBOOK))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.sign_visit_button)
        layout.addWidget(self.sign_book_button)
        layout.addWidget(self.lock_button)
        self.refresh()

    def refresh(self) -> None:
        outcome = run_service(self, lambda: (signatures_of(self.session, self.subject_id),
                                             lock_state(self.session, self.subject_id)))
        if outcome.ok and outcome.value is not None:
            self.signatures, self.lock = outcome.value
        self.retranslate()

    def retranslate(self) -> None:
        book = latest_for(self.signatures, SignTarget(subject_id=self.subject_id))
        parts = []
        if book is None:
            parts.append(self.tr("Casebook not signed."))
        else:
            parts.append(manifestation(book))
        if self.lock is not None:
            parts.append(fill(self.tr("Locked by %1 on %2."), self.lock.by, local_text(self.lock.at)))
        self.state_label.setText(" ".join(parts))
        style = ERROR_STYLE if book is not None and not book.valid else WARNING_STYLE if self.lock else ""
        self.state_label.setStyleSheet(style)
        self.sign_visit_button.setText(self.tr("Si&gn visit…"))
        self.sign_book_button.setText(self.tr("Sign case&book…"))
        self.lock_button.setText(self.tr("Unloc&k casebook…") if self.lock else self.tr("Loc&k casebook…"))

    def _open(self, dialog: QDialog) -> QDialog:
        return open_kept(self, dialog, self._changed)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def open_sign_visit(self) -> QDialog | None:
        visit = self.current_visit()
        if visit is None:
            self.state_label.setText(self.tr("Select a visit in the list first, then Sign visit…"))
            self.state_label.setStyleSheet(WARNING_STYLE)
            return None
        return self._open(SignDialog(self.session, SignTarget(subject_id=self.subject_id, visit=visit), self))

    def open_sign_casebook(self) -> QDialog:
        return self._open(SignDialog(self.session, SignTarget(subject_id=self.subject_id), self))

    def open_lock(self) -> QDialog:
        return self._open(LockDialog(self.session, self.subject_id, unlock=self.lock is not None, parent=self))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
