"""Shared fixtures: real encrypted sites in temporary folders (never a mocked database)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from crf_desktop.core import clock
from crf_desktop.core.roles import Role
from crf_desktop.services.session import Session, init_site, login

ADMIN_PASSWORD = "admin-pass-123"
USER_PASSWORD = "user-pass-456"


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without the interpreter's final garbage collection, once every result has been reported.

    PySide6 6.12 on CPython 3.11 under-counts references to None during event handling (a C-extension bug, not
    ours: the count falls by thousands in a keyboard-driven editor test); after a long run the final collection
    at interpreter exit can reach zero and abort with "Fatal Python error: none_dealloc", turning a green run
    into exit status 134. The app leaves the same way after its window closes (``cli.gui_command``).
    """
    if _EXIT_STATUS and os.environ.get("CRF_TEST_FULL_EXIT") != "1":
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])


@dataclass
class SiteFixture:
    data_dir: Path
    recovery_key: str

    def login(self, user: str = "admin", password: str = ADMIN_PASSWORD) -> Session:
        return login(self.data_dir, user, password)


class SiteTemplates:
    """Sites built once per test process and copied into each test's folder.

    Building a site costs about 0.3 s and one with its four users about 3 s: every password is wrapped with
    Argon2id at 64 MiB, on purpose. A copy of the finished data directory is the same site (the database, its
    key file and recovery key), so tests get a fresh one of their own for the cost of copying three files.
    Templates are built on the real clock, whatever clock the test that first needs one has set.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._built: dict[str, tuple[Path, str]] = {}

    def copy(self, kind: str, target: Path) -> SiteFixture:
        folder, recovery_key = self._built.get(kind) or self._build(kind)
        shutil.copytree(folder, target)
        return SiteFixture(target, recovery_key)

    def _build(self, kind: str) -> tuple[Path, str]:
        test_clock = clock._clock
        clock.set_clock(None)
        try:
            folder = self.root / kind / "site"
            if kind == "bare":
                session, recovery_key = init_site(folder, site="01", study="NCT03580291", admin="admin",
                                                  admin_name="Ada Admin", password=ADMIN_PASSWORD)
                session.close()
            else:
                recovery_key = self.copy("bare", folder).recovery_key
                add_users(SiteFixture(folder, recovery_key))
        finally:
            clock.set_clock(test_clock)
        self._built[kind] = (folder, recovery_key)
        return self._built[kind]


@pytest.fixture(scope="session")
def site_templates(tmp_path_factory: pytest.TempPathFactory) -> SiteTemplates:
    return SiteTemplates(tmp_path_factory.mktemp("site-templates"))


@pytest.fixture
def site(tmp_path: Path, request: pytest.FixtureRequest, site_templates: SiteTemplates) -> SiteFixture:
    """A fresh site 01 with its admin (and, for a test that asks for ``site_with_users``, its users); closed,
    so each test logs in as it needs."""
    with_users = "site_with_users" in request.fixturenames
    return site_templates.copy("with users" if with_users else "bare", tmp_path / "site")


@pytest.fixture
def site_with_users(site: SiteFixture) -> SiteFixture:
    """The site plus one user of each other role, ready to work (passwords changed)."""
    return site


def add_users(site: SiteFixture) -> None:
    """Add one user of each role but admin, each with their own password already changed."""
    admin = site.login()
    try:
        for role in (Role.COORDINATOR, Role.INVESTIGATOR, Role.MONITOR, Role.DATA_MANAGER):
            admin.add_user(username=role.value, full_name=f"Test {role.label}", role=role, password="temporary-1")
    finally:
        admin.close()
    for role in (Role.COORDINATOR, Role.INVESTIGATOR, Role.MONITOR, Role.DATA_MANAGER):
        session = login(site.data_dir, role.value, "temporary-1")
        session.change_own_password("temporary-1", USER_PASSWORD)
        session.close()


class FakeClock:
    """A settable clock for lockout and clock-set-back tests."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def fake_clock() -> Iterator[FakeClock]:
    fake = FakeClock(clock.utcnow())
    clock.set_clock(fake)
    yield fake
    clock.set_clock(None)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the CLI in a subprocess, without a terminal."""
    env = dict(os.environ)
    env.pop("CRF_PASSWORD", None)
    env.pop("CRF_NEW_PASSWORD", None)
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    return env
