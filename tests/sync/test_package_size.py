"""Issue 8 / DESIGN.md section 6: "a package's size grows with the changes it carries (a changed form costs about
its own size), never with the database". Sizes are of the real packages the export writes (format 2)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from crf_desktop.services import records as rec
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.sync.package import frame
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import labs_raw, screen
from tests.sync.conftest import coordinator

# HPKE (X25519, AES-256-GCM) adds a 32-byte encapsulated key and a 16-byte tag to the compressed body.
HPKE_OVERHEAD = 32 + 16


def _body_bytes(package: Path | None) -> int:
    """The compressed body's size: the package less its fixed parts (prefix, header, lengths, HPKE, signature)."""
    assert package is not None
    return len(frame(package.read_bytes()).ciphertext) - HPKE_OVERHEAD


def _correct_haemoglobin(session: Session, subject_id: str, value: str = "121") -> None:
    raw = labs_raw(session.today() - timedelta(days=5), hb_in_g_l=value)
    outcome = rec.save_record(session, subject_id=subject_id, visit="screening", form_id="labs", raw=raw,
                              reason="transcription error")
    if not outcome.saved:  # values outside the expected range are confirmed, as the coordinator would
        outcome = rec.save_record(session, subject_id=subject_id, visit="screening", form_id="labs", raw=raw,
                                  reason="transcription error", confirmed={i.field: i.value for i in outcome.refused})
    assert outcome.saved


def test_a_changed_form_costs_about_its_own_size(enrolled: SiteFixture, folder: Path) -> None:
    """One corrected value on the laboratory form (786 bytes of JSON with its derived values).

    What must travel: the form's data twice (its record, and its new saved version, which the compression folds
    onto the first copy), an audit entry per changed field (the haemoglobin and its derived g/dL value, with old
    and new values and the reason) plus the export's own entry, and the site's user list. Bound: the compressed
    body is at most 1.3 x the form's JSON. Format 1 took 1.4 x here, its two 64-character hashes per audit entry
    being incompressible. The fixed parts (header about 0.5 kB, HPKE, signature) are the same for any package.
    """
    session = coordinator(enrolled)
    try:
        sid = screen(session)
        sync_service.export_to_centre(session, folder)
        _correct_haemoglobin(session, sid)
        changed = sync_service.export_to_centre(session, folder)
        form = session.site.db.execute("SELECT data FROM records WHERE subject_id = ? AND form = 'labs'",
                                       [sid]).fetchone()[0]
    finally:
        session.close()
    assert changed.change_count == 2  # the record and its new version
    assert _body_bytes(changed.package) <= 1.3 * len(form.encode("utf-8"))


def test_a_first_package_costs_far_less_than_one_hash_per_audit_entry(enrolled: SiteFixture, folder: Path) -> None:
    """The audit trail is most of a site's first package. The centre recomputes the chain, so no hash travels:
    the body costs less than 32 bytes per audit entry, less than one SHA-256 digest even in binary (format 1
    carried two 64-character hex digests per entry and took about 74 bytes per entry here)."""
    session = coordinator(enrolled)
    try:
        screen(session, initials="ZSF")
        screen(session, initials="LHM")
        first = sync_service.export_to_centre(session, folder)
        entries = int(session.site.db.execute("SELECT count(*) FROM audit").fetchone()[0])
    finally:
        session.close()
    assert entries > 200
    assert _body_bytes(first.package) < 32 * entries


def test_the_same_change_costs_the_same_whatever_the_size_of_the_database(enrolled: SiteFixture,
                                                                           folder: Path) -> None:
    session = coordinator(enrolled)
    try:
        sid = screen(session, initials="ZSF")
        sync_service.export_to_centre(session, folder)
        _correct_haemoglobin(session, sid, "121")
        alone = sync_service.export_to_centre(session, folder)
        for initials in ("LHM", "WJ", "CYL", "HQ"):
            screen(session, initials=initials)
        grown = sync_service.export_to_centre(session, folder)
        _correct_haemoglobin(session, sid, "122")
        again = sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    assert grown.change_count > 40 and alone.change_count == again.change_count == 2
    assert _body_bytes(again.package) <= 1.05 * _body_bytes(alone.package)
