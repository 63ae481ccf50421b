"""Rendering a :class:`~crf_desktop.pdf.document.Document` to PDF bytes, part by part, with progress."""

from __future__ import annotations

import io

from reportlab import rl_config  # type: ignore[import-untyped]

from crf_desktop.pdf.chart import render_chart
from crf_desktop.pdf.document import Cancelled, ChartPart, CoverPart, Document, FormPart, Progress, TablePart
from crf_desktop.pdf.form_part import render_form
from crf_desktop.pdf.page import PAGE_HEIGHT, PAGE_WIDTH, NumberedCanvas, Writer
from crf_desktop.pdf.tables import render_cover, render_table
from crf_desktop.pdf.words import say


def render(document: Document, progress: Progress | None = None) -> tuple[bytes, int]:
    """The PDF of ``document`` and its page count; :class:`Cancelled` when ``progress`` returns False."""
    # the Chinese font is registered (about 0.2 s) by the first text that needs it: an English print never does
    ascii85, rl_config.useA85 = rl_config.useA85, 0  # binary streams: ASCII85 only adds size and time
    try:
        return _render(document, progress)
    finally:
        rl_config.useA85 = ascii85


def _render(document: Document, progress: Progress | None) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    header = document.header
    canvas = NumberedCanvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), lang=header.lang, pageCompression=1)
    canvas.setTitle(say(header.study_title, header.lang))
    canvas.setAuthor(header.printed_by)
    canvas.setSubject(f"{header.study_id} site {header.site_id}")
    canvas.setCreator("crf-desktop")
    writer = Writer(canvas, header, document.signatures)
    total = len(document.parts)
    for done, part in enumerate(document.parts, 1):
        if isinstance(part, FormPart):
            render_form(writer, part)
        elif isinstance(part, CoverPart):
            render_cover(writer, part)
        elif isinstance(part, TablePart):
            render_table(writer, part)
        elif isinstance(part, ChartPart):
            render_chart(writer, part)
        if progress is not None and not progress(done, total):
            raise Cancelled("printing was cancelled; nothing was written")
    writer.finish_page()
    pages = canvas.page_count
    canvas.save()
    return buffer.getvalue(), pages
