"""Issue 10: the site's read cache serves a value again only while the database is unchanged.

Any write through the same connection, a commit by another connection, or a transaction in progress makes it
read again; a writer that names what it changed keeps the rest only when nobody else wrote in between.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from crf_desktop.store.database import connect_keyed
from crf_desktop.store.read_cache import ReadCache


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[tuple[sqlite_utils.Database, Path, bytes]]:
    key = secrets.token_bytes(32)
    path = tmp_path / "site.db"
    conn = connect_keyed(path, key)
    conn.execute("PRAGMA journal_mode = WAL")
    db = sqlite_utils.Database(conn)
    db.execute("CREATE TABLE values_ (id INTEGER PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO values_ (id, value) VALUES (1, 'first')")
    db.conn.commit()
    yield db, path, key
    db.close()


def _commit_elsewhere(path: Path, key: bytes, value: str) -> None:
    """Another connection (another program) changes the value and commits."""
    other = connect_keyed(path, key)
    try:
        other.execute("UPDATE values_ SET value = ? WHERE id = 1", [value])
        other.commit()
    finally:
        other.close()


def _reader(db: sqlite_utils.Database, reads: list[str]) -> str:
    value = str(db.execute("SELECT value FROM values_ WHERE id = 1").fetchone()[0])
    reads.append(value)
    return value


def test_a_value_is_read_once_while_nothing_writes(encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, _path, _key = encrypted
    cache, reads = ReadCache(db), []
    assert [cache.get("v", lambda: _reader(db, reads)) for _ in range(3)] == ["first"] * 3
    assert reads == ["first"]


def test_a_write_of_this_connection_makes_it_read_again(encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, _path, _key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    with db.conn:
        db.execute("UPDATE values_ SET value = 'second' WHERE id = 1")
    assert cache.get("v", lambda: _reader(db, reads)) == "second"
    assert reads == ["first", "second"]


def test_a_commit_by_another_connection_makes_it_read_again(
        encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, path, key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    _commit_elsewhere(path, key, "from elsewhere")
    assert cache.get("v", lambda: _reader(db, reads)) == "from elsewhere"


def test_inside_a_transaction_nothing_is_served_or_kept(encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, _path, _key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    db.conn.execute("BEGIN")
    db.execute("UPDATE values_ SET value = 'not yet' WHERE id = 1")
    assert cache.get("v", lambda: _reader(db, reads)) == "not yet"  # the transaction's own view, not the cache
    db.conn.execute("ROLLBACK")
    assert cache.get("v", lambda: _reader(db, reads)) == "first"  # the rolled-back value was never kept
    assert reads == ["first", "not yet", "first"]


def test_a_writer_keeps_what_it_did_not_change(encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, _path, _key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    cache.get("other", lambda: "kept")
    before = cache.stamp()
    with db.conn:
        db.execute("UPDATE values_ SET value = 'saved' WHERE id = 1")
    cache.written(before, stale=["v"], kept={"saved": "as written"})
    assert cache.get("other", lambda: "read again") == "kept"
    assert cache.get("saved", lambda: "read again") == "as written"
    assert cache.get("v", lambda: _reader(db, reads)) == "saved"


def test_a_writer_keeps_nothing_when_another_connection_wrote_meanwhile(
        encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, path, key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    before = cache.stamp()
    _commit_elsewhere(path, key, "from elsewhere")
    with db.conn:
        db.execute("INSERT INTO values_ (id, value) VALUES (2, 'ours')")
    cache.written(before, stale=[], kept={})
    assert cache.get("v", lambda: _reader(db, reads)) == "from elsewhere"


def test_a_writer_keeps_nothing_when_the_cache_was_already_out_of_date(
        encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, _path, _key = encrypted
    cache, reads = ReadCache(db), []
    cache.get("v", lambda: _reader(db, reads))
    with db.conn:
        db.execute("UPDATE values_ SET value = 'changed unseen' WHERE id = 1")
    before = cache.stamp()  # taken after a write the cache has not seen
    with db.conn:
        db.execute("INSERT INTO values_ (id, value) VALUES (2, 'ours')")
    cache.written(before, stale=[], kept={"saved": "as written"})
    assert cache.get("v", lambda: _reader(db, reads)) == "changed unseen"
    assert cache.get("saved", lambda: "read again") == "read again"


def test_within_one_service_call_its_own_writes_are_still_seen(
        encrypted: tuple[sqlite_utils.Database, Path, bytes]) -> None:
    db, path, key = encrypted
    cache, reads = ReadCache(db), []
    with cache.call():
        assert cache.get("v", lambda: _reader(db, reads)) == "first"
        with db.conn:
            db.execute("UPDATE values_ SET value = 'written in the call' WHERE id = 1")
        assert cache.get("v", lambda: _reader(db, reads)) == "written in the call"
    _commit_elsewhere(path, key, "after the call")
    with cache.call():  # a new call looks for other connections' commits again
        assert cache.get("v", lambda: _reader(db, reads)) == "after the call"
