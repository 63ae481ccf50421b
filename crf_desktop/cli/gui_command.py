"""Starting the app: ``crf-desktop [--data-dir DIR]``, and the window ``crf-desktop demo`` opens.

Apart from the commands' modules: starting the app names no command, so it imports none of them (issue 10:
start-up time).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from crf_desktop.cli.prompts import data_dir_of


def start_gui(data_dir: Path, demo_users: dict[str, str] | None = None) -> int:
    from crf_desktop.ui.app import run_gui

    code = run_gui(data_dir, demo_users=demo_users or {})
    # Everything is saved and closed by now (the shell shut the session down and released the site lock).
    # PySide6 6.12 on CPython 3.11 under-counts references to None somewhere in its event handling, and the
    # interpreter's final garbage collection can then abort with "deallocating None" after the app has closed;
    # leaving without that final collection spares a site a crash report on every exit (as the test session
    # leaves: tests/conftest.py).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def cmd_gui(args: argparse.Namespace) -> int:
    return start_gui(data_dir_of(args))
