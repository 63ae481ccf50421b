"""A menu hidden for a role (or at the coordinating centre) never takes its Alt+letter: the menu bar holds only
the menus the user sees, so Alt+T reaches the page for a monitor or a data manager, and the Tools menu for a
coordinator. Every menu of the site's and the centre's main window, for every role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.demo_centre import create_demo_centre
from crf_desktop.services.session import Session, login
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QKeySequence, QPushButton, Qt
from tests.ui.conftest import DEMO_PASSWORD, Sessions

SITE_MENUS = {
    "admin": ["&File", "&Admin", "&View", "&Help"],
    "coordinator": ["&File", "&Tools", "&View", "&Help"],
    "investigator": ["&File", "&Tools", "&View", "&Help"],
    "monitor": ["&File", "&View", "&Help"],
    "datamanager": ["&File", "&View", "&Help"],
}
CENTRE_MENUS = {  # no Tools at the centre: its reference ranges are a site's
    "admin": ["&File", "&Admin", "&View", "&Help"],
    "datamanager": ["&File", "&View", "&Help"],
}


@pytest.fixture(scope="module")
def centre_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("menus") / "demo"
    return create_demo_centre(site_dir, {"admin": DEMO_PASSWORD, "datamanager": DEMO_PASSWORD}).data_dir


@pytest.fixture
def centre_sessions(centre_dir: Path) -> Iterator[list[Session]]:
    opened: list[Session] = []
    yield opened
    for session in opened:
        if not session.closed:
            session.close()


def _window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _bar(window: MainWindow) -> list[str]:
    """The menu bar's entries, which are what Qt gives an Alt+letter to."""
    return [action.text() for action in window.menuBar().actions()]


def _mnemonics(window: MainWindow) -> list[str]:
    return [QKeySequence.mnemonic(text).toString() for text in _bar(window)]


def _press_alt(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.tabs.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tabs.tabBar())
    qtbot.keyClick(window.tabs.tabBar(), key, Qt.KeyboardModifier.AltModifier)


def _probe(window: MainWindow, text: str) -> QPushButton:
    """A button with ``text``'s Alt+letter on the current page: where a key press the menu bar leaves goes."""
    probe = QPushButton(text)
    layout = window.tabs.currentWidget().layout()
    assert layout is not None
    layout.addWidget(probe)
    probe.show()
    return probe


@pytest.mark.parametrize("user", sorted(SITE_MENUS))
def test_the_site_menu_bar_holds_only_the_menus_the_role_sees(qtbot: QtBot, sessions: Sessions, user: str) -> None:
    window = _window(qtbot, sessions.login(user))
    assert _bar(window) == SITE_MENUS[user]
    assert all(action.isVisible() for action in window.menuBar().actions())
    assert len(set(_mnemonics(window))) == len(_mnemonics(window))  # one Alt+letter, one menu
    hidden = [m for m in (window.admin_menu, window.tools_menu) if m.title() not in SITE_MENUS[user]]
    assert not any(m.menuAction().isVisible() for m in hidden)


@pytest.mark.parametrize("user", sorted(CENTRE_MENUS))
def test_the_centre_menu_bar_holds_only_the_menus_the_role_sees(qtbot: QtBot, centre_dir: Path,
                                                                centre_sessions: list[Session], user: str) -> None:
    session = login(centre_dir, user, DEMO_PASSWORD)
    centre_sessions.append(session)
    window = _window(qtbot, session)
    assert window.centre_page is not None
    assert _bar(window) == CENTRE_MENUS[user]
    assert all(action.isVisible() for action in window.menuBar().actions())
    assert not window.tools_menu.menuAction().isVisible()


def test_alt_t_opens_the_tools_menu_for_a_coordinator(qtbot: QtBot, sessions: Sessions) -> None:
    window = _window(qtbot, sessions.login("coordinator"))
    _press_alt(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.tools_menu)
    window.tools_menu.close()


def test_alt_t_reaches_the_page_for_a_monitor(qtbot: QtBot, sessions: Sessions) -> None:
    window = _window(qtbot, sessions.login("monitor"))
    probe = _probe(window, "&Tally")
    clicks: list[bool] = []
    probe.clicked.connect(lambda: clicks.append(True))
    _press_alt(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: bool(clicks))  # a mnemonic clicks after a short animation
    assert clicks == [True] and window.menuBar().activeAction() is None
    assert QApplication.activePopupWidget() is None


def test_alt_t_and_alt_a_reach_the_centre_page_for_its_data_manager(qtbot: QtBot, centre_dir: Path,
                                                                    centre_sessions: list[Session]) -> None:
    session = login(centre_dir, "datamanager", DEMO_PASSWORD)
    centre_sessions.append(session)
    window = _window(qtbot, session)
    for key, text in ((Qt.Key.Key_T, "&Tally"), (Qt.Key.Key_A, "&Add up")):
        probe = _probe(window, text)
        clicks: list[bool] = []
        probe.clicked.connect(lambda _checked=False, c=clicks: c.append(True))
        _press_alt(qtbot, window, key)
        qtbot.waitUntil(lambda c=clicks: bool(c))
        assert window.menuBar().activeAction() is None and QApplication.activePopupWidget() is None
        probe.hide()


def test_a_menu_shown_again_goes_back_to_its_place(qtbot: QtBot, sessions: Sessions) -> None:
    window = _window(qtbot, sessions.login("monitor"))
    window.show_menu(window.tools_menu, True)
    window.show_menu(window.admin_menu, True)
    assert _bar(window) == ["&File", "&Admin", "&Tools", "&View", "&Help"]
    window.show_menu(window.admin_menu, False)
    assert _bar(window) == ["&File", "&Tools", "&View", "&Help"]
