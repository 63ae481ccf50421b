"""From what the user typed to a typed value, and back to the one stored text form.

Rules (documented decisions):

* Input is NFKC-normalised and stripped first, so full-width digits and punctuation from a Chinese input
  method read as ASCII (free text is only NFC-normalised, so what was typed is kept); empty text is "not
  answered" (``None``), except a checkbox, which is then ``False``.
* Integers: optional sign and ASCII digits only (``1.5`` and ``72.0`` are refused), at most 15 digits.
* Decimals: the decimal separator is the point only. A comma is refused with a message saying so, because
  ``1,500`` means one thousand five hundred to some people and one and a half to others. The value is a
  ``Decimal`` quantised to the declared precision (``72`` -> ``72.0`` for one decimal). More decimals than
  declared are refused unless the extra digits are zeros (``72.50`` is ``72.5``). No exponents, NaN or
  infinity.
* Dates and partial dates: see :mod:`crf_desktop.forms.dates`. Times: ``HH:MM`` on the 24-hour clock
  (``9:05`` is read as ``09:05``).
* Single choice and yes/no: the code (``F``, ``Y``); a code typed in another case is accepted when it is
  unambiguous. Yes/no is ``Y``/``N``, and ``U`` only where the field allows unknown.
* Multi-choice: codes separated by commas (or semicolons), stored as a sorted tuple of distinct codes.
* Checkbox: ``1``/``true``/``yes``/``y``/``x``/``on`` is ticked; ``0``/``false``/``no``/``n``/``off`` or
  empty is not.
* Text: kept as typed (outer white space removed); control characters other than tab and new line are
  refused; at most ``max_length`` characters.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal

from crf_desktop.forms.dates import DateTextError, PartialDate, normalise, parse_date, parse_partial_date
from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.model import Field, FieldType, Text, Value

_INTEGER = re.compile(r"[+-]?\d{1,15}", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(\d{1,15})(?:\.(\d{1,15}))?|[+-]?\.(\d{1,15})", re.ASCII)
_TIME = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TICKED = frozenset({"1", "true", "yes", "y", "x", "on"})
_UNTICKED = frozenset({"0", "false", "no", "n", "off", ""})

EXPECTED: dict[FieldType, Text] = {
    FieldType.TEXT: Text(en="plain text (no control characters)", zh="普通文字（不能含控制字符）"),
    FieldType.INTEGER: Text(en="a whole number", zh="整数"),
    FieldType.DECIMAL: Text(en="a number (use a point “.” for decimals)", zh="数字（小数点请用“.”）"),
    FieldType.DATE: Text(
        en="a date: YYYY-MM-DD or DD-MMM-YYYY, e.g. 2024-03-05 or 05-Mar-2024",
        zh="有效日期：YYYY-MM-DD 或 DD-MMM-YYYY，如 2024-03-05 或 05-Mar-2024",
    ),
    FieldType.PARTIAL_DATE: Text(
        en="a date, possibly partial: YYYY-MM-DD, YYYY-MM, YYYY, or DD-MMM-YYYY with UNK for an unknown "
        "day or month, e.g. UNK-Mar-2019",
        zh="日期（可部分未知）：YYYY-MM-DD、YYYY-MM、YYYY，或 DD-MMM-YYYY 并以 UNK 表示未知的日或月，"
        "如 UNK-Mar-2019",
    ),
    FieldType.TIME: Text(
        en="a time on the 24-hour clock: HH:MM, e.g. 14:30", zh="有效时间（24小时制 HH:MM，如 14:30）"
    ),
    FieldType.CHOICE: Text(en="one of the choices", zh="可选项之一"),
    FieldType.MULTI_CHOICE: Text(en="a list of choices", zh="可选项列表"),
    FieldType.YES_NO: Text(en="Yes or No", zh="“是”或“否”"),
    FieldType.CHECKBOX: Text(en="ticked or not ticked", zh="勾选或不勾选"),
}

DATE_REASONS: dict[str, Text] = {
    "incomplete": Text(
        en="a complete date (day, month and year) is needed here", zh="此处需要完整日期（年、月、日）"
    ),
    "unknown_month": Text(
        en="when the month is unknown the day must be unknown too (e.g. UNK-UNK-2019)",
        zh="月份未知时日也须为未知（如 UNK-UNK-2019）",
    ),
    "calendar": Text(en="there is no such day in the calendar", zh="日历中没有这一天"),
}


class ParseError(ValueError):
    """The text is not a value of the field's type; ``code`` and ``params`` fill the catalogue message."""

    def __init__(self, code: IssueCode, **params: str) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params


def _type_error(field: Field) -> ParseError:
    expected = EXPECTED[field.type]
    return ParseError(IssueCode.TYPE, expected_en=expected.en, expected_zh=expected.zh)


def parse_value(field: Field, text: str) -> Value | None:
    """The value of ``text`` for ``field``, ``None`` when empty; ``ParseError`` when it is not valid."""
    if field.type is FieldType.TEXT:
        typed = unicodedata.normalize("NFC", text).strip()  # free text keeps full-width Chinese punctuation
        return _text(field, typed) if typed else None
    cleaned = normalise(text)
    if field.type is FieldType.CHECKBOX:
        return _checkbox(field, cleaned)
    if cleaned == "":
        return None
    if field.type is FieldType.INTEGER:
        if not _INTEGER.fullmatch(cleaned):
            raise _type_error(field)
        return int(cleaned)
    if field.type is FieldType.DECIMAL:
        return _decimal(field, cleaned)
    if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
        return _date(field, cleaned)
    if field.type is FieldType.TIME:
        return _time(field, cleaned)
    if field.type is FieldType.MULTI_CHOICE:
        codes = {_code(field, part) for part in re.split(r"[,;]", cleaned) if part.strip()}
        return tuple(sorted(codes))
    return _code(field, cleaned)  # CHOICE, YES_NO


def _checkbox(field: Field, cleaned: str) -> bool:
    lowered = cleaned.lower()
    if lowered in _TICKED:
        return True
    if lowered in _UNTICKED:
        return False
    raise _type_error(field)


def _text(field: Field, cleaned: str) -> str:
    if _CONTROL.search(cleaned):
        raise _type_error(field)
    if len(cleaned) > field.max_length:
        raise ParseError(IssueCode.LENGTH, length=str(len(cleaned)), max_length=str(field.max_length))
    return cleaned


def _decimal(field: Field, cleaned: str) -> Decimal:
    match = _DECIMAL.fullmatch(cleaned)
    if match is None:
        raise _type_error(field)
    precision = field.precision or 0
    fraction = match.group(2) or match.group(3) or ""
    if len(fraction.rstrip("0")) > precision:
        raise ParseError(IssueCode.PRECISION, precision=str(precision))
    value = Decimal(cleaned).quantize(Decimal(1).scaleb(-precision))
    return abs(value) if value == 0 else value  # no "-0.0"


def _date(field: Field, cleaned: str) -> date | PartialDate:
    try:
        if field.type is FieldType.DATE:
            return parse_date(cleaned)
        return parse_partial_date(cleaned)
    except DateTextError as exc:
        if exc.reason == "early":
            raise ParseError(
                IssueCode.HARD_RANGE, amount_en=cleaned, amount_zh=cleaned, range_en="≥ 1900-01-01",
                range_zh="≥ 1900-01-01",
            ) from None
        reason = DATE_REASONS.get(exc.reason)
        if reason is None:
            raise _type_error(field) from None
        raise ParseError(IssueCode.PARTIAL_DATE, reason_en=reason.en, reason_zh=reason.zh) from None


def _time(field: Field, cleaned: str) -> time:
    match = _TIME.fullmatch(cleaned)
    if match is None:
        raise _type_error(field)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise _type_error(field)
    return time(hour, minute)


def _code(field: Field, cleaned: str) -> str:
    token = cleaned.strip()
    codes = [option.code for option in field.options()]
    if token in codes:
        return token
    folded = [code for code in codes if code.casefold() == token.casefold()]
    if len(folded) == 1:
        return folded[0]
    options = field.options()
    raise ParseError(
        IssueCode.CHOICE,
        choices_en=", ".join(f"{o.code} = {o.label.en}" for o in options),
        choices_zh="，".join(f"{o.code} = {o.label.zh}" for o in options),
    )


def to_text(value: Value | None) -> str:
    """The stored text form of a value; ``parse_value(field, to_text(v)) == v`` for every valid ``v``.

    int ``72``; Decimal ``72.5`` (as quantised); date ``2024-03-05``; partial date ``2019-03``; time
    ``09:05``; multi-choice ``A,C``; checkbox ``1``/``0``; ``None`` is the empty string.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date | PartialDate):
        return value.isoformat() if isinstance(value, date) else value.iso()
    return str(value)
