"""QA at 1024×700 (the smallest screen the app is made for, no window manager): the form editor opens within the
screen with Save and Close on it (it opened 760 px high), and the demo login window shows its "Demo users and their
passwords…" note whole, in English and Chinese, also after the fallback font arrives once the window is up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.ui import language
from crf_desktop.ui.app import site_before_login
from crf_desktop.ui.fonts import FALLBACK_FAMILY, install_fallback_font
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QApplication, QFont
from tests.ui.conftest import DEMO_PASSWORD
from tests.ui.small_screen import cut_labels, platform_for_1024, settled

ROOT = Path(__file__).resolve().parents[2]
DEMO_USERS = {name: DEMO_PASSWORD for name in ("admin", "coordinator", "investigator", "monitor", "datamanager")}


def _inside(outer: list[int], inner: list[int]) -> bool:
    """Whether the rectangle ``inner`` ([x, y, width, height]) lies within ``outer``."""
    return (outer[0] <= inner[0] and inner[0] + inner[2] <= outer[0] + outer[2]
            and outer[1] <= inner[1] and inner[1] + inner[3] <= outer[1] + outer[3])


def test_the_form_editor_opens_within_a_1024_by_700_screen_with_save_and_close_on_it(demo_dir: Path,
                                                                                      tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=platform_for_1024(tmp_path))
    run = subprocess.run([sys.executable, "-m", "tests.ui.small_screen", str(demo_dir)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    screen, editor = seen["screen"], seen["editor"]
    assert screen == [0, 0, 1024, 700]
    assert editor[3] <= 700 and _inside(screen, editor), seen
    assert seen["buttons_shown"] and _inside(screen, seen["save"]) and _inside(screen, seen["close"]), seen


@pytest.mark.parametrize("lang", [language.ENGLISH, language.CHINESE])
def test_the_demo_login_window_shows_its_notes_whole_also_after_the_font_changes(
        qtbot: QtBot, demo_dir: Path, app_font: QFont, lang: str) -> None:
    language.apply(lang, remember=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    first = QFont(app_font)  # the app's font before its fallback font is installed (issue 10), as at a start
    first.setFamilies([family for family in app_font.families() if family != FALLBACK_FAMILY])
    app.setFont(first)
    site_text, problem = site_before_login(demo_dir, DEMO_USERS)
    dialog = LoginDialog(demo_dir, demo_users=DEMO_USERS, site_text=site_text, site_problem=problem)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.demo_box is not None and dialog.demo_box.isVisible()
    assert settled(qtbot, lambda: cut_labels(dialog)) == []
    assert dialog.height() <= 700 and dialog.login_button.isVisible()

    # the app installs its fallback font once the English window is up (issue 10): the lines get taller
    assert install_fallback_font(app)
    qtbot.waitUntil(lambda: FALLBACK_FAMILY in dialog.font().families())
    assert settled(qtbot, lambda: cut_labels(dialog)) == []
    box = dialog.demo_box.geometry()
    assert box.bottom() < dialog.buttons.geometry().top()  # the box whole, above the buttons
