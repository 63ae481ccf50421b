"""Trial form declarations (issue 4 items 1-6): biopsy, eligibility, labs, pregnancy test, MSC infusion, MMF dosing
and kits, concomitant medications, end of study."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from crf_desktop.forms.checks import problems
from crf_desktop.forms.issues import IssueCode, Severity
from crf_desktop.forms.library import labs
from crf_desktop.forms.library.lab_units import ANALYTES, to_canonical
from crf_desktop.forms.registry import forms_for_visit, get_form
from crf_desktop.forms.validation import Context, validate

CONTEXT = Context(today=date(2024, 6, 30), consent_date=date(2024, 5, 1))
TRIAL_FORMS = ("renal_biopsy", "inclusion_exclusion", "labs", "pregnancy_test", "msc_infusion", "mmf_dosing",
               "drug_kits", "conmed", "end_of_study")


def codes(form_id: str, raw: dict[str, str]) -> list[tuple[IssueCode, str]]:
    result = validate(get_form(form_id), raw, CONTEXT)
    return [(i.code, i.field) for i in result.issues if i.severity is not Severity.INFO]


@pytest.mark.parametrize("form_id", TRIAL_FORMS)
def test_every_trial_form_loads_through_the_registry(form_id: str) -> None:
    # issue 4: every form loads through the registry and passes the load checks, labels in both languages
    form = get_form(form_id)
    assert problems(form) == []
    assert all(f.label.en and f.label.zh for f in form.fields)


def test_visits_hold_the_trial_forms() -> None:
    # issue 4: screening, baseline, follow-up, end of study
    screening = [f.id for f in forms_for_visit("screening")]
    assert {"renal_biopsy", "labs", "pregnancy_test", "inclusion_exclusion"} <= set(screening)
    assert {"msc_infusion", "mmf_dosing", "labs"} <= {f.id for f in forms_for_visit("baseline")}
    assert "labs" in [f.id for f in forms_for_visit("week12")]
    assert "end_of_study" in [f.id for f in forms_for_visit("week24")]
    assert "end_of_study" not in [f.id for f in forms_for_visit("week20")]
    assert "end_of_study" in [f.id for f in forms_for_visit("early_termination")]
    assert get_form("conmed").repeating and get_form("drug_kits").repeating


# ---------------------------------------------------------------------------------------------------- biopsy
def test_biopsy_form() -> None:
    # issue 4 item 1: biopsy date, ISN/RPS class, % sclerosis, % necrosis/microthrombi/crescents
    raw = {"bx_date": "2024-04-01", "bx_class": "IV_V", "bx_iv_subclass": "G", "bx_activity": "A",
           "bx_glomeruli_n": "25", "bx_sclerosis_pct": "12", "bx_nmc_pct": "8"}
    assert codes("renal_biopsy", raw) == []
    assert codes("renal_biopsy", {**raw, "bx_sclerosis_pct": "101"}) == [(IssueCode.HARD_RANGE, "bx_sclerosis_pct")]
    result = validate(get_form("renal_biopsy"), {**raw, "bx_class": "V"}, CONTEXT)
    assert {"bx_iv_subclass", "bx_activity"} <= result.not_applicable


# ------------------------------------------------------------------------------------------------ eligibility
def test_eligibility_form_items() -> None:
    # issue 4 item 1: one item per criterion; investigator ones typed, data ones and the result derived
    form = get_form("inclusion_exclusion")
    for number in range(1, 8):
        assert form.has_field(f"inc{number}")
    for number in range(1, 13):
        assert form.has_field(f"exc{number}")
    assert form.field("inc4").is_derived and form.field("exc7").is_derived
    assert not form.field("exc2").is_derived and not form.field("exc10").is_derived
    assert not form.field("inc5_inv").is_derived and form.field("inc5").is_derived
    assert form.field("elig_result").is_derived
    raw = {"elig_date": "2024-05-20", "elig_rand_date": "2024-07-01", "inc5_inv": "Y", "inc7_inv": "Y",
           **{f"exc{n}": "N" for n in (2, 3, 6, 9, 10, 11)}, "exc12_inv": "N", "elig_result": "ELIGIBLE"}
    result = validate(form, raw, CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    assert result.values["elig_result"] is None  # never typed: derived from evaluate_eligibility via the context


# ---------------------------------------------------------------------------------------------------- labs
def test_creatinine_mg_dl_converted_exactly() -> None:
    # issue 4 item 5: creatinine 1.0 mg/dL = 88.4 µmol/L (canonical µmol/L)
    assert to_canonical("scr", Decimal("1.00"), "MG_DL") == Decimal("88.4")
    result = validate(get_form("labs"), {"lab_date": "2024-06-01", "lab_name": "Drum Tower", "scr_unit": "MG_DL",
                                         "scr_in_mg_dl": "1.0"}, CONTEXT)
    assert result.values["scr_umol_l"] == Decimal("88.400")
    assert result.stored()["scr_unit"] == "MG_DL" and result.stored()["scr_in_mg_dl"] == "1.00"
    assert "scr_in_umol_l" in result.not_applicable


def test_upcr_units_and_factor() -> None:
    # issue 4 item 5: UPCR g/g canonical; mg/mmol × 0.00884 (1 mg/mmol = 8.84 mg/g, clinical-rules.md section 6)
    assert to_canonical("upcr", Decimal("100.0"), "MG_MMOL") == Decimal("0.884")
    assert to_canonical("upcr", Decimal("1.25"), "MG_MG") == Decimal("1.25")
    result = validate(get_form("labs"), {"lab_date": "2024-06-01", "lab_name": "x", "upcr_unit": "MG_MMOL",
                                         "upcr_in_mg_mmol": "250"}, CONTEXT)
    assert result.values["upcr_g_g"] == Decimal("2.210000")


def test_other_conversions() -> None:
    # issue 4 item 5: Hb g/dL × 10, cell counts /µL × 0.001, albumin g/dL × 10, C3 mg/dL × 0.01
    assert to_canonical("hb", Decimal("8.0"), "G_DL") == Decimal("80")
    assert to_canonical("wbc", Decimal("3000"), "PER_UL") == Decimal("3")
    assert to_canonical("alb", Decimal("3.5"), "G_DL") == Decimal("35")
    assert to_canonical("c3", Decimal("90"), "MG_DL") == Decimal("0.9")
    assert to_canonical("prot24h", Decimal("1500"), "MG") == Decimal("1.5")
    assert ANALYTES["scr"].canonical_field == "scr_umol_l"


def test_unit_mistake_refused_or_warned_with_a_hint() -> None:
    # issue 4 item 5: creatinine 1.2 entered as µmol/L is impossible (refused); 15 µmol/L is unexpected (warns);
    # the unit hint ("did you mean mg/dL?") is in the field's help (issue messages cannot carry one)
    raw = {"lab_date": "2024-06-01", "lab_name": "x", "scr_unit": "UMOL_L", "scr_in_umol_l": "1.2"}
    assert codes("labs", raw) == [(IssueCode.HARD_RANGE, "scr_in_umol_l")]
    result = validate(get_form("labs"), {**raw, "scr_in_umol_l": "15"}, CONTEXT)
    assert [(i.code, i.field) for i in result.unconfirmed] == [(IssueCode.EXPECTED_RANGE, "scr_in_umol_l")]
    help_text = get_form("labs").field("scr_in_umol_l").help
    assert help_text is not None and "did you mean mg/dL" in help_text.en
    mg = validate(get_form("labs"), {**raw, "scr_unit": "MG_DL", "scr_in_mg_dl": "13"}, CONTEXT)
    assert [(i.code, i.field) for i in mg.unconfirmed] == [(IssueCode.EXPECTED_RANGE, "scr_in_mg_dl")]
    assert codes("labs", {**raw, "scr_unit": "MG_DL", "scr_in_mg_dl": "88"}) == [(IssueCode.HARD_RANGE,
                                                                                  "scr_in_mg_dl")]


def test_egfr_derived_with_equation_name() -> None:
    # issue 4 item 5: eGFR by CKD-EPI 2009 via the calculator, equation name stored with the value
    values = {"scr_umol_l": Decimal("88.4"), "subject_age_years": 30, "subject_sex": "F"}
    assert labs._egfr(values) == Decimal("75.5")
    assert labs._egfr_equation(values) == "CKD-EPI 2009"
    assert labs._ccr({**values, "weight_kg": Decimal("60.0"), "subject_age_years": 25}) == Decimal("81.5")
    assert labs._ccr_equation({**values, "weight_kg": Decimal("60.0")}) == "Cockcroft-Gault"


def test_egfr_not_calculable_without_age_and_sex() -> None:
    # issue 4 item 5: until the engine passes age and sex, eGFR says "cannot be calculated"
    raw = {"lab_date": "2024-06-01", "lab_name": "x", "scr_unit": "UMOL_L", "scr_in_umol_l": "70", "weight_kg": "60"}
    result = validate(get_form("labs"), raw, CONTEXT)
    assert result.ok
    derived = {(i.code, i.field) for i in result.issues}
    assert {(IssueCode.DERIVED, "egfr"), (IssueCode.DERIVED, "ccr")} <= derived
    assert result.values["egfr"] is None and result.values["egfr_equation"] is None


# ---------------------------------------------------------------------------------------------- pregnancy test
def test_pregnancy_test_form() -> None:
    # issue 4 item 5: pregnancy test on its own form (relevance across forms is not possible in the engine)
    assert codes("pregnancy_test", {"preg_done": "Y", "preg_date": "2024-05-02", "preg_type": "URINE",
                                    "preg_result": "NEG"}) == []
    assert codes("pregnancy_test", {"preg_done": "Y"}) == [(IssueCode.REQUIRED, "preg_date"),
                                                           (IssueCode.REQUIRED, "preg_type"),
                                                           (IssueCode.REQUIRED, "preg_result")]


# ---------------------------------------------------------------------------------------------------- infusion
INFUSION = {
    "inf_given": "Y", "inf_date": "2024-06-01", "inf_weight_kg": "70.3", "inf_kit": "K-0012", "inf_lot": "L2024-05",
    "inf_volume_ml": "100", "inf_start_time": "09:30", "inf_stop_time": "10:15", "inf_premed": "N",
    **{f"inf_{tp}_time": t for tp, t in (("pre", "09:20"), ("mid", "09:50"), ("post", "10:30"))},
    **{f"inf_{tp}_{v}": val for tp in ("pre", "mid", "post")
       for v, val in (("sbp", "120"), ("dbp", "75"), ("pulse", "72"), ("temp", "36.6"), ("rr", "16"),
                      ("spo2", "98"))},
    "inf_interrupted": "N", "inf_reaction": "N",
}


def test_msc_dose_from_weight() -> None:
    # issue 4 item 2: 2 × 10^6 cells/kg via msc_dose_cells: 70.3 kg -> 140,600,000 cells (140.6 × 10^6)
    result = validate(get_form("msc_infusion"), INFUSION, CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    assert result.values["inf_dose_cells"] == 140_600_000
    assert result.values["inf_dose_1e6"] == Decimal("140.6")
    assert result.values["inf_duration_min"] == 45


def test_infusion_stop_time_before_start_refused() -> None:
    # issue 4 item 2: stop not before start
    result = validate(get_form("msc_infusion"), {**INFUSION, "inf_stop_time": "09:00"}, CONTEXT)
    assert not result.ok
    assert [(i.code, i.field) for i in result.errors] == [(IssueCode.DATE_ORDER, "inf_stop_time")]
    assert "09:00 is before Start time (09:30)" in result.errors[0].message.en
    assert result.values["inf_duration_min"] is None


def test_infusion_vitals_ranges_and_reaction() -> None:
    # issue 4 item 2: vital signs with hard and expected ranges; reaction details and the AE prompt
    assert codes("msc_infusion", {**INFUSION, "inf_mid_spo2": "101"}) == [(IssueCode.HARD_RANGE, "inf_mid_spo2")]
    assert codes("msc_infusion", {**INFUSION, "inf_post_temp": "38.4"}) == [(IssueCode.EXPECTED_RANGE,
                                                                            "inf_post_temp")]
    assert codes("msc_infusion", {**INFUSION, "inf_reaction": "Y"}) == [
        (IssueCode.REQUIRED, "inf_reaction_details"), (IssueCode.REQUIRED, "inf_reaction_ae")]
    help_text = get_form("msc_infusion").field("inf_reaction_ae").help
    assert help_text is not None and "adverse event" in help_text.en


# ------------------------------------------------------------------------------------------------ MMF dosing
def test_mmf_prescribed_dose_and_steroid_equivalent() -> None:
    # issue 4 item 3: prescribed 2.0 g/day shown; glucocorticoid as prednisone-equivalent mg/day
    raw = {"mmf_as_prescribed": "Y", "mmf_interrupted": "N", "mmf_changed": "N", "gc_drug": "METHYLPRED",
           "gc_dose_mg_day": "32"}
    result = validate(get_form("mmf_dosing"), raw, CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    assert result.values["mmf_prescribed_g_day"] == Decimal("2.0")
    assert result.values["gc_pred_eq_mg_day"] == Decimal("40.00")
    changed = {**raw, "mmf_changed": "Y"}
    assert codes("mmf_dosing", changed) == [(IssueCode.REQUIRED, "mmf_new_dose_g_day"),
                                            (IssueCode.REQUIRED, "mmf_change_date"),
                                            (IssueCode.REQUIRED, "mmf_change_reason")]


KIT = {"kit_number": "K-0012", "kit_dispensed_date": "2024-06-01", "kit_dispensed_n": "140",
       "kit_units_per_day": "4", "kit_returned": "Y", "kit_returned_date": "2024-06-29"}


@pytest.mark.parametrize(("returned", "percent", "outside"), [
    ("28", "100.0", "N"), ("50", "80.4", "N"), ("51", "79.5", "Y"), ("0", "125.0", "Y"),
])
def test_compliance_and_its_flag(returned: str, percent: str, outside: str) -> None:
    # issue 4 item 3: compliance % = (dispensed − returned) / (days × tablets per day); 28 days × 4 = 112
    result = validate(get_form("drug_kits"), {**KIT, "kit_returned_n": returned}, CONTEXT)
    assert result.values["kit_compliance_pct"] == Decimal(percent)
    assert result.values["kit_compliance_outside"] == outside
    if outside == "Y":
        assert [(i.code, i.field) for i in result.errors] == [(IssueCode.REQUIRED, "kit_compliance_reason")]
    else:
        assert result.ok


def test_more_returned_than_dispensed_refused() -> None:
    # issue 4 item 3: returns cannot exceed what was dispensed
    result = validate(get_form("drug_kits"), {**KIT, "kit_returned_n": "141"}, CONTEXT)
    assert [(i.code, i.field) for i in result.errors] == [(IssueCode.HARD_RANGE, "kit_returned_n")]
    assert result.values["kit_compliance_pct"] is None


def test_kit_return_date_order() -> None:
    # issue 4 item 3: returned not before dispensed
    assert codes("drug_kits", {**KIT, "kit_returned_n": "28", "kit_returned_date": "2024-05-30"}) == [
        (IssueCode.DATE_ORDER, "kit_returned_date")]


# -------------------------------------------------------------------------------------------------- conmeds
CONMED = {"cm_name": "Hydroxychloroquine", "cm_indication": "SLE", "cm_dose": "200", "cm_unit": "MG",
          "cm_route": "PO", "cm_frequency": "BID", "cm_start": "UNK-Mar-2019", "cm_ongoing": "Y"}


def test_conmed_record_and_prohibited_flag() -> None:
    # issue 4 item 4: the log flags prohibited medications
    result = validate(get_form("conmed"), CONMED, CONTEXT)
    assert result.ok and result.values["cm_prohibited"] == "N"
    flagged = validate(get_form("conmed"), {**CONMED, "cm_name": "骁悉 0.5g"}, CONTEXT)
    assert flagged.values["cm_prohibited"] == "Y"
    assert flagged.values["cm_prohibited_agent"] == "mycophenolate mofetil / 吗替麦考酚酯"


def test_conmed_stop_only_when_not_ongoing_and_not_before_start() -> None:
    # issue 4 item 4: stop relevant only when not ongoing; stop before start refused (partial dates)
    ongoing = validate(get_form("conmed"), {**CONMED, "cm_stop": "2020-01-01"}, CONTEXT)
    assert "cm_stop" in ongoing.not_applicable
    stopped = {**CONMED, "cm_ongoing": "N"}
    assert codes("conmed", {**stopped, "cm_stop": "2019-02"}) == [(IssueCode.DATE_ORDER, "cm_stop")]
    assert codes("conmed", {**stopped, "cm_stop": "2019-03"}) == []
    assert codes("conmed", stopped) == [(IssueCode.REQUIRED, "cm_stop")]


# --------------------------------------------------------------------------------------------- end of study
def test_end_of_study() -> None:
    # issue 4 item 6: date, reason, last dose dates
    raw = {"eos_date": "2024-06-20", "eos_status": "AE", "eos_ae_term": "Pneumonia", "eos_msc_given": "Y",
           "eos_msc_date": "2024-05-02", "eos_mmf_taken": "Y", "eos_last_mmf_date": "2024-06-10"}
    assert codes("end_of_study", raw) == []
    assert codes("end_of_study", {**raw, "eos_status": "OTHER"}) == [(IssueCode.REQUIRED, "eos_other")]
    assert codes("end_of_study", {**raw, "eos_status": "DEATH"}) == [(IssueCode.REQUIRED, "eos_death_date")]
