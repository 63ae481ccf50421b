"""The central folder: where packages go, which files count, and writing them so none is ever seen half-written.

    <folder>/to-centre/<site>/<study>_<site>_<seq>.crfpkg      site → centre
    <folder>/from-centre/<site>/<study>_<site>_c<seq>.crfmsg   centre → site

A file is written as ``.<name>.partial`` in the same folder, fsynced, then renamed, and the folder fsynced.
Readers skip dot-files, ``*.partial``, temporary files and the conflict copies that sync tools make (Dropbox,
OneDrive, Nextcloud "(conflicted copy ...)", Syncthing ".sync-conflict-", Office "~$"), so a file is either
absent or complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.errors import StorageError, UserInputError
from crf_desktop.store.datadir import fsync_dir, is_site  # fsync_dir: one way to make a rename durable

TO_CENTRE = "to-centre"
FROM_CENTRE = "from-centre"
PACKAGE_SUFFIX = ".crfpkg"
MESSAGE_SUFFIX = ".crfmsg"
PARTIAL = ".partial"

_PACKAGE = re.compile(r"^(?P<study>[A-Za-z0-9_-]+?)_(?P<site>[0-9]{2,3})_(?P<seq>[0-9]{1,9})\.crfpkg$")
_MESSAGE = re.compile(r"^(?P<study>[A-Za-z0-9_-]+?)_(?P<site>[0-9]{2,3})_c(?P<seq>[0-9]{1,9})\.crfmsg$")
_TEMP_SUFFIXES = (PARTIAL, ".tmp", ".temp", ".part", ".crdownload", ".download", "~", ".swp", ".!sync",
                  ".syncthing.tmp")
_CONFLICT = re.compile(r"(conflicted copy|conflict|sync-conflict|のコピー|冲突|衝突)", re.IGNORECASE)


def ignored(name: str) -> bool:
    """Whether a reader skips this file name (temporary, hidden or a sync tool's conflict copy)."""
    lower = name.lower()
    return (name.startswith((".", "~$", "~")) or lower.endswith(_TEMP_SUFFIXES)
            or _CONFLICT.search(name) is not None)


@dataclass(frozen=True, kw_only=True)
class Found:
    path: Path
    seq: int
    study: str
    site: str


def package_name(study: str, site: str, seq: int) -> str:
    return f"{study}_{site}_{seq}{PACKAGE_SUFFIX}"


def message_name(study: str, site: str, seq: int) -> str:
    return f"{study}_{site}_c{seq}{MESSAGE_SUFFIX}"


def site_outbox(folder: Path, site: str) -> Path:
    return folder / TO_CENTRE / site


def site_inbox(folder: Path, site: str) -> Path:
    return folder / FROM_CENTRE / site


def _scan(folder: Path, pattern: re.Pattern[str]) -> tuple[list[Found], list[Path]]:
    """(well-named files by sequence, other files that are neither ignored nor well-named)."""
    found: list[Found] = []
    strays: list[Path] = []
    if not folder.is_dir():
        return found, strays
    for path in folder.iterdir():
        if ignored(path.name) or not path.is_file():
            continue
        match = pattern.match(path.name)
        if match is None:
            strays.append(path)
            continue
        found.append(Found(path=path, seq=int(match["seq"]), study=match["study"], site=match["site"]))
    return sorted(found, key=lambda f: f.seq), sorted(strays)


def packages_in(folder: Path) -> tuple[list[Found], list[Path]]:
    return _scan(folder, _PACKAGE)


def messages_in(folder: Path) -> tuple[list[Found], list[Path]]:
    return _scan(folder, _MESSAGE)


def site_folders(folder: Path) -> list[Path]:
    """The per-site folders under ``to-centre/`` (skipping hidden and conflict-copy folders)."""
    root = folder / TO_CENTRE
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not ignored(p.name))


def central_folder_problem(folder: Path, *, given_as: str) -> str | None:
    """What ``folder`` is instead of the central folder, or None when it can be the central folder.

    Refused: a folder that does not exist; a crf-desktop data directory (a site's or the centre's) or a folder
    inside one; a folder inside the central folder's ``to-centre/`` or ``from-centre/`` (an export would nest
    ``to-centre/<site>/to-centre/<site>/`` there, which the centre never reads). ``given_as`` says where the
    folder came from, e.g. ``the folder to export to`` or ``remembered from the last export``.
    """
    folder = folder.expanduser()
    if not folder.is_dir():
        return (f"the central folder {folder} ({given_as}) does not exist or is not a folder: connect the drive or "
                "share, or give the right folder")
    resolved = folder.resolve()
    for place in (resolved, *resolved.parents):
        if is_site(place):
            what = ("is a crf-desktop data directory" if place == resolved
                    else f"is inside the crf-desktop data directory {place}")
            return (f"{folder} ({given_as}) {what}, not the central folder: give the folder that the sites and "
                    "the centre share (the one holding to-centre/ and from-centre/)")
    layout = [place for place in (resolved, *resolved.parents) if place.name in (TO_CENTRE, FROM_CENTRE)]
    if layout:
        root = layout[-1].parent  # the outermost: a nested to-centre/02/to-centre/02 names the real one
        return (f"{folder} ({given_as}) is inside the central folder's {resolved.relative_to(root).as_posix()}; "
                f"give the central folder itself, e.g. {root}")
    return None


def check_central_folder(folder: Path, *, given_as: str) -> Path:
    """``folder`` resolved, or UserInputError saying what it is instead (see :func:`central_folder_problem`)."""
    problem = central_folder_problem(folder, given_as=given_as)
    if problem is not None:
        raise UserInputError(f"{problem}. Nothing was written")
    return folder.expanduser().resolve()


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: "this user may not write there",
    errno.EPERM: "this user may not write there",
    errno.EIO: "the disk reported a read/write error (is it unplugged?)",
    errno.ENOENT: "the folder does not exist (is the drive connected?)",
}


def folder_error(exc: OSError, where: Path) -> StorageError:
    reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    return StorageError(f"could not write to {where}: {reason}. Fix the folder (free space, permissions, "
                        "connect the drive) and export again; nothing was sent and the site's data is untouched.")


def ensure_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder_error(exc, path) from None


def write_partial(path: Path, data: bytes) -> Path:
    """Write ``data`` to the hidden ``.<name>.partial`` beside ``path`` and fsync it; returns the partial's path.

    Nothing is visible to readers until :func:`publish`. On failure the partial file is removed.
    """
    partial = path.with_name(f".{path.name}{PARTIAL}")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise folder_error(exc, path.parent) from None
    return partial


def publish(partial: Path, path: Path) -> None:
    """Rename the finished partial into place (never over an existing file) and make the rename durable."""
    try:
        if path.exists():
            partial.unlink()
            raise FileExistsError(errno.EEXIST, "exists", str(path))
        os.replace(partial, path)
        fsync_dir(path.parent)
    except FileExistsError:
        raise
    except OSError as exc:
        raise folder_error(exc, path.parent) from None


def write_file(path: Path, data: bytes) -> None:
    """Write a whole file atomically (dot-file, fsync, rename) where no file of that name exists yet."""
    publish(write_partial(path, data), path)


def remove_stale_partials(folder: Path, prefix: str) -> int:
    """Remove our own ``.<prefix>*.partial`` files left by an export that was killed; returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.iterdir():
        if path.name.startswith(f".{prefix}") and path.name.endswith(PARTIAL):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
