"""Headings inside windows: the window font, larger and bold (style sheets cannot scale a font)."""

from __future__ import annotations

from crf_desktop.ui.qt import QFont, QLabel, QWidget


def heading(text: str, *, scale: float = 1.25, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
