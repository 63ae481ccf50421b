"""New-password and repeat fields with live feedback from the shared password rule."""

from __future__ import annotations

from crf_desktop.core.passwords import MIN_LENGTH, password_problem
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import sentence
from crf_desktop.ui.qt import QFormLayout, QLabel, QLineEdit, QObject, Qt, QWidget, Signal

HINT_STYLE = "color: #555555;"
PROBLEM_STYLE = "color: #a40000;"
GOOD_STYLE = "color: #1d6b1d;"


class NewPasswordRows(QObject):
    """The "new password" and "repeat" rows of a form, and a feedback line that follows every key press."""

    changed = Signal()

    def __init__(self, parent: QWidget, *, username: str = "", label: str = "&New password:") -> None:
        super().__init__(parent)
        self._username = username
        self._label = label
        self.new_edit = QLineEdit(parent)
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit.setAccessibleName("new password")
        self.new_edit.setPlaceholderText(fill(translate("PasswordFields", "at least %1 characters"), MIN_LENGTH))
        self.repeat_edit = QLineEdit(parent)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName("repeat new password")
        self.feedback = QLabel(parent)
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setAccessibleName("password feedback")
        self.new_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self._update()

    def add_to(self, form: QFormLayout) -> None:
        new_label = QLabel(self._label)
        new_label.setBuddy(self.new_edit)
        repeat_label = QLabel(translate("PasswordFields", "Re&peat it:"))
        repeat_label.setBuddy(self.repeat_edit)
        form.addRow(new_label, self.new_edit)
        form.addRow(repeat_label, self.repeat_edit)
        form.addRow("", self.feedback)

    def set_username(self, username: str) -> None:
        self._username = username
        self._update()

    def password(self) -> str:
        return self.new_edit.text()

    def problem(self) -> str | None:
        """Why the fields cannot be used yet, or ``None`` when the password is acceptable and repeated."""
        new = self.new_edit.text()
        problem = self._rule_problem()
        if problem:
            return problem
        if self.repeat_edit.text() != new:
            return translate("PasswordFields", "Repeat the new password exactly in the second field") \
                if not self.repeat_edit.text() else translate("PasswordFields", "The two passwords differ")
        return None

    def _rule_problem(self) -> str | None:
        problem = password_problem(self.new_edit.text(), username=self._username.strip())
        return sentence(problem) if problem else None

    def is_acceptable(self) -> bool:
        return self.problem() is None

    def _update(self) -> None:
        new = self.new_edit.text()
        if not new:
            self.feedback.setText(fill(translate("PasswordFields", "At least %1 characters, not the user name. A "
                                                 "short sentence is easy to remember and hard to guess."), MIN_LENGTH))
            self.feedback.setStyleSheet(HINT_STYLE)
        elif (problem := self.problem()) is not None:
            self.feedback.setText(problem)
            waiting_for_repeat = self._rule_problem() is None and not self.repeat_edit.text()
            self.feedback.setStyleSheet(HINT_STYLE if waiting_for_repeat else PROBLEM_STYLE)
        else:
            self.feedback.setText(translate("PasswordFields", "✓ The password meets the rule and both fields match."))
            self.feedback.setStyleSheet(GOOD_STYLE)
        self.changed.emit()
