"""Issue 10: the app starts to its login window within 1.5 x a bare PySide6 window. Most of the start was spent
importing what only later work needs (the print's reportlab, PDF previews, QR decoding, the main window, the
key file's cryptography, the commands' parsers, Qt classes no start-up window uses), so these tests fail when
such an import comes back onto the path of ``--help``, ``version`` or the login window.

Each check runs in a fresh interpreter, as the app does: what the test process itself imported does not count.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crf_desktop.cli import build_parser
from tests.conftest import SiteFixture

ROOT = Path(__file__).resolve().parents[2]

#: Never needed to print the help or the version, nor to show the login window.
HEAVY = ("reportlab", "pypdfium2", "zxingcpp", "sqlite_utils", "cryptography", "platformdirs", "PySide6.QtPrintSupport")

#: Loaded by the work behind the login window, never to show it: the session, the print, the main window and its
#: idle lock, the busy-cursor operations, and the parsers of the commands (``crf-desktop --data-dir DIR`` names none).
AFTER_LOGIN = ("crf_desktop.ui.main_window", "crf_desktop.services.printing", "crf_desktop.services.session",
               "crf_desktop.ui.idle_lock", "crf_desktop.ui.operation", "crf_desktop.cli.centre_commands",
               "crf_desktop.cli.print_commands", "crf_desktop.cli.selftest_command", "crf_desktop.cli.site_commands",
               "crf_desktop.cli.sync_commands", "hashlib")

#: Qt classes of the windows behind the login (crf_desktop.ui.qt builds a class when it is first looked up), and
#: of what the login window needs only on demand: a message box, a multi-line field's Ctrl+Enter, the fallback
#: font (registered once the English window is up). PySide6's ``Qt`` namespace is not built either: its hundred
#: enums cost more than a tenth of a bare window's start (labels are made selectable by name, see
#: crf_desktop.ui.selectable).
LATER_QT = ("QMainWindow", "QPrinter", "QPrintDialog", "QTableView", "QTreeWidget", "QCalendarWidget", "QPainter",
            "QFileDialog", "QProgressDialog", "QMessageBox", "QKeySequence", "QFontDatabase")

_REPORT = """
import json, sys
def loaded(names):
    return sorted(name for name in sys.modules if name.split(".")[0] in names or name in names)
"""

_HELP = _REPORT + """
from crf_desktop.cli import build_parser
build_parser().format_help()
print(json.dumps(loaded({"PySide6", "shiboken6", *HEAVY})))
"""

_VERSION = _REPORT + """
import contextlib, io
from crf_desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["version"])
assert code == 0 and out.getvalue().startswith("crf-desktop "), out.getvalue()
print(json.dumps(loaded({"PySide6", "shiboken6", *HEAVY})))
"""

# As benchmarks/gui_probe.py starts the app: crf-desktop --data-dir DIR, reported once the login window shows.
_LOGIN_WINDOW = _REPORT + """
import os
from crf_desktop.cli import main
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.qt import QApplication, QTimer

application = QApplication(sys.argv[:1])

def report():
    from crf_desktop.ui import qt

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
    site_line = shown[0].site_label.text() if shown else None
    print(json.dumps({"shown": len(shown), "site": site_line, "loaded": loaded({*HEAVY, *AFTER_LOGIN}),
                      "qt_classes": sorted(name for name in LATER_QT if name in vars(qt)),
                      "qt_namespace": "Qt" in vars(sys.modules["PySide6.QtCore"])}), flush=True)
    os._exit(0)

QTimer.singleShot(0, report)
main(["--data-dir", sys.argv[1]])
"""


def _run(code: str, *args: str) -> object:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    source = f"HEAVY = {HEAVY!r}\nAFTER_LOGIN = {AFTER_LOGIN!r}\nLATER_QT = {LATER_QT!r}\n{code}"
    done = subprocess.run([sys.executable, "-c", source, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_loads_neither_qt_nor_the_print_nor_the_database_library() -> None:
    assert _run(_HELP) == []


def test_version_loads_neither_qt_nor_the_print_nor_the_database_library() -> None:
    assert _run(_VERSION) == []


def test_the_login_window_shows_without_the_session_the_print_or_the_main_window(site: SiteFixture) -> None:
    assert _run(_LOGIN_WINDOW, str(site.data_dir)) == {"shown": 1, "site": "Site 01 · Study NCT03580291",
                                                       "loaded": [], "qt_classes": [], "qt_namespace": False}


def test_the_login_window_for_a_folder_that_is_no_site_yet_loads_no_more(tmp_path: Path) -> None:
    # The login window still shows, saying how to create a site there.
    assert _run(_LOGIN_WINDOW, str(tmp_path / "no-site-yet")) == {"shown": 1, "site": "", "loaded": [],
                                                                  "qt_classes": [], "qt_namespace": False}


# The start parses ``crf-desktop [--data-dir DIR]`` without building the commands' parsers; every other command
# line must get the answer the whole parser gives: the same namespace, help, usage, error and exit status.
COMMAND_LINES = [
    [], ["--data-dir", "/tmp/site"], ["--data-dir=/tmp/site"], ["--data", "/tmp/site"],
    ["--data-dir", "/a", "--data-dir", "/b"], ["-h"], ["--help"], ["--he"], ["--data-dir", "/tmp/site", "-h"],
    ["--data-dir"], ["version"], ["--data-dir", "/tmp/site", "version"], ["version", "--data-dir", "/tmp/site"],
    ["print", "--help"], ["print", "--data-dir"], ["user"], ["user", "add"], ["user", "add", "--help"],
    ["--user", "admin"], ["no-such-command"], ["--help", "version"], ["--"], ["--", "version"],
    ["demo", "--no-gui"], ["centre"], ["selftest"], ["verify", "--data-dir", "/tmp/site", "--user", "admin"],
]


def _answer(commands_when_named: bool, argv: list[str]) -> tuple[object, str, str]:
    """(parsed values or exit status, stdout, stderr) of parsing ``argv``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            parsed = build_parser(commands_when_named=commands_when_named).parse_args(argv)
            result: object = {name: getattr(value, "__qualname__", value) for name, value in vars(parsed).items()}
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=lambda argv: " ".join(argv) or "(none)")
def test_the_start_parses_every_command_line_as_the_whole_parser_does(argv: list[str]) -> None:
    whole = _answer(False, argv)
    assert _answer(True, argv) == whole
    assert whole[0] != {}  # a namespace or an exit: the comparison compared something


def test_starting_the_app_builds_no_command_parser() -> None:
    parser = build_parser(commands_when_named=True)
    args = parser.parse_args(["--data-dir", "/tmp/site"])
    assert (args.handler.__name__, args.data_dir) == ("cmd_gui", "/tmp/site")
    assert parser._subparsers is None  # nothing else shows that the commands were not built
    parser.parse_args(["version"])
    assert parser._subparsers is not None
