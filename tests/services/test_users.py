"""Issue 2 item 5: users, roles, password changes that rewrap (never re-encrypt), resets, disabling."""

from __future__ import annotations

import pytest

from crf_desktop.core.errors import AuthenticationError, PasswordChangeRequired, PermissionDenied, UserInputError
from crf_desktop.core.roles import Permission, Role, can
from crf_desktop.services.session import login
from crf_desktop.store import audit
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture


def test_passwords_shorter_than_ten_characters_are_refused(site: SiteFixture) -> None:
    admin = site.login()
    try:
        with pytest.raises(UserInputError, match="at least 10 characters"):
            admin.add_user(username="short", full_name="Short Pw", role=Role.COORDINATOR, password="123456789")
    finally:
        admin.close()


def test_a_new_user_must_change_the_temporary_password_first(site: SiteFixture) -> None:
    admin = site.login()
    admin.add_user(username="li.na", full_name="Li Na", role=Role.COORDINATOR, password="temporary-1")
    admin.close()
    session = login(site.data_dir, "li.na", "temporary-1")
    try:
        assert session.user.must_change_password
        with pytest.raises(PasswordChangeRequired):
            session.require(Permission.ENTER_DATA)
        session.change_own_password("temporary-1", "my-own-secret-1")
        session.require(Permission.ENTER_DATA)
    finally:
        session.close()
    with pytest.raises(AuthenticationError):
        login(site.data_dir, "li.na", "temporary-1")
    login(site.data_dir, "li.na", "my-own-secret-1").close()


def test_changing_a_password_rewraps_the_same_database_key(site: SiteFixture) -> None:
    session = site.login()
    key_before = session.site.db_key
    session.change_own_password(ADMIN_PASSWORD, "a-brand-new-one-9")
    session.close()
    session = login(site.data_dir, "admin", "a-brand-new-one-9")
    try:
        assert session.site.db_key == key_before
        changes = [e for e in audit.entries(session.site.db) if e.action == "password changed"]
        assert len(changes) == 1
    finally:
        session.close()


def test_user_names_are_never_reused(site_with_users: SiteFixture) -> None:
    admin = site_with_users.login()
    try:
        admin.disable_user("coordinator", reason="left the hospital")
        with pytest.raises(UserInputError, match="never re-used"):
            admin.add_user(username="coordinator", full_name="Someone Else", role=Role.COORDINATOR,
                           password="temporary-1")
    finally:
        admin.close()


def test_a_disabled_user_cannot_log_in_and_the_reason_is_audited(site_with_users: SiteFixture) -> None:
    admin = site_with_users.login()
    admin.disable_user("monitor", reason="contract ended")
    admin.close()
    with pytest.raises(AuthenticationError):
        login(site_with_users.data_dir, "monitor", USER_PASSWORD)
    admin = site_with_users.login()
    try:
        entry = next(e for e in admin.audit_trail() if e.action == "user disabled")
        assert (entry.field, entry.reason, entry.user) == ("monitor", "contract ended", "admin")
        with pytest.raises(UserInputError, match="your own account"):
            admin.disable_user("admin", reason="oops")
    finally:
        admin.close()


def test_admin_reset_forces_a_change_and_re_enables(site_with_users: SiteFixture) -> None:
    admin = site_with_users.login()
    admin.disable_user("investigator", reason="on leave")
    admin.reset_password("investigator", "temporary-2x")
    admin.close()
    session = login(site_with_users.data_dir, "investigator", "temporary-2x")
    try:
        assert session.user.active and session.user.must_change_password
    finally:
        session.close()


@pytest.mark.parametrize("role", [Role.MONITOR, Role.COORDINATOR, Role.INVESTIGATOR, Role.DATA_MANAGER])
def test_only_the_admin_manages_users_and_refusals_are_audited(site_with_users: SiteFixture, role: Role) -> None:
    session = login(site_with_users.data_dir, role.value, USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="may not manage users"):
            session.add_user(username="intruder", full_name="X", role=Role.ADMIN, password="temporary-1")
        with pytest.raises(PermissionDenied):
            session.reset_password("admin", "temporary-1")
        with pytest.raises(PermissionDenied):
            session.disable_user("admin", reason="x")
        assert session.audit_trail(limit=1)[0].action == "refused"
    finally:
        session.close()


def test_the_admin_cannot_enter_data(site: SiteFixture) -> None:
    """DESIGN.md section 5: admin manages users and keys, no data entry (enforced in services)."""
    admin = site.login()
    try:
        with pytest.raises(PermissionDenied, match="may not enter data"):
            admin.require(Permission.ENTER_DATA)
    finally:
        admin.close()
    assert can(Role.COORDINATOR, Permission.ENTER_DATA) and not can(Role.MONITOR, Permission.ENTER_DATA)


def test_re_authentication_counts_towards_the_lockout(site: SiteFixture) -> None:
    session = site.login()
    try:
        session.check_password(ADMIN_PASSWORD)
        with pytest.raises(AuthenticationError, match="the password is wrong \\(4 attempts left"):
            session.check_password("wrong-password")
        assert session.audit_trail(limit=1)[0].action == "re-authentication failed"
    finally:
        session.close()
