"""A site's sync state: its keys and the centre's, the packages it exported, the centre messages it applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.sql import rows

GENESIS = "0" * 64


@dataclass(frozen=True, kw_only=True)
class Identity:
    sign_key: bytes
    box_key: bytes
    centre_box_public: bytes
    centre_sign_public: bytes
    centre_fingerprint: str
    enrolled_at: str
    enrolment_sha256: str


@dataclass(frozen=True, kw_only=True)
class Exported:
    seq: int
    sha256: str
    created_at: str
    change_to: int
    audit_to: int
    change_count: int
    folder: str


def identity(db: sqlite_utils.Database) -> Identity | None:
    found = rows(db, "SELECT * FROM sync_identity WHERE id = 1")
    if not found:
        return None
    row = found[0]
    return Identity(sign_key=bytes(row["sign_key"]), box_key=bytes(row["box_key"]),
                    centre_box_public=bytes(row["centre_box_public"]),
                    centre_sign_public=bytes(row["centre_sign_public"]),
                    centre_fingerprint=row["centre_fingerprint"], enrolled_at=row["enrolled_at"],
                    enrolment_sha256=row["enrolment_sha256"])


def save_identity(db: sqlite_utils.Database, value: Identity) -> None:
    db.execute("INSERT OR REPLACE INTO sync_identity (id, sign_key, box_key, centre_box_public, centre_sign_public,"
               " centre_fingerprint, enrolled_at, enrolment_sha256) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
               [value.sign_key, value.box_key, value.centre_box_public, value.centre_sign_public,
                value.centre_fingerprint, value.enrolled_at, value.enrolment_sha256])


def _exported(row: dict[str, Any]) -> Exported:
    return Exported(seq=int(row["seq"]), sha256=str(row["sha256"]), created_at=str(row["created_at"]),
                    change_to=int(row["change_to"]), audit_to=int(row["audit_to"]),
                    change_count=int(row["change_count"]), folder=str(row["folder"]))


_COLUMNS = "seq, sha256, created_at, change_to, audit_to, change_count, folder"


def last_package(db: sqlite_utils.Database) -> Exported | None:
    found = rows(db, f"SELECT {_COLUMNS} FROM sync_packages ORDER BY seq DESC LIMIT 1")  # noqa: S608
    return _exported(found[0]) if found else None


def packages_after(db: sqlite_utils.Database, seq: int) -> list[tuple[Exported, bytes]]:
    """Packages with a sequence number above ``seq``, with their bytes, oldest first."""
    found = rows(db, f"SELECT {_COLUMNS}, content FROM sync_packages WHERE seq > ? ORDER BY seq",  # noqa: S608
                 [seq])
    return [(_exported(row), bytes(row["content"])) for row in found]


def package_seqs_after(db: sqlite_utils.Database, seq: int) -> list[int]:
    """The sequence numbers above ``seq``, oldest first, without reading the packages' bytes."""
    return [int(row[0]) for row in db.execute("SELECT seq FROM sync_packages WHERE seq > ? ORDER BY seq", [seq])]


def package_content(db: sqlite_utils.Database, seq: int) -> bytes:
    row = db.execute("SELECT content FROM sync_packages WHERE seq = ?", [seq]).fetchone()
    if row is None:
        raise KeyError(seq)
    return bytes(row[0])


def record_package(db: sqlite_utils.Database, *, seq: int, sha256: str, user: str, change_to: int, audit_to: int,
                   change_count: int, folder: str, content: bytes) -> None:
    db.execute("INSERT INTO sync_packages (seq, sha256, created_at, created_by, change_to, audit_to, change_count,"
               " folder, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [seq, sha256, iso(utcnow()), user, change_to, audit_to, change_count, folder, content])


def unsent_changes(db: sqlite_utils.Database, tables: list[str]) -> int:
    """Rows of the replicated ``tables`` changed since the last package (what the next export will carry)."""
    last = last_package(db)
    since = last.change_to if last else 0
    return sum(int(db.execute(f"SELECT count(*) FROM {t} WHERE change_seq > ?", [since]).fetchone()[0])  # noqa: S608
               for t in tables)


def acked_seq(db: sqlite_utils.Database) -> int:
    row = db.execute("SELECT max(acked_seq) FROM sync_inbox").fetchone()
    return int(row[0] or 0)


def applied_messages(db: sqlite_utils.Database) -> dict[int, str]:
    return {int(seq): str(sha) for seq, sha in db.execute("SELECT seq, sha256 FROM sync_inbox")}


def record_message(db: sqlite_utils.Database, *, seq: int, sha256: str, acked_seq: int, queries: int) -> None:
    db.execute("INSERT INTO sync_inbox (seq, sha256, applied_at, acked_seq, queries) VALUES (?, ?, ?, ?, ?)",
               [seq, sha256, iso(utcnow()), acked_seq, queries])


@dataclass(frozen=True, kw_only=True)
class DataPosition:
    """How far a database has come: its last change, and the last package it exported (raw connection)."""

    last_change: int
    last_change_at: str | None
    last_package: int


def data_position(conn: Any) -> DataPosition:
    """Read from a raw (sqlcipher3) connection: works on a backup file as well as on the live database."""
    seq, at = conn.execute("SELECT seq, ts FROM changes ORDER BY seq DESC LIMIT 1").fetchone() or (0, None)
    has_packages = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_packages'").fetchone() is not None
    package = conn.execute("SELECT max(seq) FROM sync_packages").fetchone()[0] if has_packages else None
    return DataPosition(last_change=int(seq), last_change_at=at, last_package=int(package or 0))
