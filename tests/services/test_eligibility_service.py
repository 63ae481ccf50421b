"""Issue 4 item 1 (services): eligibility evaluated from the recorded screening forms, the cross-form context
(age and sex from demographics) on the labs form, and the prohibited-medication flag of the conmed log.

The helpers here (:func:`screen`, :data:`LAB`) build a subject's screening forms through the services; the
randomisation tests reuse them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from crf_desktop.forms.calculators import cockcroft_gault, egfr_ckd_epi_2009
from crf_desktop.forms.trial.eligibility import Overall, Status
from crf_desktop.services import records as rec
from crf_desktop.services.eligibility import eligibility, gather_eligibility_inputs
from crf_desktop.services.lab_ranges import set_reference_range
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import register_subject
from tests.conftest import USER_PASSWORD, SiteFixture

LAB = "Central Laboratory"
INVESTIGATOR_NO = {f: "N" for f in ("exc2", "exc3", "exc6", "exc9", "exc10", "exc11", "exc12_inv")}


def as_user(site: SiteFixture, user: str) -> Session:
    return login(site.data_dir, user, USER_PASSWORD)


def save(session: Session, subject_id: str, visit: str, form_id: str, raw: dict[str, str],
         repeat_no: int = 0) -> rec.SaveOutcome:
    outcome = rec.save_record(session, subject_id=subject_id, visit=visit, form_id=form_id, raw=raw,
                              repeat_no=repeat_no)
    if not outcome.saved and all(i.needs_confirmation for i in outcome.refused):
        outcome = rec.save_record(session, subject_id=subject_id, visit=visit, form_id=form_id, raw=raw,
                                  repeat_no=repeat_no, confirmed={i.field: i.value for i in outcome.refused})
    assert outcome.saved, [i.message.en for i in outcome.refused]
    return outcome


def lab_ranges(session: Session, valid_from: date | None = None) -> None:
    """The central laboratory's ULN of ALT and AST (40 U/L) from a year ago."""
    start = valid_from or session.today() - timedelta(days=365)
    for analyte in ("alt", "ast"):
        set_reference_range(session, lab_name=LAB, analyte=analyte, lln=Decimal(7), uln=Decimal(40), unit="U_L",
                            valid_from=start)


def labs_raw(day: date, **changes: str) -> dict[str, str]:
    raw = {
        "lab_date": day.isoformat(), "lab_name": LAB,
        "prot24h_unit": "G", "prot24h_in_g": "3.10", "upcr_unit": "G_G", "upcr_in_g_g": "2.30",
        "urine_rbc_hpf": "12", "urine_casts": "N", "alb_unit": "G_L", "alb_in_g_l": "28.0",
        "scr_unit": "UMOL_L", "scr_in_umol_l": "70.0", "weight_kg": "55.5",
        "wbc_unit": "E9_L", "wbc_in_e9_l": "5.20", "hb_unit": "G_L", "hb_in_g_l": "120",
        "plt_unit": "E9_L", "plt_in_e9_l": "210.00", "alt_u_l": "30", "ast_u_l": "25",
        "tbil_unit": "UMOL_L", "tbil_in_umol_l": "10.0",
    }
    raw.update(changes)
    return {k: v for k, v in raw.items() if v != ""}


def screen(session: Session, *, initials: str = "ZSF", labs: dict[str, str] | None = None, biopsy: bool = True,
           eligibility_answers: dict[str, str] | None = None) -> str:
    """Register a 35-year-old woman of childbearing potential and fill her screening forms (eligible as given)."""
    today = session.today()
    sid = register_subject(session, initials=initials, birth_year=today.year - 35, sex="F").subject_id
    consent_day = today - timedelta(days=10)
    save(session, sid, "screening", "consent", {
        "consent_version": "V2.0", "consent_version_date": "2018-06-15", "consent_date": consent_day.isoformat(),
        "consent_obtained_by": "Dr Wang", "consent_copy_given": "Y"})
    demographics = {
        "dob": (today - timedelta(days=365 * 35 + 100)).isoformat(),
        "sex": "F", "childbearing": "Y", "ethnicity": "HAN", "height_cm": "162.0", "weight_kg": "55.5",
        "sle_diagnosis_date": "2019-03",
        **{f"acr_{k}": "Y" if k in ("malar_rash", "renal", "immunologic", "ana", "arthritis") else "N"
           for k in ("malar_rash", "discoid_rash", "photosensitivity", "oral_ulcers", "arthritis", "serositis",
                     "renal", "neurologic", "haematologic", "immunologic", "ana")},
    }
    save(session, sid, "screening", "demographics", demographics)
    if biopsy:
        save(session, sid, "screening", "renal_biopsy", {
            "bx_date": (today - timedelta(days=30)).isoformat(), "bx_class": "IV", "bx_iv_subclass": "G",
            "bx_activity": "A", "bx_glomeruli_n": "25", "bx_sclerosis_pct": "10.0", "bx_nmc_pct": "5.0"})
    save(session, sid, "screening", "labs", labs_raw(today - timedelta(days=5), **(labs or {})))
    save(session, sid, "screening", "pregnancy_test", {
        "preg_done": "Y", "preg_date": (today - timedelta(days=5)).isoformat(), "preg_type": "URINE",
        "preg_result": "NEG"})
    answers = {"elig_date": (today - timedelta(days=1)).isoformat(), "elig_rand_date": today.isoformat(),
               "inc5_inv": "Y", "inc7_inv": "Y", **INVESTIGATOR_NO, **(eligibility_answers or {})}
    save(session, sid, "screening", "inclusion_exclusion", answers)
    return sid


def test_cross_form_context_derives_egfr_and_ccr_on_the_labs_form(site_with_users: SiteFixture) -> None:
    # issue 4 item 5 / DESIGN.md section 9: eGFR and Ccr on the labs form use age and sex from demographics
    session = as_user(site_with_users, "coordinator")
    try:
        sid = screen(session)
        record = rec.get_record(session, subject_id=sid, visit="screening", form_id="labs")
        assert record is not None
        demo = rec.get_record(session, subject_id=sid, visit="screening", form_id="demographics")
        assert demo is not None
        age = int(demo.data["age_years"])
        assert age in (35, 36)
        egfr = Decimal(repr(egfr_ckd_epi_2009(70.0, age, "F"))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        ccr = Decimal(repr(cockcroft_gault(70.0, age, 55.5, "F"))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert record.data["egfr"] == str(egfr) and record.data["egfr_equation"] == "CKD-EPI 2009"
        assert record.data["ccr"] == str(ccr)
        # the live check of a labs form at a later visit sees the same context
        result = rec.check(session, subject_id=sid, form_id="labs", raw=labs_raw(session.today(),
                                                                                 scr_in_umol_l="140.0"))
        later = result.values["egfr"]
        assert isinstance(later, Decimal) and later < egfr
    finally:
        session.close()


def test_an_eligible_subject_from_recorded_forms(site_with_users: SiteFixture) -> None:
    # issue 4 item 1: data-decided criteria evaluated from the recorded forms; the result derived, never typed
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        sid = screen(session)
        inputs = gather_eligibility_inputs(session, sid)
        assert inputs.alt_uln == Decimal(40) and inputs.upcr is not None and inputs.upcr.unit == "G_G"
        assert inputs.age_years in (35, 36) and inputs.pregnancy_test == "NEG" and inputs.biopsy_class == "IV"
        result = eligibility(session, sid)
        assert result.overall is Overall.ELIGIBLE, [(r.criterion.id, r.evidence.en) for r in result.criteria]
        assert "1.5 × ULN 40 = 60 U/L" in result.criterion("exc7").evidence.en
        # the eligibility form's derived items hold the same result
        stored = rec.get_record(session, subject_id=sid, visit="screening", form_id="inclusion_exclusion")
        assert stored is not None and stored.data["elig_result"] == "ELIGIBLE"
        assert stored.data["inc4"] == Status.MET.value and stored.data["exc7"] == Status.NOT_MET.value
        # the live check uses the answers as typed, not the stored ones
        typed = dict(stored.data, exc2="Y")
        live = rec.check(session, subject_id=sid, form_id="inclusion_exclusion", raw=typed)
        assert live.values["elig_result"] == "NOT_ELIGIBLE" and live.values["elig_failed"] == "exc2"
    finally:
        session.close()


def test_failing_data_decided_criteria_are_listed(site_with_users: SiteFixture) -> None:
    # issue 4 item 1: not eligible with the failed criteria listed (proteinuria; ALT against the lab's ULN)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        low_protein = screen(session, initials="AA", labs={"upcr_in_g_g": "0.60", "prot24h_unit": "MG",
                                                            "prot24h_in_g": "", "prot24h_in_mg": "500"})
        result = eligibility(session, low_protein)
        assert result.overall is Overall.NOT_ELIGIBLE and result.failed == ("inc4",)
        assert "0.6 g/g ≤ 1.0 g/g" in result.criterion("inc4").evidence.en
        assert "500 mg/24 h (= 0.5 g/24 h)" in result.criterion("inc4").evidence.en
        high_alt = screen(session, initials="BB", labs={"alt_u_l": "75"})
        result = eligibility(session, high_alt)
        assert result.failed == ("exc7",)
        assert "75 U/L > 1.5 × ULN 40 = 60 U/L" in result.criterion("exc7").evidence.en
        stored = rec.get_record(session, subject_id=high_alt, visit="screening", form_id="inclusion_exclusion")
        assert stored is not None
        assert (stored.data["elig_result"], stored.data["elig_failed"]) == ("NOT_ELIGIBLE", "exc7")
    finally:
        session.close()


def test_missing_data_is_not_evaluable_naming_the_item(site_with_users: SiteFixture) -> None:
    # issue 4 item 1: missing data → not evaluable, naming what is missing (no biopsy; no reference range)
    session = as_user(site_with_users, "coordinator")
    try:
        sid = screen(session, biopsy=False)
        result = eligibility(session, sid)
        assert result.overall is Overall.NOT_EVALUABLE
        assert set(result.not_evaluable) == {"inc3", "exc4", "exc5", "exc7"}
        missing = [m.en for r in result.criteria for m in r.missing]
        assert "ISN/RPS class (renal biopsy)" in missing
        assert "Upper limit of normal of Alanine aminotransferase (ALT) (laboratory reference range)" in missing
        stored = rec.get_record(session, subject_id=sid, visit="screening", form_id="inclusion_exclusion")
        assert stored is not None and stored.data["elig_result"] == "NOT_EVALUABLE"
    finally:
        session.close()


def test_a_prohibited_concomitant_medication_is_flagged_not_refused(site_with_users: SiteFixture) -> None:
    # issue 4 item 4: prohibited medications flagged against the exclusion list (visible, not blocking)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        sid = screen(session)
        today = session.today()
        ordinary = save(session, sid, "concomitant_medications", "conmed", {
            "cm_name": "Hydroxychloroquine", "cm_indication": "SLE", "cm_dose": "200", "cm_unit": "MG",
            "cm_route": "PO", "cm_frequency": "BID", "cm_start": "2020-05", "cm_ongoing": "Y"}, repeat_no=1)
        assert ordinary.prohibited is None
        flagged = save(session, sid, "concomitant_medications", "conmed", {
            "cm_name": "美罗华", "cm_indication": "LN", "cm_dose": "500", "cm_unit": "MG", "cm_route": "IV",
            "cm_frequency": "ONCE", "cm_start": (today - timedelta(days=40)).isoformat(), "cm_ongoing": "N",
            "cm_stop": (today - timedelta(days=40)).isoformat()}, repeat_no=2)
        assert flagged.prohibited is not None and flagged.prohibited.agent.en == "rituximab"
        assert "prohibited medication" in flagged.prohibited.message.en
        assert flagged.record is not None and flagged.record.data["cm_prohibited"] == "Y"
        entry = next(e for e in session.audit_trail(limit=30) if e.action == "prohibited medication recorded")
        assert (entry.subject, entry.form, entry.new_value) == (sid, "conmed#2", "美罗华 (rituximab)")
        # and exclusion 1 now applies: taken within 12 weeks of the planned randomisation date
        assert eligibility(session, sid).failed == ("exc1",)
    finally:
        session.close()
