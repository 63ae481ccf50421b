"""The one place where the UI shows what went wrong (or right) to a person.

Services raise :class:`~crf_desktop.core.errors.CrfError` with a message written for people; the UI shows
that message either inline, in the dialog where the person is working (:class:`InlineMessage`), or, where a
window has no place for it, in a non-blocking message box (:func:`show_error`). Message boxes are opened with
``open()``, never ``exec()``, so no code path blocks in a nested event loop and tests can read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.errors import CrfError
from crf_desktop.ui.qt import QLabel, QWidget
from crf_desktop.ui.selectable import make_selectable
from crf_desktop.ui.window_size import grow_to_fit

if TYPE_CHECKING:  # built when a box is first shown: the login window comes up without it (issue 10)
    from crf_desktop.ui.qt import QMessageBox

_BOX = "border-radius: 4px; padding: 6px;"
ERROR_STYLE = f"color: #a40000; background: #fdecea; border: 1px solid #e6a5a0; {_BOX}"
INFO_STYLE = f"color: #1d4f1d; background: #e9f5e9; border: 1px solid #9cc79c; {_BOX}"
WARNING_STYLE = f"color: #5c4400; background: #fff4cc; border: 1px solid #e0c060; {_BOX}"


def sentence(text: str) -> str:
    """Service messages read like CLI errors ("the password is wrong"); on screen they start a sentence."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def message_text(error: BaseException | str) -> str:
    """What to show for ``error``: a service's own message, or a plain note for a programming error."""
    if isinstance(error, str):
        return sentence(error)
    if isinstance(error, CrfError):
        return sentence(str(error))
    return (f"Unexpected error: {type(error).__name__}: {error}. Nothing was changed by the failed step; "
            "if it happens again, note what you did and tell the site admin.")


class InlineMessage(QLabel):
    """A message line inside a dialog: hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        make_selectable(self, plain_text=True)
        self.setAccessibleName("message")
        self.kind = ""
        self.hide()

    def show_error(self, error: BaseException | str) -> None:
        self._show(message_text(error), ERROR_STYLE, "error")

    def show_info(self, text: str) -> None:
        self._show(sentence(text), INFO_STYLE, "info")

    def show_warning(self, text: str) -> None:
        self._show(sentence(text), WARNING_STYLE, "warning")

    def clear_message(self) -> None:
        self.setText("")
        self.kind = ""
        self.hide()

    def _show(self, text: str, style: str, kind: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.kind = kind
        self.show()
        grow_to_fit(self)


def show_message(parent: QWidget | None, text: str, *, title: str = "crf-desktop",
                 icon: QMessageBox.Icon | None = None) -> QMessageBox:
    """Open a window-modal message box without blocking (an information box unless ``icon`` says otherwise);
    it deletes itself when closed."""
    from crf_desktop.ui.qt import QMessageBox, Qt  # here: the login window comes up without them (issue 10)

    shown = QMessageBox.Icon.Information if icon is None else icon
    box = QMessageBox(shown, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("crf-message")
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException | str, *,
               title: str = "crf-desktop") -> QMessageBox:
    from crf_desktop.ui.qt import QMessageBox

    return show_message(parent, message_text(error), title=title, icon=QMessageBox.Icon.Warning)
