"""Opening the SQLCipher database through sqlite-utils, with the pragmas that make saves durable."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from crf_desktop.core.errors import DatabaseCorruptError, StorageError
from crf_desktop.store.migrations import apply_migrations

if TYPE_CHECKING:  # imported when a database is opened: sqlite_utils is slow to import (issue 10)
    import sqlite_utils

DatabaseError = sqlcipher3.DatabaseError


_DISK_WORDS = ("disk i/o error", "database or disk is full", "readonly database", "unable to open database file")
_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk or folder is read-only",
    errno.EACCES: "this user may not write there",
    errno.EPERM: "this user may not write there",
    errno.EIO: "the disk reported a read/write error (is it unplugged?)",
}


def storage_error(exc: BaseException, where: Path | str) -> StorageError | None:
    """A plain-words StorageError when ``exc`` is the disk refusing (full, read-only, ...), else ``None``."""
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        reason = _OS_REASONS[exc.errno]
    elif isinstance(exc, DatabaseError) and any(word in str(exc).lower() for word in _DISK_WORDS):
        reason = f"the disk refused the operation ({exc}): it may be full, read-only or unplugged"
    else:
        return None
    return StorageError(f"could not use {where}: {reason}. Free some space or fix the folder's permissions and "
                        "try again; what was saved before is intact and nothing half-written was kept.")


def connect_keyed(path: Path, db_key: bytes) -> sqlcipher3.Connection:
    """A raw SQLCipher connection opened with the site's key (no checks, no pragmas beyond the key)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    # A raw 256-bit key: SQLCipher skips its own password KDF (our key is random, not a password).
    conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    # SQLCipher would print its own log lines to stderr; our errors say what happened in plain words.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def open_database(path: Path, db_key: bytes, *, create: bool = False) -> sqlite_utils.Database:
    """Open (or create) the encrypted database, check it, and bring its schema up to date."""
    if not create and not path.exists():
        raise DatabaseCorruptError(f"the database file {path} is missing; restore it from a backup")
    conn = connect_keyed(path, db_key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        disk = storage_error(exc, path)
        if disk is not None:
            raise disk from None
        raise DatabaseCorruptError(
            f"the database {path} cannot be read ({exc}): it is damaged or does not belong to this key file. "
            "Restore the data directory from a backup."
        ) from None
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except DatabaseError as exc:
        disk = storage_error(exc, path)
        if disk is not None:
            conn.close()
            raise disk from None
        problems = [str(exc)]
    if problems != ["ok"]:
        conn.close()
        first = " ".join(problems[0].split())
        shown = first if len(first) <= 80 else first[:79] + "…"
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise DatabaseCorruptError(
            f"the database {path} failed its integrity check ({shown}{more}). Do not enter data; the site admin "
            "restores the latest good backup (crf-desktop restore --list) and tells the coordinating centre."
        )
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    try:
        apply_migrations(db)
    except DatabaseError as exc:
        conn.close()
        raise storage_error(exc, path) or DatabaseCorruptError(
            f"the database {path} could not be updated ({exc})") from None
    return db


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Full ``integrity_check`` plus SQLCipher's page HMAC check; empty when all is well."""
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
    problems += [row[0] for row in db.execute("PRAGMA cipher_integrity_check").fetchall()]
    return problems
