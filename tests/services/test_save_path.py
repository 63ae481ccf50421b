"""Issue 10: the leaner save path keeps what a save records and what the visit form flags.

A correction writes one change number, one saved version keyed by it, and field-level audit entries (old, new,
reason) in the chain; the visit-window warning still reads the baseline date, and an untimed visit (no window)
is never flagged, whatever its date.
"""

from __future__ import annotations

from datetime import timedelta

from crf_desktop.forms.issues import IssueCode
from crf_desktop.services import records as rec
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import register_subject
from crf_desktop.store import audit, records
from crf_desktop.store.changes import last_change
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user


def _visit_date(session: Session, sid: str, visit: str, day: str, reason: str | None = None) -> rec.SaveOutcome:
    outcome = rec.save_record(session, subject_id=sid, visit=visit, form_id="visit_info",
                              raw={"visit_done": "Y", "visit_date": day}, reason=reason)
    assert outcome.saved, outcome.refused
    return outcome


def test_a_correction_takes_one_change_number_one_version_and_audits_old_new_and_reason(
        site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        sid = register_subject(session, initials="SP", birth_year=1990, sex="F").subject_id
        first = _visit_date(session, sid, "unscheduled", (today - timedelta(days=2)).isoformat())
        db = session.site.db
        before = last_change(db)
        corrected = _visit_date(session, sid, "unscheduled", (today - timedelta(days=1)).isoformat(),
                                reason="date taken from the clinic note")
        assert corrected.record is not None and first.record is not None
        assert corrected.record.change_seq == before + 1 == last_change(db)
        assert db.execute("SELECT record_id, version, reason FROM record_versions WHERE change_seq = ?",
                          [before + 1]).fetchall() == [(first.record.id, 2, "date taken from the clinic note")]
        assert [v.version for v in records.versions(db, first.record.id)] == [1, 2]
        entry = audit.entries(db, subject=sid, limit=1)[0]
        assert (entry.action, entry.visit, entry.form, entry.field) == ("value changed", "unscheduled",
                                                                        "visit_info", "visit_date")
        assert (entry.old_value, entry.new_value, entry.reason) == (
            (today - timedelta(days=2)).isoformat(), (today - timedelta(days=1)).isoformat(),
            "date taken from the clinic note")
        assert audit.verify_chain(db).problems == []
    finally:
        session.close()


def test_an_untimed_visit_is_never_flagged_and_a_timed_one_is_measured_from_baseline(
        site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        baseline = session.today() - timedelta(days=90)
        sid = register_subject(session, initials="UV", birth_year=1988, sex="F").subject_id
        _visit_date(session, sid, "baseline", baseline.isoformat())
        far = (baseline + timedelta(days=80)).isoformat()  # week 4's window is days 21-35 (default ±7)
        unscheduled = _visit_date(session, sid, "unscheduled", far)
        assert not [i for i in unscheduled.result.issues if i.code is IssueCode.VISIT_WINDOW]
        week4 = _visit_date(session, sid, "week4", far)
        flagged = [i for i in week4.result.issues if i.code is IssueCode.VISIT_WINDOW]
        assert len(flagged) == 1 and flagged[0].field == "visit_date"
        assert records.visit_date(session.site.db, subject_id=sid, visit="baseline") == baseline.isoformat()
        assert records.visit_date(session.site.db, subject_id=sid, visit="week8") is None  # not entered yet
    finally:
        session.close()
