"""Issue 2 item 5: the recovery key lets the admin set a new password; a wrong one does not."""

from __future__ import annotations

import pytest

from crf_desktop.core.errors import AuthenticationError, KeyFileError
from crf_desktop.services.session import login, recover
from crf_desktop.store.datadir import KEY_FILE
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture


def test_the_recovery_key_sets_a_new_admin_password(site: SiteFixture) -> None:
    session = recover(site.data_dir, recovery_key=site.recovery_key, admin="admin", new_password="recovered-pw-1")
    session.close()
    with pytest.raises(AuthenticationError):
        login(site.data_dir, "admin", ADMIN_PASSWORD)
    session = login(site.data_dir, "admin", "recovered-pw-1")
    try:
        actions = [e.action for e in session.audit_trail(limit=6) if e.action != "backup taken"]
        assert actions[:3] == ["login", "login failed", "logout"]
        assert "password reset with recovery key" in actions
    finally:
        session.close()


def test_the_recovery_key_is_forgiving_about_case_and_dashes(site: SiteFixture) -> None:
    typed = site.recovery_key.replace("-", " ").lower()
    recover(site.data_dir, recovery_key=typed, admin="admin", new_password="recovered-pw-1").close()


def test_a_wrong_recovery_key_changes_nothing(site: SiteFixture) -> None:
    wrong = "AAAA-" + site.recovery_key[5:] if not site.recovery_key.startswith("AAAA") else "B" + site.recovery_key[1:]
    with pytest.raises(AuthenticationError, match="recovery key is wrong"):
        recover(site.data_dir, recovery_key=wrong, admin="admin", new_password="recovered-pw-1")
    with pytest.raises(AuthenticationError, match="not well-formed"):
        recover(site.data_dir, recovery_key="1234", admin="admin", new_password="recovered-pw-1")
    login(site.data_dir, "admin", ADMIN_PASSWORD).close()


def test_the_recovery_key_only_sets_admin_passwords(site_with_users: SiteFixture) -> None:
    with pytest.raises(AuthenticationError, match="not an admin"):
        recover(site_with_users.data_dir, recovery_key=site_with_users.recovery_key, admin="coordinator",
                new_password="recovered-pw-1")


def test_a_lost_key_file_is_rebuilt_with_the_recovery_key(site_with_users: SiteFixture) -> None:
    (site_with_users.data_dir / KEY_FILE).unlink()
    with pytest.raises(KeyFileError, match="missing"):
        login(site_with_users.data_dir, "coordinator", USER_PASSWORD)
    recover(site_with_users.data_dir, recovery_key=site_with_users.recovery_key, admin="admin",
            new_password="recovered-pw-1").close()
    admin = login(site_with_users.data_dir, "admin", "recovered-pw-1")
    try:
        admin.reset_password("coordinator", "temporary-3x")
    finally:
        admin.close()
    login(site_with_users.data_dir, "coordinator", "temporary-3x").close()
