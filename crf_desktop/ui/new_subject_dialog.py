"""Registering a newly consented person: initials, year of birth, sex → the next screening number."""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import Subject, register_subject
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class NewSubjectDialog(QDialog):
    """Calls ``register_subject``; :attr:`subject` holds the new subject after acceptance."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subject: Subject | None = None
        self.setWindowTitle(self.tr("crf-desktop: new subject"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("Register a person who has signed the informed consent. The next screening "
                               "number of the site is given to them."))
        intro.setWordWrap(True)
        self.initials_edit = QLineEdit()
        self.initials_edit.setMaxLength(4)
        self.initials_edit.setPlaceholderText(self.tr("2–4 letters, e.g. ZSF"))
        self.initials_edit.setAccessibleName("initials")
        self.year_edit = QLineEdit()
        self.year_edit.setMaxLength(4)
        self.year_edit.setPlaceholderText(self.tr("e.g. 1985 (leave empty if not known)"))
        self.year_edit.setAccessibleName("year of birth")
        self.sex_combo = QComboBox()
        self.sex_combo.addItem(self.tr("Female"), "F")
        self.sex_combo.addItem(self.tr("Male"), "M")
        self.sex_combo.setAccessibleName("sex")
        form = QFormLayout()
        for text, widget in ((self.tr("&Initials:"), self.initials_edit),
                             (self.tr("&Year of birth:"), self.year_edit), (self.tr("&Sex:"), self.sex_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Register"))
        self.ok_button = self.buttons.action_button
        self.buttons.accepted.connect(self.try_register)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _year(self) -> int | None:
        text = self.year_edit.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise UserInputError(fill(self.tr("year of birth “%1”: type four digits, e.g. 1985"), text))
        return int(text)

    def try_register(self) -> None:
        def action() -> Subject:
            return register_subject(self.session, initials=self.initials_edit.text(), birth_year=self._year(),
                                    sex=str(self.sex_combo.currentData()))

        outcome = run_service(self, action, inline=self.message)
        if outcome.ok:
            self.subject = outcome.value
            self.accept()
