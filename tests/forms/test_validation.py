"""Validation returns values and issues and never raises for user text (issue 3 item 2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from crf_desktop.forms.issues import CATALOGUE, IssueCode, Severity, make_issue
from crf_desktop.forms.model import Derived, DerivedInputs, Field, FieldType, Form, Range, Section, Text, Value, same
from crf_desktop.forms.registry import all_forms
from crf_desktop.forms.validation import Context, local_today, validate

TODAY = date(2024, 6, 1)
CONTEXT = Context(today=TODAY, consent_date=date(2024, 5, 1))


def weight_form() -> Form:
    def fail(values: DerivedInputs) -> Value | None:
        if values["weight_kg"] is None:
            return None
        raise ValueError("weight_kg must be below 100 for this test")

    return Form(
        id="vitals",
        version="1",
        title=Text(en="Vitals", zh="生命体征"),
        sections=(
            Section(
                id="s",
                title=Text(en="Vitals", zh="生命体征"),
                fields=(
                    Field(
                        id="weight_kg", label=Text(en="Weight", zh="体重"), type=FieldType.DECIMAL, precision=1,
                        unit=same("kg"), hard_range=Range.of(20, 250), expected_range=Range.of(35, 120),
                    ),
                    Field(id="note", label=Text(en="Note", zh="备注"), type=FieldType.TEXT, required=False),
                    Field(
                        id="check", label=Text(en="Check", zh="核对"), type=FieldType.INTEGER, required=False,
                        derived=Derived(inputs=("weight_kg",), function=fail, description=same("fails")),
                    ),
                ),
            ),
        ),
    )


VITALS = weight_form()


def test_required_but_empty() -> None:
    # issue 3 item 2: required-but-empty
    result = validate(VITALS, {}, CONTEXT)
    assert [i.code for i in result.issues] == [IssueCode.REQUIRED]
    assert result.issues[0].message.en == "Weight: a value is required"
    assert result.issues[0].message.zh == "体重：此项为必填项"
    assert not result.ok


def test_type_error_is_an_issue_with_both_languages() -> None:
    # issue 3 item 2: type errors
    result = validate(VITALS, {"weight_kg": "heavy"}, CONTEXT)
    (issue,) = result.issues_for("weight_kg")
    assert issue.code is IssueCode.TYPE and issue.severity is Severity.ERROR
    assert issue.message.en.startswith("Weight: “heavy” is not a number")
    assert issue.message.zh.startswith("体重：“heavy”不是数字")
    assert result.values["weight_kg"] is None


def test_hard_range_refuses_with_the_documented_message() -> None:
    # issue 3 item 2: out-of-range (hard range refuses)
    result = validate(VITALS, {"weight_kg": "400"}, CONTEXT)
    (issue,) = result.issues_for("weight_kg")
    assert issue.code is IssueCode.HARD_RANGE
    assert issue.message.en == "Weight: 400 kg is outside the possible range 20–250 kg"
    assert issue.message.zh == "体重：400 kg 超出可能范围 20–250 kg"
    assert result.values["weight_kg"] is None
    assert not result.ok


def test_expected_range_warns_and_needs_confirmation() -> None:
    # issue 3 item 2: expected range warns; the user confirms, and the confirmation is recorded
    result = validate(VITALS, {"weight_kg": "130"}, CONTEXT)
    (issue,) = result.issues_for("weight_kg")
    assert issue.code is IssueCode.EXPECTED_RANGE and issue.severity is Severity.WARNING
    assert issue.needs_confirmation and not issue.confirmed
    assert issue.value == "130.0"
    assert "expected range 35–120 kg" in issue.message.en
    assert "预期范围 35–120 kg" in issue.message.zh
    assert not result.ok and result.unconfirmed == (issue,)

    confirmed = validate(VITALS, {"weight_kg": "130"}, Context(today=TODAY, confirmed={"weight_kg": "130.0"}))
    assert confirmed.ok
    (kept,) = confirmed.issues_for("weight_kg")
    assert kept.confirmed and not kept.blocks_saving
    assert confirmed.confirmations == {"weight_kg": "130.0"}


def test_confirmation_of_another_value_does_not_count() -> None:
    # a confirmation names the value: changing the value asks again
    result = validate(VITALS, {"weight_kg": "131"}, Context(today=TODAY, confirmed={"weight_kg": "130.0"}))
    assert not result.ok


def test_derived_value_error_becomes_information() -> None:
    # issue 3 item 1: derived values; an impossible input never crashes entry
    result = validate(VITALS, {"weight_kg": "70"}, CONTEXT)
    (issue,) = result.issues_for("check")
    assert issue.code is IssueCode.DERIVED and issue.severity is Severity.INFO
    assert result.ok and result.values["check"] is None


def test_derived_fields_ignore_typed_text() -> None:
    result = validate(VITALS, {"weight_kg": "70", "check": "99", "unknown": "x"}, CONTEXT)
    assert result.values["check"] is None
    assert set(result.values) == {"weight_kg", "note", "check"}


def test_stored_text_forms() -> None:
    result = validate(VITALS, {"weight_kg": "70", "note": " fine "}, CONTEXT)
    assert result.values["weight_kg"] == Decimal("70.0")
    assert result.stored() == {"weight_kg": "70.0", "note": "fine"}


def test_every_catalogue_template_formats_in_both_languages() -> None:
    params = {
        name: "x" for name in (
            "expected_en", "expected_zh", "precision", "length", "max_length", "choices_en", "choices_zh",
            "amount_en", "amount_zh", "range_en", "range_zh", "today", "consent", "other_en", "other_zh",
            "other_value", "reason_en", "reason_zh", "condition_en", "condition_zh", "reason", "days", "side_en",
            "side_zh", "earliest", "latest",
        )
    }
    for code in IssueCode:
        issue = make_issue(code, field="f", label=Text(en="Label", zh="标签"), value="v", params=params)
        assert issue.message.en.startswith("Label: ") and issue.message.zh.startswith("标签：")
        assert issue.severity is CATALOGUE[code].severity
        assert issue.code.value.startswith("CRF-")


def test_local_today_is_a_date() -> None:
    assert isinstance(local_today(), date)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_arbitrary_text_in_every_study_field_never_raises(data: st.DataObject) -> None:
    # issue 3 item 2: never raises for bad user input, whatever is typed into any field of any form
    for form in (*all_forms(), VITALS):
        raw = {f.id: data.draw(st.one_of(st.text(), st.sampled_from(["", "Y", "N", "F", "1", "2019", "UNK-UNK-2019"])))
               for f in form.fields}
        consent = data.draw(st.one_of(st.none(), st.dates()))
        result = validate(form, raw, Context(today=data.draw(st.dates()), consent_date=consent))
        assert set(result.values) == {f.id for f in form.fields}
        for issue in result.issues:
            assert issue.message.en and issue.message.zh
