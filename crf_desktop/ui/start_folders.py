"""Where the app's folder and file dialogs open: the folder chosen last time for the same purpose in the same data
directory, else a folder the app knows fits (the demo centre's exchange folder), else the home folder.

Remembered per user (QSettings, in the same settings file as the language: ``ui/language.py``) and per data
directory, so a centre's demo and its real data directory each open where they were used last. A remembered
folder that is gone (a USB stick not plugged in) is passed over.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from crf_desktop.services.demo import PASSWORD_FILE
from crf_desktop.services.demo_centre import demo_centre_paths
from crf_desktop.ui.language import APPLICATION, ORGANISATION
from crf_desktop.ui.qt import QSettings

CENTRE_IMPORT = "centre-import"  # the central folder the centre imports site packages from
CENTRE_EXPORT = "centre-export"  # where the centre's CSV and ODM exports went
PDF = "pdf"  # where printouts were saved as PDF
SCANS = "scans"  # where the scans of signed pages were picked from
LISTS = "randomisation-lists"  # where the centre picked sites' randomisation lists from, to unblind the study
_GROUP = "folders"


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _key(data_dir: Path, purpose: str) -> str:
    # a path holds "/" and "\", which QSettings reads as groups: the data directory is named by a digest
    digest = hashlib.sha256(str(data_dir.expanduser().resolve()).encode()).hexdigest()[:16]
    return f"{_GROUP}/{digest}/{purpose}"


def last_folder(data_dir: Path, purpose: str) -> Path | None:
    """The folder last chosen for ``purpose`` in ``data_dir``, if it is still there."""
    value = _settings().value(_key(data_dir, purpose), "")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else None


def remember_folder(data_dir: Path, purpose: str, folder: Path) -> None:
    """Open the dialogs of ``purpose`` in ``folder`` from now on (for ``data_dir``)."""
    settings = _settings()
    settings.setValue(_key(data_dir, purpose), str(folder))
    settings.sync()


def demo_exchange_folder(data_dir: Path) -> Path | None:
    """The central folder of a demo centre (``<demo>-centre`` beside ``<demo>-exchange``), else None."""
    if not data_dir.name.endswith("-centre") or not (data_dir / PASSWORD_FILE).is_file():
        return None
    folder = demo_centre_paths(data_dir.with_name(data_dir.name.removesuffix("-centre"))).folder
    return folder if folder.is_dir() else None


def start_folder(data_dir: Path, purpose: str, *fallbacks: Path | None) -> Path:
    """Where a dialog of ``purpose`` opens: the folder last chosen for it in ``data_dir``, else the first of
    ``fallbacks`` that is a folder now, else the home folder."""
    for candidate in (last_folder(data_dir, purpose), *fallbacks):
        if candidate is not None and candidate.is_dir():
            return candidate
    return Path.home()
