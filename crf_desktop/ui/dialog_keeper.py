"""Open a dialog without blocking and keep it while it is open: the one way the pages, panels and editors do it.

The widget that opens the dialog holds it as its ``dialog`` attribute while it is open (tests answer it there; the
main window closes what is open when the session ends). When the dialog finishes, the widget forgets it, the
dialog is deleted (later, once its signals have run), and when it changed something the widget's ``done`` runs:
reload, say what happened, tell the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from crf_desktop.ui.qt import QDialog

D = TypeVar("D", bound=QDialog)

__all__ = ["open_kept"]


def open_kept(owner: object, dialog: D, done: Callable[[], object] | None = None, *,
              did_something: Callable[[int], bool] | None = None) -> D:
    """Open ``dialog`` window-modal, kept as ``owner.dialog`` until it finishes; then forget and delete it, and
    call ``done()`` when it changed something: it was accepted, or ``did_something(result)`` says so (a dialog
    that can change something and still be cancelled, e.g. a scan attached before Close)."""
    setattr(owner, "dialog", dialog)  # noqa: B010 - every owner declares ``dialog`` with its own dialog type

    def finished(result: int) -> None:
        if getattr(owner, "dialog", None) is dialog:
            setattr(owner, "dialog", None)  # noqa: B010
        dialog.deleteLater()
        changed = did_something(result) if did_something is not None else result == QDialog.DialogCode.Accepted
        if changed and done is not None:
            done()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
