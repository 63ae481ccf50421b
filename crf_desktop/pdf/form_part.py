"""A form on paper, from its declaration: each field a row with its label on the left and, on the right, boxes
to write in (blank CRF) or the value entered (filled CRF).

Blank: one box per digit with the decimal point printed (sized from the hard range and the precision),
DD / MMM / YYYY boxes for dates, HH : MM for times, a check box per answer with its code, lines for text.
Units, ranges and relevance conditions ("Complete if Sex = Female …") are printed under the label. Filled: the
value with its unit and laboratory flag; an empty required field is a red box saying so, never left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black  # type: ignore[import-untyped]

from crf_desktop.forms.conditions import instruction
from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.ctcae.terms import terminology
from crf_desktop.forms.dates import display_date, parse_date, parse_partial_date
from crf_desktop.forms.library.adverse_event import CTCAE_TERMINOLOGY
from crf_desktop.forms.model import CODED_TYPES, NUMERIC_TYPES, Field, FieldType, Form, Text, Value, same
from crf_desktop.forms.parsing import ParseError, parse_value
from crf_desktop.pdf import fonts, words
from crf_desktop.pdf.document import FormPart
from crf_desktop.pdf.page import CONTENT_WIDTH, GREY, LEFT, LIGHT, RED, RIGHT, PageContext, Writer
from crf_desktop.pdf.words import lines, say

LABEL_WIDTH = 200.0
ENTRY_LEFT = LEFT + LABEL_WIDTH + 12
ENTRY_WIDTH = RIGHT - ENTRY_LEFT
BOX_W, BOX_H = 13.0, 15.0
TICK = 9.0
LABEL_SIZE, NOTE_SIZE, VALUE_SIZE = 9.0, 7.3, 9.5
LABEL_LEAD, NOTE_LEAD = 11.0, 9.0
DEFAULT_DIGITS = 5


@dataclass(frozen=True, kw_only=True)
class Digits:
    """The write-in boxes of a number: a sign box, integer digits, decimals after a printed point."""

    sign: bool
    whole: int
    decimals: int


def digits(field: Field) -> Digits:
    """Boxes sized for the field: as many digits as the hard range's widest bound, the declared precision."""
    bounds = field.hard_range or field.expected_range
    decimals = (field.precision or 0) if field.type is FieldType.DECIMAL else 0
    if bounds is None or bounds.high is None:
        return Digits(sign=bounds is None or bounds.low is None or bounds.low < 0, whole=DEFAULT_DIGITS,
                      decimals=decimals)
    widest = max(abs(int(b)) for b in (bounds.low, bounds.high) if b is not None)
    return Digits(sign=bounds.low is None or bounds.low < 0, whole=max(1, len(str(widest))), decimals=decimals)


def _boxes(w: Writer, x: float, y: float, count: int) -> float:
    c = w.canvas
    c.setLineWidth(0.7)
    for n in range(count):
        c.rect(x + n * BOX_W, y, BOX_W, BOX_H)
    return x + count * BOX_W


def _caption(w: Writer, x: float, y: float, text: str) -> None:
    w.canvas.setFillColor(GREY)
    fonts.draw(w.canvas, x, y, text, 6)
    w.canvas.setFillColor(black)


def _separator(w: Writer, x: float, y: float, text: str) -> float:
    fonts.draw(w.canvas, x + 2, y + 4, text, 10, bold=True)
    return x + fonts.width(text, 10, bold=True) + 4


def _tick_box(w: Writer, x: float, y: float, *, ticked: bool = False) -> None:
    c = w.canvas
    c.setLineWidth(0.7)
    c.rect(x, y, TICK, TICK)
    if ticked:
        c.line(x + 1.5, y + 1.5, x + TICK - 1.5, y + TICK - 1.5)
        c.line(x + 1.5, y + TICK - 1.5, x + TICK - 1.5, y + 1.5)


# -- blank entries: each returns its height; draws only when ``draw`` -----------------------------------
def _blank_number(w: Writer, field: Field, top: float, draw: bool) -> float:
    if draw:
        shape = digits(field)
        x, y = ENTRY_LEFT, top - BOX_H
        if shape.sign:
            x = _boxes(w, x, y, 1) + 3
        x = _boxes(w, x, y, shape.whole)
        if shape.decimals:
            w.canvas.circle(x + 3.5, y + 2, 1.3, fill=1)
            x = _boxes(w, x + 7, y, shape.decimals)
        unit = field.unit_text(w.lang if w.lang != "both" else "en")
        if unit:
            fonts.draw(w.canvas, x + 5, y + 4, unit, 8.5)
    return BOX_H + 2


def _blank_date(w: Writer, field: Field, top: float, draw: bool) -> float:
    if draw:
        y = top - BOX_H
        zh = w.lang == "zh"
        x = ENTRY_LEFT
        for n, (count, caption) in enumerate(((2, "日 DD" if zh else "DD"), (3, "月 MMM" if zh else "MMM"),
                                               (4, "年 YYYY" if zh else "YYYY"))):
            if n:
                x = _separator(w, x + 2, y, "/")
            _caption(w, x, y - 7, caption)
            x = _boxes(w, x, y, count)
    return BOX_H + 9


def _blank_time(w: Writer, field: Field, top: float, draw: bool) -> float:
    if draw:
        y = top - BOX_H
        _caption(w, ENTRY_LEFT, y - 7, "HH (00-23)")
        x = _separator(w, _boxes(w, ENTRY_LEFT, y, 2) + 2, y, ":")
        _caption(w, x, y - 7, "MM")
        _boxes(w, x, y, 2)
    return BOX_H + 9


def _option_text(w: Writer, field: Field, code: str) -> str:
    option = field.choice(code)
    return f"{say(option.label, w.lang)} ({code})" if option is not None else code


def _blank_choices(w: Writer, field: Field, top: float, draw: bool) -> float:
    """A check box per answer with its code, side by side while they fit; a long answer wraps on its own."""
    x, y, size = ENTRY_LEFT, top - TICK - 1, 8.3
    room = ENTRY_WIDTH - TICK - 4
    for option in field.options():
        text = _option_text(w, field, option.code)
        wrapped = fonts.wrap(text, size, room)
        item = TICK + 4 + max(fonts.width(line, size) for line in wrapped) + 12
        if x > ENTRY_LEFT and (x + item > RIGHT or len(wrapped) > 1):
            x, y = ENTRY_LEFT, y - 13
        if draw:
            _tick_box(w, x, y)
            for n, line in enumerate(wrapped):
                fonts.draw(w.canvas, x + TICK + 4, y + 1.5 - 10 * n, line, size)
        y -= 10 * (len(wrapped) - 1)
        x = RIGHT if len(wrapped) > 1 else x + item
    return top - y + 2


def _blank_checkbox(w: Writer, field: Field, top: float, draw: bool) -> float:
    if draw:
        _tick_box(w, ENTRY_LEFT, top - TICK - 1)
    return TICK + 3


def _blank_text(w: Writer, field: Field, top: float, draw: bool) -> float:
    count = 1 if field.max_length <= 80 else 2 if field.max_length <= 200 else 3
    length = ENTRY_WIDTH if field.max_length > 30 else min(ENTRY_WIDTH, 40 + 6.5 * field.max_length)
    height = 16.0 * count + 2
    if field.terminology:
        height += 16
    if draw:
        c = w.canvas
        c.setLineWidth(0.5)
        c.setStrokeColor(GREY)
        for n in range(count):
            y = top - 14 - 16 * n
            c.line(ENTRY_LEFT, y, ENTRY_LEFT + length, y)
        if field.terminology:
            y = top - 14 - 16 * count
            label = say(words.CODE_FROM, w.lang).format(terminology=field.terminology)
            fonts.draw(c, ENTRY_LEFT, y + 2, label, 7.5)
            c.line(ENTRY_LEFT + fonts.width(label, 7.5) + 4, y, ENTRY_LEFT + ENTRY_WIDTH * 0.7, y)
        c.setStrokeColor(black)
    return height


def _blank_derived(w: Writer, field: Field, top: float, draw: bool) -> float:
    if draw:
        c = w.canvas
        c.setFillColor(LIGHT)
        c.rect(ENTRY_LEFT, top - BOX_H, 150, BOX_H, fill=1, stroke=0)
        c.setFillColor(GREY)
        fonts.draw(c, ENTRY_LEFT + 4, top - BOX_H + 4.5, say(words.COMPUTED, w.lang), 7.5)
        c.setFillColor(black)
        unit = field.unit_text("en" if w.lang == "both" else w.lang)
        if unit:
            fonts.draw(c, ENTRY_LEFT + 155, top - BOX_H + 4, unit, 8.5)
    return BOX_H + 2


_BLANK = {
    FieldType.INTEGER: _blank_number, FieldType.DECIMAL: _blank_number, FieldType.DATE: _blank_date,
    FieldType.PARTIAL_DATE: _blank_date, FieldType.TIME: _blank_time, FieldType.CHOICE: _blank_choices,
    FieldType.MULTI_CHOICE: _blank_choices, FieldType.YES_NO: _blank_choices, FieldType.CHECKBOX: _blank_checkbox,
    FieldType.TEXT: _blank_text,
}


# -- filled entries -------------------------------------------------------------------------------------
def value_text(field: Field, text: str, lang: str) -> str:
    """A stored value as printed: dates as 05-Mar-2024, codes with their label (CTCAE terms too), units after
    numbers."""
    try:
        if field.type is FieldType.DATE:
            return display_date(parse_date(text))
        if field.type is FieldType.PARTIAL_DATE:
            return parse_partial_date(text).display()
    except ValueError:
        return text
    if field.type in (FieldType.CHOICE, FieldType.YES_NO):
        option = field.choice(text)
        return f"{say(option.label, lang)} ({text})" if option is not None else text
    if field.type is FieldType.MULTI_CHOICE:
        codes = [c for c in text.split(",") if c]
        return "; ".join(f"{say(o.label, lang)} ({o.code})" if (o := field.choice(c)) else c for c in codes)
    if field.type is FieldType.CHECKBOX:
        return say(words.TICKED if text == "1" else words.NOT_TICKED, lang)
    if field.type in NUMERIC_TYPES and field.unit is not None:
        return f"{text} {field.unit_text('en' if lang == 'both' else lang)}"
    if field.terminology == CTCAE_TERMINOLOGY and (term := terminology().by_code.get(text)) is not None:
        return f"{say(term_text(term), lang)} ({text})"  # the CTCAE term in the page's language, then its code
    words_of = field.shown(text)  # a value kept in English (the AE's SOC) in the page's language
    return say(words_of, lang) if words_of is not None else text


def _filled(w: Writer, field: Field, text: str, relevant: bool, flag: str, top: float, draw: bool) -> float:
    c, lang = w.canvas, w.lang
    if not relevant and not text:
        if draw:
            c.setFillColor(GREY)
            fonts.draw(c, ENTRY_LEFT, top - 10, say(words.NOT_APPLICABLE, lang), 8.5)
            c.setFillColor(black)
        return 13
    if not text:
        required = field.required and field.type is not FieldType.CHECKBOX
        message = say(words.NOT_ENTERED if required else words.NOT_ANSWERED, lang)
        if draw:
            c.setStrokeColor(RED if required else GREY)
            c.setFillColor(RED if required else GREY)
            c.setDash(3, 2)
            c.rect(ENTRY_LEFT, top - BOX_H, max(150, fonts.width(message, 8) + 12), BOX_H)
            c.setDash()
            fonts.draw(c, ENTRY_LEFT + 5, top - BOX_H + 4.5, message, 8)
            c.setStrokeColor(black)
            c.setFillColor(black)
        return BOX_H + 2
    shown = value_text(field, text, lang)
    if field.type is FieldType.CHECKBOX:
        if draw:
            _tick_box(w, ENTRY_LEFT, top - TICK - 1, ticked=text == "1")
            fonts.draw(c, ENTRY_LEFT + TICK + 5, top - TICK + 0.5, shown, 8.5)
        return TICK + 3
    flag_text = say(words.FLAG_LOW if flag == "L" else words.FLAG_HIGH, lang) if flag in ("L", "H") else ""
    room = ENTRY_WIDTH - (fonts.width(flag_text, 8.5, bold=True) + 8 if flag_text else 0)
    wrapped = fonts.wrap(shown, VALUE_SIZE, room, bold=True)
    if draw:
        for n, line in enumerate(wrapped):
            fonts.draw(c, ENTRY_LEFT, top - 10 - 12 * n, line, VALUE_SIZE, bold=True)
        if flag_text:
            c.setFillColor(RED)
            x = ENTRY_LEFT + fonts.width(wrapped[0], VALUE_SIZE, bold=True) + 8
            fonts.draw(c, x, top - 10, flag_text, 8.5, bold=True)
            c.setFillColor(black)
        if field.is_derived:
            c.setFillColor(GREY)
            fonts.draw(c, ENTRY_LEFT, top - 10 - 12 * len(wrapped), say(words.COMPUTED, lang), 7)
            c.setFillColor(black)
    return 12.0 * len(wrapped) + (10 if field.is_derived else 2)


# -- rows -----------------------------------------------------------------------------------------------
def notes(field: Field, form: Form, lang: str, *, blank: bool) -> list[str]:
    """The small print under a label: when to complete it, ranges and units, how it is computed, help."""
    found: list[str] = []
    if field.relevant is not None:
        found.append(say(words.COMPLETE_IF, lang).format(condition=say(instruction(field.relevant, form), lang)))
    unit = field.unit_text("en" if lang == "both" else lang)
    if field.hard_range is not None and field.type in NUMERIC_TYPES:
        text = say(words.RANGE, lang).format(range=field.hard_range.describe(unit))
        if field.expected_range is not None:
            text += "; " + say(words.EXPECTED, lang).format(range=field.expected_range.describe(unit))
        found.append(text)
    elif field.expected_range is not None and field.type in NUMERIC_TYPES:
        found.append(say(words.EXPECTED, lang).format(range=field.expected_range.describe(unit)))
    if field.derived is not None:
        found.append(say(words.COMPUTED_FROM, lang).format(what=say(field.derived.description, lang)))
    if blank and field.type is FieldType.PARTIAL_DATE:
        found.append(say(words.UNKNOWN_PARTS, lang))
    if blank and field.type is FieldType.MULTI_CHOICE:
        found.append(say(words.TICK_ANY, lang))
    if field.help is not None:
        found.append(say(field.help, lang))
    return found


def _parsed(form: Form, values: dict[str, str]) -> dict[str, Value | None]:
    parsed: dict[str, Value | None] = {}
    for field in form.fields:
        try:
            parsed[field.id] = parse_value(field, values.get(field.id, ""))
        except (ParseError, ValueError):
            parsed[field.id] = None
    return parsed


def _row(w: Writer, part: FormPart, field: Field, parsed: dict[str, Value | None], number: int) -> None:
    lang, form = w.lang, part.form
    label = [f"{number}. " + lines(field.label, lang)[0], *lines(field.label, lang)[1:]]
    label_lines = [piece for text in label for piece in fonts.wrap(text, LABEL_SIZE, LABEL_WIDTH)]
    note_lines = [piece for text in notes(field, form, lang, blank=part.blank)
                  for piece in fonts.wrap(text, NOTE_SIZE, LABEL_WIDTH)]
    left = LABEL_LEAD * len(label_lines) + NOTE_LEAD * len(note_lines)
    top = w.y

    def entry(draw: bool) -> float:
        if part.values is None:
            # a computed answer still gets its boxes on paper (eligibility assessed by hand when the PC is down);
            # a computed number (a conversion, eGFR) is left to the app
            drawer = _blank_derived if field.is_derived and field.type not in CODED_TYPES else _BLANK[field.type]
            return drawer(w, field, w.y - 2, draw)
        relevant = field.relevant is None or field.relevant.evaluate(parsed)
        return _filled(w, field, part.values.get(field.id, ""), relevant, part.flags.get(field.id, ""),
                       w.y - 2, draw)

    height = max(left, entry(False) + 2) + 6
    if w.need(height):
        top = w.y
    c = w.canvas
    for n, line in enumerate(label_lines):
        fonts.draw(c, LEFT, top - 9 - LABEL_LEAD * n, line, LABEL_SIZE)
    c.setFillColor(GREY)
    for n, line in enumerate(note_lines):
        fonts.draw(c, LEFT + 4, top - 9 - LABEL_LEAD * len(label_lines) - NOTE_LEAD * n, line, NOTE_SIZE)
    c.setFillColor(black)
    entry(True)
    w.y = top - height
    c.setStrokeColor(LIGHT)
    c.setLineWidth(0.5)
    c.line(LEFT, w.y + 2, RIGHT, w.y + 2)
    c.setStrokeColor(black)


def _section_title(w: Writer, text: list[str]) -> None:
    height = 13.0 * len(text) + 4
    w.need(height + 40)  # never a section title alone at the foot of a page
    c = w.canvas
    c.setFillColor(LIGHT)
    c.rect(LEFT, w.y - height, CONTENT_WIDTH, height, fill=1, stroke=0)
    c.setFillColor(black)
    for n, line in enumerate(text):
        fonts.draw(c, LEFT + 4, w.y - 11 - 13 * n, line, 9.5, bold=True)
    w.y -= height + 4


def context_of(part: FormPart, lang: str) -> PageContext:
    ref = part.qr.reference
    if part.blank:
        status = say(words.BLANK, lang)
    else:
        status_text = say(part.status, lang) if part.status is not None else ""
        template = words.RECORD.en if lang == "both" else say(words.RECORD, lang)  # the status says both
        status = template.format(version=ref.record_version, status=status_text)
        if part.saved:
            status += " · " + part.saved
    title = part.form.title
    if part.blank and part.form.repeating:  # a blank log sheet: the site numbers its entries by hand
        title = Text(en=f"{title.en}  ({words.ENTRY.en} # ______)", zh=f"{title.zh}（{words.ENTRY.zh} # ______）")
        if lang == "both":  # one write-in after both titles
            title = same(f"{part.form.title.en} / {part.form.title.zh}  ({say(words.ENTRY, lang)} # ______)")
    return PageContext(qr=part.qr, visit_label=part.visit_label, form_title=title,
                       status_line=status, signatures=part.signatures)


def render_form(w: Writer, part: FormPart) -> None:
    """Draw one form (all its pages)."""
    lang, form = w.lang, part.form
    w.start_part(context_of(part, lang))
    if form.instructions is not None:
        w.canvas.setFillColor(GREY)
        for text in lines(form.instructions, lang):
            for line in fonts.wrap(text, 8.3, CONTENT_WIDTH):
                w.need(11)
                fonts.draw(w.canvas, LEFT, w.y - 9, line, 8.3)
                w.y -= 11
        w.canvas.setFillColor(black)
        w.y -= 4
    parsed = _parsed(form, dict(part.values or {}))
    number = 0
    for section in form.sections:
        _section_title(w, lines(section.title, lang))
        for field in section.fields:
            number += 1
            _row(w, part, field, parsed, number)
