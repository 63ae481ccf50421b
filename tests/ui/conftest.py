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


@pytest.fixture
def demo_centre_login(demo_dir: Path) -> Iterator[tuple[Session, Path]]:
    """The demo centre (the demo site enrolled and exported once), logged in as its data manager, and its
    exchange folder (the central folder the site exported to)."""
    from crf_desktop.services import demo_centre

    passwords = {name: DEMO_PASSWORD for name in ("admin", "coordinator", "investigator", "monitor", "datamanager")}
    paths = demo_centre.create_demo_centre(demo_dir, passwords)
    demo_centre.enrol_and_export(demo_dir, paths.key_file, passwords, paths.folder)
    session = login(paths.data_dir, "datamanager", DEMO_PASSWORD)
    yield session, paths.folder
    if not session.closed:
        session.close()


def centre_page_at_1024(qtbot: object, session: Session) -> tuple[object, object]:
    """The centre's main window shown at 1024 × 700 (the smallest screen the app is made for), and its page."""
    from pytestqt.qtbot import QtBot

    from crf_desktop.ui.main_window import MainWindow

    assert isinstance(qtbot, QtBot)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1024, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.centre_page is not None
    return window, window.centre_page


@pytest.fixture
def app_font(qapp: object) -> Iterator[object]:
    """The font the app itself sets (``create_application``: its size and the fallback font), so room is measured
    as a person sees it; the test may make it larger (the QFont is yielded); restored afterwards."""
    from crf_desktop.ui.app import MIN_POINT_SIZE
    from crf_desktop.ui.fonts import install_fallback_font
    from crf_desktop.ui.qt import QApplication, QFont

    assert isinstance(qapp, QApplication)
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE))
    qapp.setFont(font)
    install_fallback_font(qapp)  # its line height too
    yield font
    qapp.setFont(before)


from tests.ui.clinical_data import clinical, clinical_template  # noqa: E402, F401 - fixtures for the clinical tests
