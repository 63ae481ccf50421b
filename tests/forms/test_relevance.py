"""Relevance conditions (issue 3 item 1): shown and required only when the condition holds.

Decision under test: a hidden field is neither required nor validated; its value is dropped and, when something
was typed, flagged with an informational CRF-NOT-APPLICABLE issue.
"""

from __future__ import annotations

from datetime import date

from crf_desktop.forms.conditions import P, all_of, any_of, instruction, not_
from crf_desktop.forms.issues import IssueCode, Severity
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Section, Text, Value
from crf_desktop.forms.registry import get_form
from crf_desktop.forms.validation import Context, validate

CONTEXT = Context(today=date(2024, 6, 1))
DEMOGRAPHICS = get_form("demographics")


def test_hidden_field_is_not_required() -> None:
    # issue 3 item 1: a male subject is not asked about childbearing potential
    result = validate(DEMOGRAPHICS, {"sex": "M"}, CONTEXT)
    assert "childbearing" in result.not_applicable
    assert result.issues_for("childbearing") == ()


def test_shown_field_is_required() -> None:
    result = validate(DEMOGRAPHICS, {"sex": "F"}, CONTEXT)
    assert [i.code for i in result.issues_for("childbearing")] == [IssueCode.REQUIRED]


def test_hidden_field_is_not_validated_and_its_value_is_dropped_and_flagged() -> None:
    # issue 3 item 1: decision: dropped, and flagged as information
    result = validate(DEMOGRAPHICS, {"sex": "M", "childbearing": "maybe"}, CONTEXT)
    (issue,) = result.issues_for("childbearing")
    assert issue.code is IssueCode.NOT_APPLICABLE and issue.severity is Severity.INFO
    assert "if Sex = Female" in issue.message.en
    assert "如性别 = 女" in issue.message.zh
    assert result.values["childbearing"] is None
    assert "childbearing" not in result.stored()


def test_chained_conditions() -> None:
    # a field depending on a hidden field is hidden too
    raw = {"sex": "M", "childbearing": "N", "non_cbp_reason": "OTHER", "non_cbp_other": "x"}
    result = validate(DEMOGRAPHICS, raw, CONTEXT)
    assert {"childbearing", "non_cbp_reason", "non_cbp_other"} <= result.not_applicable
    female = validate(DEMOGRAPHICS, {**raw, "sex": "F"}, CONTEXT)
    assert not {"childbearing", "non_cbp_reason", "non_cbp_other"} & female.not_applicable
    assert female.values["non_cbp_other"] == "x"


def test_unticked_checkbox_in_hidden_field_is_not_flagged() -> None:
    form = Form(
        id="f", version="1", title=Text(en="F", zh="F"),
        sections=(Section(id="s", title=Text(en="S", zh="S"), fields=(
            Field(id="a", label=Text(en="A", zh="A"), type=FieldType.YES_NO),
            Field(id="b", label=Text(en="B", zh="B"), type=FieldType.CHECKBOX, relevant=P("a", "eq", "Y")),
        )),),
    )
    assert validate(form, {"a": "N", "b": "0"}, CONTEXT).issues == ()
    assert validate(form, {"a": "N", "b": "1"}, CONTEXT).issues[0].code is IssueCode.NOT_APPLICABLE


def test_condition_on_unanswered_question_hides() -> None:
    result = validate(DEMOGRAPHICS, {}, CONTEXT)
    assert "childbearing" in result.not_applicable


CHOICES = Field(
    id="route", label=Text(en="Route", zh="给药途径"), type=FieldType.MULTI_CHOICE,
    choices=(
        Choice(code="IV", label=Text(en="Intravenous", zh="静脉")),
        Choice(code="PO", label=Text(en="Oral", zh="口服")),
    ),
)
DOSE = Field(id="dose", label=Text(en="Dose", zh="剂量"), type=FieldType.INTEGER)
FORM = Form(id="f", version="1", title=Text(en="F", zh="F"),
            sections=(Section(id="s", title=Text(en="S", zh="S"), fields=(CHOICES, DOSE)),))


def test_operators() -> None:
    values: dict[str, Value | None] = {"route": ("IV", "PO"), "dose": 5, "sex": "F"}
    assert P("route", "has", "IV").evaluate(values)
    assert P("dose", "ge", 5).evaluate(values) and not P("dose", "gt", 5).evaluate(values)
    assert P("dose", "lt", 6).evaluate(values) and P("dose", "le", 5).evaluate(values)
    assert P("sex", "in", ("F", "X")).evaluate(values)
    assert P("sex", "ne", "M").evaluate(values)
    assert P("dose", "filled").evaluate(values) and P("other", "empty").evaluate(values)
    assert not P("other", "ne", "M").evaluate(values)  # a missing value compares false
    assert (P("sex", "eq", "M") | P("dose", "eq", 5)).evaluate(values)
    assert not (P("sex", "eq", "M") & P("dose", "eq", 5)).evaluate(values)
    assert (~P("sex", "eq", "M")).evaluate(values)
    assert P("dose", "eq", 5).references() == frozenset({"dose"})


def test_conditions_print_in_both_languages() -> None:
    # issue 3 item 1: a condition prints as an instruction ("if Sex = Female and childbearing potential = Yes")
    condition = all_of(P("sex", "eq", "F"), P("childbearing", "eq", "Y"))
    text = instruction(condition, DEMOGRAPHICS)
    assert text.en == "if Sex = Female and Childbearing potential = Yes"
    assert text.zh == "如性别 = 女 且 有生育能力 = 是"
    nested = instruction(any_of(P("route", "has", "IV"), not_(all_of(P("dose", "ge", 5), P("route", "filled")))), FORM)
    assert nested.en == "if Route includes Intravenous or not (Dose ≥ 5 and Route is answered)"
    assert nested.zh == "如给药途径包括静脉 或 非（剂量 ≥ 5 且 给药途径已填写）"
