"""One writer at a time: an OS lock on a file in the data directory, held while the site is open.

The OS releases the lock when the process dies, so a crash never leaves the site locked.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import IO

from crf_desktop.core.clock import iso, local_display, parse_iso, utcnow
from crf_desktop.core.errors import DataDirInUseError
from crf_desktop.store.datadir import LOCK_FILE

if os.name == "nt":
    import msvcrt
else:
    import fcntl


def _try_lock(handle: IO[str]) -> bool:
    try:
        if os.name == "nt":
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class DataDirLock:
    """Exclusive use of a data directory by this process."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._handle: IO[str] | None = None

    def holder(self) -> str | None:
        """Who holds the lock now (without taking it for long), or ``None`` when nobody does."""
        if not self.path.exists():
            return None
        try:
            self.acquire()
        except DataDirInUseError as exc:
            return exc.holder
        self.release()
        return None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while locked
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            try:
                info = json.loads(holder)
                since = local_display(parse_iso(info["since"]))
                who = f"process {info['pid']} on {info['host']} since {since}"
            except (ValueError, KeyError, TypeError):
                who = "another process"
            raise DataDirInUseError(
                f"the data directory {self.path.parent} is already open in crf-desktop ({who}). "
                "Close it there first; only one program may write to a site database at a time.",
                holder=who,
            )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": iso(utcnow())}))
        handle.flush()
        self._handle = handle

    @property
    def released(self) -> bool:
        return self._handle is None

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor drops the lock
            self._handle = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
