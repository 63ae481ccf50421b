"""Issue 6 item 3: a saved lab value that meets a CTCAE grade >= 1 offers a pre-filled adverse event through the
save's outcome (the same mechanism as an infusion reaction); the investigator decides."""

from __future__ import annotations

import json
from datetime import timedelta

from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.services.form_checks import PromptCause
from crf_desktop.services.lab_adverse_events import lab_prompts
from crf_desktop.services.lab_ranges import set_reference_range
from crf_desktop.services.study_config import install_configuration
from crf_desktop.services.subjects import register_subject
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import LAB, as_user, labs_raw, save


def _ranges(session, start) -> None:  # type: ignore[no-untyped-def]
    for analyte, lln, uln, unit in (("plt", "125", "350", "E9_L"), ("hb", "115", "150", "G_L"),
                                    ("wbc", "3.5", "9.5", "E9_L"), ("alt", None, "40", "U_L"),
                                    ("ast", None, "40", "U_L"), ("scr", "45", "104", "UMOL_L"),
                                    ("prot24h", None, "0.15", "G")):
        set_reference_range(session, lab_name=LAB, analyte=analyte, lln=lln, uln=uln, unit=unit, valid_from=start)


def test_a_low_platelet_count_offers_a_prefilled_adverse_event_once(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        _ranges(session, today - timedelta(days=300))
        sid = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        day = today - timedelta(days=3)
        quiet = save(session, sid, "screening", "labs", labs_raw(day))
        assert quiet.adverse_events == ()  # every value normal (proteinuria and creatinine: disease measures)
        low = save(session, sid, "week4", "labs", labs_raw(day, plt_in_e9_l="62.00", hb_in_g_l="100"))
        prompts = {p.prefill["ae_term"]: p for p in low.adverse_events}
        assert set(prompts) == {"10035528", "10002272"}  # platelet count decreased, anemia
        platelets = prompts["10035528"]
        assert platelets.cause is PromptCause.LAB_GRADE
        assert platelets.prefill == {"ae_term": "10035528", "ae_grade": "2", "ae_onset": day.isoformat(),
                                     "ae_visit": "week4", "ae_verbatim": platelets.prefill["ae_verbatim"]}
        assert "62" in platelets.message.en and "LLN 125" in platelets.message.en and "grade 2" in platelets.message.en
        assert prompts["10002272"].prefill["ae_grade"] == "1"  # Hb exactly 100 with LLN 115: grade 1
        # nothing was created: the investigator decides
        assert session.site.db.execute("SELECT count(*) FROM records WHERE form = 'adverse_event'").fetchone()[0] == 0
        # saving again without a change offers nothing new
        assert save(session, sid, "week4", "labs", labs_raw(day, plt_in_e9_l="62.00", hb_in_g_l="100")
                    ).adverse_events == ()
        # once the AE log holds an ongoing platelet AE, only anemia is still suggested
        save(session, sid, "adverse_events", "adverse_event",
             {**platelets.prefill, "ae_ongoing": "Y", "ae_serious": "N", "ae_rel_msc": "NOT_RELATED",
              "ae_rel_mmf": "POSSIBLE", "ae_expected": "EXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "NONE",
              "ae_treated": "N", "ae_outcome": "NOT_RECOVERED"}, repeat_no=1)
        record = session.site.db.execute("SELECT data FROM records WHERE visit = 'week4' AND form = 'labs'"
                                         ).fetchone()[0]
        left = lab_prompts(session, subject_id=sid, visit="week4", data=json.loads(record))
        assert [p.prefill["ae_term"] for p in left] == ["10002272"]
    finally:
        session.close()


def test_creatinine_is_offered_only_when_the_study_grades_disease_measures(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        _ranges(session, today - timedelta(days=300))
        sid = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        save(session, sid, "baseline", "labs", labs_raw(today - timedelta(days=30)))  # creatinine 70 µmol/L
        high = save(session, sid, "week4", "labs", labs_raw(today, scr_in_umol_l="160.0", prot24h_in_g="3.60"))
        assert high.adverse_events == ()  # default study configuration: not graded as AEs
    finally:
        session.close()
    admin = site_with_users.login()
    try:
        install_configuration(admin, StudyConfiguration(grade_disease_measures_as_ae=True), source="test enrolment")
    finally:
        admin.close()
    session = as_user(site_with_users, "coordinator")
    try:
        again = save(session, sid, "week8", "labs", labs_raw(today, scr_in_umol_l="161.0", prot24h_in_g="3.60"))
        grades = {p.prefill["ae_term"]: p.prefill["ae_grade"] for p in again.adverse_events}
        # 161 > 1.5 × ULN 104 and > 1.5 × the baseline 70, not > 3 × baseline: grade 2; protein 3.6 g/24 h: grade 3
        assert grades == {"10011368": "2", "10037032": "3"}
    finally:
        session.close()
