"""How a visit cell looks: a shape (readable without colour), a short word, and a background colour.

The glyphs are in the bundled Droid Sans Fallback font (checked by a test), so they render on any computer.
"""

from __future__ import annotations

from dataclasses import dataclass

from crf_desktop.services.dashboard import CellState
from crf_desktop.ui import language
from crf_desktop.ui.qt import QColor


@dataclass(frozen=True)
class Look:
    glyph: str
    background: str  # a pale colour: black text stays readable on it
    foreground: str = "#1a1a1a"


LOOKS: dict[CellState, Look] = {
    CellState.NOT_DUE: Look("–", "#ffffff", "#8a8a8a"),
    CellState.DUE: Look("○", "#e8f0fe", "#1a4d99"),
    CellState.OVERDUE: Look("⚠", "#fde2d8", "#9c2500"),
    CellState.MISSED: Look("⊘", "#ececec", "#555555"),
    CellState.IN_PROGRESS: Look("◐", "#fff3c4", "#6b4e00"),
    CellState.COMPLETE: Look("✓", "#dff2df", "#1d5e1d"),
    CellState.VERIFIED: Look("✔✔", "#c9e9d6", "#0f4d2c"),
    CellState.SIGNED: Look("✎", "#d7e6f7", "#1d3f6e"),
    CellState.LOCKED: Look("■", "#dcdcdc", "#333333"),
    CellState.NEEDS_RESIGN: Look("✎✗", "#f9d0d0", "#8b0000"),
    CellState.PRINTED: Look("▤", "#eee6f7", "#4a2d73"),
    CellState.WET_SIGNED: Look("✍", "#e0e9f5", "#1d3f6e"),
}

#: The order of the legend: what needs doing first.
LEGEND_ORDER = (CellState.OVERDUE, CellState.DUE, CellState.NEEDS_RESIGN, CellState.IN_PROGRESS, CellState.COMPLETE,
                CellState.VERIFIED, CellState.PRINTED, CellState.WET_SIGNED, CellState.SIGNED, CellState.LOCKED,
                CellState.MISSED, CellState.NOT_DUE)


def glyph(state: CellState) -> str:
    return LOOKS[state].glyph


def label(state: CellState) -> str:
    """The state's name in the current language (from the service's bilingual labels)."""
    return state.label.get(language.current())


def background(state: CellState) -> QColor:
    return QColor(LOOKS[state].background)


def foreground(state: CellState) -> QColor:
    return QColor(LOOKS[state].foreground)
