"""Starting the GUI: the QApplication, then the login → main window sequence (:class:`Shell`)."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from crf_desktop import __version__
from crf_desktop.core.errors import CrfError
from crf_desktop.core.resources import resource_path
from crf_desktop.services.site_identity import site_info
from crf_desktop.ui import language
from crf_desktop.ui.fonts import install_fallback_font
from crf_desktop.ui.idle_minutes import idle_minutes_from as idle_minutes_from
from crf_desktop.ui.login_dialog import site_line
from crf_desktop.ui.messages import show_error
from crf_desktop.ui.qt import QApplication, QFont, QIcon, QSize, QTimer
from crf_desktop.ui.shell import Shell

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # resources/icons/hicolor, made by installer/make_icons.py

MIN_POINT_SIZE = 10.5  # the platform default (9 pt on many Linux desktops) is small on a ward PC


def site_before_login(data_dir: Path, demo_users: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(site line, problem) for the login dialog, read from the data directory without unlocking it."""
    try:
        info = site_info(data_dir)
    except CrfError as exc:
        return None, str(exc)
    return site_line(info.site_id, info.study_id, demo=bool(demo_users)), None


def app_icon() -> QIcon:
    """The crf-desktop icon at every size the platform may ask for (title bars, task bar, Alt+Tab)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            path = resource_path("icons", "hicolor", f"{size}x{size}", "apps", "crf-desktop.png")
        except CrfError:
            continue  # an incomplete installation shows the platform's default icon rather than failing to start
        icon.addFile(str(path), QSize(size, size))
    return icon


def create_application(argv: list[str] | None = None, *, fallback_font: bool = True) -> QApplication:
    """The application object (re-used if one exists, as under pytest-qt), named and with a readable font, and
    with the bundled fallback font unless ``fallback_font`` is False (the caller registers it later)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("crf-desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("crf-desktop")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the Shell decides when the app ends (windows change at login)
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    if fallback_font:
        install_fallback_font(app)  # Chinese and the state symbols render without system fonts
    language.apply(language.saved(), remember=False)
    return app


def _show_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Last line of defence for bugs in slots: a message for the person, the traceback for the terminal."""
    traceback.print_exception(kind, value, tb)
    if QApplication.instance() is not None:
        show_error(QApplication.activeWindow(), value)


def check_display(environ: Mapping[str, str], platform: str) -> None:
    """On Linux, say in one line that there is no screen, before Qt aborts the process with its own message."""
    if platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM") \
            and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        raise CrfError("no display to show the app on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it from "
                       "the desktop, or use the command line (crf-desktop --help); crf-desktop selftest checks the "
                       "display")


def _latin1(text: str) -> bool:
    return all(ord(char) < 0x100 for char in text)


def run_gui(data_dir: Path, demo_users: dict[str, str]) -> int:
    """Show the login dialog, then the main window; returns the exit code when the person quits."""
    check_display(os.environ, sys.platform)
    app = create_application(fallback_font=False)
    site_text, site_problem = site_before_login(data_dir, demo_users)
    # The login window in English, showing only Latin-1 text (which every system font draws), needs no glyph of
    # the fallback font: it is registered once the window is up, not before (issue 10: reading and indexing the
    # 4 MB font is a few per cent of the start). In Chinese, or for a folder named in Chinese, it comes first.
    shown = [str(data_dir), site_text or "", site_problem or "", *demo_users]
    font_later = language.current() == language.ENGLISH and all(_latin1(text) for text in shown)
    if not font_later:
        install_fallback_font(app)
    shell = Shell(data_dir, demo_users=demo_users, idle_minutes=idle_minutes_from(os.environ),
                  site_text=site_text, site_problem=site_problem)
    shell.finished.connect(app.exit)
    app.aboutToQuit.connect(shell.shut_down)
    previous_hook = sys.excepthook
    sys.excepthook = _show_unexpected
    try:
        shell.start()
        if font_later:  # queued behind the window's first paint
            QTimer.singleShot(0, lambda: install_fallback_font(app))
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        shell.shut_down()
