"""What the login window shows before anyone logs in: the site and study of a data directory.

Apart from :mod:`crf_desktop.services.session` so that the app reaches its login window without loading the
session's store modules (sqlite_utils, SQLCipher): issue 10, start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crf_desktop.store.site_identity import CENTRE_SITE_ID as CENTRE_SITE_ID  # for the UI
from crf_desktop.store.site_identity import read_site_identity


@dataclass(frozen=True, kw_only=True)
class SiteInfo:
    """What the login screen shows before anyone has logged in."""

    site_id: str
    study_id: str
    data_dir: Path


def site_info(data_dir: Path) -> SiteInfo:
    """Site and study of a data directory, without unlocking it; DataDirError/KeyFileError when it is not one."""
    site, study = read_site_identity(data_dir)
    return SiteInfo(site_id=site, study_id=study, data_dir=data_dir)
