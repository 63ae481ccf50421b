"""Issue 10: the app starts to its login window within 1.5 x a bare PySide6 window. Most of the start was spent
importing what only later work needs (the print's reportlab, PDF previews, QR decoding, the main window), so
these tests fail when such an import comes back onto the path of ``--help``, ``version`` or the login window.

Each check runs in a fresh interpreter, as the app does: what the test process itself imported does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SiteFixture

ROOT = Path(__file__).resolve().parents[2]

#: Never needed to print the help or the version, nor to show the login window.
HEAVY = ("reportlab", "pypdfium2", "zxingcpp", "sqlite_utils")

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
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
    site_line = shown[0].site_label.text() if shown else None
    print(json.dumps({"shown": len(shown), "site": site_line, "loaded": loaded({*HEAVY, "crf_desktop.ui.main_window",
                                                             "crf_desktop.services.printing",
                                                             "crf_desktop.services.session"})}), flush=True)
    os._exit(0)

QTimer.singleShot(0, report)
main(["--data-dir", sys.argv[1]])
"""


def _run(code: str, *args: str) -> object:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    source = f"HEAVY = {HEAVY!r}\n{code}"
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
                                                       "loaded": []}


def test_the_login_window_for_a_folder_that_is_no_site_yet_loads_no_more(tmp_path: Path) -> None:
    # The login window still shows, saying how to create a site there.
    assert _run(_LOGIN_WINDOW, str(tmp_path / "no-site-yet")) == {"shown": 1, "site": "", "loaded": []}
