"""Issue 5 item 5: outcomes per subject and for the site, gathered from the saved records.

The expected responses are hand-computed with the KDIGO 2012 rule of DESIGN.md section 9.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from crf_desktop.forms.outcomes.values import Status
from crf_desktop.services import records as rec
from crf_desktop.services.outcomes import outcomes_of, site_outcomes, trend_of
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import register_subject
from tests.conftest import USER_PASSWORD, SiteFixture

BILAG_ALL_D = {f"bilag_{s}": "D" for s in ("constitutional", "mucocutaneous", "neuropsychiatric",
                                            "musculoskeletal", "cardiorespiratory", "gastrointestinal",
                                            "ophthalmic", "haematological")}


def _save(session: Session, sid: str, visit: str, form: str, raw: dict[str, str]) -> None:
    outcome = rec.save_record(session, subject_id=sid, visit=visit, form_id=form, raw=raw)
    if not outcome.saved:  # confirm expected-range warnings as a coordinator would
        confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
        outcome = rec.save_record(session, subject_id=sid, visit=visit, form_id=form, raw=raw, confirmed=confirmed)
    assert outcome.saved, [i.message.en for i in outcome.refused]


def _visit(session: Session, sid: str, visit: str, day: str, *, upcr: str, scr: str, sledai: dict[str, str],
           renal: str, phga: str) -> None:
    _save(session, sid, visit, "visit_info", {"visit_done": "Y", "visit_date": day})
    _save(session, sid, visit, "labs", {"lab_date": day, "lab_name": "Central lab", "upcr_unit": "G_G",
                                        "upcr_in_g_g": upcr, "scr_unit": "UMOL_L", "scr_in_umol_l": scr})
    descriptors = {f"sledai_{k}": "N" for k in (
        "seizure", "psychosis", "organic_brain_syndrome", "visual_disturbance", "cranial_nerve_disorder",
        "lupus_headache", "cva", "vasculitis", "arthritis", "myositis", "urinary_casts", "hematuria",
        "proteinuria", "pyuria", "rash", "alopecia", "mucosal_ulcers", "pleurisy", "pericarditis", "low_complement",
        "increased_dna_binding", "fever", "thrombocytopenia", "leukopenia")}
    _save(session, sid, visit, "sledai", {**descriptors, **sledai})
    _save(session, sid, visit, "bilag", {**BILAG_ALL_D, "bilag_renal": renal})
    _save(session, sid, visit, "phga", {"phga": phga})


def test_a_partial_then_complete_responder(site_with_users: SiteFixture) -> None:
    session = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    try:
        sid = register_subject(session, initials="AB", birth_year=1990, sex="F").subject_id
        base = session.today() - timedelta(days=100)
        day = lambda n: (base + timedelta(days=n)).isoformat()  # noqa: E731
        active = {"sledai_proteinuria": "Y", "sledai_low_complement": "Y", "sledai_increased_dna_binding": "Y"}
        _visit(session, sid, "baseline", day(0), upcr="3.2", scr="100", sledai=active, renal="A", phga="2.0")
        # week 4: UPCR 1.5 = down 53 %, < 3.0 (nephrotic baseline), creatinine 110 % → partial
        _visit(session, sid, "week4", day(28), upcr="1.5", scr="110", sledai={"sledai_proteinuria": "Y"},
               renal="B", phga="1.2")
        # week 8: UPCR 0.4 < 0.5 and creatinine 105 % → complete; SLEDAI 8 → 4, no new A/B, PhGA better → SRI-4
        _visit(session, sid, "week8", day(56), upcr="0.4", scr="105", sledai={"sledai_proteinuria": "Y"},
               renal="C", phga="0.5")
        result = outcomes_of(session, sid)
        by_visit = {row.visit: row for row in result.visits}
        assert by_visit["week4"].renal.category == "partial"
        assert by_visit["week8"].renal.category == "complete"
        assert by_visit["week8"].sri4.status is Status.RESPONDER
        assert by_visit["week12"].renal.status is Status.NOT_EVALUABLE
        assert "week12: visit not recorded" in by_visit["week12"].renal.missing
        assert result.time_to_response.first_partial is not None
        assert result.time_to_response.first_partial.days == 28
        assert result.time_to_response.first_complete is not None
        assert result.time_to_response.first_complete.days == 56
        assert "KDIGO 2012" in by_visit["week8"].renal.describe().en
        chart = trend_of(session, sid)
        assert chart.visits == ("baseline", "week4", "week8")
        assert chart.get("upcr").values == (Decimal("3.2"), Decimal("1.5"), Decimal("0.4"))
        assert chart.get("sledai").values == (8, 4, 4)  # proteinuria 4 + low complement 2 + DNA binding 2
        summary = site_outcomes(session)
        assert summary.visit("week8").renal.responders == 1
    finally:
        session.close()


def test_sledai_suggestions_come_from_the_same_visits_labs(site_with_users: SiteFixture) -> None:
    """Issue 5 item 3: proteinuria > 0.5, thrombocytopenia < 100, leukopenia < 3 (Gladman 2002)."""
    from crf_desktop.services.suggestions import suggestions_for

    session = login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    try:
        sid = register_subject(session, initials="CD", birth_year=1990, sex="F").subject_id
        day = (session.today() - timedelta(days=3)).isoformat()
        assert suggestions_for(session, subject_id=sid, visit="baseline", form_id="sledai") == []
        _save(session, sid, "baseline", "labs", {
            "lab_date": day, "lab_name": "Central lab", "upcr_unit": "G_G", "upcr_in_g_g": "2.0",
            "plt_unit": "E9_L", "plt_in_e9_l": "80", "wbc_unit": "E9_L", "wbc_in_e9_l": "3.5"})
        found = {s.field_id: s for s in suggestions_for(session, subject_id=sid, visit="baseline", form_id="sledai")}
        assert found["sledai_proteinuria"].code == "Y" and "2" in found["sledai_proteinuria"].evidence.en
        assert found["sledai_thrombocytopenia"].code == "Y"
        assert found["sledai_leukopenia"].code == "N"
        assert found["sledai_low_complement"].code is None  # no C3/C4 recorded
        assert suggestions_for(session, subject_id=sid, visit="baseline", form_id="haq") == []
    finally:
        session.close()
