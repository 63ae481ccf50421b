"""Keeping dialogs tall enough for their word-wrapped text (Qt sizes windows from the width-free hint)."""

from __future__ import annotations

from crf_desktop.ui.qt import QDialog, QWidget


def grow_to_fit(widget: QWidget) -> None:
    """Make the dialog holding ``widget`` tall enough for its content at its current width; never shrinks it.

    Main windows are left alone: their content scrolls.
    """
    window = widget.window()
    layout = window.layout() if isinstance(window, QDialog) else None
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)
