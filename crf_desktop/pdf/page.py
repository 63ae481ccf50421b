"""The page: what every page carries (study, protocol, site, subject, visit, form and version, page X of Y,
printed by and at, the wet-signature block, electronic signatures, the QR code) and a writer that flows
content down the space between, starting a new page when it is full.

"Page X of Y" needs the page count, known only at the end: each finished page is kept (reportlab's usual
numbered-canvas recipe) and the numbers are written when the document is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import zxingcpp
from PIL import Image
from reportlab.lib.colors import Color, black, white  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from crf_desktop.forms.model import Text
from crf_desktop.pdf import fonts, words
from crf_desktop.pdf.content import QrPayload
from crf_desktop.pdf.document import Header, SignatureMark
from crf_desktop.pdf.words import lines, say

PAGE_WIDTH: float = A4[0]
PAGE_HEIGHT: float = A4[1]
MARGIN = 34.0
LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
CONTENT_WIDTH = RIGHT - LEFT
QR_SIZE = 78.0
GREY = Color(0.4, 0.4, 0.4)
LIGHT = Color(0.9, 0.92, 0.95)
RED = Color(0.7, 0.05, 0.05)
#: The wet-signature block: a title line and three rows (printed name, signature, date) of 16 points.
WET_BLOCK_HEIGHT = 16.0 * 3 + 14
FRAME_FORM = "crfFrame"


@dataclass(frozen=True, kw_only=True)
class PageContext:
    """What the frame of a page shows besides the header: the part's reference and labels."""

    qr: QrPayload
    visit_label: Text | None = None
    form_title: Text | None = None
    status_line: str = ""
    signatures: tuple[SignatureMark, ...] = ()


@lru_cache(maxsize=64)
def qr_image(text: str) -> ImageReader:
    """The QR code of ``text`` (error correction M, four-module quiet zone) as a grey-scale image, 4 pixels a
    module so no viewer blurs it. zxing-cpp encodes in about 1 ms where reportlab's pure-Python encoder
    (``reportlab.graphics.barcode.qr``) takes 20-70 ms, too slow for a 40-page casebook in a second."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    return ImageReader(Image.fromarray(code.to_image(scale=4, add_quiet_zones=True)))


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The QR code of ``text``, ``size`` points square, its lower left corner at (x, y)."""
    canvas.drawImage(qr_image(text), x, y, size, size)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until :meth:`save`, then writes "Page X of Y" on each."""

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept: list[dict[str, Any]] = []
        self._lang = lang

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept)
        for number, state in enumerate(self._kept, 1):
            self.__dict__.update(state)
            text = say(words.PAGE, self._lang).format(n=number, total=total)
            self.setFillColor(black)
            fonts.draw(self, RIGHT, MARGIN - 14, text, 9, bold=True, align="right")
            super().showPage()
        super().save()

    @property
    def page_count(self) -> int:
        return len(self._kept)


class Writer:
    """Flows content down the pages of one document: ``need(h)`` before drawing ``h`` points at ``y``."""

    def __init__(self, canvas: NumberedCanvas, header: Header, document_signatures: tuple[SignatureMark, ...]) -> None:
        self.canvas = canvas
        self.header = header
        self.lang = header.lang
        self.document_signatures = document_signatures
        self.context: PageContext | None = None
        self._qr_text = ""  # the context's QR code text, made once per part
        self.y = 0.0
        self.bottom = 0.0
        self.page_open = False
        self._frame_drawn = False

    # -- pages ------------------------------------------------------------------------------------------
    def start_part(self, context: PageContext) -> None:
        """A new part begins on a new page."""
        self.finish_page()
        self.context = context
        self._qr_text = context.qr.text()
        self._open_page()

    def need(self, height: float) -> bool:
        """Make room for ``height`` points; True when that took a new page."""
        if self.y - height >= self.bottom:
            return False
        self.finish_page()
        self._open_page()
        return True

    def finish_page(self) -> None:
        if self.page_open:
            self.canvas.showPage()
            self.page_open = False

    def _open_page(self) -> None:
        assert self.context is not None  # noqa: S101 - start_part sets it
        self.page_open = True
        top = self._draw_header(self.context)
        self.bottom = self._draw_footer(self.context)
        self.y = top - 8

    # -- frame ------------------------------------------------------------------------------------------
    def _draw_header(self, context: PageContext) -> float:
        c, h, lang, ref = self.canvas, self.header, self.lang, context.qr.reference
        y = PAGE_HEIGHT - MARGIN
        c.setFillColor(black)
        protocol = f"{say(words.PROTOCOL, lang)} {h.protocol_no}"
        fonts.draw(c, RIGHT, y - 10, protocol, 9.5, bold=True, align="right")
        room = CONTENT_WIDTH - fonts.width(protocol, 9.5, bold=True) - 12
        titles = [part for text in lines(h.study_title, lang) for part in fonts.wrap(text, 10.5, room, bold=True)]
        for n, text in enumerate(titles):
            fonts.draw(c, LEFT, y - 10 - 12.5 * n, text, 10.5, bold=True)
        y -= 12.5 * (len(titles) - 1)
        parts = [f"{say(words.SITE, lang)} {h.site_id}"]
        parts.append(f"{say(words.SUBJECT, lang)} {ref.subject or '__________'}")
        if context.visit_label is not None:
            parts.append(f"{say(words.VISIT, lang)} {say(context.visit_label, lang)}")
        line = "   ·   ".join(parts)
        fonts.draw(c, LEFT, y - 25, line, 9)
        y -= 30
        if context.form_title is not None:
            title = say(context.form_title, lang)
            if ref.repeat_no:
                entry = f"{say(words.ENTRY, lang)} #{ref.repeat_no}"
                title += f"（{entry}）" if lang == "zh" else f"  ({entry})"
            if ref.form_version:
                version = f"{say(words.FORM, lang)} {ref.form} · {say(words.VERSION, lang)} {ref.form_version}"
            else:  # a casebook part: the casebook's version (the sum of its records' versions)
                version = f"{say(words.CASEBOOK, lang)} · {say(words.VERSION, lang)} {ref.record_version}"
            room = CONTENT_WIDTH - fonts.width(version, 8) - 12
            for n, text in enumerate(fonts.wrap(title, 12, room, bold=True)):
                fonts.draw(c, LEFT, y - 13 - 14 * n, text, 12, bold=True)
            c.setFillColor(GREY)
            fonts.draw(c, RIGHT, y - 12, version, 8, align="right")
            y -= 14 * len(fonts.wrap(title, 12, room, bold=True)) + 4
            if context.status_line:
                fonts.draw(c, RIGHT, y - 6, context.status_line, 8, align="right")
                y -= 10
            c.setFillColor(black)
        c.setLineWidth(0.8)
        c.line(LEFT, y - 2, RIGHT, y - 2)
        return y - 4

    def _draw_footer(self, context: PageContext) -> float:
        c = self.canvas
        base = MARGIN
        if not self._frame_drawn:  # the same on every page: drawn once, placed on each page as a form XObject
            c.beginForm(FRAME_FORM)
            self._draw_static_footer()
            c.endForm()
            self._frame_drawn = True
        c.doForm(FRAME_FORM)
        draw_qr(c, self._qr_text, RIGHT - QR_SIZE, base, QR_SIZE)  # bottom right
        top = base + max(WET_BLOCK_HEIGHT, QR_SIZE) + 4
        # electronic signatures above the block
        marks = context.signatures + self.document_signatures
        for mark in reversed(marks):
            top = self._signature_mark(mark, top)
        c.setLineWidth(0.8)
        c.line(LEFT, top + 2, RIGHT, top + 2)
        return top + 8

    def _draw_static_footer(self) -> None:
        """Who printed and when, and the wet-signature block (bottom left)."""
        c, lang, base = self.canvas, self.lang, MARGIN
        when = self.header.printed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        c.setFillColor(GREY)
        template = words.PRINTED_BOTH if lang == "both" else say(words.PRINTED, lang)
        fonts.draw(c, LEFT, base - 14, template.format(who=self.header.printed_by, when=when), 8)
        c.setFillColor(black)
        block_right = RIGHT - QR_SIZE - 14
        rows = (words.PRINTED_NAME, words.SIGNATURE, words.DATE)
        height = WET_BLOCK_HEIGHT
        c.setLineWidth(0.6)
        c.rect(LEFT, base, block_right - LEFT, height)
        fonts.draw(c, LEFT + 4, base + height - 10, say(words.WET_SIGNATURE, lang), 7.5, bold=True)
        label_width = max(fonts.width(say(r, lang), 8) for r in rows) + 10
        for n, row in enumerate(rows):
            y = base + height - 26 - 16 * n
            fonts.draw(c, LEFT + 4, y, say(row, lang), 8)
            c.setStrokeColor(GREY)
            c.line(LEFT + 4 + label_width, y - 2, block_right - 6, y - 2)
            c.setStrokeColor(black)

    @staticmethod
    def _signature_text(mark: SignatureMark, lang: str, *, with_signed: bool = True) -> str:
        """The manifestation in one language; a translated meaning keeps the wording signed (21 CFR 11.50)."""
        meaning = mark.meaning.get(lang)
        if with_signed and lang == "zh" and mark.meaning.zh != mark.meaning.en:
            meaning += f"（签署原文：{mark.meaning.en}）"
        text = say(words.E_SIGNED, lang).format(
            scope=say(mark.scope, lang), name=mark.printed_name, role=say(mark.role, lang),
            when=mark.signed_at.replace("T", " ")[:19], meaning=meaning)
        return text if mark.valid else f"{text} {say(words.E_SIGNATURE_VOID, lang)}"

    def _signature_mark(self, mark: SignatureMark, bottom: float) -> float:
        c, lang = self.canvas, self.lang
        if lang == "both":  # the English manifestation carries the wording signed
            text = f"{self._signature_text(mark, 'en')} / {self._signature_text(mark, 'zh', with_signed=False)}"
        else:
            text = self._signature_text(mark, lang)
        lines = fonts.wrap(text, 8, CONTENT_WIDTH - 8)
        height = 10.0 * len(lines) + 4
        c.setFillColor(LIGHT if mark.valid else white)
        c.setStrokeColor(black if mark.valid else RED)
        c.rect(LEFT, bottom, CONTENT_WIDTH, height, fill=1)
        c.setFillColor(black if mark.valid else RED)
        for n, line in enumerate(lines):
            fonts.draw(c, LEFT + 4, bottom + height - 10 - 10 * n, line, 8)
        c.setFillColor(black)
        c.setStrokeColor(black)
        return bottom + height + 3
