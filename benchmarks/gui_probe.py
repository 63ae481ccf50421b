"""Run in a subprocess by :mod:`benchmarks.gui`: start a window, print ``READY <peak RSS in KiB>`` once it is
shown (and painted), then exit at once.

    python -m benchmarks.gui_probe bare             a bare PySide6 window (the baseline)
    python -m benchmarks.gui_probe app DATA_DIR     the app as ``crf-desktop --data-dir DATA_DIR``, to the login
    python -m benchmarks.gui_probe main DATA_DIR    logged in as the coordinator: the main window's dashboard
"""

from __future__ import annotations

import os
import resource
import sys


def _ready() -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"READY {peak_kib}", flush=True)
    os._exit(0)  # measured up to here; nothing of the probe needs cleaning up


def _report_when_shown(window_class: type, delay_ms: int = 0) -> None:
    """Report once a ``window_class`` window was shown and painted.

    Through the class's own ``showEvent``, not an application-wide event filter: PySide6 hands a Python filter
    every object that receives an event, and for an object of a class it has no binding for (the text control
    inside every selectable QLabel of the login window) it builds every class of QtCore, QtGui and QtWidgets
    to find a type for it, some 20 ms that the app, which installs no such filter before the login, never
    spends, and that the bare window, one plain label, never met: the filter charged the start for the probe.
    """
    from PySide6.QtCore import QTimer

    shown = window_class.showEvent

    def show_event(self: object, event: object) -> None:
        shown(self, event)
        QTimer.singleShot(delay_ms, _ready)  # after the show and its first paint are processed

    window_class.showEvent = show_event  # type: ignore[attr-defined]


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])

    class Window(QLabel):  # reported as the app's login window is (a class of its own, see _report_when_shown)
        pass

    _report_when_shown(Window)
    label = Window("bare window")
    label.show()
    app.exec()


def app(data_dir: str) -> None:
    from crf_desktop.cli import main

    # The start imports the GUI's modules in this order (ui.app reads the site line with the store's modules
    # before it loads Qt); the probe needs the login window's class before ``main`` runs, and imports it the
    # same way: PySide6 inspects every module imported after it, which would charge the start for work it
    # does not do.
    from crf_desktop.ui.app import run_gui  # noqa: F401
    from crf_desktop.ui.login_dialog import LoginDialog
    from crf_desktop.ui.qt import QApplication

    _application = QApplication(sys.argv[:1])  # kept alive; the app's create_application() takes it over
    _report_when_shown(LoginDialog)
    main(["--data-dir", data_dir])


def main_window(data_dir: str) -> None:
    from pathlib import Path

    from benchmarks.dataset import login_coordinator
    from crf_desktop.ui.app import create_application
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.shell import Shell

    application = create_application()
    _report_when_shown(MainWindow, delay_ms=500)  # the dashboard fills while the window is shown
    shell = Shell(Path(data_dir))
    shell.show_main(login_coordinator(Path(data_dir)))
    application.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "app":
        app(sys.argv[2])
    elif mode == "main":
        main_window(sys.argv[2])
    else:
        raise SystemExit(f"unknown probe {mode!r}")
    raise SystemExit("the window closed before it was reported shown")
