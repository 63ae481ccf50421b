"""DESIGN.md section 4: daily encrypted backups, rotation, and restore when the live database is damaged."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from crf_desktop.core.errors import DatabaseCorruptError, PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services.session import backups, login, restore
from crf_desktop.store.backup import KEEP_PER_REASON
from crf_desktop.store.datadir import DB_FILE
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, FakeClock, SiteFixture
from tests.e2e.cli import crf


def test_the_first_login_of_the_day_takes_an_encrypted_backup(site: SiteFixture) -> None:
    session = site.login()
    session.add_user(username="marker", full_name="BACKUP-MARKER-TEXT", role=Role.COORDINATOR,
                     password="temporary-1")
    session.close()
    taken = backups(site.data_dir)
    assert len(taken) == 1 and taken[0].reason == "daily"
    assert b"BACKUP-MARKER" not in taken[0].path.read_bytes()
    assert taken[0].path.read_bytes()[:16] != b"SQLite format 3\x00"
    site.login().close()
    assert len(backups(site.data_dir)) == 1  # one a day


def test_backups_rotate(site: SiteFixture, fake_clock: FakeClock) -> None:
    for _day in range(KEEP_PER_REASON + 3):
        fake_clock.now += timedelta(days=1)
        site.login().close()
    assert len(backups(site.data_dir)) == KEEP_PER_REASON


def test_restore_brings_back_a_damaged_site(site_with_users: SiteFixture, tmp_path: Path) -> None:
    data = site_with_users.data_dir
    shutil.rmtree(data / "backups")  # today's backup was taken before the users were added
    site_with_users.login().close()
    backup_name = backups(data)[0].name
    live = data / DB_FILE
    live.write_bytes(b"\0" * live.stat().st_size)  # the disk ate it
    with pytest.raises(DatabaseCorruptError):
        site_with_users.login()
    with pytest.raises(PermissionDenied, match="only the site admin"):
        restore(data, username="coordinator", password=USER_PASSWORD, backup=backup_name)
    with pytest.raises(UserInputError, match="does not exist"):
        restore(data, username="admin", password=ADMIN_PASSWORD, backup="site-nothing.db")
    session, kept = restore(data, username="admin", password=ADMIN_PASSWORD, backup=backup_name)
    try:
        assert kept.exists() and kept.read_bytes()[:16] == b"\0" * 16  # the damaged file is kept, not deleted
        assert session.audit_trail(limit=1)[0].action == "database restored from backup"
    finally:
        session.close()
    login(data, "coordinator", USER_PASSWORD).close()


def test_restore_on_the_command_line(site: SiteFixture, cli_env: dict[str, str]) -> None:
    site.login().close()
    listed = crf("restore", "--data-dir", str(site.data_dir), "--list", env=cli_env)
    assert listed.code == 0 and "daily" in listed.out
    name = backups(site.data_dir)[0].name
    unconfirmed = crf("restore", "--data-dir", str(site.data_dir), "--user", "admin", "--from", name, env=cli_env,
                      password=ADMIN_PASSWORD)
    assert unconfirmed.code == 2 and "add --yes" in unconfirmed.err
    done = crf("restore", "--data-dir", str(site.data_dir), "--user", "admin", "--from", name, "--yes", env=cli_env,
               password=ADMIN_PASSWORD)
    assert done.code == 0, done.err
    assert "kept as site.db.replaced-" in done.out
    wrong = crf("restore", "--data-dir", str(site.data_dir), "--user", "admin", "--from", str(site.data_dir / "x"),
                "--yes", env=cli_env, password=ADMIN_PASSWORD)
    assert wrong.code == 2 and "does not exist" in wrong.err
    foreign = site.data_dir / "foreign.db"
    foreign.write_bytes(b"not a database at all" * 100)
    refused = crf("restore", "--data-dir", str(site.data_dir), "--user", "admin", "--from", str(foreign), "--yes",
                  env=cli_env, password=ADMIN_PASSWORD)
    assert refused.code == 2 and "not a backup of this site" in refused.err


def test_restore_removes_keys_of_users_the_backup_does_not_know(site: SiteFixture) -> None:
    """QA finding: users added after the backup must not keep a key to the restored database."""
    site.login().close()  # today's backup: admin only
    admin = site.login()
    admin.add_user(username="late", full_name="Added Later", role=Role.COORDINATOR, password="temporary-1")
    admin.close()
    session, _kept = restore(site.data_dir, username="admin", password=ADMIN_PASSWORD,
                             backup=backups(site.data_dir)[0].name)
    try:
        assert "late" not in session.site.keyfile.users
        assert any("keys removed" in (e.new_value or "") for e in session.audit_trail(limit=3))
    finally:
        session.close()
    from crf_desktop.core.errors import AuthenticationError

    with pytest.raises(AuthenticationError):
        login(site.data_dir, "late", "temporary-1")
