"""The button row of a dialog: a standard button (Cancel, Close) plus one action button that Enter presses.

``QPushButton.setDefault(True)`` only registers the button with its dialog when the button already lives in
that dialog. A button box built first and added to the layout afterwards is not in the dialog yet, so the
dialog never learns about the default button and, when shown, makes the first auto-default button in the
focus chain, Cancel, the default instead: Enter cancelled. :class:`ActionButtonBox` sets the default again
once it is in the dialog and whenever it is shown, so Enter presses the action in every dialog that uses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.ui.qt import QDialogButtonBox, QEvent, QObject, QPushButton

if TYPE_CHECKING:
    from crf_desktop.ui.qt import QPlainTextEdit

StandardButton = QDialogButtonBox.StandardButton
ButtonRole = QDialogButtonBox.ButtonRole


class ActionButtonBox(QDialogButtonBox):
    """``standard`` (Cancel unless told) and :attr:`action_button`, the dialog's default button.

    A focused button still takes Enter for itself (Tab to Cancel, Enter cancels), as everywhere in Qt.
    """

    def __init__(self, action_text: str, *, standard: StandardButton = StandardButton.Cancel,
                 role: ButtonRole = ButtonRole.AcceptRole) -> None:
        super().__init__()  # QDialogButtonBox(standard) would build Qt's namespace to pick its overload (issue 10)
        self.setStandardButtons(standard)
        self.action_button: QPushButton = self.addButton(action_text, role)
        self.action_button.setDefault(True)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ParentChange, QEvent.Type.Show) and self.action_button.isVisibleTo(self):
            self.action_button.setDefault(False)  # setDefault(True) on a default button does nothing
            self.action_button.setDefault(True)
        return super().event(event)

    def submit_from(self, edit: QPlainTextEdit) -> None:
        """Ctrl+Enter in ``edit``, a multi-line field where Enter starts a new line, presses the action button."""
        from crf_desktop.ui.qt import QKeySequence  # here: the login window's box has no such field (issue 10)

        edit.installEventFilter(self)
        self.action_button.setToolTip(QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            from crf_desktop.ui.qt import QKeyEvent, Qt  # here: dialogs come up without Qt's namespace (issue 10)

            if (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                if self.action_button.isEnabled() and self.action_button.isVisible():
                    self.action_button.click()
                return True
        return super().eventFilter(watched, event)
