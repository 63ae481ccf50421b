"""Declarations are checked when loaded (issue 3 item 1): broken ones fail at start-up, naming form and field."""

from __future__ import annotations

import dataclasses

import pytest

from crf_desktop.core.errors import CrfError
from crf_desktop.forms.checks import DeclarationError, check_form, problems
from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Range, Section, Text, Value
from crf_desktop.forms.registry import FORMS, REGISTRY, all_forms, build_registry, forms_for_visit, get_form
from crf_desktop.forms.schedule import SubjectLog, Visit, VisitKind, VisitSchedule
from crf_desktop.forms.visits import SCHEDULE


def t(text: str) -> Text:
    return Text(en=text, zh=f"中{text}")


def nothing(values: DerivedInputs) -> Value | None:
    return None


def form_with(*fields: Field, form_id: str = "broken") -> Form:
    return Form(id=form_id, version="1", title=t("Broken"), sections=(Section(id="s", title=t("S"), fields=fields),))


SEX = Field(
    id="sex",
    label=t("Sex"),
    type=FieldType.CHOICE,
    choices=(Choice(code="F", label=t("Female")), Choice(code="M", label=t("Male"))),
)


def test_every_study_form_loads() -> None:
    # issue 3 item 1: every form loads and passes its checks
    assert {"visit_info", "consent", "demographics"} <= {f.id for f in all_forms()}
    for form in FORMS:
        assert problems(form) == []
        check_form(form)
        assert get_form(form.id) is form


def test_forms_per_visit_are_declared_once() -> None:
    # issue 3 item 3: which forms each visit holds is declared in one place
    assert [f.id for f in forms_for_visit("screening")][:3] == ["visit_info", "consent", "demographics"]
    assert [f.id for f in forms_for_visit("week4")][0] == "visit_info"
    assert REGISTRY.schedule is SCHEDULE


def test_unknown_form_names_it() -> None:
    with pytest.raises(KeyError, match="nosuch"):
        get_form("nosuch")


def test_duplicate_field_id_names_form_and_field() -> None:
    # issue 3 item 1: duplicate ids are errors at start-up
    form = form_with(SEX, dataclasses.replace(SEX, label=t("Sex again")))
    with pytest.raises(DeclarationError, match=r"form 'broken' field 'sex': duplicate field id"):
        check_form(form)


def test_declaration_error_is_a_crf_error() -> None:
    assert issubclass(DeclarationError, CrfError)


def test_unknown_condition_reference_names_form_and_field() -> None:
    # issue 3 item 1: unknown references in conditions
    pregnant = Field(id="pregnant", label=t("Pregnant"), type=FieldType.YES_NO, relevant=P("sexx", "eq", "F"))
    expected = r"form 'broken' field 'pregnant': condition refers to unknown field 'sexx'"
    with pytest.raises(DeclarationError, match=expected):
        check_form(form_with(SEX, pregnant))


def test_condition_on_a_later_field_is_refused() -> None:
    # issue 3 item 1: relevance is settled in declaration order, so a condition reads earlier fields only
    pregnant = Field(id="pregnant", label=t("Pregnant"), type=FieldType.YES_NO, relevant=P("sex", "eq", "F"))
    with pytest.raises(DeclarationError, match="declared after it"):
        check_form(form_with(pregnant, SEX))


def test_condition_with_unknown_code_is_refused() -> None:
    # issue 3 item 1: unknown references in conditions include codes the controlling field does not offer
    pregnant = Field(id="pregnant", label=t("Pregnant"), type=FieldType.YES_NO, relevant=P("sex", "eq", "W"))
    with pytest.raises(DeclarationError, match="unknown code 'W'"):
        check_form(form_with(SEX, pregnant))


def test_condition_numeric_operator_on_choice_is_refused() -> None:
    pregnant = Field(id="pregnant", label=t("Pregnant"), type=FieldType.YES_NO, relevant=P("sex", "gt", 3))
    with pytest.raises(DeclarationError, match="needs a number field"):
        check_form(form_with(SEX, pregnant))


def test_unknown_derived_input_names_form_and_field() -> None:
    # issue 3 item 1: unknown references in derived values
    weight = Field(id="weight", label=t("Weight"), type=FieldType.DECIMAL, precision=1)
    bmi = Field(
        id="bmi", label=t("BMI"), type=FieldType.DECIMAL, precision=1, required=False,
        derived=Derived(inputs=("weight", "height"), function=nothing, description=t("BMI")),
    )
    expected = r"form 'broken' field 'bmi': derived value input refers to unknown field 'height'"
    with pytest.raises(DeclarationError, match=expected):
        check_form(form_with(weight, bmi))


def test_unknown_derived_context_is_refused() -> None:
    age = Field(
        id="age", label=t("Age"), type=FieldType.INTEGER, required=False,
        derived=Derived(inputs=(), context=("visit_date",), function=nothing, description=t("Age")),
    )
    with pytest.raises(DeclarationError, match="unknown context value 'visit_date'"):
        check_form(form_with(age))


def test_choice_without_code_names_form_and_field() -> None:
    # issue 3 item 1: a choice without a code
    broken = Field(
        id="route", label=t("Route"), type=FieldType.CHOICE,
        choices=(Choice(code="PO", label=t("Oral")), Choice(code="", label=t("Intravenous"))),
    )
    with pytest.raises(DeclarationError, match=r"form 'broken' field 'route': a choice \('Intravenous'\) has no code"):
        check_form(form_with(broken))


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (Field(id="c", label=t("C"), type=FieldType.CHOICE), "needs choices"),
        (Field(id="c", label=t("C"), type=FieldType.CHOICE,
               choices=(Choice(code="A", label=t("A")), Choice(code="A", label=t("B")))), "duplicate choice code 'A'"),
        (Field(id="c", label=t("C"), type=FieldType.CHOICE, choices=(Choice(code="A,B", label=t("A")),)),
         "is not letters"),
        (Field(id="c", label=t("C"), type=FieldType.TEXT, choices=(Choice(code="A", label=t("A")),)),
         "choices are declared on a text field"),
        (Field(id="d", label=t("D"), type=FieldType.DECIMAL), "needs a precision"),
        (Field(id="d", label=t("D"), type=FieldType.INTEGER, precision=1), "precision is declared"),
        (Field(id="d", label=t("D"), type=FieldType.INTEGER, hard_range=Range.of(0, 10),
               expected_range=Range.of(5, 20)), "is not inside the hard range"),
        (Field(id="d", label=t("D"), type=FieldType.INTEGER, hard_range=Range.of(10, 0)), "is empty"),
        (Field(id="d", label=t("D"), type=FieldType.TEXT, hard_range=Range.of(0, 10)), "on a text field"),
        (Field(id="Bad-Id", label=t("D"), type=FieldType.TEXT), "not an export-safe identifier"),
        (Field(id="d", label=Text(en="D", zh=""), type=FieldType.TEXT), "has no zh text"),
        (Field(id="d", label=t("D"), type=FieldType.TEXT, not_before=("x",)), "date rules are declared"),
        (Field(id="d", label=t("D"), type=FieldType.DATE, not_before=("x",)), "unknown field 'x'"),
        (Field(id="d", label=t("D"), type=FieldType.CHOICE, allow_unknown=True,
               choices=(Choice(code="A", label=t("A")),)), "allow_unknown"),
        (Field(id="d", label=t("D"), type=FieldType.INTEGER,
               derived=Derived(inputs=(), function=nothing, description=t("D"))), "required=False"),
    ],
)
def test_broken_field_declarations(field: Field, message: str) -> None:
    # issue 3 item 1: inconsistent declarations fail at load, naming form and field
    with pytest.raises(DeclarationError, match=f"form 'broken' field '{field.id}'.*{message}"):
        check_form(form_with(field))


def test_every_problem_is_listed() -> None:
    broken = form_with(
        Field(id="a", label=t("A"), type=FieldType.DECIMAL),
        Field(id="b", label=t("B"), type=FieldType.CHOICE),
    )
    assert len(problems(broken)) == 2


def test_duplicate_form_id_in_registry() -> None:
    # issue 3 item 1: duplicate form ids
    with pytest.raises(DeclarationError, match=f"form '{FORMS[0].id}': duplicate form id"):
        build_registry((*FORMS, FORMS[0]), SCHEDULE)


def test_schedule_referring_to_unknown_form() -> None:
    # issue 3 item 3: the schedule names only declared forms
    schedule = VisitSchedule(
        visits=(Visit(code="screening", label=t("Screening"), kind=VisitKind.SCREENING, target_day=0,
                      forms=("eligibility",)),),
    )
    with pytest.raises(DeclarationError, match="visit 'screening': unknown form 'eligibility'"):
        build_registry(FORMS, schedule)


def test_schedule_log_forms_must_repeat() -> None:
    # issue 3 item 3: subject-level logs hold repeating forms
    schedule = VisitSchedule(visits=(), logs=(SubjectLog(code="ae", label=t("AE"), forms=("demographics",)),))
    with pytest.raises(DeclarationError, match="subject log 'ae': form 'demographics' is not a repeating form"):
        build_registry(FORMS, schedule)


def test_schedule_duplicate_visit_and_untimed_scheduled_visit() -> None:
    visit = Visit(code="week4", label=t("Week 4"), kind=VisitKind.SCHEDULED)
    with pytest.raises(DeclarationError) as caught:
        build_registry(FORMS, VisitSchedule(visits=(visit, visit)))
    assert "duplicate visit code" in str(caught.value)
    assert "needs target day" in str(caught.value)
