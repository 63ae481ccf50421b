"""Issue 7: the signature, paper-trail and lock tables keep their history (migration 6)."""

from __future__ import annotations

import pytest
import sqlite_utils

from crf_desktop.services.session import Session
from crf_desktop.services.subjects import register_subject
from crf_desktop.store import locks, paper, records
from crf_desktop.store import signatures as store
from crf_desktop.store.changes import last_change
from crf_desktop.store.database import DatabaseError
from tests.conftest import SiteFixture
from tests.services.signature_data import as_user, consent


def _signed(session: Session) -> tuple[sqlite_utils.Database, store.StoredSignature]:
    db = session.site.db
    subject_id = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
    consent(session, subject_id)
    covered = records.for_subject(db, subject_id)
    with db.atomic():
        signature = store.insert(db, subject_id=subject_id, visit="screening", form="consent", repeat_no=0,
                                 record_version=1, username="coordinator", printed_name="Test", role="investigator",
                                 covered=covered, digest=store.content_sha256(subject_id, covered))
    return db, signature


def test_a_signature_can_only_be_marked_invalid_once_and_never_deleted(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        db, signature = _signed(session)
        assert store.signatures_of(db, signature.subject_id) == [signature]
        for statement in ("UPDATE signatures SET content_sha256 = 'x'", "UPDATE signatures SET printed_name = 'Eve'",
                          "UPDATE signatures SET valid = 0"):  # invalid without saying when and why
            with pytest.raises(DatabaseError, match="can only be marked invalid"):
                db.execute(statement)
        with pytest.raises(DatabaseError, match="never deleted"):
            db.execute("DELETE FROM signatures")
        before = last_change(db)
        with db.atomic():
            store.invalidate(db, signature, user="coordinator", reason="changed")
        [after] = store.signatures_of(db, signature.subject_id)
        assert not after.valid and after.invalidated_reason == "changed" and last_change(db) == before + 1
        with pytest.raises(DatabaseError, match="can only be marked invalid"):
            db.execute("UPDATE signatures SET valid = 1")
        changed_seq = db.execute("SELECT change_seq FROM signatures").fetchone()[0]
        assert changed_seq == before + 1  # the sync export sends the invalidation
    finally:
        session.close()


def test_prints_hand_signatures_scans_and_locks_are_append_only(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        db, signature = _signed(session)
        subject_id = signature.subject_id
        with db.atomic():
            paper.record_printed(db, subject_id=subject_id, visit="screening", form="consent", repeat_no=0,
                                 record_version=1, content_sha256="a" * 64, user="coordinator", lang="en")
        [printed] = paper.prints_of(db, subject_id)
        assert (printed.record_version, printed.lang, printed.printed_by) == (1, "en", "coordinator")
        entry = db.execute("SELECT action, new_value FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        assert entry == ("CRF printed", f"version 1, sha256 {'a' * 64}, en")
        with db.atomic():
            paper.insert_wet_signature(db, subject_id=subject_id, visit="screening", form="consent", repeat_no=0,
                                       print_id=printed.id, record_version=1, signer_name="Dr Wang",
                                       signed_on="2024-05-01", user="coordinator")
            paper.insert_scan(db, subject_id=subject_id, visit="screening", form="consent", repeat_no=0,
                              file_name="page.png", media_type="image/png", content=b"\x89PNG...", sha256="b" * 64,
                              qr_text=None, qr_record_version=None, record_version=1, qr_result="none",
                              user="coordinator")
            locks.add(db, subject_id=subject_id, action="lock", user="investigator", reason=None)
        assert paper.paper_states(db) == {(subject_id, "screening"): ({"consent"}, {"consent"})}
        assert locks.locked_subjects(db) == {subject_id}
        for table in ("paper_prints", "wet_signatures", "scans", "casebook_locks"):
            with pytest.raises(DatabaseError, match="never changed"):
                db.execute(f"UPDATE {table} SET subject_id = 'x'")  # noqa: S608 - fixed table names
            with pytest.raises(DatabaseError, match="never deleted"):
                db.execute(f"DELETE FROM {table}")  # noqa: S608
        with pytest.raises(DatabaseError, match="CHECK"):
            locks.add(db, subject_id=subject_id, action="unlock", user="investigator", reason=None)
    finally:
        session.close()
