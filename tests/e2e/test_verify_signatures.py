"""Issue 7 item 6: ``crf-desktop verify`` recomputes every valid signature's hash and reports signed data that was
altered behind the application's back (a raw connection with the key, as an insider with a SQLite tool)."""

from __future__ import annotations

import json
from pathlib import Path

import sqlcipher3

from crf_desktop.services.paper_trail import attach_scan
from crf_desktop.services.signatures import SignTarget, sign
from crf_desktop.store.datadir import DB_FILE
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.services.signature_data import as_user, page_pdf, printed, scan_file, subject_with_consent


def _signed_site(site: SiteFixture) -> tuple[str, bytes]:
    subject_id = subject_with_consent(site)
    session = as_user(site, "investigator")
    try:
        sign(session, SignTarget(subject_id=subject_id, visit="screening", form="consent"), password=USER_PASSWORD)
        key = session.site.db_key
    finally:
        session.close()
    return subject_id, key


def _verify(site: SiteFixture, env: dict[str, str]) -> tuple[int, str]:
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "monitor", env=env, password=USER_PASSWORD)
    return result.code, result.out


def test_verify_reports_a_signed_record_altered_through_a_raw_connection(
    site_with_users: SiteFixture, cli_env: dict[str, str],
) -> None:
    subject_id, key = _signed_site(site_with_users)
    code, out = _verify(site_with_users, cli_env)
    assert code == 0, out
    assert "electronic signatures" in out and "1 valid signature" in out
    conn = sqlcipher3.connect(str(site_with_users.data_dir / DB_FILE), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    data = json.loads(conn.execute("SELECT data FROM records WHERE subject_id = ? AND form = 'consent'",
                                   [subject_id]).fetchone()[0])
    data["consent_obtained_by"] = "Dr Nobody"  # changed without a save, a new version or an audit entry
    conn.execute("UPDATE records SET data = ? WHERE subject_id = ? AND form = 'consent'",
                 [json.dumps(data, ensure_ascii=False, sort_keys=True), subject_id])
    conn.close()
    code, out = _verify(site_with_users, cli_env)
    assert code == 1
    assert (f"signature 1 (Informed consent of {subject_id} at screening, signed by investigator at ") in out
    assert "no longer matches the data it signed: the records were changed outside the application" in out
    assert "PROBLEMS FOUND" in out


def test_a_signature_row_rewritten_to_match_is_still_caught_by_the_audit_chain(
    site_with_users: SiteFixture, cli_env: dict[str, str],
) -> None:
    subject_id, key = _signed_site(site_with_users)
    conn = sqlcipher3.connect(str(site_with_users.data_dir / DB_FILE), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("UPDATE signatures SET content_sha256 = ?", ["0" * 64])
        raise AssertionError("the trigger should refuse changing a signature")
    except sqlcipher3.DatabaseError as exc:
        assert "can only be marked invalid" in str(exc)
    conn.execute("DROP TRIGGER signatures_only_invalidated")
    conn.execute("UPDATE signatures SET printed_name = 'Someone Else'")
    seq = conn.execute("SELECT seq FROM audit WHERE action = 'signed'").fetchone()[0]
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET new_value = replace(new_value, 'Test Investigator', 'Someone Else') WHERE seq = ?",
                 [seq])
    conn.close()
    code, out = _verify(site_with_users, cli_env)
    assert code == 1
    assert f"audit entry {seq} (signed by investigator) was altered after it was written" in out


def test_verify_reports_an_attached_scan_altered_through_a_raw_connection(
    site_with_users: SiteFixture, cli_env: dict[str, str], tmp_path: Path,
) -> None:
    subject_id, key = _signed_site(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                    path=scan_file(page_pdf(printed(session, subject_id, "screening", "consent")),
                                   tmp_path / "signed.png"))
    finally:
        session.close()
    code, out = _verify(site_with_users, cli_env)
    assert code == 0 and "1 valid signature, 1 scan" in out, out
    conn = sqlcipher3.connect(str(site_with_users.data_dir / DB_FILE), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("DROP TRIGGER scans_no_update")
    conn.execute("UPDATE scans SET content = substr(content, 1, length(content) - 10)")
    conn.close()
    code, out = _verify(site_with_users, cli_env)
    assert code == 1
    assert (f"scan 1 (signed.png, subject {subject_id}) no longer matches the SHA-256 taken when it was attached"
            in out)
