"""A subject's adverse events on a timeline (issue 6 item 5): one row per event, a bar from onset to resolution
(to today while ongoing, with an open end), coloured by CTCAE grade, serious events marked ★ and outlined.

The data is :func:`crf_desktop.services.ae_summary.subject_ae_timeline`; only the drawing lives here. Keyboard:
Up/Down choose an event, Enter opens it (:attr:`entry_requested` with its AE log number); so does a double-click.
The rows are also given as text (:meth:`rows_text`, the accessible description) for screen readers and tests.
"""

from __future__ import annotations

from datetime import date

from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.dates import display_date
from crf_desktop.services.ae_summary import AeBar
from crf_desktop.ui import language
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import (
    QColor,
    QEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
)

ROW = 26
LABEL_WIDTH = 300
AXIS = 24
MARGIN = 8
#: Grade colours (1 mild → 5 death), chosen to stay distinct in grey scale too.
GRADE_COLOURS = {1: QColor("#8cc084"), 2: QColor("#f2c14e"), 3: QColor("#f08a24"), 4: QColor("#d1342f"),
                 5: QColor("#3b0a0a")}
NO_GRADE = QColor("#b8bec6")
TEXT = QColor("#1a1a1a")
MUTED = QColor("#666666")
SELECTED = QColor("#dbe8fb")


def bar_label(bar: AeBar, lang: str) -> str:
    """``#2 Lung infection · G3 ★``."""
    name = term_text(bar.term).get(lang)
    if bar.specify:
        name = f"{name}: {bar.specify}"
    grade = f" · G{bar.grade}" if bar.grade is not None else ""
    return f"#{bar.ae_no} {name}{grade}{' ★' if bar.serious else ''}"


class AeTimeline(QWidget):
    """Draws the bars of :meth:`set_bars`; ``today`` closes the ongoing ones."""

    entry_requested = Signal(int)  # AE log number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[AeBar, ...] = ()
        self.today = date.today()  # noqa: DTZ011 - replaced by the session's date in set_bars
        self.current = -1
        self.setAccessibleName("adverse event timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(LABEL_WIDTH + 300)

    def set_bars(self, bars: tuple[AeBar, ...], today: date) -> None:
        self.bars, self.today = bars, today
        self.current = 0 if bars and self.current < 0 else min(self.current, len(bars) - 1)
        self.setAccessibleDescription("\n".join(self.rows_text()))
        self.updateGeometry()
        self.update()

    # -- text -------------------------------------------------------------------------------------------
    def rows_text(self) -> list[str]:
        """One line per event: label, dates, ongoing."""
        lang = language.current()
        lines = []
        for bar in self.bars:
            end = display_date(bar.end) if bar.end is not None else translate("AeTimeline", "ongoing")
            lines.append(fill(translate("AeTimeline", "%1: %2 – %3"), bar_label(bar, lang), display_date(bar.start),
                              end))
        return lines

    # -- geometry ---------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + 600, AXIS + MARGIN * 2 + ROW * max(1, len(self.bars)) + ROW)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + 300, AXIS + MARGIN * 2 + ROW * max(1, len(self.bars)) + ROW)

    def span(self) -> tuple[date, date]:
        start = min(b.start for b in self.bars)
        end = max([self.today, *(b.end for b in self.bars if b.end is not None)])
        return start, end if end > start else start

    def bar_rect(self, index: int) -> QRectF:
        bar = self.bars[index]
        start, end = self.span()
        days = max(1, (end - start).days + 1)
        left, width = LABEL_WIDTH, max(50, self.width() - LABEL_WIDTH - MARGIN)
        x0 = left + width * (bar.start - start).days / days
        x1 = left + width * (((bar.end or self.today) - start).days + 1) / days
        top = MARGIN + AXIS + index * ROW + 4
        return QRectF(x0, top, max(4.0, x1 - x0), ROW - 8)

    # -- drawing ----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lang = language.current()
        if not self.bars:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             translate("AeTimeline", "No adverse events recorded."))
            return
        start, end = self.span()
        painter.setPen(MUTED)
        painter.drawText(QRectF(LABEL_WIDTH, MARGIN, 200, AXIS), Qt.AlignmentFlag.AlignLeft, display_date(start))
        painter.drawText(QRectF(self.width() - 200 - MARGIN, MARGIN, 200, AXIS), Qt.AlignmentFlag.AlignRight,
                         display_date(end))
        for index, bar in enumerate(self.bars):
            rect = self.bar_rect(index)
            row = QRectF(0, rect.top() - 4, self.width(), ROW)
            if index == self.current and self.hasFocus():
                painter.fillRect(row, SELECTED)
            font = QFont(self.font())
            font.setBold(bar.serious)
            painter.setFont(font)
            painter.setPen(TEXT)
            painter.drawText(QRectF(MARGIN, row.top(), LABEL_WIDTH - 2 * MARGIN, ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(bar_label(bar, lang), Qt.TextElideMode.ElideRight,
                                                              LABEL_WIDTH - 2 * MARGIN))
            colour = GRADE_COLOURS.get(bar.grade or 0, NO_GRADE)
            painter.setPen(QPen(QColor("#000000"), 2.0) if bar.serious else QPen(colour.darker(130), 1.0))
            painter.setBrush(colour)
            painter.drawRect(rect)
            if bar.ongoing:  # an open end: an arrow head at today
                painter.setPen(QPen(TEXT, 1.5))
                tip = rect.right()
                mid = rect.center().y()
                painter.drawLine(int(tip), int(mid), int(tip - 6), int(rect.top()))
                painter.drawLine(int(tip), int(mid), int(tip - 6), int(rect.bottom()))
        self._legend(painter)

    def _legend(self, painter: QPainter) -> None:
        top = MARGIN + AXIS + len(self.bars) * ROW + 4
        x = float(LABEL_WIDTH)
        painter.setFont(self.font())
        for grade, colour in GRADE_COLOURS.items():
            painter.setPen(QPen(colour.darker(130), 1.0))
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, top + 4, 14, 12))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + 18, top, 50, ROW - 4), Qt.AlignmentFlag.AlignVCenter, f"G{grade}")
            x += 62
        painter.drawText(QRectF(x, top, 260, ROW - 4), Qt.AlignmentFlag.AlignVCenter,
                         translate("AeTimeline", "★ serious (outlined)  ▸ ongoing"))

    # -- keyboard and mouse -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.bars and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.current = max(0, min(len(self.bars) - 1, self.current + step))
            self.update()
            return
        if self.bars and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current >= 0:
            self.entry_requested.emit(self.bars[self.current].ae_no)
            return
        super().keyPressEvent(event)

    def row_at(self, y: float) -> int:
        index = int((y - MARGIN - AXIS) // ROW)
        return index if 0 <= index < len(self.bars) else -1

    def mouseDoubleClickEvent(self, event: QEvent) -> None:
        index = self.row_at(event.position().y())  # type: ignore[attr-defined]
        if index >= 0:
            self.current = index
            self.entry_requested.emit(self.bars[index].ae_no)
