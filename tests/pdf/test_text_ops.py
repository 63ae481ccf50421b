"""The fast text path (issue 10: the casebook within 1 s) writes exactly what reportlab's own ``setFont``,
``drawString`` and text objects write, byte for byte, so a faster casebook prints the same pages; and what it
keeps per document never leaks into the next document."""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.lib.colors import Color, black  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from crf_desktop.pdf import fonts
from crf_desktop.pdf.text_ops import set_font, show, show_stroked
from crf_desktop.services.printing import PrintRequest, render_request
from crf_desktop.services.session import Session
from tests.conftest import FakeClock
from tests.pdf.conftest import RANDOMISED

#: 300 different Chinese characters: more than one 256-glyph subset of the embedded font, so a text crosses
#: from one subset font to the next.
MANY_HANZI = "".join(chr(0x4E00 + n) for n in range(0, 900, 3))
TEXTS = [
    (fonts.LATIN, 9, "Systolic blood pressure (mmHg) \\ 120"),
    (fonts.LATIN_BOLD, 12, "Baseline  (entry #2)"),
    (fonts.LATIN, 7.3, "Allowed 0.5–10.0 ×10³/µL; ±5 °C, café"),
    (fonts.SYMBOL, 7.3, "≥β≤−"),
    (fonts.CJK, 9, "不适用"),
    (fonts.CJK, 8.5, MANY_HANZI),
    (fonts.CJK, 9, "已勾选（签署原文）"),
    (fonts.LATIN, 9, "Systolic blood pressure (mmHg) \\ 120"),  # again: from what the document keeps
    (fonts.CJK, 8.5, MANY_HANZI[::-1]),
    (fonts.CJK, 9, "不适用"),
]


def _canvas() -> Canvas:
    fonts.register()
    return Canvas(io.BytesIO(), invariant=1, pageCompression=0)


def _pdf(canvas: Canvas) -> bytes:
    canvas.showPage()
    canvas.save()
    return bytes(canvas._filename.getvalue())


def test_set_font_and_show_write_what_reportlab_writes() -> None:
    ours, theirs = _canvas(), _canvas()
    for n, (font, size, text) in enumerate(TEXTS):
        x, y = 34 + n * 1.25, 800 - n * 11.1
        theirs.setFont(font, size)
        theirs.drawString(x, y, text)
        set_font(ours, font, size)
        show(ours, x, y, text)
        assert ours._code == theirs._code, f"after {text[:20]!r} in {font}"
        assert (ours._fontname, ours._fontsize, ours._leading) == (theirs._fontname, theirs._fontsize,
                                                                   theirs._leading)
    assert _pdf(ours) == _pdf(theirs)  # the same fonts and subsets embedded as well


def test_stroked_text_is_what_a_text_object_in_mode_2_writes() -> None:
    ours, theirs = _canvas(), _canvas()
    for canvas in (ours, theirs):
        canvas.setFont(fonts.LATIN, 9)
        canvas.setFillColor(Color(0.7, 0.05, 0.05))
    for n, text in enumerate(("受试者病例报告表汇总", MANY_HANZI, "受试者")):
        text_object = theirs.beginText(40, 700 - 20 * n)
        text_object.setTextRenderMode(2)
        text_object.setFont(fonts.CJK, 12)
        text_object.textOut(text)
        theirs.drawText(text_object)
        show_stroked(ours, 40, 700 - 20 * n, text, fonts.CJK, 12)
    assert ours._code == theirs._code
    assert (ours._fontname, ours._fontsize) == (fonts.LATIN, 9)  # the canvas's font is left alone
    assert _pdf(ours) == _pdf(theirs)


def test_draw_writes_mixed_script_text_as_reportlab_draws_each_run() -> None:
    """``fonts.draw`` of bilingual, bold and superscript text: each run as ``drawString`` would set it."""
    ours, theirs = _canvas(), _canvas()
    for canvas in (ours, theirs):
        canvas.setFillColor(black)
    for text, bold in (("Protocol / 方案编号 NCT03580291", True), ("×10⁹/L (≥ 4.0) 白细胞", False),
                       ("not applicable / 不适用", False)):
        fonts.draw(ours, 300, 500, text, 9, bold=bold, align="right")
        x = 300 - fonts.width(text, 9, bold=bold)
        for font, piece, shift in fonts.runs(text, bold=bold):
            size = fonts.run_size(9, shift)
            if bold and font == fonts.CJK:
                fonts._fake_bold(theirs, x, 500, piece, size)  # noqa: SLF001 - the one drawing of fake bold
            else:
                if (theirs._fontname, theirs._fontsize) != (font, size):
                    theirs.setFont(font, size)
                if shift != fonts.BASELINE:
                    theirs.addLiteral(f"/Span <</ActualText {fonts.actual_text(piece, shift)}>> BDC")
                theirs.drawString(x, 500 + fonts.run_rise(9, shift), piece)
                if shift != fonts.BASELINE:
                    theirs.addLiteral("EMC")
            x += theirs.stringWidth(piece, font, size)
    assert _pdf(ours) == _pdf(theirs)


@pytest.mark.parametrize("lang", ["zh", "both"])
def test_a_print_is_the_same_whatever_was_printed_before(new_site_coordinator: Session, fake_clock: FakeClock,
                                                         monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """What a document keeps of its text (the glyph codes and subset fonts it gave each text) is its own: the
    same request prints the same bytes before and after another print with other Chinese text."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    request = PrintRequest(visit="baseline", lang=lang)
    first = render_request(new_site_coordinator, request).pdf
    render_request(new_site_coordinator, PrintRequest(visit="adverse_events", lang="zh"))
    assert render_request(new_site_coordinator, request).pdf == first


def test_a_subject_print_is_the_same_whatever_was_printed_before(coordinator: Session, fake_clock: FakeClock,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    request = PrintRequest(subject_id=RANDOMISED, visit="screening", lang="both")
    first = render_request(coordinator, request).pdf
    render_request(coordinator, PrintRequest(visit="week4", lang="zh"))
    assert render_request(coordinator, request).pdf == first
