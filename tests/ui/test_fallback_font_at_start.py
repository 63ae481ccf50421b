"""Issue 10: the bundled fallback font (Chinese, the dashboard's state symbols) is registered before the login
window when that window shows anything an ordinary system font may not draw, and right after it otherwise: the
start does not wait for the 4 MB font file when the window needs none of its glyphs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.ui.app import run_gui
from crf_desktop.ui.fonts import FALLBACK_FAMILY
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QApplication, QFont, QTimer


@pytest.fixture
def without_fallback_font(qapp: QApplication) -> Iterator[None]:
    """The application font as before the start registered the fallback font; the test's own font after it."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setFamilies([family for family in before.families() if family != FALLBACK_FAMILY])
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def _families_when_the_login_shows_and_after(data_dir: Path) -> tuple[list[str], list[str]]:
    seen: list[list[str]] = []

    def shown() -> list[LoginDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]

    def at_first_turn() -> None:  # queued before the app starts, so it runs before anything the start queued
        assert shown(), "the login window is up when the event loop first runs"
        seen.append(QApplication.font().families())
        QTimer.singleShot(0, after_the_start)

    def after_the_start() -> None:
        seen.append(QApplication.font().families())
        shown()[0].reject()

    QTimer.singleShot(0, at_first_turn)
    assert run_gui(data_dir, demo_users={}) == 0
    return seen[0], seen[1]


@pytest.mark.usefixtures("without_fallback_font")
def test_a_latin_window_shows_first_and_the_font_follows(demo_dir: Path) -> None:
    at_login, after = _families_when_the_login_shows_and_after(demo_dir)
    assert FALLBACK_FAMILY not in at_login
    assert FALLBACK_FAMILY in after


@pytest.mark.usefixtures("without_fallback_font")
def test_a_chinese_folder_name_gets_the_font_before_the_window_shows(demo_dir: Path) -> None:
    chinese = demo_dir.rename(demo_dir.with_name("中心站点"))
    at_login, after = _families_when_the_login_shows_and_after(chinese)
    assert FALLBACK_FAMILY in at_login
    assert FALLBACK_FAMILY in after
