"""Fonts of the printed CRFs and text in mixed scripts: measuring, wrapping and drawing.

Latin text is set in Helvetica (a standard PDF font every viewer has), Greek letters and mathematical signs
(β, ≥, ≤, −, ≠) in Symbol (also standard), and Chinese in the bundled Droid Sans Fallback, embedded as a subset
(reportlab's ``TTFont`` embeds only the glyphs used). Never STSong-Light: it is not embedded and shows as empty
boxes on a computer without Chinese fonts. Droid Sans Fallback has no Latin letters, hence the runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from crf_desktop.core.resources import resource_path

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
SYMBOL = "Symbol"
CJK = "DroidSansFallback"
CJK_FILE = ("fonts", "DroidSansFallbackFull.ttf")

#: Characters neither Helvetica (WinAnsi), Symbol nor the CJK font carry, written in plain letters.
_SUBSTITUTES = str.maketrans({"⁰": "^0", "¹": "^1", "²": "²", "³": "³", "⁴": "^4", "⁵": "^5", "⁶": "^6",
                              "⁷": "^7", "⁸": "^8", "⁹": "^9", "₀": "0", "₁": "1", "₂": "2", "₃": "3",
                              "✓": "+", "✗": "x", "\u00a0": " "})
_SYMBOL_CHARS = frozenset("αβγδεμπσ≥≤≠−±×÷°→←↑↓∞√≈")
_WORD = re.compile(r"\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff"
                   r"\uff00-\uffef\u3000-\u303f]+")


@lru_cache(maxsize=1)
def register() -> str:
    """Register the CJK font once per process (reading the 4 MB file takes about 0.2 s); its name."""
    pdfmetrics.registerFont(TTFont(CJK, str(resource_path(*CJK_FILE))))
    return CJK


@lru_cache(maxsize=1)
def _cjk_chars() -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(CJK)
    return frozenset(font.face.charToGlyph)


def _latin_ok(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=8192)
def _font_of(char: str, latin: str) -> str:
    if char in _SYMBOL_CHARS:
        return SYMBOL
    if _latin_ok(char):
        return latin
    if ord(char) in _cjk_chars():
        return CJK
    return latin


def printable(text: str) -> str:
    """``text`` as printed: superscript and subscript digits no font here carries written plainly (×10^9/L)."""
    return text.translate(_SUBSTITUTES)


@lru_cache(maxsize=16384)
def runs(text: str, *, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` cut into (font name, piece) runs, each piece drawable in its font."""
    return tuple(_runs(text, bold=bold))


def _runs(text: str, *, bold: bool) -> Iterator[tuple[str, str]]:
    latin = LATIN_BOLD if bold else LATIN
    text = printable(text)
    current, piece = "", list[str]()
    for char in text:
        font = _font_of(char, latin)
        if char == " " and current:
            font = current  # a space keeps the run it is in
        if font != current and piece:
            yield current, "".join(piece)
            piece = []
        current = font
        piece.append(char if font != latin or _latin_ok(char) else "?")  # no font has it
    if piece:
        yield current, "".join(piece)


@lru_cache(maxsize=16384)
def width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size``."""
    return float(sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, bold=bold)))


def draw(canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
         align: str = "left") -> float:
    """Draw ``text`` with its baseline at ``y``; ``align`` left, right or centre about ``x``. Returns its width."""
    total = width(text, size, bold=bold)
    if align == "right":
        x -= total
    elif align == "centre":
        x -= total / 2
    for font, piece in runs(text, bold=bold):
        if (canvas._fontname, canvas._fontsize) != (font, size):  # each setFont writes to the page
            canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, font, size)
    return total


def wrap(text: str, size: float, max_width: float, *, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``max_width``: at spaces, or between Chinese characters."""
    return list(_wrap(text, size, max_width, bold))


@lru_cache(maxsize=8192)
def _wrap(text: str, size: float, max_width: float, bold: bool) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _WORD.findall(paragraph):
            candidate = line + token
            if not line or width(candidate, size, bold=bold) <= max_width:
                line = candidate
                if width(line, size, bold=bold) > max_width and not token.isspace():
                    lines += _hard_break(line, size, max_width, bold=bold)[:-1]
                    line = _hard_break(line, size, max_width, bold=bold)[-1]
                continue
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
            if width(line, size, bold=bold) > max_width:
                broken = _hard_break(line, size, max_width, bold=bold)
                lines += broken[:-1]
                line = broken[-1]
        lines.append(line.rstrip())
    return tuple(lines)


def _hard_break(text: str, size: float, max_width: float, *, bold: bool) -> list[str]:
    """A word longer than the line, cut where it must be (a long code, a URL)."""
    parts, line = [], ""
    for char in text:
        if line and width(line + char, size, bold=bold) > max_width:
            parts.append(line)
            line = ""
        line += char
    return [*parts, line]
