"""Serious adverse events: their SAE reports and the 24-hour reporting clock (issue 6 item 4).

- :func:`serious_events`: every serious AE of a subject (or of the site) with its SAE report record, if any, and
  its clock (:mod:`crf_desktop.forms.ctcae.sae_clock`): the awareness date of the AE record, the awareness time
  and the sent date/time of the report, in the site's local time.
- :func:`sae_report_prefill`: what a new SAE report starts from (the AE number, "initial report", the
  concomitant medications taken on the onset date, pulled from the log: :func:`conmeds_at`).
- :func:`sae_link_issues`: the refusal ``records.save_record`` applies (through ``form_checks.REFUSALS``) to an
  SAE report whose AE entry does not exist or is not serious, so no report floats free of its event.

Reading needs ``VIEW_DATA``; saving a report is the ordinary ``records.save_record`` (``ENTER_DATA``, audited,
in the next sync package like every record).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from decimal import Decimal, InvalidOperation

from crf_desktop.core.clock import utcnow
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.ctcae.sae_clock import SaeClock, local_moment, sae_clock
from crf_desktop.forms.ctcae.terms import term_by_code
from crf_desktop.forms.dates import DateTextError, parse_partial_date
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
from crf_desktop.forms.library import adverse_event, conmeds, sae_report
from crf_desktop.forms.model import Text, Value
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import records as store
from crf_desktop.store.records import Record
from crf_desktop.store.sql import rows

AE_LOG = next(log.code for log in REGISTRY.schedule.logs if adverse_event.FORM_ID in log.forms)
CONMED_LOG = next(log.code for log in REGISTRY.schedule.logs if conmeds.FORM_ID in log.forms)


@dataclass(frozen=True, kw_only=True)
class SeriousEvent:
    """One serious AE: its log number and record, its term (as shown), its SAE report (None: not started) and
    the reporting clock (None while the AE record has no awareness date)."""

    subject_id: str
    ae_no: int
    record: Record
    term: Text
    report: Record | None
    clock: SaeClock | None


def site_zone() -> tzinfo:
    """The site's time zone: this computer's local zone (the times on the forms are local)."""
    zone = utcnow().astimezone().tzinfo
    assert zone is not None  # noqa: S101 - astimezone() always gives a zone
    return zone


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _time(text: str | None) -> time | None:
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


def clock_of(ae: Mapping[str, str], report: Mapping[str, str] | None, *, now: datetime,
             zone: tzinfo) -> SaeClock | None:
    """The clock from the stored texts of the AE record and its report (None without an awareness date)."""
    aware_day = _day(ae.get("sae_awareness_date"))
    if aware_day is None:
        return None
    report = report or {}
    aware_time = _time(report.get("sr_aware_time"))
    sent_day, sent_time = _day(report.get("sr_sent_date")), _time(report.get("sr_sent_time"))
    aware_at = local_moment(aware_day, aware_time, zone)
    sent_at = local_moment(sent_day, sent_time, zone) if sent_day is not None else None
    if sent_at is not None and sent_at < aware_at:
        sent_at = aware_at  # a sent time before awareness is refused on saving; an old record reads as on time
    return sae_clock(aware_at=aware_at, aware_time_known=aware_time is not None, sent_at=sent_at, now=now)


def _term(data: Mapping[str, str]) -> Text:
    term = term_by_code(data.get("ae_term", ""))
    if term is None:
        code = data.get("ae_term", "")
        return Text(en=code or "(no term)", zh=code or "（无术语）")
    names = term_text(term)
    specify = data.get("ae_other_specify", "").strip()
    return Text(en=f"{names.en}: {specify}", zh=f"{names.zh}：{specify}") if specify else names


def _serious(found: list[Record], now: datetime, zone: tzinfo) -> list[SeriousEvent]:
    reports = {(r.subject_id, r.repeat_no): r for r in found if r.visit == AE_LOG and r.form == sae_report.FORM_ID}
    events = []
    for record in found:
        if record.visit != AE_LOG or record.form != adverse_event.FORM_ID or record.data.get("ae_serious") != "Y":
            continue
        report = reports.get((record.subject_id, record.repeat_no))
        events.append(SeriousEvent(
            subject_id=record.subject_id, ae_no=record.repeat_no, record=record, term=_term(record.data),
            report=report, clock=clock_of(record.data, report.data if report else None, now=now, zone=zone)))
    return sorted(events, key=lambda e: (e.subject_id, e.ae_no))


def serious_events(session: Session, subject_id: str | None = None) -> list[SeriousEvent]:
    """The serious AEs of one subject (or of every subject), with their reports and clocks."""
    session.require(Permission.VIEW_DATA)
    db = session.site.db
    if subject_id is not None:
        get_subject(session, subject_id)
        found = store.for_subject(db, subject_id)
    else:  # one query for the site (the dashboard's count): the serious AE records and the SAE reports only
        found = [store._record(row) for row in rows(  # noqa: SLF001 - the store's row reader
            db, "SELECT * FROM records WHERE visit = ? AND form IN (?, ?)"
                " AND (form = ? OR json_extract(data, '$.ae_serious') = 'Y')",
            [AE_LOG, adverse_event.FORM_ID, sae_report.FORM_ID, sae_report.FORM_ID])]
    return _serious(found, utcnow(), site_zone())


def serious_in(found: list[Record]) -> list[SeriousEvent]:
    """The serious AEs among records already read (a subject page's), with their reports and clocks now."""
    return _serious(found, utcnow(), site_zone())


def sae_reports_due(session: Session) -> list[SeriousEvent]:
    """Serious AEs of the site whose report is not sent yet (due or overdue), most urgent first."""
    found = [e for e in serious_events(session) if e.clock is not None and e.clock.open]
    return sorted(found, key=lambda e: e.clock.due_at if e.clock is not None else utcnow())


def _covers(data: Mapping[str, str], day: date) -> bool:
    try:
        start = parse_partial_date(data["cm_start"]).earliest() if data.get("cm_start") else None
        stop = parse_partial_date(data["cm_stop"]).latest() if data.get("cm_stop") else None
    except DateTextError:
        return False
    return (start is None or start <= day) and (data.get("cm_ongoing") == "Y" or stop is None or stop >= day)


def _label(field_id: str, code: str | None) -> str:
    if not code:
        return ""
    choice = conmeds.FORM.field(field_id).choice(code)
    return code if choice is None else choice.label.en


def _amount(text: str) -> str:
    """A stored decimal as a person writes it: ``30.000`` → ``30``, ``0.50`` → ``0.5``."""
    try:
        return format(Decimal(text).normalize(), "f") if text else ""
    except InvalidOperation:
        return text


def conmed_line(data: Mapping[str, str]) -> str:
    """``Prednisone 30 mg, oral, once daily (lupus nephritis); since 2025-03, ongoing``."""
    dose = " ".join(p for p in (_amount(data.get("cm_dose", "")), _label("cm_unit", data.get("cm_unit"))) if p)
    how = ", ".join(p for p in (dose, _label("cm_route", data.get("cm_route")),
                                _label("cm_frequency", data.get("cm_frequency")), data.get("cm_other_specify", ""))
                    if p)
    line = data.get("cm_name", "").strip() + (f" {how}" if how else "")
    if data.get("cm_indication"):
        line += f" ({data['cm_indication']})"
    since = f"since {data['cm_start']}" if data.get("cm_start") else ""
    until = "ongoing" if data.get("cm_ongoing") == "Y" else (f"until {data['cm_stop']}" if data.get("cm_stop") else "")
    when = ", ".join(p for p in (since, until) if p)
    return f"{line}; {when}" if when else line


def conmeds_at(session: Session, subject_id: str, day: date) -> list[str]:
    """The concomitant medications of the subject's log taken on ``day`` (partial dates read generously: a
    medication whose start or stop may fall on that day counts), one line each, in log order."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    found = [r for r in store.for_subject(session.site.db, subject_id)
             if r.visit == CONMED_LOG and r.form == conmeds.FORM_ID and r.data.get("cm_name")]
    return [conmed_line(r.data) for r in sorted(found, key=lambda r: r.repeat_no) if _covers(r.data, day)]


def _ae(session: Session, subject_id: str, ae_no: int) -> Record:
    found = store.get(session.site.db, subject_id=subject_id, visit=AE_LOG, form=adverse_event.FORM_ID,
                      repeat_no=ae_no)
    if found is None:
        raise UserInputError(f"subject {subject_id} has no adverse event #{ae_no}: save the adverse event first")
    if found.data.get("ae_serious") != "Y":
        raise UserInputError(f"adverse event #{ae_no} of {subject_id} is not serious: an SAE report belongs to a "
                             "serious adverse event (mark it serious and save it first)")
    return found


def sae_report_prefill(session: Session, subject_id: str, ae_no: int) -> dict[str, str]:
    """The values a new SAE report of AE #``ae_no`` starts from; UserInputError when that AE is not serious."""
    session.require(Permission.VIEW_DATA)
    ae = _ae(session, subject_id, ae_no)
    prefill = {"sr_ae_no": str(ae_no), "sr_type": "INITIAL"}
    try:
        onset = parse_partial_date(ae.data["ae_onset"]).earliest() if ae.data.get("ae_onset") else None
    except DateTextError:
        onset = None
    if onset is not None:
        lines = conmeds_at(session, subject_id, onset)
        # one line of text (the editor's text fields are single-line): medications separated by " | "
        prefill["sr_conmeds"] = " | ".join(lines) if lines else "None recorded on the concomitant medication log"
    return prefill


def sae_link_issues(session: Session, subject_id: str, values: Mapping[str, Value | None]) -> tuple[Issue, ...]:
    """Refuse an SAE report whose AE entry is missing or not serious, or whose sent time precedes awareness."""
    number = values.get("sr_ae_no")
    field = sae_report.FORM.field("sr_ae_no")
    if not isinstance(number, int):
        return ()
    try:
        ae = _ae(session, subject_id, number)
    except UserInputError as exc:
        return (make_issue(IssueCode.INCONSISTENT, field="sr_ae_no", label=field.label, value=str(number),
                           reason_en=str(exc), reason_zh=f"受试者 {subject_id} 没有编号为 {number} 的严重不良事件"),)
    aware, sent = _day(ae.data.get("sae_awareness_date")), values.get("sr_sent_date")
    if aware is not None and isinstance(sent, date) and sent < aware:
        label = sae_report.FORM.field("sr_sent_date").label
        return (make_issue(IssueCode.DATE_ORDER, field="sr_sent_date", label=label, value=sent.isoformat(),
                           other_en=f"the date the site became aware of adverse event #{number}",
                           other_zh=f"分中心获知不良事件 #{number} 的日期", other_value=aware.isoformat()),)
    return ()
