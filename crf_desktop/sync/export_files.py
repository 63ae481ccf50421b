"""Where the centre's exports land: a new folder or a new file, written whole or not at all.

An export never overwrites: a data manager who sends last month's export to the statistician must still have it.
The CSV export is built in a hidden sibling folder (``.<name>.partial-<random>``) and renamed into place once every
file is written and fsynced; the ODM file is streamed into a hidden temp file beside it (``.<name>.tmp``),
fsynced and renamed (:func:`write_new_file_streamed`). A failure on the way (disk full, read-only medium, a USB
stick pulled) removes the partial folder or file and raises a :class:`~crf_desktop.core.errors.CrfError` naming
the path, so a half export is never visible.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.errors import StorageError, UserInputError
from crf_desktop.store.datadir import fsync_dir


@dataclass(frozen=True, kw_only=True)
class ExportedFile:
    """One file of an export: its name (relative to the export folder), rows, size and SHA-256."""

    name: str
    rows: int
    bytes: int
    sha256: str


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an export runs (nesting is fine).

    The full trial is ~200k rows and a million strings, none of them in reference cycles (reference counting frees
    them), yet every few thousand new objects the collector would walk them all again: about a fifth of the
    export's time (issue #8, DESIGN section 10). It is switched back on afterwards, unless it was off before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def describe(path: Path, data: bytes, rows: int) -> ExportedFile:
    """The manifest entry of ``data`` written as ``path``."""
    return ExportedFile(name=path.name, rows=rows, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


def _check_parent(out: Path, what: str) -> None:
    parent = out.parent
    if not parent.is_dir():
        raise UserInputError(f"{what} {out}: the folder {parent} does not exist; create it or choose another place")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserInputError(f"{what} {out}: no permission to write in {parent}; choose a folder you can write to")


def check_new_folder(out_dir: Path) -> None:
    """Refuse an export folder that cannot be created, or that exists and already holds files."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UserInputError(f"CSV export folder {out_dir} is a file; give the name of a new (or empty) folder")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        raise UserInputError(
            f"CSV export folder {out_dir} already exists and is not empty; an export never overwrites an earlier "
            "one: give a new folder name (e.g. with today's date)"
        )
    _check_parent(out_dir, "CSV export folder")


def check_new_file(out: Path) -> None:
    """Refuse an export file name that is a folder, already exists, or lies in a folder that cannot be written."""
    if out.is_dir():
        raise UserInputError(f"ODM export {out} is a folder; give a file name such as trial.xml")
    if out.exists():
        raise UserInputError(
            f"ODM export {out} already exists; an export never overwrites an earlier one: give a new file name"
        )
    _check_parent(out, "ODM export")


def _write_file(path: Path, data: bytes) -> None:
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class FolderWriter:
    """Writes the files of one export into its hidden staging folder."""

    def __init__(self, staging: Path) -> None:
        self._staging = staging
        self.files: list[ExportedFile] = []

    def write(self, name: str, data: bytes, rows: int) -> ExportedFile:
        """Write ``name`` (a plain file name) with ``data``; remembers its manifest entry."""
        path = self._staging / name
        _write_file(path, data)
        entry = describe(path, data, rows)
        self.files.append(entry)
        return entry


@contextmanager
def staged_folder(out_dir: Path) -> Iterator[FolderWriter]:
    """Yield a writer into a hidden folder beside ``out_dir``; rename it to ``out_dir`` when the block succeeds.

    On any failure the hidden folder is removed and ``out_dir`` is left as it was (absent or empty).
    """
    check_new_folder(out_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    except OSError as exc:
        raise StorageError(f"CSV export folder {out_dir}: cannot create a folder in {out_dir.parent} "
                           f"({exc.strerror or exc}); check the disk and your permissions") from None
    try:
        yield FolderWriter(staging)
        fsync_dir(staging)
        if out_dir.is_dir():
            out_dir.rmdir()  # empty, checked above; Windows cannot rename onto an existing folder
        os.replace(staging, out_dir)
        fsync_dir(out_dir.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise StorageError(f"CSV export folder {out_dir}: writing failed ({exc.strerror or exc}); nothing was "
                           "exported: free some space or choose another folder, then export again") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_new_file_streamed(out: Path, chunks: Iterable[bytes]) -> ExportedFile:
    """Write ``chunks`` one after the other to the new file ``out``, atomically: into a hidden temp file beside it
    (hashed on the way), fsynced, then renamed. Any failure, including one raised by ``chunks`` itself, removes
    the temp file, so a half export is never visible."""
    check_new_file(out)
    tmp = out.with_name(f".{out.name}.tmp")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb", buffering=1 << 20) as handle:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"ODM export {out}: writing failed ({exc.strerror or exc}); nothing was exported: free "
                           "some space or choose another folder, then export again") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportedFile(name=out.name, rows=0, bytes=size, sha256=digest.hexdigest())
