"""Eligibility evaluation (issue 4 item 1): each criterion on both sides of its threshold and at it, missing data
named as not evaluable, units converted exactly, and the overall result."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from crf_desktop.forms.dates import PartialDate
from crf_desktop.forms.library.lab_units import to_canonical
from crf_desktop.forms.trial.criteria import CRITERIA, EXCLUSION, INCLUSION, Decider
from crf_desktop.forms.trial.eligibility import (
    INVESTIGATOR_FIELDS,
    ConmedRecord,
    EligibilityInputs,
    Measurement,
    Overall,
    Status,
    evaluate_eligibility,
)

RAND = date(2024, 6, 1)


def m(value: str, unit: str) -> Measurement:
    return Measurement(value=Decimal(value), unit=unit)


ELIGIBLE = EligibilityInputs(
    age_years=34, sex="F", childbearing="Y", acr_count=5, consent_date=date(2024, 5, 1), randomisation_date=RAND,
    investigator={"inc5_inv": "Y", "inc7_inv": "Y", "exc2": "N", "exc3": "N", "exc6": "N", "exc9": "N",
                  "exc10": "N", "exc11": "N", "exc12_inv": "N"},
    weight_kg=Decimal("55.0"), upcr=m("2.3", "G_G"), protein_24h=m("3.10", "G"), creatinine=m("70", "UMOL_L"),
    total_bilirubin=m("10.0", "UMOL_L"), alt=m("30", "U_L"), alt_uln=Decimal(40), ast=m("25", "U_L"),
    ast_uln=Decimal(40), wbc=m("5.20", "E9_L"), haemoglobin=m("120", "G_L"), platelets=m("210", "E9_L"),
    biopsy_date=date(2024, 4, 1), biopsy_class="IV", sclerosis_pct=Decimal("10.0"),
    necrosis_crescent_pct=Decimal("5.0"), pregnancy_test="NEG",
    conmeds=(ConmedRecord(name="Hydroxychloroquine", start=PartialDate(year=2020), ongoing=True),),
)


def status(criterion_id: str, **changes: object) -> Status:
    return evaluate_eligibility(dataclasses.replace(ELIGIBLE, **changes)).criterion(criterion_id).status  # type: ignore[arg-type]


def test_registry_wording_one_item_per_criterion() -> None:
    # issue 4 item 1: each of the 7 inclusion and 12 exclusion criteria as its own item, registry wording
    assert len(INCLUSION) == 7 and len(EXCLUSION) == 12
    assert INCLUSION[1].text.en == "Ages: 18-60 years old (including)"
    assert "≥ 50% glomerulus sclerosis" in EXCLUSION[3].text.en
    assert "≥ 265.2 µmol/L" in EXCLUSION[6].text.en and "≥ 265.2 µmol/L" in EXCLUSION[6].text.zh
    assert all(c.text.zh for c in CRITERIA)
    answered = {c.id for c in CRITERIA if c.decider is Decider.INVESTIGATOR}
    assert answered <= set(INVESTIGATOR_FIELDS)


def test_complete_subject_is_eligible_with_evidence() -> None:
    # issue 4 item 1: eligible only when every inclusion is met and no exclusion applies
    result = evaluate_eligibility(ELIGIBLE)
    assert result.overall is Overall.ELIGIBLE, [(r.criterion.id, r.status, r.evidence.en) for r in result.criteria]
    assert result.criterion("inc4").evidence.en.startswith("Urine protein/creatinine ratio (first-morning urine) "
                                                          "2.3 g/g > 1.0 g/g")
    assert "尿蛋白/肌酐比值" in result.criterion("inc4").evidence.zh
    assert result.summary().en == "Eligible"


@pytest.mark.parametrize(("age", "expected"), [(17, Status.NOT_MET), (18, Status.MET), (60, Status.MET),
                                               (61, Status.NOT_MET)])
def test_age_18_to_60_inclusive(age: int, expected: Status) -> None:
    # issue 4 item 1: age 18-60 at consent, both bounds included
    assert status("inc2", age_years=age) is expected


def test_acr_count() -> None:
    # issue 4 item 1: inclusion 1 from the ACR 1997 count (at least 4)
    assert status("inc1", acr_count=3) is Status.NOT_MET
    assert status("inc1", acr_count=4) is Status.MET
    assert status("inc1", acr_count=None) is Status.NOT_EVALUABLE


@pytest.mark.parametrize(("klass", "expected"), [("III", Status.MET), ("IV", Status.MET), ("V", Status.MET),
                                                 ("III_V", Status.MET), ("IV_V", Status.MET), ("II", Status.NOT_MET),
                                                 ("VI", Status.NOT_MET), ("I", Status.NOT_MET)])
def test_biopsy_class(klass: str, expected: Status) -> None:
    # issue 4 item 1: ISN/RPS 2003 class III, IV, V, III+V or IV+V
    assert status("inc3", biopsy_class=klass) is expected


@pytest.mark.parametrize(("days", "expected"), [(84, Status.MET), (85, Status.NOT_MET), (0, Status.MET),
                                                (-1, Status.NOT_MET)])
def test_biopsy_within_12_weeks_before_randomisation(days: int, expected: Status) -> None:
    # issue 4 item 1: biopsy dated within 12 weeks (84 days) before randomisation
    biopsy = date.fromordinal(RAND.toordinal() - days)
    assert status("inc3", biopsy_date=biopsy) is expected


def test_biopsy_missing_data_named() -> None:
    # issue 4 item 1: missing data -> not evaluable, naming it
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, randomisation_date=None)).criterion("inc3")
    assert result.status is Status.NOT_EVALUABLE
    assert [n.en for n in result.missing] == ["Planned randomisation date (eligibility)"]


@pytest.mark.parametrize(("upcr", "expected"), [("1.00", Status.NOT_MET), ("1.01", Status.MET),
                                                ("0.99", Status.NOT_MET)])
def test_upcr_above_1(upcr: str, expected: Status) -> None:
    # issue 4 item 1: UPCR > 1.0 (1.0 itself does not qualify)
    assert status("inc4", upcr=m(upcr, "G_G"), protein_24h=None) is expected


def test_upcr_in_mg_mmol_is_converted() -> None:
    # issue 4 item 5: mg/mmol × 0.00884 = g/g; 113.2 mg/mmol = 1.000688 g/g > 1.0; 113.1 = 0.999804
    assert to_canonical("upcr", Decimal("113.1"), "MG_MMOL") == Decimal("0.999804")
    assert status("inc4", upcr=m("113.2", "MG_MMOL"), protein_24h=None) is Status.MET
    assert status("inc4", upcr=m("113.1", "MG_MMOL"), protein_24h=None) is Status.NOT_MET


def test_24h_protein_alternative_and_missing() -> None:
    # issue 4 item 1: morning UPCR > 1.0 or 24-h protein > 1.0 g
    assert status("inc4", upcr=m("0.80", "G_G"), protein_24h=m("1.01", "G")) is Status.MET
    assert status("inc4", upcr=None, protein_24h=m("1000", "MG")) is Status.NOT_MET
    assert status("inc4", upcr=None, protein_24h=m("1001", "MG")) is Status.MET
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, upcr=None, protein_24h=None)).criterion("inc4")
    assert result.status is Status.NOT_EVALUABLE and len(result.missing) == 2


@pytest.mark.parametrize(("pct", "expected"), [("49.9", Status.NOT_MET), ("50.0", Status.MET), ("50.1", Status.MET)])
def test_glomerulosclerosis_at_least_50(pct: str, expected: Status) -> None:
    # issue 4 item 1: "=50%" in the registry means ≥ 50 %
    assert status("exc4", sclerosis_pct=Decimal(pct)) is expected


@pytest.mark.parametrize(("pct", "expected"), [("49.9", Status.NOT_MET), ("50.0", Status.MET)])
def test_necrosis_crescents_at_least_50(pct: str, expected: Status) -> None:
    # issue 4 item 1: necrosis / microthrombi / cellular crescents in ≥ 50 % of glomeruli
    assert status("exc5", necrosis_crescent_pct=Decimal(pct)) is expected
    assert status("exc5", necrosis_crescent_pct=None) is Status.NOT_EVALUABLE


@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("14.0", "MG_L", Status.NOT_MET), ("14.1", "MG_L", Status.MET), ("23.9", "UMOL_L", Status.NOT_MET),
    ("24.0", "UMOL_L", Status.MET), ("1.40", "MG_DL", Status.NOT_MET), ("1.41", "MG_DL", Status.MET),
])
def test_bilirubin_above_14_mg_l(value: str, unit: str, expected: Status) -> None:
    # issue 4 item 1: total bilirubin > 14 mg/L = 23.94 µmol/L, unit-aware
    assert status("exc7", total_bilirubin=m(value, unit)) is expected


def test_bilirubin_conversion_exact() -> None:
    # issue 4 item 5: mg/L × 1.71 = µmol/L; mg/dL × 17.1
    assert to_canonical("tbil", Decimal("14"), "MG_L") == Decimal("23.94")
    assert to_canonical("tbil", Decimal("1.40"), "MG_DL") == Decimal("23.94")


@pytest.mark.parametrize(("alt", "expected"), [("60", Status.NOT_MET), ("61", Status.MET), ("59", Status.NOT_MET)])
def test_alt_above_1_5_uln(alt: str, expected: Status) -> None:
    # issue 4 item 1: ALT > 1.5 × ULN (ULN 40 -> 60 does not exclude)
    assert status("exc7", alt=m(alt, "U_L")) is expected


def test_ast_above_1_5_uln_and_missing_uln() -> None:
    # issue 4 item 1: AST > 1.5 × ULN; the ULN is needed
    assert status("exc7", ast=m("61", "U_L")) is Status.MET
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, ast_uln=None)).criterion("exc7")
    assert result.status is Status.NOT_EVALUABLE
    assert "Upper limit of normal" in result.missing[0].en


@pytest.mark.parametrize(("scr", "unit", "expected"), [("265.1", "UMOL_L", Status.NOT_MET),
                                                      ("265.2", "UMOL_L", Status.MET), ("3.00", "MG_DL", Status.MET),
                                                      ("2.99", "MG_DL", Status.NOT_MET)])
def test_creatinine_at_least_265_2(scr: str, unit: str, expected: Status) -> None:
    # issue 4 item 1: "=265.2" means Scr ≥ 265.2 µmol/L (= 3.00 mg/dL × 88.4); weight high so Ccr stays ≥ 30
    assert status("exc7", creatinine=m(scr, unit), weight_kg=Decimal("120.0"), age_years=18, sex="M") is expected


@pytest.mark.parametrize(("weight", "expected"), [("60.0", Status.NOT_MET), ("59.9", Status.MET),
                                                  ("60.1", Status.NOT_MET)])
def test_ccr_below_30(weight: str, expected: Status) -> None:
    # issue 4 item 1: Cockcroft-Gault Ccr < 30 mL/min; 221 µmol/L, 50 y, male, 60 kg = 30.0 exactly
    assert status("exc7", creatinine=m("221.0", "UMOL_L"), age_years=50, sex="M",
                  weight_kg=Decimal(weight)) is expected


def test_ccr_needs_weight() -> None:
    # issue 4 item 1: missing data -> not evaluable, naming it
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, weight_kg=None)).criterion("exc7")
    assert result.status is Status.NOT_EVALUABLE
    assert [n.en for n in result.missing] == ["Body weight"]


def test_one_alternative_is_enough_to_exclude() -> None:
    # an exclusion with alternatives applies as soon as one applies, even with others missing
    assert status("exc7", total_bilirubin=m("30", "UMOL_L"), weight_kg=None) is Status.MET


@pytest.mark.parametrize(("field", "value", "unit", "expected"), [
    ("wbc", "3000", "PER_UL", Status.NOT_MET), ("wbc", "2999", "PER_UL", Status.MET),
    ("wbc", "3.00", "E9_L", Status.NOT_MET), ("wbc", "2.99", "E9_L", Status.MET),
    ("haemoglobin", "8.0", "G_DL", Status.NOT_MET), ("haemoglobin", "7.9", "G_DL", Status.MET),
    ("haemoglobin", "80", "G_L", Status.NOT_MET), ("haemoglobin", "79", "G_L", Status.MET),
    ("platelets", "50000", "PER_UL", Status.NOT_MET), ("platelets", "49999", "PER_UL", Status.MET),
    ("platelets", "50.00", "E9_L", Status.NOT_MET), ("platelets", "49.99", "E9_L", Status.MET),
])
def test_haematology(field: str, value: str, unit: str, expected: Status) -> None:
    # issue 4 item 1: WBC < 3000/µL, Hb < 8 g/dL, platelets < 50000/µL, unit-aware
    assert status("exc8", **{field: m(value, unit)}) is expected


def test_haematology_missing() -> None:
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, platelets=None)).criterion("exc8")
    assert result.status is Status.NOT_EVALUABLE and result.missing[0].en == "Platelet count"


def test_pregnancy_test_for_women_of_childbearing_potential() -> None:
    # issue 4 item 1: pregnancy test for women of childbearing potential
    assert status("inc6", pregnancy_test="POS") is Status.NOT_MET
    assert status("exc12", pregnancy_test="POS") is Status.MET
    assert status("inc6", pregnancy_test=None) is Status.NOT_EVALUABLE
    assert status("inc6", pregnancy_test=None, sex="M", childbearing=None) is Status.MET
    assert status("inc6", pregnancy_test=None, childbearing="N") is Status.MET
    assert status("inc6", sex=None) is Status.NOT_EVALUABLE


def test_contraception_answer_checked_against_childbearing_potential() -> None:
    # issue 4 item 1: inclusion 5 needs Yes from a woman of childbearing potential
    answers = dict(ELIGIBLE.investigator)
    assert status("inc5", investigator={**answers, "inc5_inv": "NA"}) is Status.NOT_MET
    assert status("inc5", investigator={**answers, "inc5_inv": "NA"}, sex="M", childbearing=None) is Status.MET
    assert status("inc5", investigator={**answers, "inc5_inv": "N"}) is Status.NOT_MET


def test_investigator_answers() -> None:
    # issue 4 item 1: the investigator confirms the rest; Yes on an exclusion excludes
    answers = dict(ELIGIBLE.investigator)
    assert status("exc10", investigator={**answers, "exc10": "Y"}) is Status.MET
    result = evaluate_eligibility(dataclasses.replace(ELIGIBLE, investigator={**answers, "exc9": None}))
    assert result.criterion("exc9").status is Status.NOT_EVALUABLE
    assert result.overall is Overall.NOT_EVALUABLE
    assert status("inc7", consent_date=None) is Status.NOT_EVALUABLE


def test_prohibited_medication_within_12_weeks() -> None:
    # issue 4 item 1: prohibited medication within 12 weeks (84 days) before randomisation
    def with_med(record: ConmedRecord) -> Status:
        return status("exc1", conmeds=(*ELIGIBLE.conmeds, record))

    assert with_med(ConmedRecord(name="骁悉", start=date(2023, 1, 1), stop=date(2024, 3, 9), ongoing=False)) \
        is Status.MET  # 2024-03-09 = 84 days before 2024-06-01
    assert with_med(ConmedRecord(name="Cellcept", start=date(2023, 1, 1), stop=date(2024, 3, 8), ongoing=False)) \
        is Status.NOT_MET
    assert with_med(ConmedRecord(name="tacrolimus", start=PartialDate(year=2023), ongoing=True)) is Status.MET
    assert with_med(ConmedRecord(name="环磷酰胺", start=PartialDate(year=2023),
                                 stop=PartialDate(year=2024, month=3), ongoing=False)) is Status.NOT_EVALUABLE
    assert with_med(ConmedRecord(name="Leflunomide", start=date(2023, 1, 1), stop=None, ongoing=None)) \
        is Status.NOT_EVALUABLE


def test_overall_not_eligible_lists_failed_criteria() -> None:
    # issue 4 item 1: not eligible with the failed criteria listed; failure wins over not evaluable
    inputs = dataclasses.replace(ELIGIBLE, age_years=65, upcr=m("0.50", "G_G"), protein_24h=None,
                                 haemoglobin=m("7.5", "G_DL"), ast_uln=None)
    result = evaluate_eligibility(inputs)
    assert result.overall is Overall.NOT_ELIGIBLE
    assert result.failed == ("inc2", "inc4", "exc8")
    assert result.summary().en == "Not eligible: Inclusion 2, Inclusion 4, Exclusion 8"
    assert result.summary().zh == "不符合入选条件：入选标准 2、入选标准 4、排除标准 8"
    context = result.form_context()
    assert context["elig_result"] == "NOT_ELIGIBLE" and context["elig_inc2"] == "N"
    assert context["elig_failed"] == "inc2, inc4, exc8"
    assert context["elig_missing"] == "exc7"


def test_unknown_unit_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unit 'MMOL_L' is not allowed for tbil"):
        evaluate_eligibility(dataclasses.replace(ELIGIBLE, total_bilirubin=m("10", "MMOL_L")))
