"""Issue 2: ``verify`` catches a changed byte, a deleted or edited audit row, and a clock set back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlcipher3

from crf_desktop.core.roles import Role
from crf_desktop.store.datadir import DB_FILE
from tests.conftest import ADMIN_PASSWORD, FakeClock, SiteFixture
from tests.e2e.cli import crf


def _raw(site: SiteFixture) -> sqlcipher3.Connection:
    """A raw connection with the real key, as an insider with the key and a SQLite tool would have."""
    session = site.login()
    key = session.site.db_key
    for n in range(5):
        session.add_user(username=f"user{n}", full_name=f"User {n}", role=Role.COORDINATOR, password="temporary-1")
    session.close()
    conn = sqlcipher3.connect(str(site.data_dir / DB_FILE), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def test_an_untouched_site_verifies(site: SiteFixture, cli_env: dict[str, str]) -> None:
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    assert "Result: OK" in result.out
    assert result.out.count("[ok  ]") == 5  # database, key file, audit trail, signatures and scans, sync


def test_deleting_an_audit_row_through_a_raw_connection_is_reported(
    site: SiteFixture, cli_env: dict[str, str]
) -> None:
    conn = _raw(site)
    try:
        conn.execute("DELETE FROM audit WHERE seq = 3")
        raise AssertionError("the trigger should refuse a delete")
    except sqlcipher3.DatabaseError as exc:
        assert "append-only" in str(exc)
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq = 3")
    conn.close()
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "audit entries 3-3 are missing" in result.out
    assert "PROBLEMS FOUND" in result.out


def test_editing_an_audit_value_is_reported(site: SiteFixture, cli_env: dict[str, str]) -> None:
    conn = _raw(site)
    conn.execute("DROP TRIGGER audit_no_update")
    seq = conn.execute("SELECT seq FROM audit WHERE action = 'user created' AND field = 'user2'").fetchone()[0]
    conn.execute("UPDATE audit SET new_value = 'User 2 (admin)' WHERE seq = ?", [seq])
    conn.close()
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert f"audit entry {seq} (user created by admin) was altered" in result.out


def test_cutting_entries_off_the_end_is_reported(site: SiteFixture, cli_env: dict[str, str]) -> None:
    conn = _raw(site)
    conn.execute("DROP TRIGGER audit_no_delete")
    last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.execute("DELETE FROM audit WHERE seq >= ?", [last - 1])
    conn.close()
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    # The login that runs verify appends after the cut, so the cut shows as a gap before the new entry.
    assert f"audit entries {last - 1}-{last} are missing" in result.out


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_changed_byte_in_the_database_file_is_reported(site: SiteFixture, cli_env: dict[str, str]) -> None:
    session = site.login()
    for n in range(40):  # enough pages that the flipped one is not the first
        session.add_user(username=f"user{n}", full_name="X" * 200, role=Role.COORDINATOR, password="temporary-1")
    session.close()
    path = site.data_dir / DB_FILE
    size = path.stat().st_size
    assert size > 4 * 4096
    _flip_byte(path, size - 4096 - 100)  # inside the last-but-one page
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "failed its integrity check" in result.err
    assert "hmac check failed" not in result.err  # SQLCipher's own log lines stay out of the user's way


def test_a_changed_first_page_stops_the_login_with_a_clear_message(
    site: SiteFixture, cli_env: dict[str, str]
) -> None:
    _flip_byte(site.data_dir / DB_FILE, 100)
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "restore the data directory from a backup" in result.err.lower()


def test_a_clock_set_back_is_flagged(site: SiteFixture, fake_clock: FakeClock, cli_env: dict[str, str]) -> None:
    fake_clock.now -= timedelta(days=2)
    site.login().close()  # login and logout stamped two days in the past
    fake_clock.now += timedelta(days=2)
    result = crf("verify", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert result.code == 0
    assert "clock was set back" in result.out
    strict = crf("verify", "--strict", "--data-dir", str(site.data_dir), "--user", "admin", env=cli_env,
                 password=ADMIN_PASSWORD)
    assert strict.code == 1
