"""The subject's trend chart drawn with QPainter: one small panel per series (UPCR, eGFR, albumin, C3, C4,
anti-dsDNA, SLEDAI-2K, PhGA), visits along the x axis, points joined by lines, every value written beside its
point, missing visits skipped (a dashed line bridges a gap so the eye still follows the series).

The data is :class:`crf_desktop.forms.outcomes.trend.TrendChart`, the same definition the PDF renders; only the
drawing lives here.
"""

from __future__ import annotations

from crf_desktop.forms.outcomes.trend import TrendChart, TrendSeries, chart_value_text, short_visit
from crf_desktop.ui import language
from crf_desktop.ui.language import translate
from crf_desktop.ui.qt import QColor, QFont, QPainter, QPaintEvent, QPen, QPointF, QRectF, QSize, Qt, QWidget

PANEL_HEIGHT = 150
MIN_PANEL_WIDTH = 300
GAP = 14
LINE = QColor("#1f5fa8")
GRID = QColor("#d8dde3")
TEXT = QColor("#1a1a1a")
MUTED = QColor("#666666")


class TrendChartWidget(QWidget):
    """Draws a :class:`TrendChart`; ``set_chart(None)`` shows a note instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: TrendChart | None = None
        self.setAccessibleName("trend chart")
        self.setMinimumWidth(2 * MIN_PANEL_WIDTH + GAP)

    def set_chart(self, chart: TrendChart | None) -> None:
        self.chart = chart
        self.updateGeometry()
        self.update()

    # -- geometry -----------------------------------------------------------------------------------------
    def columns(self, width: int | None = None) -> int:
        width = self.width() if width is None else width
        return max(1, min(4, (width + GAP) // (MIN_PANEL_WIDTH + GAP)))

    def rows(self, width: int | None = None) -> int:
        count = len(self.chart.series) if self.chart is not None else 0
        return max(1, -(-count // self.columns(width)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.rows(width) * (PANEL_HEIGHT + GAP)

    def sizeHint(self) -> QSize:
        return QSize(4 * (MIN_PANEL_WIDTH + GAP), self.heightForWidth(4 * (MIN_PANEL_WIDTH + GAP)))

    def minimumSizeHint(self) -> QSize:
        return QSize(2 * MIN_PANEL_WIDTH + GAP, self.heightForWidth(2 * MIN_PANEL_WIDTH + GAP))

    def panel_rects(self) -> list[QRectF]:
        """Where each series' panel sits (also what tests read)."""
        if self.chart is None:
            return []
        columns = self.columns()
        width = (self.width() - (columns - 1) * GAP) / columns
        return [QRectF((n % columns) * (width + GAP), (n // columns) * (PANEL_HEIGHT + GAP), width, PANEL_HEIGHT)
                for n in range(len(self.chart.series))]

    # -- drawing ------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.chart is None or not self.chart.visits:
            painter.setPen(MUTED)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                             translate("TrendChart", "No visit with values recorded yet."))
            painter.end()
            return
        for series, rect in zip(self.chart.series, self.panel_rects(), strict=True):
            self._panel(painter, series, rect)
        painter.end()

    def _panel(self, painter: QPainter, series: TrendSeries, rect: QRectF) -> None:
        assert self.chart is not None  # noqa: S101 - paintEvent checked it
        lang = language.current()
        painter.setPen(QPen(GRID, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        metrics = painter.fontMetrics()
        title_height = metrics.height() + 6
        title = f"{series.name.get(lang)}  ({series.unit.get(lang)})"
        painter.drawText(QRectF(rect.left() + 8, rect.top() + 4, rect.width() - 16, title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(rect.width() - 16)))
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        axis_height = metrics.height() + 4
        plot = QRectF(rect.left() + 6, rect.top() + title_height + metrics.height() + 8,
                      rect.width() - 12, rect.height() - title_height - axis_height - metrics.height() - 18)
        count = len(self.chart.visits)
        slot = plot.width() / count  # each visit owns an equal slot; its point and label sit in the middle
        xs = [plot.left() + (n + 0.5) * slot for n in range(count)]
        labels = [label.get(lang) for label in self.chart.visit_labels]
        if any(metrics.horizontalAdvance(text) > slot - 4 for text in labels):
            labels = [short_visit(code, lang) for code in self.chart.visits]
        painter.setPen(MUTED)
        for x, text in zip(xs, labels, strict=True):
            painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(MUTED)
            painter.drawText(QRectF(x - slot / 2, plot.bottom() + 6, slot, axis_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        present = [(n, float(v)) for n, v in enumerate(series.values) if v is not None]
        if not present:
            painter.setPen(MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, translate("TrendChart", "not recorded"))
            return
        low, high = min(v for _, v in present), max(v for _, v in present)
        if high == low:
            low, high = low - 1.0, high + 1.0
        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        points = [(n, QPointF(xs[n], y_of(v))) for n, v in present]
        for (n_a, a), (n_b, b) in zip(points, points[1:], strict=False):
            style = Qt.PenStyle.SolidLine if n_b == n_a + 1 else Qt.PenStyle.DashLine
            painter.setPen(QPen(LINE, 2, style))
            painter.drawLine(a, b)
        painter.setBrush(LINE)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        for _, point in points:
            painter.drawEllipse(point, 4.5, 4.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(TEXT)
        for n, point in points:
            text = chart_value_text(series.values[n])
            width = metrics.horizontalAdvance(text) + 4
            box = QRectF(point.x() - width / 2, point.y() - metrics.height() - 6, width, metrics.height())
            box.moveLeft(min(max(box.left(), rect.left() + 2), rect.right() - width - 2))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
