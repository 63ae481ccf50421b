"""Parsing what the user typed, for every field type (issue 3 item 2: type errors, partial dates)."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.dates import PartialDate, display_date, parse_date, parse_partial_date
from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.model import Choice, Field, FieldType, Text
from crf_desktop.forms.parsing import ParseError, parse_value, to_text


def t(text: str) -> Text:
    return Text(en=text, zh=text)


INTEGER = Field(id="n", label=t("N"), type=FieldType.INTEGER)
DECIMAL = Field(id="d", label=t("D"), type=FieldType.DECIMAL, precision=1)
DECIMAL2 = Field(id="d2", label=t("D2"), type=FieldType.DECIMAL, precision=2)
DATE = Field(id="dt", label=t("Date"), type=FieldType.DATE)
PARTIAL = Field(id="pd", label=t("Partial"), type=FieldType.PARTIAL_DATE)
TIME = Field(id="tm", label=t("Time"), type=FieldType.TIME)
TEXT = Field(id="tx", label=t("Text"), type=FieldType.TEXT, max_length=10)
CHOICE = Field(
    id="c", label=t("C"), type=FieldType.CHOICE,
    choices=(Choice(code="F", label=t("Female")), Choice(code="M", label=t("Male"))),
)
MULTI = Field(
    id="m", label=t("M"), type=FieldType.MULTI_CHOICE,
    choices=tuple(Choice(code=c, label=t(c)) for c in ("IV", "PO", "SC")),
)
YES_NO = Field(id="yn", label=t("YN"), type=FieldType.YES_NO)
YES_NO_U = Field(id="ynu", label=t("YNU"), type=FieldType.YES_NO, allow_unknown=True)
CHECKBOX = Field(id="cb", label=t("CB"), type=FieldType.CHECKBOX, required=False)


def code_of(field: Field, text: str) -> IssueCode:
    with pytest.raises(ParseError) as caught:
        parse_value(field, text)
    return caught.value.code


# issue 3 item 2: type errors, per type
@pytest.mark.parametrize("text", ["1.5", "72.0", "abc", "1e3", "1,000", "--1", "12345678901234567"])
def test_integer_refuses(text: str) -> None:
    assert code_of(INTEGER, text) is IssueCode.TYPE


@pytest.mark.parametrize(("text", "value"), [("72", 72), (" -3 ", -3), ("007", 7), ("１２", 12)])
def test_integer_reads(text: str, value: int) -> None:
    assert parse_value(INTEGER, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("72", Decimal("72.0")), ("72.5", Decimal("72.5")), ("72.50", Decimal("72.5")), (".5", Decimal("0.5")),
     ("-0", Decimal("0.0")), ("７２．５", Decimal("72.5"))],
)
def test_decimal_reads_and_quantises(text: str, value: Decimal) -> None:
    parsed = parse_value(DECIMAL, text)
    assert parsed == value
    assert isinstance(parsed, Decimal) and parsed.as_tuple().exponent == -1
    assert to_text(parsed) == str(value)


def test_decimal_more_places_than_declared() -> None:
    # issue 3 item 2: more decimals than declared are refused with a clear message
    assert code_of(DECIMAL, "72.55") is IssueCode.PRECISION


@pytest.mark.parametrize("text", ["72,5", "NaN", "Infinity", "1e2", "7 2", "1.2.3", "."])
def test_decimal_refuses(text: str) -> None:
    # decision: the point is the only decimal separator; a comma is a type error whose message says so
    assert code_of(DECIMAL, text) is IssueCode.TYPE


@pytest.mark.parametrize(
    ("text", "value"),
    [("2024-03-05", date(2024, 3, 5)), ("05-Mar-2024", date(2024, 3, 5)), ("05-MAR-2024", date(2024, 3, 5)),
     ("2024/3/5", date(2024, 3, 5)), ("２０２４-０３-０５", date(2024, 3, 5))],
)
def test_date_reads_iso_and_display(text: str, value: date) -> None:
    assert parse_value(DATE, text) == value


@pytest.mark.parametrize("text", ["05-03-2024", "2024-13-01", "March 5", "5.3.24", "2024-03-05T10:00"])
def test_date_refuses(text: str) -> None:
    assert code_of(DATE, text) in (IssueCode.TYPE, IssueCode.PARTIAL_DATE)


def test_date_impossible_day() -> None:
    assert code_of(DATE, "2019-02-29") is IssueCode.PARTIAL_DATE  # "there is no such day in the calendar"


def test_date_before_1900_is_refused() -> None:
    assert code_of(DATE, "1899-12-31") is IssueCode.HARD_RANGE


@pytest.mark.parametrize("text", ["2019-03", "2019", "UNK-03-2019", "UNK-UNK-2019"])
def test_partial_date_in_full_date_field(text: str) -> None:
    # issue 3 item 2: partial dates are refused where a complete date is needed
    assert code_of(DATE, text) is IssueCode.PARTIAL_DATE


@pytest.mark.parametrize(
    ("text", "stored"),
    [("UNK-UNK-2019", "2019"), ("UNK-03-2019", "2019-03"), ("unk-Mar-2019", "2019-03"), ("2019", "2019"),
     ("2019-03", "2019-03"), ("05-Mar-2019", "2019-03-05"), ("2019-03-05", "2019-03-05")],
)
def test_partial_date_canonical_form(text: str, stored: str) -> None:
    # decision: the stored form is ISO 8601 reduced precision
    value = parse_value(PARTIAL, text)
    assert isinstance(value, PartialDate)
    assert to_text(value) == stored


def test_partial_date_known_day_unknown_month() -> None:
    assert code_of(PARTIAL, "05-UNK-2019") is IssueCode.PARTIAL_DATE


def test_partial_date_span() -> None:
    value = parse_partial_date("2020-02")
    assert (value.earliest(), value.latest()) == (date(2020, 2, 1), date(2020, 2, 29))
    year = parse_partial_date("UNK-UNK-2019")
    assert (year.earliest(), year.latest()) == (date(2019, 1, 1), date(2019, 12, 31))
    assert year.display() == "UNK-UNK-2019"


@pytest.mark.parametrize(("text", "value"), [("14:30", time(14, 30)), ("9:05", time(9, 5)), ("00:00", time(0, 0)),
                                              ("１４：３０", time(14, 30))])
def test_time_reads(text: str, value: time) -> None:
    assert parse_value(TIME, text) == value


@pytest.mark.parametrize("text", ["24:00", "12:60", "2pm", "1430", "12:3"])
def test_time_refuses(text: str) -> None:
    assert code_of(TIME, text) is IssueCode.TYPE


def test_text_length_and_control_characters() -> None:
    assert parse_value(TEXT, "  ok  ") == "ok"
    assert code_of(TEXT, "x" * 11) is IssueCode.LENGTH
    assert code_of(TEXT, "a\x00b") is IssueCode.TYPE


def test_free_text_is_kept_as_typed() -> None:
    # decision: free text is not NFKC-folded, so full-width Chinese punctuation survives
    assert parse_value(TEXT, " 头痛（轻度） ") == "头痛（轻度）"


def test_choice_codes() -> None:
    assert parse_value(CHOICE, "F") == "F"
    assert parse_value(CHOICE, "f") == "F"
    assert code_of(CHOICE, "Female") is IssueCode.CHOICE


def test_multi_choice_sorted_distinct_codes() -> None:
    # decision: multi-choice is stored as the sorted codes, comma-separated in text form
    assert parse_value(MULTI, "SC, IV;IV") == ("IV", "SC")
    assert to_text(("IV", "SC")) == "IV,SC"
    assert code_of(MULTI, "IV,XX") is IssueCode.CHOICE


def test_yes_no_and_unknown_only_when_declared() -> None:
    assert parse_value(YES_NO, "y") == "Y"
    assert parse_value(YES_NO, "N") == "N"
    assert code_of(YES_NO, "U") is IssueCode.CHOICE
    assert parse_value(YES_NO_U, "U") == "U"


@pytest.mark.parametrize(("text", "value"), [("", False), ("1", True), ("x", True), ("0", False), ("TRUE", True)])
def test_checkbox(text: str, value: bool) -> None:
    assert parse_value(CHECKBOX, text) is value


def test_empty_is_not_answered() -> None:
    for field in (INTEGER, DECIMAL, DATE, PARTIAL, TIME, TEXT, CHOICE, MULTI, YES_NO):
        assert parse_value(field, "   ") is None


# Hypothesis round trips: the stored text form reads back to the same value
@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_integer_round_trip(value: int) -> None:
    assert parse_value(INTEGER, to_text(value)) == value


@given(st.decimals(min_value=Decimal("-99999999"), max_value=Decimal("99999999"), places=2, allow_nan=False))
def test_decimal_round_trip(value: Decimal) -> None:
    parsed = parse_value(DECIMAL2, to_text(value))
    assert parsed == value
    assert parse_value(DECIMAL2, to_text(parsed)) == parsed


@given(st.dates(min_value=date(1900, 1, 1)))
def test_date_round_trip_iso_and_display(value: date) -> None:
    assert parse_value(DATE, to_text(value)) == value
    assert parse_date(display_date(value)) == value


@given(st.dates(min_value=date(1900, 1, 1)), st.integers(min_value=0, max_value=2))
def test_partial_date_round_trip(value: date, known: int) -> None:
    partial = PartialDate(
        year=value.year, month=value.month if known >= 1 else None, day=value.day if known == 2 else None
    )
    assert parse_value(PARTIAL, to_text(partial)) == partial
    assert parse_partial_date(partial.display()) == partial
    assert partial.earliest() <= value <= partial.latest()


@given(st.times().map(lambda moment: moment.replace(second=0, microsecond=0)))
def test_time_round_trip(value: time) -> None:
    assert parse_value(TIME, to_text(value)) == value


ALL_FIELDS = (INTEGER, DECIMAL, DECIMAL2, DATE, PARTIAL, TIME, TEXT, CHOICE, MULTI, YES_NO, YES_NO_U, CHECKBOX)


@given(st.sampled_from(ALL_FIELDS), st.text())
def test_arbitrary_text_gives_a_value_or_a_parse_error(field: Field, text: str) -> None:
    # issue 3 item 2: bad user input never raises anything but the catalogued ParseError
    try:
        parse_value(field, text)
    except ParseError as exc:
        assert isinstance(exc.code, IssueCode)


@given(st.sampled_from(ALL_FIELDS), st.from_regex(r"[0-9UNKunk:.,/ -]{0,14}", fullmatch=True))
def test_date_and_number_like_text_never_crashes(field: Field, text: str) -> None:
    try:
        parse_value(field, text)
    except ParseError:
        pass
