"""What a site finds in its own outgoing folder beyond the last package it wrote, before it writes the next.

A file in ``to-centre/<site>/`` whose name carries a higher number than this site's last package is either a
real sign that the site's database went back in time (a package this site signed and has no record of: restored
from an older backup), or something else under a package's name: a copy of one of this site's packages saved or
renamed under another number, another site's or study's package, a package of another installation calling itself
this site, or a file that is not a readable package. Only the first is a restore; each other one is named as what
it is, with the name it should have and what to do. :func:`ahead_of` reads only the files above the site's last
package (usually none), so a long trial's folder costs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import sqlite_utils

from crf_desktop.core.errors import CrfError, UserInputError
from crf_desktop.store import sync_state as state
from crf_desktop.sync.folder import package_name, packages_in
from crf_desktop.sync.keys import fingerprint
from crf_desktop.sync.package import SITE_PACKAGE, PackageRejected, check_signature, frame


class Kind(Enum):
    RESTORED = "restored"  # this site signed it and has no record of it: the database went back in time
    COPY = "copy"  # one of this site's own packages under another name
    FOREIGN = "foreign"  # another site's or study's package, or not a site package at all
    OTHER_INSTALLATION = "other installation"  # this site's number, another signing key
    UNREADABLE = "unreadable"  # not a readable, intact package


@dataclass(frozen=True, kw_only=True)
class Ahead:
    """A file above the site's last package, what it is and what to do about it."""

    path: Path
    kind: Kind
    message: str

    @property
    def serious(self) -> bool:
        """Call the centre (exit 1), rather than move a file (exit 2)."""
        return self.kind in (Kind.RESTORED, Kind.OTHER_INSTALLATION)


def ahead_of(db: sqlite_utils.Database, outbox: Path, *, study: str, site: str, sign_public: bytes) -> list[Ahead]:
    """Every package-named file in ``outbox`` whose number is above the last package this site recorded."""
    last = state.last_package(db)
    own_last = last.seq if last else 0
    found, _strays = packages_in(outbox)
    return [_classify(db, item.path, own_last=own_last, study=study, site=site, sign_public=sign_public)
            for item in found if item.seq > own_last]


def _classify(db: sqlite_utils.Database, path: Path, *, own_last: int, study: str, site: str,
              sign_public: bytes) -> Ahead:
    name = path.name
    try:
        data = path.read_bytes()
        framed = frame(data)
    except OSError as exc:
        return Ahead(path=path, kind=Kind.UNREADABLE, message=f"{name} in {path.parent} cannot be read "
                     f"({exc.strerror or exc}); close the program holding it, or move it out of the folder")
    except PackageRejected as exc:
        return Ahead(path=path, kind=Kind.UNREADABLE, message=f"{name} in {path.parent} is not a readable package "
                     f"({exc.reason.value}: {exc.detail}); this site has not written a package of that number, so "
                     "move the file out of the folder (keep it if unsure and tell the coordinating centre)")
    header = framed.header
    right = package_name(header.study, header.site, header.seq)
    if header.kind != SITE_PACKAGE or header.study != study or header.site != site:
        what = (f"a {header.kind} for site {header.site}" if header.kind != SITE_PACKAGE
                else f"package {header.seq} of site {header.site} of study {header.study}")
        where = (f"; it belongs in to-centre/{header.site}/ as {right}" if header.kind == SITE_PACKAGE else "")
        return Ahead(path=path, kind=Kind.FOREIGN, message=f"{name} in {path.parent} is not this site's package: "
                     f"its header says it is {what}{where}. Move it out of this site's folder (or delete it)")
    if header.seq <= own_last and data == _recorded(db, header.seq):
        return Ahead(path=path, kind=Kind.COPY, message=f"{name} in {path.parent} is a copy of this site's package "
                     f"{header.seq} under a wrong name: its header says package {header.seq}, so its name would be "
                     f"{right}. Delete this stray copy (or move it out of the folder): nothing is lost, this site "
                     "keeps every package it wrote and writes again any the centre still needs")
    if header.sign_public != sign_public:
        return Ahead(path=path, kind=Kind.OTHER_INSTALLATION, message=f"{name} in {path.parent} says it is package "
                     f"{header.seq} of site {site} but was signed by another key ({header.sender_fingerprint}; this "
                     f"site's key is {fingerprint(sign_public)}): another crf-desktop installation is sending as "
                     f"site {site}. Move the file out of the folder and call the coordinating centre")
    try:
        check_signature(framed, sign_public)
    except PackageRejected as exc:
        return Ahead(path=path, kind=Kind.UNREADABLE, message=f"{name} in {path.parent} was changed or damaged after "
                     f"it was written ({exc.detail}); move it out of the folder (keep it and tell the coordinating "
                     "centre)")
    if name == right:
        message = (f"package {header.seq} already exists in {path.parent}, but this site has no record of writing "
                   "it: the site's database was probably restored from an older backup")
    else:
        message = (f"{name} in {path.parent} is a package this site signed (its header says package {header.seq}, "
                   f"so its name would be {right}) but has no record of writing: the site's database was probably "
                   "restored from an older backup")
    return Ahead(path=path, kind=Kind.RESTORED, message=message)


def _recorded(db: sqlite_utils.Database, seq: int) -> bytes | None:
    try:
        return state.package_content(db, seq)
    except KeyError:
        return None


def refusal(found: list[Ahead], *, next_name: str | None) -> CrfError | None:
    """The error that stops an export, or None when it may go on (the rest are warnings, :func:`warnings`).

    A sign of a restore stops every export; any other file stops it only when it lies under the name the export
    is about to write (``next_name``; None when there is nothing to send)."""
    blocking = _blocking(found, next_name)
    if not blocking:
        return None
    text = "; ".join(a.message for a in blocking)
    if any(a.serious for a in blocking):
        return CrfError(f"{text}. Nothing was written; call the coordinating centre before exporting again")
    return UserInputError(f"{text}. Nothing was written; export again once the file is out of the folder")


def _blocking(found: list[Ahead], next_name: str | None) -> list[Ahead]:
    return [a for a in found if a.kind is Kind.RESTORED or a.path.name == next_name]


def would_stop(found: list[Ahead], *, next_name: str | None) -> str | None:
    """What would stop an export that would write ``next_name``, in words (for ``export --status``: nothing was
    tried, so without :func:`refusal`'s "nothing was written"), or None."""
    blocking = _blocking(found, next_name)
    return "; ".join(a.message for a in blocking) if blocking else None


def not_stopping(found: list[Ahead], *, next_name: str | None) -> list[Ahead]:
    """The files an export that would write ``next_name`` names in a warning and goes on."""
    return [a for a in found if a not in _blocking(found, next_name)]


def warnings(found: list[Ahead]) -> list[str]:
    """The files an export that went on (no :func:`refusal`) leaves in the folder, each with what to do."""
    return [f"{a.message}; until then the centre quarantines it" for a in found]
