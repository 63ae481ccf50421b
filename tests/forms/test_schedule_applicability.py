"""Issue 4: a visit expects only the forms the protocol needs of the subject: the pregnancy test of women of
childbearing potential only (inclusion 6 / exclusion 12 of the registry record), and no study-drug kit at
week 24, where nothing is dispensed (the end of treatment)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crf_desktop.forms.checks import DeclarationError
from crf_desktop.forms.conditions import P
from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.model import Text
from crf_desktop.forms.registry import FORMS, build_registry
from crf_desktop.forms.schedule import FormApplicability, VisitSchedule
from crf_desktop.forms.visits import SCHEDULE

MAN = {SUBJECT_SEX: "M", SUBJECT_CHILDBEARING: None}
WOMAN_CBP = {SUBJECT_SEX: "F", SUBJECT_CHILDBEARING: "Y"}
WOMAN_NOT_CBP = {SUBJECT_SEX: "F", SUBJECT_CHILDBEARING: "N"}


@pytest.mark.parametrize("visit", ["screening", "baseline", "week4", "week12", "week24"])
def test_the_pregnancy_test_is_expected_of_women_of_childbearing_potential_only(visit: str) -> None:
    planned = SCHEDULE.visit(visit)
    assert "pregnancy_test" in planned.forms  # declared once, with its condition
    assert "pregnancy_test" not in planned.forms_for(MAN)
    assert "pregnancy_test" not in planned.forms_for(WOMAN_NOT_CBP)
    assert "pregnancy_test" in planned.forms_for(WOMAN_CBP)
    assert "pregnancy_test" in planned.forms_for({})  # demographics not entered yet: still expected
    assert "pregnancy_test" in planned.forms_for({SUBJECT_SEX: "F"})  # potential not answered yet
    assert len(planned.forms_for(MAN)) == len(planned.forms) - 1


def test_kits_are_dispensed_at_baseline_to_week_20_and_not_at_week_24() -> None:
    for visit in ("baseline", "week4", "week8", "week12", "week16", "week20"):
        assert "drug_kits" in SCHEDULE.visit(visit).forms, visit
    last = SCHEDULE.visit("week24")
    assert "drug_kits" not in last.forms
    assert "mmf_dosing" in last.forms and "end_of_study" in last.forms  # the last kit's return, the study's end


def test_a_condition_must_name_a_form_of_the_visit_and_read_subject_context_only() -> None:
    screening = SCHEDULE.visit("screening")
    foreign = FormApplicability(form="haq", applies_if=P(SUBJECT_SEX, "eq", "F"), applies_to=Text(en="x", zh="x"))
    typo = FormApplicability(form="pregnancy_test", applies_if=P("subject_gender", "eq", "F"),
                             applies_to=Text(en="x", zh="x"))
    broken = VisitSchedule(visits=(replace(screening, conditional=(foreign, typo)), *SCHEDULE.visits[1:]),
                           logs=SCHEDULE.logs)
    with pytest.raises(DeclarationError) as raised:
        build_registry(FORMS, broken)
    message = str(raised.value)
    assert "the condition of form 'haq' names a form the visit does not hold" in message
    assert "reads subject_gender, which is not subject context" in message
