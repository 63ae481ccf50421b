#!/usr/bin/env python3
"""Set up and run crf-desktop from a source checkout.

    python3 dev.py start   # set up if needed, create the demo site (once) and open the app
    python3 dev.py test    # set up if needed, then ruff, import-linter, mypy and the whole pytest suite

Set-up is idempotent and skipped when already done: the Qt system libraries on Debian/Ubuntu (apt-get, needs
root or sudo), a virtualenv in .venv, and the locked dependencies (installed with uv, which is itself taken
from PyPI into the virtualenv).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements-dev.lock"
STAMP = VENV / ".crf-setup-stamp"

# Qt offscreen needs these; the test run also needs a real X server (Xvfb) and its xcb plugins,
# and poppler-utils to turn printed PDFs into images.
APT_RUNTIME = ["libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libglib2.0-0", "libxkbcommon0",
               "libcups2"]  # QtPrintSupport (the Print dialog) links against CUPS
APT_DISPLAY = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-render-util0",
    "libxcb-render0", "libxcb-shape0", "libxcb-util1", "libxcb-xkb1", "libxkbcommon-x11-0",
]
APT_TEST = ["xvfb", "poppler-utils"]

MIN_PYTHON = (3, 11)


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def fail(msg: str) -> None:
    print(f"[dev] error: {msg}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def missing_debian_packages(names: list[str]) -> list[str]:
    missing = []
    for name in names:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_system_packages(names: list[str]) -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return  # Windows and macOS wheels of Qt carry what they need.
    missing = missing_debian_packages(names)
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo"]
    else:
        fail("these system packages are missing and this user cannot install them: "
             + " ".join(missing) + "\n  ask an administrator to run: apt-get install " + " ".join(missing))
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                   check=True, env=env)


def setup_stamp() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> None:
    if STAMP.exists() and STAMP.read_text() == setup_stamp() and venv_bin("python").exists():
        return
    if not venv_bin("python").exists():
        say(f"creating a virtualenv in {VENV}")
        result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
        if result.returncode != 0:
            fail("could not create a virtualenv; on Debian/Ubuntu install python3-venv and try again")
    python = str(venv_bin("python"))
    if not venv_bin("uv").exists():
        say("installing uv into the virtualenv")
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "uv"], check=True)
    say("installing dependencies from requirements-dev.lock")
    subprocess.run([str(venv_bin("uv")), "pip", "install", "-q", "--python", python,
                    "-r", str(LOCK), "-e", str(ROOT)], check=True)
    STAMP.write_text(setup_stamp())


def run(args: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(args, cwd=ROOT, env=env, check=False).returncode


def cmd_start(extra: list[str]) -> int:
    ensure_system_packages(APT_RUNTIME + APT_DISPLAY)
    ensure_venv()
    data_dir = ROOT / "demo-data"
    return run([str(venv_bin("crf-desktop")), "demo", "--data-dir", str(data_dir), *extra])


def _workers(extra: list[str]) -> list[str]:
    """One pytest worker per core (pytest-xdist), unless the arguments choose (-n 0 runs in this process)."""
    chosen = any(arg in ("-n", "--numprocesses") or arg.startswith(("-n", "--numprocesses=")) for arg in extra)
    return [] if chosen else ["-n", "auto"]


def cmd_test(extra: list[str]) -> int:
    ensure_system_packages(APT_RUNTIME + APT_DISPLAY + APT_TEST)
    ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        ("ruff", [str(venv_bin("ruff")), "check", "."]),
        ("import-linter", [str(venv_bin("lint-imports"))]),
        ("mypy (domain layers)", [str(venv_bin("mypy"))]),
        ("pytest", [str(venv_bin("python")), "-m", "pytest", *_workers(extra), *extra]),
    ]
    for name, args in steps:
        say(f"running {name}")
        code = run(args, env=env)
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        fail(f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer is needed; this is {sys.version.split()[0]}")
    commands = {"start": cmd_start, "test": cmd_test, "setup": lambda _extra: (ensure_venv(), 0)[1]}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
