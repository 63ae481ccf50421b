"""Helpers for the 1024×700 layout tests: what a person would see cut, and the editor on a real 1024×700 screen.

``python -m tests.ui.small_screen DATA_DIR`` (run by ``test_small_screen_dialogs.py`` under the offscreen platform
configured as one 1024×700 screen) logs in to the demo site at DATA_DIR as its coordinator, shows the main window
as large as the screen, opens a form from it as the app does, and prints the editor's geometry as JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from crf_desktop.ui.qt import QLabel, QWidget

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 700, "logicalDpi": 96, "logicalBaseDpi": 96,
          "dpr": 1}


def platform_for_1024(folder: Path) -> str:
    """The ``QT_QPA_PLATFORM`` value of an offscreen platform with one 1024×700 screen (config written to folder)."""
    config = folder / "screen-1024x700.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def cut_labels(window: QWidget) -> list[str]:
    """The visible word-wrapped labels of ``window`` lower than their text needs at their width (cut off at the
    top and bottom, as QA saw them), as "text: height < needed"."""
    cut = []
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                cut.append(f"{label.text()!r}: {label.height()} < {needed}")
    return cut


def settled(qtbot: object, problems: Callable[[], list[str]]) -> list[str]:
    """``problems()`` once the layout has settled (a language switch or a font change is posted, and the layouts
    follow in a later round of events): empty when nothing is cut, else what is, for the assertion's message."""
    from pytestqt.exceptions import TimeoutError as NotYet
    from pytestqt.qtbot import QtBot

    assert isinstance(qtbot, QtBot)
    with contextlib.suppress(NotYet):
        qtbot.waitUntil(lambda: not problems(), timeout=2_000)
    return problems()


def _rect(widget: QWidget) -> list[int]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def probe(data_dir: Path) -> dict[str, object]:
    from crf_desktop.services.session import login
    from crf_desktop.ui.app import create_application
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.qt import QApplication
    from tests.ui.conftest import DEMO_PASSWORD

    create_application()
    session = login(data_dir, "coordinator", DEMO_PASSWORD)
    window = MainWindow(session)
    window.fit_to_screen()
    window.show()
    editor = window.open_form("01-004", "screening", "demographics")
    for _ in range(5):
        QApplication.processEvents()
    free = editor.screen().availableGeometry()
    result = {"screen": [free.x(), free.y(), free.width(), free.height()], "editor": _rect(editor),
              "save": _rect(editor.save_button), "close": _rect(editor.close_button),
              "buttons_shown": editor.save_button.isVisible() and editor.close_button.isVisible()}
    editor.close_without_asking()
    session.close()
    return result


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))), flush=True)
    os._exit(0)  # the PySide6 6.12 exit quirk (tests/conftest.py)
