"""Issue 6 item 4: an SAE gets its own report, linked to its AE entry, with the 24-hour reporting clock; the
dashboard flags SAE reports due. Item 5: the AE summaries (per subject and per site, no arms)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.ctcae.sae_clock import ClockState
from crf_desktop.services.adverse_events import conmeds_at, sae_report_prefill, sae_reports_due, serious_events
from crf_desktop.services.ae_summary import site_ae_summary, subject_ae_timeline
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.printing import record_prints, verify_qr
from crf_desktop.services.records import save_record
from crf_desktop.services.sae_print import print_sae_report
from crf_desktop.services.subjects import register_subject
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, save

LOG = "adverse_events"


def _ae(onset: str, **changes: str) -> dict[str, str]:
    raw = {"ae_term": "10061229", "ae_verbatim": "Pneumonia", "ae_onset": onset, "ae_ongoing": "Y",
           "ae_grade": "3", "ae_serious": "N", "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE",
           "ae_expected": "EXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "INTERRUPTED", "ae_treated": "Y",
           "ae_treatment": "IV antibiotics", "ae_outcome": "RECOVERING"}
    raw.update(changes)
    return raw


def _report(**changes: str) -> dict[str, str]:
    raw = {"sr_ae_no": "1", "sr_type": "INITIAL", "sr_aware_time": "09:30", "sr_narrative": "Admitted.",
           "sr_history": "SLE since 2015.", "sr_tests": "CRP 120 mg/L", "sr_conmeds": "Prednisone",
           "sr_causality_msc": "No temporal link.", "sr_causality_mmf": "Immunosuppression.",
           "sr_reporter": "Dr Li", "sr_reporter_role": "PI"}
    raw.update(changes)
    return raw


def test_a_serious_event_gets_its_report_with_the_24_hour_clock(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        sid = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        onset = today - timedelta(days=3)
        save(session, sid, "concomitant_medications", "conmed",
             {"cm_name": "Prednisone", "cm_indication": "Lupus nephritis", "cm_dose": "30", "cm_unit": "MG",
              "cm_route": "PO", "cm_frequency": "QD", "cm_start": "2025-01", "cm_ongoing": "Y"}, repeat_no=1)
        save(session, sid, "concomitant_medications", "conmed",
             {"cm_name": "Amoxicillin", "cm_indication": "Sinusitis", "cm_dose": "500", "cm_unit": "MG",
              "cm_route": "PO", "cm_frequency": "TID", "cm_start": (onset - timedelta(days=30)).isoformat(),
              "cm_ongoing": "N", "cm_stop": (onset - timedelta(days=20)).isoformat()}, repeat_no=2)
        save(session, sid, LOG, "adverse_event", _ae(onset.isoformat()), repeat_no=1)
        assert serious_events(session, sid) == []
        # a report for a non-serious event is refused, naming the entry
        refused = save_record(session, subject_id=sid, visit=LOG, form_id="sae_report", raw=_report(), repeat_no=1)
        assert not refused.saved and "not serious" in refused.refused[0].message.en

        aware = onset + timedelta(days=1)
        upgraded = save_record(session, subject_id=sid, visit=LOG, form_id="adverse_event", repeat_no=1,
                               reason="became serious: admitted to hospital",
                               raw=_ae(onset.isoformat(), ae_serious="Y", sae_criteria="HOSP",
                                       sae_awareness_date=aware.isoformat(), sae_admission_date=aware.isoformat()))
        assert upgraded.saved, [i.message.en for i in upgraded.refused]
        event, = serious_events(session, sid)
        assert event.report is None and event.clock is not None
        assert event.clock.state is ClockState.OVERDUE and not event.clock.aware_time_known  # aware 2 days ago
        assert [e.ae_no for e in sae_reports_due(session)] == [1]
        assert build_dashboard(session).counts().sae_reports_overdue == 1

        prefill = sae_report_prefill(session, sid, 1)
        assert prefill["sr_ae_no"] == "1" and prefill["sr_type"] == "INITIAL"
        # the medication taken on the onset date is pulled from the log, the one stopped before is not
        assert prefill["sr_conmeds"] == "Prednisone 30 mg, Oral, Once daily (Lupus nephritis); since 2025-01, ongoing"
        assert conmeds_at(session, sid, onset - timedelta(days=25))[1].startswith("Amoxicillin 500 mg")

        early = save_record(session, subject_id=sid, visit=LOG, form_id="sae_report", repeat_no=1,
                            raw=_report(sr_sent_date=onset.isoformat(), sr_sent_time="08:00"))
        assert not early.saved and early.refused[0].field == "sr_sent_date"  # sent before the site was aware
        save(session, sid, LOG, "sae_report", _report(sr_sent_date=aware.isoformat(), sr_sent_time="16:00"),
             repeat_no=1)
        event, = serious_events(session, sid)
        assert event.report is not None and event.clock is not None
        assert event.clock.state is ClockState.SENT_ON_TIME and event.clock.aware_time_known
        assert sae_reports_due(session) == []
        assert build_dashboard(session).counts().sae_reports_due == 0
        # the report is a record like any other: audited, so it travels in the next sync package
        audited = session.site.db.execute("SELECT count(*) FROM audit WHERE form = 'sae_report#1'").fetchone()[0]
        assert audited > 0
        # printed: the AE and its report on the study's pages, with the report record's QR code
        printed = print_sae_report(session, subject_id=sid, ae_no=1, lang="en")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(printed.pdf)).pages)
        assert printed.pages >= 1 and "Serious adverse event (SAE) report" in text
        assert "Lung infection" in text and "Immunosuppression." in text and "Prednisone" in text
        qr, = printed.shown
        assert (qr.reference.form, qr.reference.repeat_no) == ("sae_report", 1)
        assert verify_qr(session, qr.text()).matches
        record_prints(session, printed, "/tmp/sae.pdf")
        assert session.site.db.execute("SELECT count(*) FROM audit WHERE form = 'sae_report#1' AND action LIKE "
                                       "'%print%'").fetchone()[0] == 1
        with pytest.raises(UserInputError, match="not a serious adverse event"):
            print_sae_report(session, subject_id=sid, ae_no=2)
    finally:
        session.close()


def test_the_ae_summaries_count_by_term_and_worst_grade(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        first = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        second = register_subject(session, initials="LHM", birth_year=1985, sex="F").subject_id
        day = (today - timedelta(days=40)).isoformat()
        later = (today - timedelta(days=10)).isoformat()
        save(session, first, LOG, "adverse_event", _ae(day, ae_grade="2", ae_ongoing="N", ae_end=later,
                                                       ae_outcome="RECOVERED"), repeat_no=1)
        save(session, first, LOG, "adverse_event", _ae(later, ae_grade="3"), repeat_no=2)
        save(session, second, LOG, "adverse_event",
             _ae(day, ae_term="10046300", ae_grade="2", ae_rel_mmf="NOT_RELATED", ae_action_mmf="NONE"),
             repeat_no=1)
        bars = subject_ae_timeline(session, first)
        assert [(b.ae_no, b.grade, b.ongoing) for b in bars] == [(1, 2, False), (2, 3, True)]
        summary = site_ae_summary(session)
        assert (summary.events, summary.subjects_with_events) == (3, 2)
        assert summary.worst_grade[3] == 1 and summary.worst_grade[2] == 1  # first: worst 3; second: 2
        infections = summary.socs[0]
        assert infections.soc == "Infections and infestations" and infections.subjects == 2
        lung = next(t for t in infections.terms if t.term.meddra_code == "10061229")
        assert (lung.events, lung.subjects, lung.worst_grade[3], lung.worst_grade[2]) == (2, 1, 1, 0)
    finally:
        session.close()
