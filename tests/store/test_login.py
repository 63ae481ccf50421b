"""Issue 2, users: wrong passwords, the persisted 5-minute lockout, and the audit of failed logins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crf_desktop.core.errors import AccountLockedError, AuthenticationError
from crf_desktop.services.session import login
from crf_desktop.store import audit
from tests.conftest import ADMIN_PASSWORD, FakeClock, SiteFixture


def test_wrong_password_opens_nothing_and_says_how_many_tries_are_left(site: SiteFixture) -> None:
    with pytest.raises(AuthenticationError, match="4 attempts left"):
        login(site.data_dir, "admin", "not-the-password")


def test_failed_logins_reach_the_audit_trail_at_the_next_login(site: SiteFixture) -> None:
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            login(site.data_dir, "admin", "not-the-password")
    with pytest.raises(AuthenticationError):
        login(site.data_dir, "nobody", "whatever-123")
    session = site.login()
    try:
        actions = [(e.user, e.action) for e in audit.entries(session.site.db, newest_first=False)
                   if e.action != "backup taken"]
    finally:
        session.close()
    assert actions[-4:] == [("admin", "login failed"), ("admin", "login failed"), ("nobody", "login failed"),
                            ("admin", "login")]


def test_sixth_attempt_within_five_minutes_is_refused_even_with_the_right_password(
    site: SiteFixture, fake_clock: FakeClock
) -> None:
    for attempt in range(5):
        with pytest.raises(AuthenticationError):
            login(site.data_dir, "admin", f"wrong-password-{attempt}")
    with pytest.raises(AccountLockedError, match="locked") as refused:
        login(site.data_dir, "admin", ADMIN_PASSWORD)
    assert 0 < refused.value.seconds_left <= 300
    fake_clock.now += timedelta(minutes=4, seconds=50)
    with pytest.raises(AccountLockedError):
        login(site.data_dir, "admin", ADMIN_PASSWORD)
    fake_clock.now += timedelta(seconds=11)
    session = login(site.data_dir, "admin", ADMIN_PASSWORD)
    try:
        actions = [e.action for e in audit.entries(session.site.db, newest_first=False)]
    finally:
        session.close()
    assert actions.count("login failed") == 5
    assert actions.count("login refused") == 2


def test_a_successful_login_resets_the_failure_count(site: SiteFixture) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            login(site.data_dir, "admin", "wrong-password")
    site.login().close()
    with pytest.raises(AuthenticationError, match="4 attempts left"):
        login(site.data_dir, "admin", "wrong-password")


def test_the_lockout_survives_a_restart(site: SiteFixture, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The counter lives in the key file, so a new process sees the lock too."""
    import subprocess
    import sys

    for _ in range(5):
        with pytest.raises(AuthenticationError):
            login(site.data_dir, "admin", "wrong-password")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crf_desktop.core.errors import AccountLockedError\n"
        "from crf_desktop.services.session import login\n"
        "try:\n"
        f"    login(Path({str(site.data_dir)!r}), 'admin', {ADMIN_PASSWORD!r})\n"
        "except AccountLockedError:\n"
        "    sys.exit(7)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 7
