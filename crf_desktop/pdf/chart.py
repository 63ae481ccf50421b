"""The subject's trend chart on paper, drawn with reportlab graphics from the same
:class:`~crf_desktop.forms.outcomes.trend.TrendChart` the screen draws (``ui/trend_chart_widget.py``), the same
way: one small panel per series, visits along the x axis in equal slots, points joined by lines (dashed across a
visit without a value), every value written above its point, "not recorded" for a series without values."""

from __future__ import annotations

from reportlab.graphics import renderPDF  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String  # type: ignore[import-untyped]
from reportlab.lib.colors import Color, white  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from crf_desktop.forms.outcomes.trend import TrendChart, TrendSeries, chart_value_text, short_visit
from crf_desktop.pdf import fonts, words
from crf_desktop.pdf.document import ChartPart
from crf_desktop.pdf.page import CONTENT_WIDTH, LEFT, PageContext, Writer
from crf_desktop.pdf.words import say

COLUMNS = 2
PANEL_HEIGHT = 132.0
GAP = 12.0
LINE = Color(0x1F / 255, 0x5F / 255, 0xA8 / 255)
GRID = Color(0xD8 / 255, 0xDD / 255, 0xE3 / 255)
TEXT = Color(0.1, 0.1, 0.1)
MUTED = Color(0.4, 0.4, 0.4)


def _string(x: float, y: float, text: str, size: float, *, colour: Color = TEXT, anchor: str = "start",
            bold: bool = False) -> list[String]:
    """Mixed-script text as graphics strings, one per font run."""
    total = fonts.width(text, size, bold=bold)
    x -= total / 2 if anchor == "middle" else 0
    found = []
    for font, piece, shift in fonts.runs(text, bold=bold):
        piece_size = fonts.run_size(size, shift)
        found.append(String(x, y + fonts.run_rise(size, shift), piece, fontName=font, fontSize=piece_size,
                            fillColor=colour))
        x += pdfmetrics.stringWidth(piece, font, piece_size)
    return found


def _panel(drawing: Drawing, chart: TrendChart, series: TrendSeries, x: float, y: float, width: float,
           lang: str) -> None:
    chart_lang = "en" if lang == "both" else lang
    drawing.add(Rect(x, y, width, PANEL_HEIGHT, rx=4, ry=4, strokeColor=GRID, fillColor=None, strokeWidth=1))
    title = f"{say(series.name, lang)}  ({series.unit.get(chart_lang)})"
    for s in _string(x + 8, y + PANEL_HEIGHT - 14, title, 8.5, bold=True):
        drawing.add(s)
    plot_left, plot_right = x + 6, x + width - 6
    plot_bottom, plot_top = y + 20, y + PANEL_HEIGHT - 34
    count = len(chart.visits)
    slot = (plot_right - plot_left) / count
    xs = [plot_left + (n + 0.5) * slot for n in range(count)]
    labels = [label.get(chart_lang) for label in chart.visit_labels]
    if any(fonts.width(text, 7) > slot - 4 for text in labels):
        labels = [short_visit(code, chart_lang) for code in chart.visits]
    for px, text in zip(xs, labels, strict=True):
        drawing.add(Line(px, plot_bottom, px, plot_top, strokeColor=GRID, strokeWidth=0.6, strokeDashArray=[1, 2]))
        for s in _string(px, y + 8, text, 7, colour=MUTED, anchor="middle"):
            drawing.add(s)
    present = [(n, float(v)) for n, v in enumerate(series.values) if v is not None]
    if not present:
        for s in _string(x + width / 2, (plot_top + plot_bottom) / 2, say(words.CHART_NOT_RECORDED, lang), 8,
                         colour=MUTED, anchor="middle"):
            drawing.add(s)
        return
    low, high = min(v for _, v in present), max(v for _, v in present)
    if high == low:
        low, high = low - 1.0, high + 1.0

    def y_of(value: float) -> float:
        return plot_bottom + (value - low) / (high - low) * (plot_top - plot_bottom)

    points = [(n, xs[n], y_of(v)) for n, v in present]
    for (n_a, xa, ya), (n_b, xb, yb) in zip(points, points[1:], strict=False):
        dash = None if n_b == n_a + 1 else [4, 3]
        drawing.add(Line(xa, ya, xb, yb, strokeColor=LINE, strokeWidth=1.6, strokeDashArray=dash))
    for _, px, py in points:
        drawing.add(Circle(px, py, 3.2, fillColor=LINE, strokeColor=white, strokeWidth=1))
    for n, px, py in points:
        text = chart_value_text(series.values[n])
        half = fonts.width(text, 7) / 2 + 2
        px = min(max(px, x + half), x + width - half)
        for s in _string(px, py + 6, text, 7, anchor="middle"):
            drawing.add(s)


def render_chart(w: Writer, part: ChartPart) -> None:
    chart, lang = part.chart, w.lang
    w.start_part(PageContext(qr=part.qr, form_title=chart.title))
    if not chart.visits:
        fonts.draw(w.canvas, LEFT, w.y - 14, say(words.CHART_NO_VISITS, lang), 10)
        return
    width = (CONTENT_WIDTH - (COLUMNS - 1) * GAP) / COLUMNS
    rows = -(-len(chart.series) // COLUMNS)
    n = 0
    for _ in range(rows):
        w.need(PANEL_HEIGHT + GAP)
        drawing = Drawing(CONTENT_WIDTH, PANEL_HEIGHT)
        for column in range(COLUMNS):
            if n < len(chart.series):
                _panel(drawing, chart, chart.series[n], column * (width + GAP), 0, width, lang)
                n += 1
        renderPDF.draw(drawing, w.canvas, LEFT, w.y - PANEL_HEIGHT)
        w.y -= PANEL_HEIGHT + GAP
