"""Text written straight into the page's content stream: the PDF operators reportlab's ``Canvas.setFont`` and
``Canvas.drawString`` write, without the work they do around them.

A casebook draws some 40,000 pieces of text. For each, ``drawString`` measures the text (and throws the width
away), builds a ``PDFTextObject`` and formats the text through it: a third of a casebook's time. :func:`show`
writes the same bytes (``BT``, the text matrix, the font of each TrueType subset, ``Tj``, ``T*``, ``ET``) from
the same reportlab functions (``fp_str``, ``unicode2T1``, ``TTFont.splitString``, the canvas's escaping), and
keeps what it wrote for each text for the rest of the document: a casebook draws each text about seven times
(field labels at every visit, column titles, page headers). The operators of a text depend on the document
only through the TrueType glyph codes the text was given in it, which never change.
``tests/pdf/test_text_ops.py`` holds these functions to reportlab's own byte for byte.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str, unicode2T1  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]


def set_font(canvas: Canvas, font_name: str, size: float) -> None:
    """``canvas.setFont(font_name, size)``: the same state and operators."""
    leading = size * 1.2
    canvas._fontname, canvas._fontsize, canvas._leading = font_name, size, leading
    font = pdfmetrics.getFont(font_name)
    if font._dynamicFont or not (font.face.builtIn or not getattr(canvas, "_drawTextAsPath", False)):
        return  # a TrueType font is named by each text that uses it
    known: dict[tuple[str, float], str] = _known(canvas, "_crf_fonts")
    operator = known.get((font_name, size))
    if operator is None:
        name = canvas._doc.getInternalFontName(font_name)
        operator = known[font_name, size] = f"BT {name} {fp_str(size)} Tf {fp_str(leading)} TL ET"
    canvas._code.append(operator)


def show(canvas: Canvas, x: float, y: float, text: str) -> None:
    """``canvas.drawString(x, y, text)`` in the canvas's current font and size: the same operators."""
    key = (text, canvas._fontname, canvas._fontsize, canvas._leading)
    try:
        operators = canvas._crf_operators[key]
    except (AttributeError, KeyError):
        operators = _cached(canvas, *key)
    canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {operators} T* ET")


def show_stroked(canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float) -> None:
    """``text`` in ``font_name`` filled and then stroked (text render mode 2) with the current colours and line
    width, as a text object given that mode and font writes it; the canvas's font is left as it was."""
    operators = _cached(canvas, text, font_name, size, size * 1.2)
    canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm 2 Tr {operators} ET")


def _known(canvas: Canvas, name: str) -> dict[Any, str]:
    """The canvas's own dictionary ``name`` of operators already written (made on first use)."""
    known: dict[Any, str] | None = getattr(canvas, name, None)
    if known is None:
        known = {}
        setattr(canvas, name, known)
    return known


def _cached(canvas: Canvas, text: str, font_name: str, size: float, leading: float) -> str:
    """The operators of ``text`` in the font, size and leading, written once per document."""
    known: dict[tuple[str, str, float, float], str] = _known(canvas, "_crf_operators")
    key = (text, font_name, size, leading)
    operators = known.get(key)
    if operators is None:
        operators = known[key] = _operators(canvas, font_name, size, leading, text)
    return operators


def _operators(canvas: Canvas, font_name: str, size: float, leading: float, text: str) -> str:
    """What reportlab's ``PDFTextObject._formatText`` writes for ``text`` (not shaped, no bidi)."""
    font = pdfmetrics.getFont(font_name)
    escape, doc = canvas._escape, canvas._doc
    found: list[str] = []
    if font._dynamicFont:  # TrueType: each subset of 256 glyphs is a font of its own
        subset_font = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        current = -1
        for subset, piece in font.splitString(text, doc):
            if subset != current:
                found.append(f"{font.getSubsetInternalName(subset, doc)} {subset_font}")
                current = subset
            found.append(f"({escape(piece)}) Tj")
        return " ".join(found)
    if font._multiByte:  # a CID font: none is used here, but write what reportlab would
        found.append(f"{doc.getInternalFontName(font.fontName)} {fp_str(size)} Tf {fp_str(leading)} TL")
        found.append(f"({font.formatForPdf(text)}) Tj")
        return " ".join(found)
    shown = font
    for used, piece in unicode2T1(text, [font, *font.substitutionFonts]):
        if used != shown:
            found.append(f"{doc.getInternalFontName(used.fontName)} {fp_str(size)} Tf {fp_str(leading)} TL")
            shown = used
        found.append(f"({escape(piece)}) Tj")
    if shown != font:
        found.append(f"{doc.getInternalFontName(font.fontName)} {fp_str(size)} Tf {fp_str(leading)} TL")
    return " ".join(found)
