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


def _watch_for(window_class: type, delay_ms: int = 0) -> object:
    """An application-wide event filter that reports once a ``window_class`` window was shown and painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(watched, window_class):
                QTimer.singleShot(delay_ms, _ready)  # after the show and its first paint are processed
            return False

    return Watch()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    watch = _watch_for(QLabel)
    app.installEventFilter(watch)  # type: ignore[arg-type]
    label = QLabel("bare window")
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

    application = QApplication(sys.argv[:1])  # the app's create_application() takes this one over
    watch = _watch_for(LoginDialog)
    application.installEventFilter(watch)  # type: ignore[arg-type]
    main(["--data-dir", data_dir])


def main_window(data_dir: str) -> None:
    from pathlib import Path

    from benchmarks.dataset import login_coordinator
    from crf_desktop.ui.app import create_application
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.shell import Shell

    application = create_application()
    watch = _watch_for(MainWindow, delay_ms=500)  # the dashboard fills while the window is shown
    application.installEventFilter(watch)  # type: ignore[arg-type]
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
