"""Issue 2 item 9: starting the GUI: the application's settings, the idle-minutes variable, run_gui."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop import __version__
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.app import (
    MIN_POINT_SIZE,
    create_application,
    idle_minutes_from,
    run_gui,
    site_before_login,
)
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QApplication, QTimer


@pytest.mark.parametrize(("value", "minutes"), [
    (None, 15.0), ("", 15.0), ("5", 5.0), ("0.5", 0.5), ("zero", 15.0), ("-1", 15.0), ("0", 15.0),
])
def test_idle_minutes_come_from_crf_idle_minutes(value: str | None, minutes: float) -> None:
    environ = {} if value is None else {"CRF_IDLE_MINUTES": value}
    assert idle_minutes_from(environ) == minutes


def test_the_application_is_named_and_readable(qapp: QApplication) -> None:
    app = create_application()
    assert app is qapp
    assert app.applicationName() == "crf-desktop"
    assert app.applicationVersion() == __version__
    assert app.organizationName() == "crf-desktop"
    assert app.font().pointSizeF() >= MIN_POINT_SIZE


def test_run_gui_shows_the_login_and_returns_zero_when_it_is_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[LoginDialog] = []

    def cancel_login() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, cancel_login)
            return
        seen.extend(dialogs)
        dialogs[0].reject()

    QTimer.singleShot(0, cancel_login)
    assert run_gui(tmp_path, demo_users={"admin": "demo-password"}) == 0
    assert seen and seen[0].demo_box is not None


def test_the_login_names_the_site_before_anyone_logs_in(demo_dir: Path, tmp_path: Path) -> None:
    assert site_before_login(demo_dir, {"admin": "demo-password"}) == ("Site 01 · Study NCT03580291 (demo)", None)
    assert site_before_login(demo_dir, {}) == ("Site 01 · Study NCT03580291", None)
    text, problem = site_before_login(tmp_path / "nowhere", {})
    assert text is None and problem is not None and "does not exist" in problem


def test_the_centre_is_named_as_the_coordinating_centre_not_as_a_site(
        demo_centre_login: tuple[Session, Path]) -> None:
    session, _folder = demo_centre_login
    assert site_before_login(session.data_dir, {}) == ("Coordinating centre · Study NCT03580291", None)
    language.apply(language.CHINESE, remember=False)
    try:
        assert site_before_login(session.data_dir, {})[0] == "协调中心 · 研究 NCT03580291"
    finally:
        language.apply(language.ENGLISH, remember=False)


def test_the_site_line_speaks_chinese_on_a_chinese_screen(qtbot: QtBot, demo_dir: Path) -> None:
    language.apply(language.CHINESE, remember=False)
    try:
        assert site_before_login(demo_dir, {"admin": "demo-password"}) == ("分中心 01 · 研究 NCT03580291（演示）", None)
    finally:
        language.apply(language.ENGLISH, remember=False)


def test_no_display_is_said_in_one_line_before_qt_aborts() -> None:
    import pytest as _pytest

    from crf_desktop.core.errors import CrfError
    from crf_desktop.ui.app import check_display

    with _pytest.raises(CrfError, match="no display to show the app on"):
        check_display({}, "linux")
    check_display({"DISPLAY": ":0"}, "linux")
    check_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    check_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    check_display({}, "win32")  # Windows and macOS always have their own platform
