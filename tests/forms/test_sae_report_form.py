"""Issue 6 item 4: the SAE report form (declared once) and the report content combining it with the AE record;
the 24-hour reporting clock (ICH E6(R2) 4.11.1)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from crf_desktop.forms.ctcae.sae_clock import ClockState, hours_minutes, local_moment, sae_clock
from crf_desktop.forms.ctcae.sae_report import sae_report
from crf_desktop.forms.library import adverse_event
from crf_desktop.forms.library import sae_report as report_form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.validation import Context, validate
from crf_desktop.forms.visits import LINKED_FORMS
from tests.forms.test_ae_sae_report import SAE

CONTEXT = Context(today=date(2024, 6, 1), consent_date=date(2024, 1, 10))
REPORT = {
    "sr_ae_no": "2", "sr_type": "INITIAL", "sr_aware_time": "09:40", "sr_sent_date": "2024-04-12",
    "sr_sent_time": "17:05", "sr_narrative": "Admitted with T12 zoster; IV aciclovir.",
    "sr_history": "SLE since 2015; lupus nephritis class IV.", "sr_tests": "VZV PCR positive 12-Apr-2024",
    "sr_conmeds": "Prednisone 30 mg, Oral, Once daily (Lupus nephritis); since 2023-01, ongoing",
    "sr_causality_msc": "Infusion 10 weeks earlier; no plausible link.",
    "sr_causality_mmf": "Immunosuppression increases zoster risk.", "sr_reporter": "Dr Li Wei",
    "sr_reporter_role": "PI",
}


def test_the_sae_report_is_a_declared_log_form_linked_to_the_adverse_event() -> None:
    form = REGISTRY.form(report_form.FORM_ID)
    assert form.repeating and LINKED_FORMS == {report_form.FORM_ID: adverse_event.FORM_ID}
    log = REGISTRY.schedule.log("adverse_events")
    assert log.forms == (adverse_event.FORM_ID, report_form.FORM_ID)
    assert not adverse_event.FORM.has_field("sae_narrative")  # the narrative lives on the report, once
    result = validate(form, REPORT, CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    missing = validate(form, {**REPORT, "sr_sent_date": "", "sr_sent_time": "", "sr_narrative": ""}, CONTEXT)
    assert [i.field for i in missing.issues] == ["sr_narrative"]  # not sent yet is allowed; no narrative is not


def test_report_content_combines_the_ae_and_its_report() -> None:
    ae = validate(adverse_event.FORM, SAE, CONTEXT).values
    extra = validate(report_form.FORM, REPORT, CONTEXT).values
    report = sae_report(ae, subject_id="01-003", report=extra)
    assert report.narrative == "Admitted with T12 zoster; IV aciclovir."
    assert report.awareness_date == "12-Apr-2024" and report.awareness_time == "09:40"
    assert report.sent == "12-Apr-2024 17:05"
    assert report.conmeds is not None and report.conmeds.startswith("Prednisone")
    assert report.reporter == "Dr Li Wei" and report.reporter_role is not None
    assert report.reporter_role.en == "Principal investigator"
    msc, mmf = report.products
    assert mmf.relationship is not None and mmf.relationship.en == "Probable"
    assert mmf.reasoning == "Immunosuppression increases zoster risk."
    assert [i.field for i in report.report_items][:3] == ["sr_ae_no", "sr_type", "sr_aware_time"]


ZONE = timezone(timedelta(hours=8))  # China Standard Time


def test_the_clock_runs_24_hours_from_awareness() -> None:
    aware = local_moment(date(2024, 4, 12), time(9, 40), ZONE)
    running = sae_clock(aware_at=aware, aware_time_known=True, sent_at=None, now=aware + timedelta(hours=19))
    assert running.state is ClockState.RUNNING and running.due_at == aware + timedelta(hours=24)
    assert hours_minutes(running.margin) == "5 h 00 min" and not running.overdue
    # exactly at the due time it is still due; a minute later it is overdue
    assert sae_clock(aware_at=aware, aware_time_known=True, sent_at=None,
                     now=aware + timedelta(hours=24)).state is ClockState.RUNNING
    late = sae_clock(aware_at=aware, aware_time_known=True, sent_at=None,
                     now=aware + timedelta(hours=24, minutes=1))
    assert late.overdue and hours_minutes(late.margin) == "0 h 01 min"
    sent = sae_clock(aware_at=aware, aware_time_known=True, sent_at=aware + timedelta(hours=7), now=aware)
    assert sent.state is ClockState.SENT_ON_TIME and not sent.open
    sent_late = sae_clock(aware_at=aware, aware_time_known=True, sent_at=aware + timedelta(hours=50), now=aware)
    assert sent_late.state is ClockState.SENT_LATE and sent_late.margin == timedelta(hours=26)
    assert hours_minutes(timedelta(hours=50)) == "2 d 2 h"


def test_without_a_time_the_clock_starts_at_midnight_and_naive_times_are_refused() -> None:
    start = local_moment(date(2024, 4, 12), None, ZONE)
    assert start == datetime(2024, 4, 12, 0, 0, tzinfo=ZONE)
    with pytest.raises(ValueError, match="time zone"):
        naive = start.replace(tzinfo=None)  # what a clock without a zone would give
        sae_clock(aware_at=naive, aware_time_known=False, sent_at=None, now=datetime.now(UTC))
    with pytest.raises(ValueError, match="before the site became aware"):
        sae_clock(aware_at=start, aware_time_known=True, sent_at=start - timedelta(hours=1), now=start)
