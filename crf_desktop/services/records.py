"""Opening, validating and saving form records; verification; field history (issue 3 item 4).

Every rule of :mod:`crf_desktop.forms.lifecycle` is enforced here, whatever the caller (GUI, CLI, demo).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import date
from typing import Concatenate, ParamSpec, TypeVar

import sqlite_utils

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms import lifecycle
from crf_desktop.forms.context_names import STUDY_EGFR_EQUATION
from crf_desktop.forms.issues import Issue
from crf_desktop.forms.library import eligibility as eligibility_form
from crf_desktop.forms.library import labs as labs_form
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.model import Form, Value
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.forms.trial.eligibility import evaluate_eligibility
from crf_desktop.forms.validation import Context, Result, validate
from crf_desktop.services import eligibility, form_checks, lab_adverse_events
from crf_desktop.services.form_checks import AdverseEventPrompt, ProhibitedMedication
from crf_desktop.services.locks import refuse_if_locked
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import current_configuration
from crf_desktop.services.study_forms import configured_form, visit_window_issues
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, records
from crf_desktop.store import signatures as signature_store
from crf_desktop.store.audit import AuditEntry, AuditEvent
from crf_desktop.store.read_cache import Stamp
from crf_desktop.store.records import Record as Record  # the UI's record type

P = ParamSpec("P")
R = TypeVar("R")


class ReasonRequired(UserInputError):
    """A complete (or verified, or signed) record changes: the user must say why."""


@dataclass(frozen=True, kw_only=True)
class SaveOutcome:
    """What a save did: ``saved`` false means nothing was written and ``refused`` says why.

    After a save, ``adverse_events`` asks the UI to offer new adverse events, pre-filled: an infusion reaction or
    interruption, or lab values that meet a CTCAE grade >= 1 (``services.lab_adverse_events``; the UI lists those
    for the investigator to choose); ``prohibited`` shows that a concomitant medication is a prohibited agent
    (not blocking).
    """

    saved: bool
    result: Result
    record: Record | None
    refused: tuple[Issue, ...] = ()
    changed_fields: tuple[str, ...] = ()
    adverse_events: tuple[AdverseEventPrompt, ...] = ()
    prohibited: ProhibitedMedication | None = None

    @property
    def adverse_event(self) -> AdverseEventPrompt | None:
        """The first adverse-event offer (an infusion form gives at most one)."""
        return self.adverse_events[0] if self.adverse_events else None


def _one_look(service: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
    """A service call that reads through the site's read cache several times looks for other programs' commits
    once (:meth:`ReadCache.call`)."""
    @functools.wraps(service)
    def call(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with session.site.reads.call():
            return service(session, *args, **kwargs)

    return call


def _form_target(form_id: str, repeat_no: int) -> str:
    return form_id if repeat_no == 0 else f"{form_id}#{repeat_no}"


def resolve_form(subject_visit: str, form_id: str) -> Form:
    """The form, checked to belong to the visit (or to a subject-level log)."""
    try:
        form = REGISTRY.form(form_id)
    except KeyError as exc:
        raise UserInputError(str(exc.args[0])) from None
    try:
        visit_forms = REGISTRY.schedule.visit(subject_visit).forms
    except KeyError:
        try:
            visit_forms = REGISTRY.schedule.log(subject_visit).forms
        except KeyError:
            raise UserInputError(f"there is no visit or log {subject_visit!r} in the schedule") from None
    if form_id not in visit_forms:
        raise UserInputError(f"form {form_id!r} does not belong to {subject_visit!r}")
    return form


def validation_context(session: Session, subject_id: str, confirmed: dict[str, str] | None = None, *,
                       form_id: str | None = None, raw: dict[str, str] | None = None,
                       config: StudyConfiguration | None = None) -> Context:
    """Today, the consent date, the confirmations, and the values other forms give.

    ``Context.subject`` holds age at consent, sex and childbearing potential from demographics and, when
    ``form_id`` is the eligibility form, the eligibility result's values (``raw``: that form as typed, whose
    planned randomisation date and investigator's answers are used instead of the stored record's). Only the
    eligibility form reads the whole casebook (one query); any other form reads demographics and consent.
    ``config`` is the study configuration in force when the caller already read it (one read per check).
    """
    db = session.site.db
    if form_id == eligibility_form.FORM_ID:
        found = eligibility.load_subject_records(db, subject_id)
        subject = eligibility.subject_values(found)
        subject.update(evaluate_eligibility(eligibility.inputs_from(db, found, raw)).form_context())
        consent = eligibility.consent_date_of(found)
    else:
        values, consent = session.site.reads.get(_context_key(subject_id),
                                                 lambda: _demographics_and_consent(db, subject_id))
        subject = dict(values)
    subject[STUDY_EGFR_EQUATION] = (config if config is not None else current_configuration(session)).egfr_equation
    return Context(today=session.today(), consent_date=consent, confirmed=dict(confirmed or {}), subject=subject)


def _context_key(subject_id: str) -> tuple[str, str]:
    return ("subject context", subject_id)


def _demographics_and_consent(db: sqlite_utils.Database, subject_id: str) -> tuple[dict[str, Value | None],
                                                                                  date | None]:
    found = eligibility.load_demographics_and_consent(db, subject_id)
    return eligibility.subject_values(found), eligibility.consent_date_of(found)


def _record_key(subject_id: str, visit: str, form_id: str, repeat_no: int) -> tuple[str, str, str, str, int]:
    return ("record", subject_id, visit, form_id, repeat_no)


def _copy(record: Record | None) -> Record | None:
    """A record whose values the holder may change without touching the one kept in the site's read cache."""
    if record is None:
        return None
    return replace(record, data=dict(record.data), confirmations=dict(record.confirmations))


def _current(session: Session, subject_id: str, visit: str, form_id: str, repeat_no: int) -> Record | None:
    """The stored record, read once while the database is unchanged (the editor opens it, the save reads it
    again); the caller must not change it."""
    db = session.site.db
    return session.site.reads.get(_record_key(subject_id, visit, form_id, repeat_no),
                                  lambda: records.get(db, subject_id=subject_id, visit=visit, form=form_id,
                                                      repeat_no=repeat_no))


@_one_look
def get_record(session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int = 0) -> Record | None:
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    resolve_form(visit, form_id)
    return _copy(_current(session, subject_id, visit, form_id, repeat_no))


def subject_records(session: Session, subject_id: str) -> list[Record]:
    """Every record of a subject (all visits and logs), for the subject page and the casebook."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    return records.for_subject(session.site.db, subject_id)


def next_log_number(session: Session, *, subject_id: str, log: str, form_id: str) -> int:
    """The number the next entry of a repeating log (adverse events, medications) gets: 1, 2, ..."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    resolve_form(log, form_id)
    return records.next_repeat_no(session.site.db, subject_id=subject_id, visit=log, form=form_id)


@_one_look
def check(session: Session, *, subject_id: str, form_id: str, raw: dict[str, str],
          confirmed: dict[str, str] | None = None, visit: str | None = None) -> Result:
    """Validate without saving (the editor's live check), against the form as the study configuration shapes it;
    with ``visit``, a visit date outside the configured window is flagged (a warning, never a refusal)."""
    config = current_configuration(session)
    result = validate(configured_form(config, form_id), raw,
                      validation_context(session, subject_id, confirmed, form_id=form_id, raw=raw, config=config))
    if visit is None:
        return result
    return visit_window_issues(session.site.db, subject_id=subject_id, visit=visit, result=result,
                               schedule=config.schedule)


@_one_look
def save_record(
    session: Session,
    *,
    subject_id: str,
    visit: str,
    form_id: str,
    raw: dict[str, str],
    confirmed: dict[str, str] | None = None,
    reason: str | None = None,
    repeat_no: int = 0,
    expected_version: int | None = None,
) -> SaveOutcome:
    """Validate and save one record; refuse (writing nothing) when anything but a required gap is wrong."""
    session.require(Permission.ENTER_DATA)
    form = resolve_form(visit, form_id)
    db = session.site.db
    current = _current(session, subject_id, visit, form_id, repeat_no)
    if current is None:
        get_subject(session, subject_id)  # an existing record already proves the subject exists
    if current is not None and not lifecycle.editable(current.status):
        raise UserInputError(f"{form_id} of {subject_id} at {visit} is locked and cannot be changed")
    refuse_if_locked(session, subject_id, f"{form.title.en} at {visit}")
    if expected_version is not None and (current.version if current else 0) != expected_version:
        raise UserInputError(f"{form_id} of {subject_id} at {visit} was saved by someone else since you opened "
                             "it; close it and open it again")
    result = check(session, subject_id=subject_id, form_id=form_id, raw=raw, confirmed=confirmed, visit=visit)
    refusing = lifecycle.refusing_issues(result.issues)
    if not refusing:
        refusing = list(form_checks.refusals(session, subject_id=subject_id, form_id=form_id, values=result.values))
    if refusing:
        return SaveOutcome(saved=False, result=result, record=_copy(current), refused=tuple(refusing))
    notices = form_checks.notices(form_id=form_id, visit=visit, values=result.values)
    data = result.stored()
    confirmations = {i.field: i.value for i in result.issues if i.needs_confirmation and i.confirmed}
    old = current.data if current is not None else {}
    changed = tuple(f.id for f in form.fields if old.get(f.id, "") != data.get(f.id, ""))
    status = lifecycle.status_after_save(result.issues)
    if current is not None and not changed and confirmations == current.confirmations:
        return SaveOutcome(saved=True, result=result, record=_copy(current), adverse_events=_prompts(notices),
                           prohibited=notices.prohibited)
    reason_text = (reason or "").strip() or None
    if current is not None and lifecycle.needs_reason_for_change(current.status) and reason_text is None:
        raise ReasonRequired(f"{form.title.en} of {subject_id} is {current.status.value}: give a reason for the "
                             f"change of {', '.join(changed)}")
    user = session.user.username
    target = {"subject": subject_id, "visit": visit, "form": _form_target(form_id, repeat_no)}
    reads = session.site.reads
    signed = reads.get(("valid signatures", subject_id), lambda: signature_store.any_valid(db, subject_id))
    before = reads.stamp()  # after the last read: from here on, only this save writes
    with db.atomic():
        saved = records.write(db, current=current, subject_id=subject_id, visit=visit, form=form_id,
                              repeat_no=repeat_no,
                              form_version=form.version, status=status, data=data, confirmations=confirmations,
                              user=user, reason=reason_text)
        events = [AuditEvent(user=user, action="value entered" if field_id not in old else "value changed",
                             field=field_id, old_value=old.get(field_id), new_value=data.get(field_id),
                             reason=reason_text if current else None, **target) for field_id in changed]
        events += [AuditEvent(user=user, action="expected range confirmed", field=field_id, new_value=value, **target)
                   for field_id, value in confirmations.items()
                   if current is None or current.confirmations.get(field_id) != value]
        old_status = current.status if current is not None else RecordStatus.NOT_STARTED
        if old_status is not status:
            events.append(AuditEvent(user=user, action="status changed", old_value=old_status.value,
                                     new_value=status.value, reason=reason_text, **target))
        audit.append_many(db, events)  # one head read, one executemany: a save audits many fields
        form_checks.audit_notices(db, user=user, target=target, found=notices, changed=changed)
        if signed and (current is None or changed or current.form_version != saved.form_version):
            signature_store.invalidate_covering(db, subject_id=subject_id, visit=visit, form=form_id,
                                                repeat_no=repeat_no, user=user, version=saved.version,
                                                fields=changed)
    _kept_after_save(session, before, saved, signed=signed)
    prompts = _prompts(notices)
    if form_id == labs_form.FORM_ID:
        prompts += lab_adverse_events.lab_prompts(session, subject_id=subject_id, visit=visit, data=saved.data,
                                                  changed=changed)
    return SaveOutcome(saved=True, result=result, record=saved, changed_fields=changed,
                       adverse_events=prompts, prohibited=notices.prohibited)


def _kept_after_save(session: Session, before: Stamp | None, saved: Record, *, signed: bool) -> None:
    """Tell the read cache what the save changed: the record itself (kept as saved), the subject's standing
    signatures when there were any, and every form's context when the record is the demographics or consent."""
    key = _record_key(saved.subject_id, saved.visit, saved.form, saved.repeat_no)
    stale: list[Hashable] = [key]
    if signed:
        stale.append(("valid signatures", saved.subject_id))
    if (saved.visit, saved.form) in eligibility.CONTEXT_RECORDS:
        stale.append(_context_key(saved.subject_id))
    session.site.reads.written(before, stale, kept={key: _copy(saved)})


def _prompts(notices: form_checks.Notices) -> tuple[AdverseEventPrompt, ...]:
    return () if notices.adverse_event is None else (notices.adverse_event,)


def verify_record(session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int = 0) -> Record:
    """Source-data verification by a monitor: a complete record becomes verified."""
    session.require(Permission.VERIFY_DATA)
    form = resolve_form(visit, form_id)
    db = session.site.db
    current = records.get(db, subject_id=subject_id, visit=visit, form=form_id, repeat_no=repeat_no)
    if current is None or current.status is not RecordStatus.COMPLETE:
        state = current.status.value if current else RecordStatus.NOT_STARTED.value
        raise UserInputError(f"{form.title.en} of {subject_id} at {visit} is {state}; only a complete form can be "
                             "verified")
    refuse_if_locked(session, subject_id, f"{form.title.en} at {visit}")
    target = {"subject": subject_id, "visit": visit, "form": _form_target(form_id, repeat_no)}
    with db.atomic():
        saved = records.write(db, current=current, subject_id=subject_id, visit=visit, form=form_id,
                              repeat_no=repeat_no,
                              form_version=current.form_version, status=RecordStatus.VERIFIED, data=current.data,
                              confirmations=current.confirmations, user=session.user.username,
                              reason="source data verified")
        audit.append(db, user=session.user.username, action="status changed", old_value=current.status.value,
                     new_value=RecordStatus.VERIFIED.value, **target)
    return saved


def field_history(session: Session, *, subject_id: str, visit: str, form_id: str, field_id: str,
                  repeat_no: int = 0) -> list[AuditEntry]:
    """Every value the field had: who, when, old, new, why (oldest first)."""
    session.require(Permission.VIEW_AUDIT)
    rows = session.site.db.execute(
        "SELECT seq FROM audit WHERE subject = ? AND visit = ? AND form = ? AND field = ? ORDER BY seq",
        [subject_id, visit, _form_target(form_id, repeat_no), field_id],
    ).fetchall()
    wanted = {int(r[0]) for r in rows}
    return [e for e in audit.entries(session.site.db, subject=subject_id, newest_first=False) if e.seq in wanted]
