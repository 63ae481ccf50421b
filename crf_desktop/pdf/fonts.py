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
from crf_desktop.pdf.text_ops import set_font, show, show_stroked

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
SYMBOL = "Symbol"
CJK = "DroidSansFallback"
CJK_FILE = ("fonts", "DroidSansFallbackFull.ttf")
#: The shift of a run: on the baseline, raised (superscript) or lowered (subscript).
BASELINE, SUPERSCRIPT, SUBSCRIPT = 0, 1, -1
SCRIPT_SCALE = 0.7
_SCRIPT_RISE = {BASELINE: 0.0, SUPERSCRIPT: 0.36, SUBSCRIPT: -0.14}
#: Droid Sans Fallback has no bold face: bold Chinese is filled and stroked with a line this share of the size.
FAKE_BOLD = 0.035

Run = tuple[str, str, int]  # (font name, piece, shift)

#: Characters neither Helvetica (WinAnsi), Symbol nor the CJK font carry, written in plain letters.
_SUBSTITUTES = str.maketrans({"✓": "+", "✗": "x", "\u00a0": " "})
#: Superscript and subscript characters no bundled font carries (¹ ² ³ are in Helvetica): set as small raised
#: (or lowered) Helvetica characters, so ×10⁹/L prints as on the screen, not as ×10^9/L.
_SCRIPTS = {**{c: (d, SUPERSCRIPT) for c, d in zip("⁰⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾", "0456789+-=()", strict=True)},
            **{c: (d, SUBSCRIPT) for c, d in zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", "0123456789+-=()", strict=True)}}
_UNSCRIPT = {(shift, plain): char for char, (plain, shift) in _SCRIPTS.items()}
_SYMBOL_CHARS = frozenset("αβγδεμπσ≥≤≠−→←↑↓∞√≈")  # ± × ÷ ° are in Helvetica (WinAnsi)
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
    """``text`` with the few characters no font here carries written plainly (✓ as +)."""
    return text.translate(_SUBSTITUTES)


@lru_cache(maxsize=16384)
def runs(text: str, *, bold: bool = False) -> tuple[Run, ...]:
    """``text`` cut into (font name, piece, shift) runs, each piece drawable in its font; a shifted piece
    (:data:`SUPERSCRIPT`, :data:`SUBSCRIPT`) is set at :data:`SCRIPT_SCALE` of the size."""
    return tuple(_runs(text, bold=bold))


def _runs(text: str, *, bold: bool) -> Iterator[Run]:
    latin = LATIN_BOLD if bold else LATIN
    text = printable(text)
    if text.isascii():  # most text: one Helvetica run
        if text:
            yield latin, text, BASELINE
        return
    current, shift, piece = "", BASELINE, list[str]()
    for char in text:
        font, char_shift, char = _placed(char, latin)
        if char == " " and current and shift == BASELINE:
            font = current  # a space keeps the run it is in
        if (font, char_shift) != (current, shift) and piece:
            yield current, "".join(piece), shift
            piece = []
        current, shift = font, char_shift
        piece.append(char)
    if piece:
        yield current, "".join(piece), shift


@lru_cache(maxsize=8192)
def _placed(char: str, latin: str) -> tuple[str, int, str]:
    """(font, shift, character drawn) of one character: "?" when no font has it."""
    plain, shift = _SCRIPTS.get(char, (char, BASELINE))
    if shift != BASELINE:
        return latin, shift, plain
    font = _font_of(char, latin)
    return font, BASELINE, char if font != latin or _latin_ok(char) else "?"


def actual_text(piece: str, shift: int) -> str:
    """The PDF string (UTF-16BE, hex) of the superscript or subscript characters a shifted ``piece`` sets."""
    original = "".join(_UNSCRIPT[shift, char] for char in piece)
    return f"<FEFF{original.encode('utf-16-be').hex().upper()}>"


def run_size(size: float, shift: int) -> float:
    """The font size of a run of ``shift`` in text of ``size``."""
    return size if shift == BASELINE else size * SCRIPT_SCALE


def run_rise(size: float, shift: int) -> float:
    """How far above the baseline a run of ``shift`` sits in text of ``size``."""
    return size * _SCRIPT_RISE[shift]


@lru_cache(maxsize=16384)
def width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size``."""
    return float(sum(pdfmetrics.stringWidth(piece, font, run_size(size, shift))
                     for font, piece, shift in runs(text, bold=bold)))


def draw(canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
         align: str = "left") -> float:
    """Draw ``text`` with its baseline at ``y``; ``align`` left, right or centre about ``x``. Returns its width.
    Bold Chinese (no bold face in the font) is filled and outlined in the fill colour, a little heavier."""
    total, placed = _placed_runs(text, size, bold)
    if align == "right":
        x -= total
    elif align == "centre":
        x -= total / 2
    for font, piece, piece_size, shift, rise, offset in placed:
        if bold and font == CJK:
            _fake_bold(canvas, x + offset, y, piece, piece_size)
            continue
        if canvas._fontname != font or canvas._fontsize != piece_size:  # each setFont writes to the page
            set_font(canvas, font, piece_size)
        if shift == BASELINE:
            show(canvas, x + offset, y, piece)
        else:  # copied or searched as the characters it stands for (⁹, not 9)
            canvas.addLiteral(f"/Span <</ActualText {actual_text(piece, shift)}>> BDC")
            show(canvas, x + offset, y + rise, piece)
            canvas.addLiteral("EMC")
    return total


@lru_cache(maxsize=16384)
def _placed_runs(text: str, size: float, bold: bool) -> tuple[float, tuple[tuple[str, str, float, int, float, float],
                                                                            ...]]:
    """The width of ``text`` and its runs as drawn: (font, piece, size, shift, rise, offset from the start)."""
    placed, offset = [], 0.0
    for font, piece, shift in runs(text, bold=bold):
        piece_size = run_size(size, shift)
        placed.append((font, piece, piece_size, shift, run_rise(size, shift), offset))
        offset += pdfmetrics.stringWidth(piece, font, piece_size)
    return width(text, size, bold=bold), tuple(placed)


def _fake_bold(canvas: Canvas, x: float, y: float, piece: str, size: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(canvas._fillColorObj)
    canvas.setLineWidth(size * FAKE_BOLD)
    show_stroked(canvas, x, y, piece, CJK, size)
    canvas.restoreState()


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
