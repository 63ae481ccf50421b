"""Lab-based grade suggestion (issue 6 item 4) and the SAE report content (issue 6 item 5)."""

from __future__ import annotations

from datetime import date

import pytest

from crf_desktop.forms.ctcae import suggest_grade
from crf_desktop.forms.ctcae.sae_report import sae_report
from crf_desktop.forms.library.adverse_event import FORM
from crf_desktop.forms.validation import Context, validate

CONTEXT = Context(today=date(2024, 6, 1), consent_date=date(2024, 1, 10))


@pytest.mark.parametrize(
    ("term", "value", "limits", "grade"),
    [
        ("10035528", 60, {"lln": 125}, 2),  # platelets 60 x 10^9/L: <75 - 50
        ("Platelet count decreased", 20, {"lln": 125}, 4),
        ("Platelet count decreased", 150, {"lln": 125}, 0),
        ("Anemia", 80, {"lln": 115}, 2),  # 80 g/L is grade 2 (lower number included)
        ("Anemia", 79, {"lln": 115}, 3),
        ("Alanine aminotransferase increased", 120, {"uln": 40}, 1),  # exactly 3 x ULN is grade 1
        ("Alanine aminotransferase increased", 121, {"uln": 40}, 2),
        ("Creatinine increased", 200, {"uln": 97, "baseline": 150}, 2),
        ("Neutrophil count decreased", 0.4, {"lln": 2.0}, 4),
    ],
)
def test_lab_grade_suggestion(term: str, value: float, limits: dict[str, float], grade: int) -> None:
    # issue 6 item 4; clinical-rules.md 8.3 (boundary convention)
    assert suggest_grade(term, value, **limits) == grade


def test_no_suggestion_when_it_cannot_be_made() -> None:
    # issue 6 item 4: None for non-lab terms, unknown terms, missing values or limits
    assert suggest_grade("Lung infection", 5, lln=1) is None
    assert suggest_grade("99999999", 5, lln=1) is None
    assert suggest_grade("Platelet count decreased", None, lln=125) is None
    assert suggest_grade("Platelet count decreased", 60) is None
    assert suggest_grade("Alanine aminotransferase increased", 500, lln=7) is None


def test_impossible_lab_value_raises() -> None:
    with pytest.raises(ValueError, match="value"):
        suggest_grade("Platelet count decreased", -1, lln=125)


SAE = {
    "ae_term": "10021881", "ae_other_specify": "Herpes zoster", "ae_verbatim": "Disseminated herpes zoster",
    "ae_visit": "week8", "ae_onset": "UNK-Apr-2024", "ae_ongoing": "N", "ae_end": "2024-05-02", "ae_grade": "3",
    "ae_serious": "Y", "sae_criteria": "HOSP", "sae_awareness_date": "2024-04-12", "sae_admission_date": "2024-04-12",
    "sae_discharge_date": "2024-04-20", "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "PROBABLE",
    "ae_expected": "UNEXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "INTERRUPTED", "ae_treated": "Y",
    "ae_treatment": "IV aciclovir", "ae_outcome": "RECOVERED",
}


def test_sae_report_assembly() -> None:
    # issue 6 item 5: subject, term, SOC, MedDRA code, onset, grade, criteria, relationship per product,
    # action, outcome, narrative, as plain data
    result = validate(FORM, SAE, CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    report = sae_report(result.values, subject_id="S01-003")
    assert report.subject_id == "S01-003"
    assert (report.ctcae_version, report.meddra_version, report.meddra_code) == ("4.03", "12.0", "10021881")
    assert report.term.en == "Infections and infestations - Other, specify"
    assert report.soc.zh == "感染及侵染类疾病"
    assert report.other_specify == "Herpes zoster"
    assert report.onset == "UNK-Apr-2024" and report.resolution == "02-May-2024"
    assert report.grade == 3 and report.grade_text is not None and report.grade_text.startswith("Severe")
    assert [c.en for c in report.criteria] == [
        "Requires hospitalisation or prolongation of existing hospitalisation"
    ]
    msc, mmf = report.products
    assert msc.product.en == "MSC or placebo infusion" and msc.relationship is not None
    assert msc.relationship.en == "Unlikely" and msc.related is False
    assert mmf.relationship is not None and mmf.relationship.zh == "很可能有关" and mmf.related is True
    assert mmf.action is not None and mmf.action.en == "Interrupted"
    assert report.suspected_unexpected
    assert report.outcome is not None and report.outcome.en == "Recovered/resolved"
    assert report.death_date is None and report.narrative is None  # no SAE report record yet
    items = {item.field: item for item in report.items}
    assert items["ae_visit"].shown.en == "Week 8" and items["sae_criteria"].value == "HOSP"
    assert "ae_death_date" not in items
    assert list(items) == [f.id for f in FORM.fields if f.id in items]


def test_fatal_sae_report() -> None:
    raw = {**SAE, "ae_grade": "5", "ae_outcome": "FATAL", "ae_death_date": "2024-05-02", "sae_criteria": "DEATH,HOSP"}
    report = sae_report(validate(FORM, raw, CONTEXT).values, subject_id="S01-003")
    assert report.grade == 5 and report.grade_text == "Death"
    assert report.death_date == "02-May-2024"
    assert [c.en for c in report.criteria][0] == "Results in death"


def test_non_serious_event_has_no_sae_report() -> None:
    values = validate(FORM, {**SAE, "ae_serious": "N"}, CONTEXT).values
    with pytest.raises(ValueError, match="not serious"):
        sae_report(values, subject_id="S01-003")
    values = validate(FORM, {**SAE, "ae_term": "00000000"}, CONTEXT).values
    with pytest.raises(ValueError, match="no valid CTCAE"):
        sae_report(values, subject_id="S01-003")
