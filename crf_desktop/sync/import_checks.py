"""The centre's checks of a site package before it is decrypted: where it lies, who signed it, what it is named.

A package is *placed* when its header names this study and the site whose folder it lies in; its signature is by
the key pinned for that site (or, at first contact, by the key the package names, which is then pinned); and it is
*named* as its header says (a copy of the site's own package under another name is refused as misnamed, not as
another site's). Each check raises :class:`~crf_desktop.sync.package.PackageRejected` with what to do about it.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from crf_desktop.store import centre as store
from crf_desktop.sync.folder import package_name
from crf_desktop.sync.package import SITE_PACKAGE, Framed, PackageRejected, Reason, check_signature, sha256


def check_placed(framed: Framed, *, study: str, site: str) -> None:
    header = framed.header
    if header.kind != SITE_PACKAGE:
        raise PackageRejected(Reason.WRONG_PLACE, f"it is a {header.kind}, not a site package")
    if header.study != study:
        raise PackageRejected(Reason.WRONG_PLACE, f"it belongs to study {header.study}, not {study}")
    if header.site != site:
        raise PackageRejected(Reason.WRONG_PLACE, f"it was written by site {header.site} but lies in the folder "
                              f"of site {site} (its name should be {package_name(study, header.site, header.seq)} "
                              f"in to-centre/{header.site}/; renamed or copied to the wrong place)")


def check_named(db: sqlite_utils.Database, framed: Framed, path: Path, state: store.SiteState) -> None:
    """After the signature: the site's own package counts only under the name its header gives it. A copy saved
    or renamed under another number is refused as such (it is not another site's), naming its right name."""
    header = framed.header
    right = package_name(header.study, header.site, header.seq)
    if path.name == right:
        return
    applied = store.applied_sha256(db, header.site, header.seq) if header.seq <= state.last_seq else None
    if applied is not None and applied != framed.sha256:
        raise PackageRejected(Reason.FORK, f"it is named {path.name}, but its header says package {header.seq} "
                              f"(right name {right}), and package {header.seq} was applied before with other "
                              "content: the site re-used a sequence number (restored from an old backup?); nothing "
                              "of it was merged, call the site")
    if applied is not None:
        what = f"a copy of package {header.seq}, which this centre has already applied"
    elif _sha256_of(path.with_name(right)) == framed.sha256:
        what = f"a copy of {right}, which is in this folder too"
    else:
        what = f"package {header.seq} saved under another name"
    raise PackageRejected(Reason.MISNAMED, f"its header says it is package {header.seq} of site {header.site}, so "
                          f"its name should be {right}, but it is named {path.name}: it is {what}")


def _sha256_of(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:  # absent (the usual case), or locked by a sync tool
        return None


def check_key(framed: Framed, state: store.SiteState | None, site: str) -> None:
    if state is None:
        raise PackageRejected(Reason.UNKNOWN_SITE, f"site {site} was never enrolled at this centre; if it is a "
                              f"real site, enrol it (crf-desktop centre enrol --site {site}) and import again")
    pinned = state.sign_public if state.sign_public is not None else framed.header.sign_public
    check_signature(framed, pinned)
