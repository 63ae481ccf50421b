"""Online backups of the site database (SQLite backup API: still encrypted with the same key), and restore.

A backup is taken at the first login of each day (and after each export), into
``backups/`` in the data directory, and rotated. Restoring needs the database key only, never the damaged
database itself, so it works when the live database no longer opens.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3

from crf_desktop.core.clock import utcnow
from crf_desktop.core.errors import DatabaseCorruptError, UserInputError
from crf_desktop.store.database import DatabaseError, connect_keyed
from crf_desktop.store.datadir import DB_FILE, fsync_dir

BACKUP_DIR = "backups"
KEEP_PER_REASON = 14  # issue 8: "rotated, 14 kept", daily and after each export
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, kw_only=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC, from the file name
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


def _parse(path: Path) -> BackupFile | None:
    # site-20261125-093000-daily.db
    parts = path.stem.split("-")
    if path.suffix != ".db" or len(parts) != 4 or parts[0] != "site":
        return None
    try:
        taken = datetime.strptime(f"{parts[1]}-{parts[2]}", _STAMP).replace(tzinfo=utcnow().tzinfo)
    except ValueError:
        return None
    return BackupFile(path=path, taken_at=taken, reason=parts[3])


def list_backups(data_dir: Path) -> list[BackupFile]:
    """Backups in the data directory, newest first."""
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if not p.name.startswith(".") and (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(conn: sqlcipher3.Connection, data_dir: Path, db_key: bytes, reason: str) -> BackupFile:
    """Copy the open database into ``backups/`` (written to a dot-file, checked, then renamed); rotate."""
    folder = data_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    name = f"site-{utcnow().strftime(_STAMP)}-{reason}.db"
    tmp = folder / f".{name}.tmp"
    target = connect_keyed(tmp, db_key)
    try:
        conn.backup(target)
        if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DatabaseCorruptError(f"the backup {name} failed its check; the previous backups are kept")
    finally:
        target.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    final = folder / name
    os.replace(tmp, final)
    fsync_dir(folder)
    _rotate(data_dir, reason)
    parsed = _parse(final)
    assert parsed is not None  # noqa: S101 - we made the name
    return parsed


def _rotate(data_dir: Path, reason: str) -> None:
    same = [b for b in list_backups(data_dir) if b.reason == reason]
    for old in same[KEEP_PER_REASON:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()


def backup_taken_today(data_dir: Path, reason: str, today_local: str) -> bool:
    return any(b.reason == reason and b.taken_at.astimezone().date().isoformat() == today_local
               for b in list_backups(data_dir))


def check_backup(path: Path, db_key: bytes) -> None:
    """Refuse a file that is not a readable backup of this site's database."""
    if not path.is_file():
        raise UserInputError(f"the backup {path} does not exist")
    conn = connect_keyed(path, db_key)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserInputError(f"the backup {path} is damaged; choose another one")
    except DatabaseError:
        raise UserInputError(f"{path} is not a backup of this site's database (or it is damaged)") from None
    finally:
        conn.close()


def replace_database(data_dir: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the live database; the replaced files are kept beside it. Returns their name."""
    live = data_dir / DB_FILE
    stamp = utcnow().strftime(_STAMP)
    kept = data_dir / f"{DB_FILE}.replaced-{stamp}"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{live}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{kept}{suffix}"))
    tmp = data_dir / f".{DB_FILE}.restore.tmp"
    shutil.copyfile(backup, tmp)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, live)
    fsync_dir(data_dir)
    return kept
