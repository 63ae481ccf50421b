"""Issue 3 items 4-5: subjects, the record lifecycle, reason for change, field-level audit, change sequence."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import records as rec
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import change_subject_status, list_subjects, register_subject
from crf_desktop.store import audit
from crf_desktop.store.changes import last_change
from crf_desktop.store.subjects import SubjectStatus
from tests.conftest import USER_PASSWORD, SiteFixture


def _as(site: SiteFixture, user: str) -> Session:
    return login(site.data_dir, user, USER_PASSWORD)


def _demographics(session: Session, **changes: str) -> dict[str, str]:
    today = session.today()
    raw = {
        "dob_unknown": "", "dob": (today - timedelta(days=365 * 35)).isoformat(), "sex": "F",
        "childbearing": "Y", "ethnicity": "HAN", "height_cm": "162.0", "weight_kg": "55.5",
        "sle_diagnosis_date": "2019-03",
    }
    for key in ("malar_rash", "discoid_rash", "photosensitivity", "oral_ulcers", "arthritis", "serositis", "renal",
                "neurologic", "haematologic", "immunologic", "ana"):
        raw[f"acr_{key}"] = "Y" if key in ("malar_rash", "renal", "immunologic", "ana") else "N"
    raw.update(changes)
    return raw


def _consent(session: Session, subject_id: str) -> None:
    day = (session.today() - timedelta(days=3)).isoformat()
    outcome = rec.save_record(session, subject_id=subject_id, visit="screening", form_id="consent", raw={
        "consent_version": "2.1", "consent_version_date": "2018-06-01", "consent_date": day,
        "consent_obtained_by": "Dr Wang", "consent_copy_given": "Y"})
    assert outcome.saved, outcome.refused


def test_screening_numbers_follow_the_site_sequence_and_are_never_reused(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        first = register_subject(session, initials="zsf", birth_year=1990, sex="F")
        second = register_subject(session, initials="L-M", birth_year=None, sex="M")
        assert (first.subject_id, second.subject_id) == ("01-001", "01-002")
        change_subject_status(session, first.subject_id, SubjectStatus.SCREEN_FAILURE, "UPCR 0.6 g/g")
        third = register_subject(session, initials="WX", birth_year=1985, sex="F")
        assert third.subject_id == "01-003"
        assert [s.status for s in list_subjects(session)] == [SubjectStatus.SCREEN_FAILURE, SubjectStatus.SCREENING,
                                                              SubjectStatus.SCREENING]
        with pytest.raises(UserInputError, match="give the reason"):
            change_subject_status(session, second.subject_id, SubjectStatus.WITHDRAWN, " ")
        with pytest.raises(UserInputError, match="cannot become"):
            change_subject_status(session, first.subject_id, SubjectStatus.ON_STUDY, "")
        with pytest.raises(UserInputError, match="initials"):
            register_subject(session, initials="Z1", birth_year=1990, sex="F")
    finally:
        session.close()


def test_a_save_with_gaps_is_in_progress_and_a_full_one_complete(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        _consent(session, subject.subject_id)
        partial = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="demographics",
                                  raw=_demographics(session, weight_kg=""))
        assert partial.saved and partial.record is not None
        assert partial.record.status is RecordStatus.IN_PROGRESS
        full = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="demographics",
                               raw=_demographics(session))
        assert full.record is not None and full.record.status is RecordStatus.COMPLETE
        assert full.record.data["bmi"] == "21.1"  # derived: 55.5 / 1.62²
        assert full.record.form_version == "1.0" or full.record.form_version
        assert full.changed_fields == ("weight_kg", "bmi")
    finally:
        session.close()


def test_invalid_values_are_refused_and_nothing_is_written(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        before = last_change(session.site.db)
        outcome = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="demographics",
                                  raw=_demographics(session, weight_kg="400"))
        assert not outcome.saved
        assert [i.code for i in outcome.refused] == [IssueCode.HARD_RANGE]
        assert "Weight" in outcome.refused[0].message.en
        assert last_change(session.site.db) == before
        assert rec.get_record(session, subject_id=subject.subject_id, visit="screening",
                              form_id="demographics") is None
    finally:
        session.close()


def test_expected_range_needs_confirmation_which_is_recorded(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        raw = _demographics(session, weight_kg="130.0")
        first = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="demographics",
                                raw=raw)
        assert not first.saved and first.refused[0].code is IssueCode.EXPECTED_RANGE
        second = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="demographics",
                                 raw=raw, confirmed={"weight_kg": first.refused[0].value})
        assert second.saved and second.record is not None
        assert second.record.confirmations == {"weight_kg": "130.0"}
        assert session.audit_trail(limit=50)[1].action in {"expected range confirmed", "status changed"}
        assert any(e.action == "expected range confirmed" and e.field == "weight_kg"
                   for e in session.audit_trail(limit=50))
    finally:
        session.close()


def test_changing_a_complete_form_needs_a_reason_and_is_audited_field_by_field(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        sid = subject.subject_id
        _consent(session, sid)
        rec.save_record(session, subject_id=sid, visit="screening", form_id="demographics", raw=_demographics(session))
        changed = _demographics(session, height_cm="165.0")
        with pytest.raises(rec.ReasonRequired, match="height_cm"):
            rec.save_record(session, subject_id=sid, visit="screening", form_id="demographics", raw=changed)
        outcome = rec.save_record(session, subject_id=sid, visit="screening", form_id="demographics", raw=changed,
                                  reason="Transcription error")
        assert outcome.record is not None and outcome.record.version == 2
        history = rec.field_history(session, subject_id=sid, visit="screening", form_id="demographics",
                                    field_id="height_cm")
        assert [(e.action, e.old_value, e.new_value, e.reason) for e in history] == [
            ("value entered", None, "162.0", None),
            ("value changed", "162.0", "165.0", "Transcription error"),
        ]
    finally:
        session.close()


def test_a_verified_form_that_changes_loses_its_verification(site_with_users: SiteFixture) -> None:
    coordinator = _as(site_with_users, "coordinator")
    subject = register_subject(coordinator, initials="ZSF", birth_year=1990, sex="F")
    sid = subject.subject_id
    _consent(coordinator, sid)
    coordinator.close()
    monitor = _as(site_with_users, "monitor")
    try:
        with pytest.raises(PermissionDenied):
            rec.save_record(monitor, subject_id=sid, visit="screening", form_id="consent", raw={})
        verified = rec.verify_record(monitor, subject_id=sid, visit="screening", form_id="consent")
        assert verified.status is RecordStatus.VERIFIED
    finally:
        monitor.close()
    coordinator = _as(site_with_users, "coordinator")
    try:
        current = rec.get_record(coordinator, subject_id=sid, visit="screening", form_id="consent")
        assert current is not None
        raw = dict(current.data, consent_obtained_by="Dr Li")
        outcome = rec.save_record(coordinator, subject_id=sid, visit="screening", form_id="consent", raw=raw,
                                  reason="Source document says Dr Li")
        assert outcome.record is not None and outcome.record.status is RecordStatus.COMPLETE
        status_change = next(e for e in coordinator.audit_trail(limit=20) if e.action == "status changed")
        assert (status_change.old_value, status_change.new_value) == ("verified", "complete")
    finally:
        coordinator.close()


def test_every_change_takes_the_next_site_wide_change_number(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        seqs = []
        for initials in ("AB", "CD"):
            subject = register_subject(session, initials=initials, birth_year=1990, sex="F")
            seqs.append(subject.change_seq)
            _consent(session, subject.subject_id)
            record = rec.get_record(session, subject_id=subject.subject_id, visit="screening", form_id="consent")
            assert record is not None
            seqs.append(record.change_seq)
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        assert last_change(session.site.db) == seqs[-1]
    finally:
        session.close()


def test_dates_before_consent_and_in_the_future_are_refused(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        future = (session.today() + timedelta(days=2)).isoformat()
        outcome = rec.save_record(session, subject_id=subject.subject_id, visit="screening", form_id="consent", raw={
            "consent_version": "2.1", "consent_version_date": "2018-06-01", "consent_date": future,
            "consent_obtained_by": "Dr Wang", "consent_copy_given": "Y"})
        assert not outcome.saved and outcome.refused[0].code is IssueCode.DATE_FUTURE
        assert audit.entries(session.site.db, limit=1)[0].action != "value entered"
    finally:
        session.close()


def test_forms_outside_the_schedule_are_refused(site_with_users: SiteFixture) -> None:
    session = _as(site_with_users, "coordinator")
    try:
        subject = register_subject(session, initials="ZSF", birth_year=1990, sex="F")
        with pytest.raises(UserInputError, match="does not belong"):
            rec.save_record(session, subject_id=subject.subject_id, visit="week4", form_id="consent", raw={})
        with pytest.raises(UserInputError, match="no subject"):
            rec.save_record(session, subject_id="01-999", visit="screening", form_id="consent", raw={})
    finally:
        session.close()
