"""The reason for changing a complete form: one of the study's reasons, or "other" in the person's words."""

from __future__ import annotations

from crf_desktop.forms.lifecycle import REASONS_FOR_CHANGE
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

OTHER = "other"


class ReasonDialog(QDialog):
    """Opened without blocking; after acceptance :attr:`reason` holds the text for the audit trail."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = ""
        self.setWindowTitle(self.tr("crf-desktop: reason for change"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("This form was already complete. Say why it is being changed; the reason is "
                               "kept in the audit trail with each changed value."))
        intro.setWordWrap(True)
        detail = QLabel(summary)
        detail.setWordWrap(True)
        detail.setStyleSheet("color: #555555;")
        lang = language.current()
        self.reason_combo = QComboBox()
        for code, text in REASONS_FOR_CHANGE:
            self.reason_combo.addItem(text.get(lang), code)
        self.other_edit = QLineEdit()
        self.other_edit.setMaxLength(200)
        self.other_edit.setPlaceholderText(self.tr("Say why, e.g. value read from the wrong line of the chart"))
        self.reason_combo.currentIndexChanged.connect(self._update)
        form = QFormLayout()
        for text, widget in ((self.tr("&Reason:"), self.reason_combo), (self.tr("&Other reason:"), self.other_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Save with this reason"))
        self.ok_button = self.buttons.action_button
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(detail)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update()

    def choose(self, code: str) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(code))

    def _update(self) -> None:
        self.other_edit.setEnabled(self.reason_combo.currentData() == OTHER)

    def try_accept(self) -> None:
        code = str(self.reason_combo.currentData())
        if code == OTHER:
            typed = self.other_edit.text().strip()
            if not typed:
                self.message.show_error(self.tr("Type the reason for the change."))
                return
            self.reason = typed
        else:
            self.reason = dict(REASONS_FOR_CHANGE)[code].en  # the audit trail keeps one language
        self.accept()
