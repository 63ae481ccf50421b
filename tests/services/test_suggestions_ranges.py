"""Issue 5 item 3 with issue 4 item 6: the low-complement suggestion compares C3 and C4 with the site
laboratory's LLN valid on the sample date (entered once per laboratory, ``services.lab_ranges``), not with a
value typed on the form; pyuria reads the new urine WBC field (> 5 WBC/HPF, infection excluded)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from crf_desktop.services import records as rec
from crf_desktop.services.lab_ranges import set_reference_range
from crf_desktop.services.subjects import register_subject
from crf_desktop.services.suggestions import suggestions_for
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, save

LAB = "Central lab"


def test_low_complement_uses_the_laboratorys_lln_and_pyuria_the_urine_wbc(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        day = session.today() - timedelta(days=3)
        sid = register_subject(session, initials="LC", birth_year=1990, sex="F").subject_id
        save(session, sid, "baseline", "labs", {
            "lab_date": day.isoformat(), "lab_name": LAB, "c3_unit": "G_L", "c3_in_g_l": "0.62",
            "c4_unit": "MG_DL", "c4_in_mg_dl": "15.0", "urine_wbc_hpf": "12", "urine_infection": "N",
            "dsdna_result": "POS"})

        def found() -> dict[str, tuple[str | None, str]]:
            return {s.field_id: (s.code, s.evidence.en)
                    for s in suggestions_for(session, subject_id=sid, visit="baseline", form_id="sledai")}

        code, text = found()["sledai_low_complement"]
        assert code is None and "Complement C3: LLN of the laboratory's reference range" in text
        # the laboratory's ranges, from before the sample date: C3 in g/L, C4 in mg/dL (converted exactly)
        for analyte, lln, uln, unit in (("c3", "0.90", "1.80", "G_L"), ("c4", "10", "40", "MG_DL")):
            set_reference_range(session, lab_name=LAB, analyte=analyte, lln=Decimal(lln), uln=Decimal(uln),
                                unit=unit, valid_from=day - timedelta(days=100))
        code, text = found()["sledai_low_complement"]
        assert code == "Y" and text.startswith("Complement C3 0.62 g/L < LLN 0.9 g/L")
        assert found()["sledai_pyuria"][0] == "Y" and found()["sledai_increased_dna_binding"][0] == "Y"
        changed = rec.save_record(session, subject_id=sid, visit="baseline", form_id="labs", raw={
            "lab_date": day.isoformat(), "lab_name": LAB, "c3_unit": "G_L", "c3_in_g_l": "0.95",
            "c4_unit": "MG_DL", "c4_in_mg_dl": "15.0", "urine_wbc_hpf": "12", "urine_infection": "Y",
            "dsdna_result": "NEG"}, reason="transcription corrected")
        assert changed.saved
        code, text = found()["sledai_low_complement"]
        assert code == "N" and "Complement C4 0.15 g/L ≥ LLN 0.1 g/L" in text
        assert found()["sledai_pyuria"][0] == "N" and found()["sledai_increased_dna_binding"][0] == "N"
    finally:
        session.close()
