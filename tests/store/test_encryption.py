"""Issue 2, storage: the database and its WAL never hold plaintext, and nothing opens without the key."""

from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3

from crf_desktop.core.roles import Role
from crf_desktop.store.datadir import DB_FILE, KEY_FILE, RECOVERY_FILE
from tests.conftest import SiteFixture

MARKER = "PLAINTEXT-MARKER-Zhang-San-19840312"


def _files_containing(site: SiteFixture, needle: bytes) -> list[str]:
    hits = []
    for path in site.data_dir.iterdir():
        if path.is_file() and needle in path.read_bytes():
            hits.append(path.name)
    return hits


def test_written_text_is_never_in_the_database_or_wal(site: SiteFixture) -> None:
    session = site.login()
    try:
        session.add_user(username="marker", full_name=MARKER, role=Role.COORDINATOR, password="temporary-1")
        # While the session is open the change sits in the WAL: it must be encrypted there too.
        assert (site.data_dir / f"{DB_FILE}-wal").exists()
        assert _files_containing(site, MARKER.encode()) == []
        assert _files_containing(site, MARKER.encode("utf-16-le")) == []
    finally:
        session.close()
    assert _files_containing(site, MARKER.encode()) == []
    # User names and roles are not in the key file either, except the login names it must know.
    assert MARKER not in (site.data_dir / KEY_FILE).read_text()


def test_database_file_has_no_sqlite_header(site: SiteFixture) -> None:
    header = (site.data_dir / DB_FILE).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_plain_sqlite_cannot_read_the_database(site: SiteFixture) -> None:
    conn = sqlite3.connect(site.data_dir / DB_FILE)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_a_wrong_key_cannot_read_the_database(site: SiteFixture) -> None:
    conn = sqlcipher3.connect(str(site.data_dir / DB_FILE))
    conn.execute(f"PRAGMA key = \"x'{'11' * 32}'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_the_real_key_reads_it_with_wal_and_full_sync(site: SiteFixture) -> None:
    session = site.login()
    try:
        db = session.site.db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert db["users"].count == 1
    finally:
        session.close()


def test_data_files_are_private_to_the_user(site: SiteFixture) -> None:
    assert site.data_dir.stat().st_mode & 0o077 == 0
    for name in (KEY_FILE, RECOVERY_FILE):
        assert (site.data_dir / name).stat().st_mode & 0o077 == 0
