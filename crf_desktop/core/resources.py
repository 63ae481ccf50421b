"""Where the product's resources (terminology, fonts, translations) are, from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from crf_desktop.core.errors import CrfError


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A resource file; a clear error naming it when the installation lacks it."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise CrfError(f"the resource {path} is missing: the installation is incomplete; reinstall crf-desktop")
    return path
