"""The casebook's pages that are not forms: the cover (subject and site boxes, what the book holds) and
titled tables (derived outcomes, the audit appendix), whose rows wrap and flow over as many pages as needed
with the column titles repeated."""

from __future__ import annotations

from reportlab.lib.colors import black  # type: ignore[import-untyped]

from crf_desktop.pdf import fonts, words
from crf_desktop.pdf.document import CoverPart, TablePart
from crf_desktop.pdf.page import CONTENT_WIDTH, GREY, LEFT, LIGHT, PageContext, Writer
from crf_desktop.pdf.words import lines, say

CELL_SIZE, CELL_LEAD, PAD = 7.0, 8.4, 2.0
BOX_W, BOX_H = 16.0, 19.0


def render_cover(w: Writer, part: CoverPart) -> None:
    lang, c = w.lang, w.canvas
    w.start_part(PageContext(qr=part.qr))
    w.y -= 30
    for line in lines(part.title, lang):
        fonts.draw(c, LEFT + CONTENT_WIDTH / 2, w.y - 20, line, 20, bold=True, align="centre")
        w.y -= 28
    w.y -= 20
    for label, value in part.subject_lines:
        fonts.draw(c, LEFT + 20, w.y - 14, say(label, lang), 11)
        x = LEFT + 200
        if value:
            fonts.draw(c, x, w.y - 14, value, 12, bold=True)
        else:  # boxes to write in: one per character of a subject or site id
            c.setLineWidth(0.8)
            for n in range(8):
                c.rect(x + n * BOX_W, w.y - BOX_H, BOX_W, BOX_H)
        w.y -= BOX_H + 14
    if part.contents:
        w.y -= 20
        fonts.draw(c, LEFT + 20, w.y - 12, say(words.CONTENTS, lang), 11, bold=True)
        w.y -= 18
        for entry in part.contents:
            for line in fonts.wrap("•  " + say(entry, lang), 9.5, CONTENT_WIDTH - 40):
                w.need(13)
                fonts.draw(c, LEFT + 30, w.y - 10, line, 9.5)
                w.y -= 13


def _column_x(part: TablePart) -> list[float]:
    total = sum(part.widths)
    xs, x = [], LEFT
    for share in part.widths:
        xs.append(x)
        x += CONTENT_WIDTH * share / total
    return [*xs, LEFT + CONTENT_WIDTH]


def _cells(part: TablePart, xs: list[float], row: tuple[str, ...], *, bold: bool = False) -> list[list[str]]:
    return [fonts.wrap(text, CELL_SIZE, xs[n + 1] - xs[n] - 2 * PAD, bold=bold) for n, text in enumerate(row)]


def _draw_row(w: Writer, xs: list[float], cells: list[list[str]], *, bold: bool = False, shade: bool = False) -> None:
    height = CELL_LEAD * max(len(c) for c in cells) + 2 * PAD
    c = w.canvas
    if shade:
        c.setFillColor(LIGHT)
        c.rect(LEFT, w.y - height, CONTENT_WIDTH, height, fill=1, stroke=0)
        c.setFillColor(black)
    for n, cell in enumerate(cells):
        for k, line in enumerate(cell):
            fonts.draw(c, xs[n] + PAD, w.y - PAD - 7 - CELL_LEAD * k, line, CELL_SIZE, bold=bold)
    c.setStrokeColor(LIGHT)
    c.setLineWidth(0.5)
    c.line(LEFT, w.y - height, LEFT + CONTENT_WIDTH, w.y - height)
    c.setStrokeColor(black)
    w.y -= height


def render_table(w: Writer, part: TablePart) -> None:
    lang, c = w.lang, w.canvas
    w.start_part(PageContext(qr=part.qr, form_title=part.title))
    if part.note is not None:
        c.setFillColor(GREY)
        for text in lines(part.note, lang):
            for line in fonts.wrap(text, 8, CONTENT_WIDTH):
                w.need(10)
                fonts.draw(c, LEFT, w.y - 8, line, 8)
                w.y -= 10
        c.setFillColor(black)
        w.y -= 4
    xs = _column_x(part)
    titles = tuple(say(t, lang) for t in part.columns)
    head = _cells(part, xs, titles, bold=True)
    _draw_row(w, xs, head, bold=True, shade=True)
    if not part.rows:
        fonts.draw(c, LEFT + PAD, w.y - 10, say(part.empty, lang), 8.5)
        w.y -= 14
    for row in part.rows:
        cells = _cells(part, xs, row)
        height = CELL_LEAD * max(len(x) for x in cells) + 2 * PAD
        if w.need(height):
            _draw_row(w, xs, head, bold=True, shade=True)
        _draw_row(w, xs, cells)
