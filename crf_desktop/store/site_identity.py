"""Which site and study a data directory holds, read from its key file without unlocking anything.

Kept apart from :mod:`crf_desktop.store.site` (which opens databases and loads sqlite_utils) so that the login
window can name the site without loading the store (issue 10: start-up time).
"""

from __future__ import annotations

from pathlib import Path

from crf_desktop.core.errors import DataDirError
from crf_desktop.store.datadir import DB_FILE, KEY_FILE, is_site
from crf_desktop.store.keyfile import KeyFile

#: The site id in the coordinating centre's key file: a name no site can have (a site is a number).
CENTRE_SITE_ID = "centre"


def require_site(data_dir: Path) -> None:
    """DataDirError naming what is wrong when ``data_dir`` is not a crf-desktop site."""
    if not data_dir.exists():
        raise DataDirError(f"the data directory {data_dir} does not exist; check --data-dir, or create a site "
                           "there with: crf-desktop init")
    if not data_dir.is_dir():
        raise DataDirError(f"the data directory {data_dir} is a file, not a folder; check --data-dir")
    if not is_site(data_dir):
        raise DataDirError(f"{data_dir} is not a crf-desktop site (it has no {DB_FILE} or {KEY_FILE}); check "
                           "--data-dir (a new site is created in an empty folder with: crf-desktop init)")


def read_site_identity(data_dir: Path) -> tuple[str, str]:
    """(site, study) of a data directory, read from its key file without unlocking anything."""
    require_site(data_dir)
    keyfile = KeyFile.load(data_dir)
    return keyfile.site, keyfile.study
