"""The adverse-event log form (issue 6 item 3): declaration, engine validation and the cross-field AE rules."""

from __future__ import annotations

from datetime import date

import pytest

from crf_desktop.forms import registry, visits
from crf_desktop.forms.checks import check_form
from crf_desktop.forms.ctcae.ae_rules import ae_consistency_issues
from crf_desktop.forms.ctcae.grading import grade_problem
from crf_desktop.forms.issues import Issue, IssueCode, Severity
from crf_desktop.forms.library import adverse_event
from crf_desktop.forms.library.adverse_event import EARLY_TERMINATION_CHOICE, FORM
from crf_desktop.forms.schedule import SubjectLog
from crf_desktop.forms.validation import Context, Result, validate

CONTEXT = Context(today=date(2024, 6, 1), consent_date=date(2024, 1, 10))
PLATELETS = "10035528"
LUNG_INFECTION = "10061229"
FEBRILE_NEUTROPENIA = "10016288"
SEPSIS = "10040047"
INFECTION_OTHER = "10021881"


def ae(**changes: str) -> dict[str, str]:
    raw = {
        "ae_term": LUNG_INFECTION, "ae_verbatim": "Right lower lobe pneumonia", "ae_visit": "week4",
        "ae_onset": "2024-03-05", "ae_ongoing": "N", "ae_end": "2024-03-20", "ae_grade": "2", "ae_serious": "N",
        "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE", "ae_expected": "EXPECTED", "ae_action_msc": "NA",
        "ae_action_mmf": "INTERRUPTED", "ae_treated": "Y", "ae_treatment": "Amoxicillin 500 mg tid 7 days",
        "ae_outcome": "RECOVERED",
    }
    raw.update(changes)
    return raw


def fatal(**changes: str) -> dict[str, str]:
    fields = {
        "ae_grade": "5", "ae_outcome": "FATAL", "ae_death_date": "2024-03-20", "ae_serious": "Y",
        "sae_criteria": "DEATH", "sae_awareness_date": "2024-03-20", "sae_narrative": "Respiratory failure.",
    }
    return ae(**{**fields, **changes})


def check(raw: dict[str, str]) -> tuple[Result, list[Issue]]:
    """validate() runs the form's cross-field rules (ae_consistency_issues) itself."""
    result = validate(FORM, raw, CONTEXT)
    return result, list(result.issues)


def test_validate_runs_the_cross_field_rules() -> None:
    result = validate(FORM, ae(ae_grade="5"), CONTEXT)
    assert ae_consistency_issues(result.values)
    assert all(issue in result.issues for issue in ae_consistency_issues(result.values))


def codes(raw: dict[str, str]) -> list[tuple[IssueCode, str]]:
    return [(i.code, i.field) for i in check(raw)[1] if i.severity is not Severity.INFO]


def test_declaration_is_valid_and_repeating() -> None:
    # issue 6 item 3: a repeating, subject-level log, form id "adverse_event"
    check_form(FORM)
    assert FORM.id == "adverse_event" and FORM.repeating


def test_the_adverse_event_log_holds_the_form() -> None:
    # issue 6 item 3: the AE log is a subject-level log of the study's registry
    assert registry.REGISTRY.schedule.log("adverse_events").forms[0] == adverse_event.FORM_ID  # then its SAE reports
    assert registry.REGISTRY.form(adverse_event.FORM_ID) is adverse_event.FORM
    assert adverse_event.FORM.repeating
    assert all(isinstance(log, SubjectLog) for log in registry.REGISTRY.schedule.logs)


def test_visit_choices_follow_the_schedule() -> None:
    expected = [v.code if v.code != "early_termination" else EARLY_TERMINATION_CHOICE for v in visits.SCHEDULE.visits]
    visit_field = FORM.field("ae_visit")
    assert [c.code for c in visit_field.choices] == expected
    labels = {v.code: v.label for v in visits.SCHEDULE.visits}
    assert visit_field.choices[2].label == labels["week4"]


def test_complete_record_is_valid() -> None:
    result, issues = check(ae())
    assert result.ok and issues == [], [i.message.en for i in issues]
    assert result.values["ae_term_name"] == "Lung infection"
    assert result.values["ae_soc"] == "Infections and infestations"
    assert result.values["ae_is_other"] == "N"
    assert {"sae_criteria", "ae_death_date", "ae_other_specify"} <= result.not_applicable
    assert result.stored()["ae_term"] == LUNG_INFECTION


def test_unknown_term_code_is_refused() -> None:
    # issue 6 item 3: the code is validated against the terminology
    found = check(ae(ae_term="12345678"))[1]
    assert [(i.code, i.field, i.severity) for i in found] == [(IssueCode.CHOICE, "ae_term", Severity.ERROR)]
    assert "CTCAE v4.03" in found[0].message.en and "MedDRA" in found[0].message.zh


def test_other_specify_required_only_for_other_specify_terms() -> None:
    # issue 6 item 3: "Other, specify" text required only when the term is an "Other, specify" term
    assert codes(ae(ae_term=INFECTION_OTHER)) == [(IssueCode.REQUIRED, "ae_other_specify")]
    result, issues = check(ae(ae_term=INFECTION_OTHER, ae_other_specify="Herpes zoster"))
    assert result.ok and issues == []
    result, issues = check(ae(ae_other_specify="Herpes zoster"))
    assert "ae_other_specify" in result.not_applicable
    assert [i.code for i in issues] == [IssueCode.NOT_APPLICABLE]


def test_grade_marked_dash_cannot_be_chosen() -> None:
    # issue 6 item 3; clinical-rules.md 8.1/8.4: Febrile neutropenia has no grade 1-2, Sepsis only 4-5
    assert codes(ae(ae_term=FEBRILE_NEUTROPENIA, ae_grade="2")) == [(IssueCode.CHOICE, "ae_grade")]
    message = check(ae(ae_term=SEPSIS, ae_grade="3"))[1][0].message
    assert "Sepsis has grades 4, 5" in message.en and "脓毒症的分级为 4, 5 级" in message.zh
    assert codes(ae(ae_term=LUNG_INFECTION, ae_grade="1")) == [(IssueCode.CHOICE, "ae_grade")]
    assert codes(ae(ae_term=FEBRILE_NEUTROPENIA, ae_grade="3")) == []


def test_grade_problem() -> None:
    # issue 6 item 3: the pure check behind the grade rule (UI greys out grades with it)
    assert grade_problem(SEPSIS, 4) is None
    problem = grade_problem(SEPSIS, 2)
    assert problem is not None and "grades are 4, 5" in problem.en
    assert grade_problem(PLATELETS, 5) is not None
    unknown = grade_problem("00000000", 1)
    assert unknown is not None and "not a CTCAE v4.03 MedDRA code" in unknown.en
    assert grade_problem(PLATELETS, 0) is not None


def test_grade_5_requires_fatal_outcome() -> None:
    # issue 6 item 3: grade 5 requires outcome fatal and a date of death
    found = codes(ae(ae_grade="5", ae_serious="Y", sae_criteria="DEATH", sae_awareness_date="2024-03-20",
                     sae_narrative="x"))
    assert (IssueCode.CHOICE, "ae_outcome") in found


def test_fatal_requires_grade_5_and_date_of_death() -> None:
    # issue 6 item 3: ... and the reverse
    assert codes(fatal()) == []
    assert codes(fatal(ae_grade="4")) == [(IssueCode.CHOICE, "ae_grade")]
    no_date = fatal()
    del no_date["ae_death_date"]
    assert codes(no_date) == [(IssueCode.REQUIRED, "ae_death_date")]


def test_fatal_event_is_serious_with_death_criterion() -> None:
    assert codes(fatal(ae_serious="N")) == [(IssueCode.CHOICE, "ae_serious")]
    assert codes(fatal(sae_criteria="HOSP", sae_admission_date="2024-03-06")) == [(IssueCode.CHOICE, "sae_criteria")]
    death_not_fatal = ae(ae_serious="Y", sae_criteria="DEATH", sae_awareness_date="2024-03-06", sae_narrative="x")
    assert codes(death_not_fatal) == [(IssueCode.CHOICE, "ae_outcome")]


def test_sae_requires_criteria_and_onset() -> None:
    # issue 6 item 3: an SAE requires at least one seriousness criterion and an onset date
    sae = ae(ae_serious="Y", sae_awareness_date="2024-03-06", sae_narrative="Admitted for IV antibiotics.")
    assert codes(sae) == [(IssueCode.REQUIRED, "sae_criteria")]
    without_onset = {**sae, "sae_criteria": "HOSP", "sae_admission_date": "2024-03-06", "ae_onset": ""}
    assert codes(without_onset) == [(IssueCode.REQUIRED, "ae_onset")]
    ok = {**sae, "sae_criteria": "HOSP,IME", "sae_admission_date": "2024-03-06"}
    result, issues = check(ok)
    assert result.ok and issues == []
    assert result.values["sae_criteria"] == ("HOSP", "IME")


def test_end_before_onset_is_refused() -> None:
    # issue 6 item 3: end >= onset
    assert codes(ae(ae_end="2024-03-01")) == [(IssueCode.DATE_ORDER, "ae_end")]
    assert codes(ae(ae_end="2024-03-05")) == []
    assert codes(fatal(ae_death_date="2024-03-01", ae_end="2024-03-20")) == [(IssueCode.DATE_ORDER, "ae_death_date")]


def test_partial_dates_accepted() -> None:
    # issue 6 item 3: partial dates allowed; compared conservatively
    result, issues = check(ae(ae_onset="UNK-Mar-2024", ae_end="2024-03"))
    assert result.ok and issues == []
    assert result.stored()["ae_onset"] == "2024-03"
    assert codes(ae(ae_onset="2024-04", ae_end="UNK-Mar-2024")) == [(IssueCode.DATE_ORDER, "ae_end")]


def test_resolution_only_when_not_ongoing() -> None:
    # issue 6 item 3: resolution relevant only when not ongoing
    result, issues = check(ae(ae_ongoing="Y", ae_end="", ae_outcome="RECOVERING"))
    assert result.ok and issues == [] and "ae_end" in result.not_applicable
    assert codes(ae(ae_end="")) == [(IssueCode.REQUIRED, "ae_end")]


def test_ongoing_and_outcome_agree() -> None:
    assert codes(ae(ae_ongoing="Y", ae_end="", ae_outcome="RECOVERED")) == [(IssueCode.CHOICE, "ae_outcome")]
    assert codes(ae(ae_outcome="NOT_RECOVERED")) == [(IssueCode.CHOICE, "ae_outcome")]
    assert codes(ae(ae_ongoing="Y", ae_end="", ae_outcome="UNKNOWN")) == []


def test_expectedness_only_for_related_events() -> None:
    result, _ = check(ae(ae_rel_mmf="UNLIKELY", ae_expected=""))
    assert result.ok and "ae_expected" in result.not_applicable
    assert codes(ae(ae_expected="")) == [(IssueCode.REQUIRED, "ae_expected")]


def test_onset_before_consent_is_refused() -> None:
    assert codes(ae(ae_onset="2023-12-01")) == [(IssueCode.DATE_BEFORE_CONSENT, "ae_onset")]


@pytest.mark.parametrize("field_id", [f.id for f in FORM.fields])
def test_labels_in_both_languages(field_id: str) -> None:
    label = FORM.field(field_id).label
    assert label.en and label.zh and label.en != label.zh
