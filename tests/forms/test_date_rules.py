"""Date rules (issue 3 item 2): future dates, dates before consent, date order, partial dates compared
conservatively; exercised on a repeating adverse-event log declared for the test."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.checks import check_form
from crf_desktop.forms.conditions import P
from crf_desktop.forms.issues import Issue, IssueCode
from crf_desktop.forms.model import Field, FieldType, Form, Section, Text
from crf_desktop.forms.parsing import to_text
from crf_desktop.forms.registry import get_form
from crf_desktop.forms.validation import Context, validate

TODAY = date(2024, 6, 1)
CONSENT = date(2024, 3, 1)
CONTEXT = Context(today=TODAY, consent_date=CONSENT)

AE_LOG = Form(
    id="ae",
    version="1",
    title=Text(en="Adverse event", zh="不良事件"),
    repeating=True,
    sections=(
        Section(
            id="event",
            title=Text(en="Event", zh="事件"),
            fields=(
                Field(id="ae_term", label=Text(en="Term", zh="名称"), type=FieldType.TEXT),
                Field(id="ae_start", label=Text(en="Start date", zh="开始日期"), type=FieldType.PARTIAL_DATE,
                      not_before_consent=True),
                Field(id="ae_ongoing", label=Text(en="Ongoing", zh="持续"), type=FieldType.YES_NO),
                Field(id="ae_end", label=Text(en="End date", zh="结束日期"), type=FieldType.PARTIAL_DATE,
                      not_before=("ae_start",), not_before_consent=True, relevant=P("ae_ongoing", "eq", "N")),
                Field(id="next_visit", label=Text(en="Next visit", zh="下次访视"), type=FieldType.DATE,
                      required=False, allow_future=True),
            ),
        ),
    ),
)


def ae(start: str, end: str, **more: str) -> dict[str, str]:
    return {"ae_term": "Headache", "ae_start": start, "ae_ongoing": "N", "ae_end": end, **more}


def codes(issues: tuple[Issue, ...]) -> list[IssueCode]:
    return [i.code for i in issues]


def test_test_log_is_a_valid_declaration() -> None:
    check_form(AE_LOG)
    assert AE_LOG.repeating


def test_end_before_start_is_refused() -> None:
    # issue 3 item 2: date order (AE end before start)
    result = validate(AE_LOG, ae("2024-05-10", "2024-05-09"), CONTEXT)
    (issue,) = result.issues
    assert issue.code is IssueCode.DATE_ORDER and issue.field == "ae_end"
    assert issue.message.en == "End date: 2024-05-09 is before Start date (2024-05-10)"
    assert issue.message.zh == "结束日期：2024-05-09 早于开始日期（2024-05-10）"


def test_same_day_is_in_order() -> None:
    assert validate(AE_LOG, ae("2024-05-10", "2024-05-10"), CONTEXT).ok


def test_partial_dates_are_compared_conservatively() -> None:
    # issue 3 item 2: partial dates: an error only when certainly out of order
    assert validate(AE_LOG, ae("2024-05-10", "2024-05"), CONTEXT).ok  # May 2024 may be after the 10th
    assert validate(AE_LOG, ae("2024-05", "2024-05-01"), CONTEXT).ok
    assert codes(validate(AE_LOG, ae("2024-05-10", "2024-04"), CONTEXT).issues) == [IssueCode.DATE_ORDER]


def test_future_date_is_refused() -> None:
    # issue 3 item 2: dates in the future
    result = validate(AE_LOG, ae("2024-06-02", "2024-06-03"), CONTEXT)
    assert codes(result.issues) == [IssueCode.DATE_FUTURE, IssueCode.DATE_FUTURE]
    assert result.issues[0].message.en == "Start date: 2024-06-02 is in the future (today is 2024-06-01)"
    assert validate(AE_LOG, ae("2024-06-01", "2024-06-01"), CONTEXT).ok  # today is not the future


def test_partial_date_is_future_only_when_it_certainly_is() -> None:
    assert validate(AE_LOG, ae("2024-06", "2024"), CONTEXT).ok
    assert codes(validate(AE_LOG, ae("2024-05-01", "2024-07"), CONTEXT).issues) == [IssueCode.DATE_FUTURE]


def test_allow_future() -> None:
    assert validate(AE_LOG, ae("2024-05-01", "2024-05-02", next_visit="2025-01-01"), CONTEXT).ok


def test_date_before_consent_is_refused() -> None:
    # issue 3 item 2: dates before the subject's consent
    result = validate(AE_LOG, ae("2024-02-29", "2024-03-02"), CONTEXT)
    (issue,) = result.issues
    assert issue.code is IssueCode.DATE_BEFORE_CONSENT and issue.field == "ae_start"
    assert issue.message.en == "Start date: 2024-02-29 is before the informed consent date 2024-03-01"
    assert issue.message.zh == "开始日期：2024-02-29 早于知情同意日期 2024-03-01"


def test_partial_date_before_consent_only_when_certain() -> None:
    assert validate(AE_LOG, ae("2024-03", "2024-03-05"), CONTEXT).ok  # March 2024 may be on or after the 1st
    assert codes(validate(AE_LOG, ae("2024-02", "2024-03-05"), CONTEXT).issues) == [IssueCode.DATE_BEFORE_CONSENT]


def test_no_consent_date_yet_skips_the_rule() -> None:
    assert validate(AE_LOG, ae("2020-01-01", "2020-01-02"), Context(today=TODAY)).ok


def test_hidden_end_date_is_not_compared() -> None:
    raw = {**ae("2024-05-10", "2024-05-01"), "ae_ongoing": "Y"}
    result = validate(AE_LOG, raw, CONTEXT)
    assert codes(result.issues) == [IssueCode.NOT_APPLICABLE]


def test_sle_diagnosis_not_before_birth() -> None:
    # issue 3 item 7: the SLE diagnosis date (partial) is compared with the date of birth
    demographics = get_form("demographics")
    result = validate(demographics, {"dob": "1990-03-05", "sle_diagnosis_date": "UNK-UNK-1989"}, CONTEXT)
    assert [i.code for i in result.issues_for("sle_diagnosis_date")] == [IssueCode.DATE_ORDER]
    same_year = validate(demographics, {"dob": "1990-03-05", "sle_diagnosis_date": "UNK-UNK-1990"}, CONTEXT)
    assert same_year.issues_for("sle_diagnosis_date") == ()


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=-400, max_value=400))
def test_order_rule_matches_date_arithmetic(start: date, offset: int) -> None:
    # issue 3 item 2: Hypothesis over dates: an end date is refused exactly when it precedes the start date
    end = start + timedelta(days=offset)
    context = Context(today=date(2032, 1, 1), consent_date=date(1989, 1, 1))
    result = validate(AE_LOG, ae(to_text(start), to_text(end)), context)
    assert (IssueCode.DATE_ORDER in codes(result.issues)) == (end < start)
    assert result.ok == (end >= start)
