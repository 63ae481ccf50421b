"""Issue 7 item 8: a signed casebook is locked; locked data cannot change until unlocked with a reason."""

from __future__ import annotations

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import CellState, subject_row
from crf_desktop.services.locks import CasebookLocked, lock_casebook, lock_history, lock_state, unlock_casebook
from crf_desktop.services.signatures import SignTarget, sign
from crf_desktop.services.subjects import SubjectStatus, change_subject_status, get_subject
from crf_desktop.store import audit
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.services.signature_data import as_user, missed_visit, signable_casebook


def test_only_a_signed_casebook_can_be_locked_and_only_by_an_investigator_or_data_manager(
    site_with_users: SiteFixture,
) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        with pytest.raises(UserInputError, match="has no casebook signature"):
            lock_casebook(session, subject_id)
        sign(session, SignTarget(subject_id=subject_id, visit="week4"), password=USER_PASSWORD)
        with pytest.raises(UserInputError, match="has no casebook signature"):
            lock_casebook(session, subject_id)  # a visit signature is not a casebook signature
        sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        missed_visit(session, subject_id, "week4", reason="ILLNESS")
        with pytest.raises(UserInputError, match="casebook signature that is invalid"):
            lock_casebook(session, subject_id)
        sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
    finally:
        session.close()
    for role in ("coordinator", "monitor"):
        other = as_user(site_with_users, role)
        try:
            with pytest.raises(PermissionDenied, match="may not lock or unlock a casebook"):
                lock_casebook(other, subject_id)
        finally:
            other.close()
    manager = as_user(site_with_users, "datamanager")
    try:
        lock_casebook(manager, subject_id)
        lock = lock_state(manager, subject_id)
        assert lock is not None and lock.by == "datamanager"
        with pytest.raises(UserInputError, match="already locked"):
            lock_casebook(manager, subject_id)
        entry = audit.entries(manager.site.db, subject=subject_id, limit=1)[0]
        assert (entry.action, entry.user, entry.new_value) == ("casebook locked", "datamanager", "locked")
    finally:
        manager.close()


def test_a_locked_casebook_refuses_changes_until_unlocked_with_a_reason(site_with_users: SiteFixture) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        lock_casebook(session, subject_id)
        row = subject_row(session, subject_id)
        assert row is not None
        assert {c.visit: c.state for c in row.cells if c.visit in ("screening", "week4")} == {
            "screening": CellState.LOCKED, "week4": CellState.LOCKED}
    finally:
        session.close()
    coordinator = as_user(site_with_users, "coordinator")
    try:
        with pytest.raises(CasebookLocked, match=f"the casebook of {subject_id} is locked .* so Visit information at "
                                                 "week4 cannot be changed"):
            missed_visit(coordinator, subject_id, "week4", reason="ILLNESS")
        with pytest.raises(CasebookLocked):  # a new record is refused too
            missed_visit(coordinator, subject_id, "week8")
        with pytest.raises(CasebookLocked, match="so the subject's status cannot be changed"):
            change_subject_status(coordinator, subject_id, SubjectStatus.WITHDRAWN, "moved away")
        assert get_subject(coordinator, subject_id).status is not SubjectStatus.WITHDRAWN
        record = rec.get_record(coordinator, subject_id=subject_id, visit="week4", form_id="visit_info")
        assert record is not None and record.data["missed_reason"] == "SUBJECT" and record.version == 1
        with pytest.raises(PermissionDenied):
            unlock_casebook(coordinator, subject_id, "late correction")
    finally:
        coordinator.close()
    monitor = as_user(site_with_users, "monitor")
    try:
        with pytest.raises(CasebookLocked):
            rec.verify_record(monitor, subject_id=subject_id, visit="week4", form_id="visit_info")
    finally:
        monitor.close()
    investigator = as_user(site_with_users, "investigator")
    try:
        with pytest.raises(UserInputError, match="give a reason for unlocking"):
            unlock_casebook(investigator, subject_id, "  ")
        unlock_casebook(investigator, subject_id, "query 12: the visit was missed because of illness")
        assert lock_state(investigator, subject_id) is None
        missed_visit(investigator, subject_id, "week4", reason="ILLNESS")
        history = lock_history(investigator, subject_id)
        assert [(e.action, e.reason) for e in history] == [
            ("lock", None), ("unlock", "query 12: the visit was missed because of illness")]
        unlocked = [e for e in audit.entries(investigator.site.db, subject=subject_id) if e.action ==
                    "casebook unlocked"]
        assert unlocked[0].reason == "query 12: the visit was missed because of illness"
        with pytest.raises(UserInputError, match="is not locked"):
            unlock_casebook(investigator, subject_id, "again")
    finally:
        investigator.close()
