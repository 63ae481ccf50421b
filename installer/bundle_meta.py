"""What the installers say about the app: name, version, publisher, folders (issue 9).

The version has one home, ``crf_desktop/__init__.py`` (``__version__``); the PyInstaller spec (the Windows
version resource, the macOS Info.plist), ``build.py`` (the archive's name, the Inno Setup script's
``AppVersion``) all read it through :func:`app_version`, which parses the file instead of importing the package,
so a build never runs application code.
"""

from __future__ import annotations

import ast
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "crf-desktop"
DISPLAY_NAME = "crf-desktop"
DESCRIPTION = "Case report forms for trial NCT03580291"
PUBLISHER = "NCT03580291 coordinating centre"
BUNDLE_ID = "org.nct03580291.crf-desktop"
# A fixed GUID: Windows recognises an update of an installed crf-desktop by it. Never change it.
WINDOWS_APP_ID = "{6C1E5D2A-8F3B-4E0C-9A7D-2B51C4E8F903}"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICONS = ROOT / "resources" / "icons"


def app_version(init_file: Path = ROOT / "crf_desktop" / "__init__.py") -> str:
    """``__version__`` from ``crf_desktop/__init__.py``."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"), filename=str(init_file))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "__version__" and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            return node.value.value
    raise SystemExit(f"error: {init_file} has no __version__ = \"X.Y.Z\" line; the build needs it")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: ``0.1.0`` → (0, 1, 0, 0); a suffix like ``rc1`` is dropped."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x64``, ``macos-arm64``: the part of an archive's name that says where it runs."""
    machine = platform.machine().lower() or "unknown"
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    if sys.platform.startswith("win"):
        return f"windows-{'x64' if machine == 'x86_64' else machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"{sys.platform.rstrip('0123456789')}-{machine}"


def bundle_dir() -> Path:
    """The one-folder bundle PyInstaller writes (``dist/crf-desktop``; on macOS also ``dist/crf-desktop.app``)."""
    return DIST / APP_NAME


def executable(bundle: Path | None = None) -> Path:
    """The command-line executable inside a one-folder bundle."""
    folder = bundle or bundle_dir()
    return folder / (f"{APP_NAME}.exe" if sys.platform.startswith("win") else APP_NAME)
