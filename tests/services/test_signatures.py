"""Issue 7 item 6: electronic signatures of a form, a visit and a casebook, and their invalidation."""

from __future__ import annotations

import hashlib
import json

import pytest

from crf_desktop.core.errors import AuthenticationError, PermissionDenied, UserInputError
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import CellState, subject_row
from crf_desktop.services.signatures import (
    MEANING,
    SignTarget,
    covering,
    sign,
    signature_problems,
    signatures_of,
)
from crf_desktop.services.verify import verify_site
from crf_desktop.store import audit
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.services.signature_data import as_user, consent, missed_visit, signable_casebook, subject_with_consent


def _actions(session_site: SiteFixture, subject_id: str) -> list[str]:
    session = as_user(session_site, "monitor")
    try:
        return [e.action for e in audit.entries(session.site.db, subject=subject_id, newest_first=False)]
    finally:
        session.close()


def test_signing_a_complete_form_stores_the_manifestation_and_the_content_hash(
    site_with_users: SiteFixture,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        target = SignTarget(subject_id=subject_id, visit="screening", form="consent")
        signature = sign(session, target, password=USER_PASSWORD)
        assert (signature.printed_name, signature.role, signature.meaning) == (
            "Test Investigator", "investigator", MEANING)
        assert signature.meaning == "I have reviewed these data and confirm they are accurate and complete"
        assert signature.signed_at.endswith("Z") and signature.valid and signature.record_version == 1
        # The hash is SHA-256 over the canonical JSON of the signed record's identity and data.
        record = rec.get_record(session, subject_id=subject_id, visit="screening", form_id="consent")
        assert record is not None
        expected = json.dumps({"subject": subject_id, "records": [
            {"visit": "screening", "form": "consent", "repeat_no": 0, "form_version": record.form_version,
             "data": record.data}]}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert signature.content_sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
        assert signatures_of(session, subject_id) == [signature]
        assert signature_problems(session) == (1, [])
        with pytest.raises(UserInputError, match="already signed"):
            sign(session, target, password=USER_PASSWORD)
    finally:
        session.close()
    signed = [a for a in _actions(site_with_users, subject_id) if a == "signed"]
    assert signed == ["signed"]


def test_a_change_invalidates_the_signature_and_a_new_signature_can_be_given(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    target = SignTarget(subject_id=subject_id, visit="screening", form="consent")
    investigator = as_user(site_with_users, "investigator")
    try:
        first = sign(investigator, target, password=USER_PASSWORD)
    finally:
        investigator.close()
    coordinator = as_user(site_with_users, "coordinator")
    try:
        consent(coordinator, subject_id, obtained_by="Dr Li")  # one value changed, with a reason
        [old] = signatures_of(coordinator, subject_id)
        assert old.id == first.id and not old.valid
        assert old.invalidated_by == "coordinator" and old.invalidated_at is not None
        assert old.invalidated_reason == "consent at screening changed (consent_obtained_by), now version 2"
        # Saving the same values again changes nothing and invalidates nothing more.
        consent(coordinator, subject_id, obtained_by="Dr Li")
        assert verify_site(coordinator).ok
    finally:
        coordinator.close()
    entries = _actions(site_with_users, subject_id)
    assert entries.count("signature invalidated") == 1
    investigator = as_user(site_with_users, "investigator")
    try:
        again = sign(investigator, target, password=USER_PASSWORD)
        assert again.valid and again.record_version == 2 and again.content_sha256 != first.content_sha256
        shown = covering(signatures_of(investigator, subject_id), visit="screening", form="consent", repeat_no=0)
        assert shown == [again]
    finally:
        investigator.close()


def test_a_wrong_password_is_refused_counted_and_audited(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        target = SignTarget(subject_id=subject_id, visit="screening", form="consent")
        with pytest.raises(AuthenticationError, match="password is wrong"):
            sign(session, target, password="not my password")
        assert signatures_of(session, subject_id) == []
        assert len(session.site.keyfile.users["investigator"].failures) == 1
        failures = [e for e in audit.entries(session.site.db) if e.action == "re-authentication failed"]
        assert failures and failures[0].user == "investigator"
        # The right password after a wrong one signs, and clears the count.
        sign(session, target, password=USER_PASSWORD)
        assert session.site.keyfile.users["investigator"].failures == []
    finally:
        session.close()


@pytest.mark.parametrize("role", ["coordinator", "monitor", "datamanager"])
def test_only_an_investigator_may_sign(site_with_users: SiteFixture, role: str) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, role)
    try:
        with pytest.raises(PermissionDenied, match="may not sign"):
            sign(session, SignTarget(subject_id=subject_id, visit="screening", form="consent"),
                 password=USER_PASSWORD)
        refused = audit.entries(session.site.db, limit=1)[0]
        assert (refused.action, refused.user, refused.new_value) == ("refused", role, "sign")
        assert signatures_of(session, subject_id) == []
    finally:
        session.close()


def test_an_incomplete_or_missing_form_cannot_be_signed(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    coordinator = as_user(site_with_users, "coordinator")
    try:
        consent(coordinator, subject_id, complete=False)  # a required answer removed: in progress
    finally:
        coordinator.close()
    session = as_user(site_with_users, "investigator")
    try:
        with pytest.raises(UserInputError, match="Informed consent of .* is in progress; only a complete"):
            sign(session, SignTarget(subject_id=subject_id, visit="screening", form="consent"),
                 password=USER_PASSWORD)
        with pytest.raises(UserInputError, match="has not been entered yet"):
            sign(session, SignTarget(subject_id=subject_id, visit="screening", form="demographics"),
                 password=USER_PASSWORD)
        with pytest.raises(UserInputError, match="does not belong"):
            sign(session, SignTarget(subject_id=subject_id, visit="week4", form="consent"), password=USER_PASSWORD)
        # Refused before the password is asked for: no failure is counted for a refused target.
        assert session.site.keyfile.users["investigator"].failures == []
    finally:
        session.close()


def test_a_visit_is_signed_only_when_everything_required_is_complete(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        with pytest.raises(UserInputError, match=r"cannot be signed until .*Demographics \(screening\) is not "
                                                 r"started"):
            sign(session, SignTarget(subject_id=subject_id, visit="screening"), password=USER_PASSWORD)
        with pytest.raises(UserInputError, match="nothing has been entered"):
            sign(session, SignTarget(subject_id=subject_id, visit="week8"), password=USER_PASSWORD)
        missed_visit(session, subject_id, "week4")
        visit_signature = sign(session, SignTarget(subject_id=subject_id, visit="week4"), password=USER_PASSWORD)
        assert (visit_signature.visit, visit_signature.form, visit_signature.record_version) == ("week4", None, None)
        assert visit_signature.covered == (("week4", "visit_info", 0, 1),)
    finally:
        session.close()


def test_a_change_anywhere_in_a_signed_casebook_invalidates_the_casebook_and_visit_signatures(
    site_with_users: SiteFixture,
) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        week4 = sign(session, SignTarget(subject_id=subject_id, visit="week4"), password=USER_PASSWORD)
        screening = sign(session, SignTarget(subject_id=subject_id, visit="screening"), password=USER_PASSWORD)
        book = sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        assert book.scope == "casebook" and len(book.covered) == 2
        missed_visit(session, subject_id, "week4", reason="ILLNESS")
        states = {s.id: s.valid for s in signatures_of(session, subject_id)}
        assert states == {week4.id: False, screening.id: True, book.id: False}
        # The dashboard asks for re-signing where the data changed, not where the signed data still stand.
        row = subject_row(session, subject_id)
        assert row is not None
        cells = {c.visit: c.state for c in row.cells}
        assert (cells["week4"], cells["screening"]) == (CellState.NEEDS_RESIGN, CellState.MISSED)
        # A new record in the casebook changes what the casebook signature covered.
        sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        consent(session, subject_id)
        assert [s.valid for s in signatures_of(session, subject_id) if s.scope == "casebook"] == [False, False]
        # Screening did not take place, so only what was entered must be complete: the casebook can be re-signed.
        again = sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        assert [c[:2] for c in again.covered] == [("screening", "consent"), ("screening", "visit_info"),
                                                  ("week4", "visit_info")]
    finally:
        session.close()


def test_source_data_verification_does_not_break_a_signature(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    investigator = as_user(site_with_users, "investigator")
    try:
        sign(investigator, SignTarget(subject_id=subject_id, visit="screening", form="consent"),
             password=USER_PASSWORD)
    finally:
        investigator.close()
    monitor = as_user(site_with_users, "monitor")
    try:
        verified = rec.verify_record(monitor, subject_id=subject_id, visit="screening", form_id="consent")
        assert verified.version == 2
        [signature] = signatures_of(monitor, subject_id)
        assert signature.valid
        assert signature_problems(monitor) == (1, [])
    finally:
        monitor.close()
