"""Fixtures for the GUI tests: real demo sites in temporary folders, copied from one made per test run.

Creating a site derives an Argon2id key per user (about 0.3 s each), so the demo site is created once and
copied for every test; each copy is a complete, independent site (database, key file, recovery file).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.services.demo import create_demo
from crf_desktop.services.session import Session, login

DEMO_PASSWORD = "demo-password-2024"
NEW_PASSWORD = "a brand new password"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("template") / "demo"
    create_demo(data_dir, shared_password=DEMO_PASSWORD)
    return data_dir


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo site: users admin, coordinator, investigator, monitor, datamanager."""
    target = tmp_path / "site"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("site.lock"))
    return target


class Sessions:
    """Logs in and closes every session at the end of the test, so no data directory stays locked."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.opened: list[Session] = []

    def login(self, user: str = "admin", password: str = DEMO_PASSWORD) -> Session:
        session = login(self.data_dir, user, password)
        self.opened.append(session)
        return session

    def close_all(self) -> None:
        for session in self.opened:
            with contextlib.suppress(Exception):  # already closed by the code under test
                session.close()


@pytest.fixture
def sessions(demo_dir: Path) -> Iterator[Sessions]:
    opened = Sessions(demo_dir)
    yield opened
    opened.close_all()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings (the remembered language) in the test's folder, and English again afterwards."""
    from crf_desktop.ui import language
    from crf_desktop.ui.qt import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    if language.current() != language.ENGLISH:
        language.apply(language.ENGLISH, remember=False)


from tests.ui.clinical_data import clinical, clinical_template  # noqa: E402, F401 - fixtures for the clinical tests
