"""The selftest's Qt checks: which platform plugin the app would use, whether it loads, and the bundled font
as Qt sees it.

A platform plugin that cannot load makes Qt abort the process, so the checks run in a child process
(``crf-desktop selftest --qt-probe``, :func:`probe_main`) and this side reads what it printed (with
``QT_DEBUG_PLUGINS=1``, which names a missing system library). When ``QT_QPA_PLATFORM`` forces a headless
platform (offscreen, minimal), that is a warning and the platform a desktop session would use is probed instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping

from crf_desktop.services.selftest import CJK_SAMPLE, FONT_FILE, Check, fail, ok, warn

HEADLESS = ("offscreen", "minimal", "minimalegl", "vnc")
PROBE_TIMEOUT_S = 60

#: System libraries the Qt platform plugins load, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-util.so.1": "libxcb-util1", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0", "libdbus-1.so.3": "libdbus-1-3", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
}
_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")
_XCB_CURSOR = re.compile(r"xcb-cursor0 or libxcb-cursor0 is needed", re.IGNORECASE)


def expected_platform(environ: Mapping[str, str], system: str = sys.platform) -> str:
    """The platform plugin Qt picks in this environment (Qt 6's own order: QT_QPA_PLATFORM, else the
    system's native one; on Linux Wayland when the session is a Wayland one, else xcb)."""
    forced = environ.get("QT_QPA_PLATFORM", "").strip()
    if forced:
        return forced.split(";")[0].split(":")[0]
    if system.startswith("win"):
        return "windows"
    if system == "darwin":
        return "cocoa"
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def advice_for(output: str, platform: str, environ: Mapping[str, str]) -> str:
    """What to do when the platform plugin did not load, from what Qt printed."""
    libraries = sorted(set(_MISSING_LIBRARY.findall(output)))
    no_display = "could not connect to display" in output or (platform == "xcb" and not environ.get("DISPLAY"))
    # Qt names xcb-cursor whenever the xcb plugin fails; it is the cause only when a display was reached.
    if _XCB_CURSOR.search(output) and not no_display and "libxcb-cursor.so.0" not in libraries:
        libraries.append("libxcb-cursor.so.0")
    known = [DEBIAN_PACKAGES[lib] for lib in libraries if lib in DEBIAN_PACKAGES]
    unknown = [lib for lib in libraries if lib not in DEBIAN_PACKAGES]
    if known or unknown:
        parts = []
        if known:
            parts.append(f"install {', '.join(known)}: apt-get install {' '.join(known)}")
        if unknown:
            parts.append(f"install the packages providing {', '.join(unknown)} (apt-file search {unknown[0]})")
        return "; ".join(parts) + " (as root), then run the selftest again"
    if "ImportError" in output or "ModuleNotFoundError" in output:
        return "reinstall crf-desktop: its Qt libraries (PySide6) are incomplete"
    if no_display:
        shown = environ.get("DISPLAY")
        return ("no display: run the selftest from the desktop session the app will be used in "
                + (f"(DISPLAY={shown} cannot be reached)" if shown else "(DISPLAY is not set here)"))
    if platform == "wayland":
        return "start the app in an X11 session, or set QT_QPA_PLATFORM=xcb"
    return "reinstall crf-desktop; if it persists, send this report to the coordinating centre"


def probe_command() -> list[str]:
    """How to start this program again with ``selftest --qt-probe`` (from a checkout or a frozen bundle)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "selftest", "--qt-probe"]
    return [sys.executable, "-m", "crf_desktop", "selftest", "--qt-probe"]


def run_qt_checks(environ: Mapping[str, str] | None = None) -> list[Check]:
    """The Qt platform and Qt font checks, each in a child process."""
    env = dict(os.environ if environ is None else environ)
    found: list[Check] = []
    platform = expected_platform(env)
    if platform in HEADLESS:
        found.append(warn("Qt platform (environment)", f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']} shows no window",
                          "unset QT_QPA_PLATFORM for the users of the app; the desktop's platform is checked "
                          "below"))
        env.pop("QT_QPA_PLATFORM")
        platform = expected_platform(env)
    env["QT_DEBUG_PLUGINS"] = "1"
    try:
        done = subprocess.run(probe_command(), env=env, capture_output=True, text=True,  # noqa: S603
                              timeout=PROBE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return [*found, fail("Qt platform", f"the {platform} platform did not start within {PROBE_TIMEOUT_S} s",
                             "check the display server; then run the selftest again")]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or "PLATFORM" not in lines:
        output = done.stdout + done.stderr
        said = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        reason = next((line.strip() for line in output.splitlines()
                       if "Could not load the Qt platform plugin" in line or "could not connect to display" in line),
                      said[-1] if said else f"the probe ended with status {done.returncode}")
        return [*found, fail("Qt platform", f"the {platform} platform plugin does not load: {reason}",
                             advice_for(output, platform, env))]
    found.append(ok("Qt platform", f"{lines['PLATFORM']} loads ({lines.get('SCREENS', '?')} screen(s), "
                                   f"Qt {lines.get('QT', '?')})"))
    missing = lines.get("FONT-MISSING", "").strip()
    if "FONT-FAILED" in lines:
        found.append(fail("Qt fonts", f"Qt could not load {FONT_FILE[-1]}: {lines['FONT-FAILED']}",
                          "reinstall crf-desktop (resources/fonts is part of it)"))
    elif missing:
        found.append(fail("Qt fonts", f"{lines.get('FONT', FONT_FILE[-1])} lacks {missing}",
                          "reinstall crf-desktop (resources/fonts is part of it)"))
    else:
        found.append(ok("Qt fonts", f"{lines.get('FONT', '?')} loaded by Qt and covers {CJK_SAMPLE}"))
    return found


def probe_main() -> int:
    """The child: start Qt on the platform the environment gives, print what loaded, exit 0."""
    from crf_desktop.core.errors import CrfError
    from crf_desktop.core.resources import resource_path
    from crf_desktop.ui.qt import QApplication, QFontDatabase, QRawFont, qVersion

    app = QApplication([sys.argv[0]])  # aborts the process when the platform plugin cannot load
    print(f"PLATFORM {app.platformName()}")
    print(f"SCREENS {len(app.screens())}")
    print(f"QT {qVersion()}")
    try:
        path = resource_path(*FONT_FILE)
    except CrfError as exc:
        print(f"FONT-FAILED {exc}")
        return 0
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        print(f"FONT-FAILED Qt refused {path}")
        return 0
    families = QFontDatabase.applicationFontFamilies(font_id)
    print(f"FONT {families[0] if families else path.name}")
    raw = QRawFont(str(path), 12)
    print(f"FONT-MISSING {''.join(char for char in CJK_SAMPLE if not raw.supportsCharacter(ord(char)))}")  # UCS-4
    sys.stdout.flush()
    return 0
