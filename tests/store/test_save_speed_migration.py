"""Issue 10: migration 12 rebuilds ``changes`` and ``record_versions`` on a site database that holds data.

A demo site is built at schema 9 (the released schema: migrations 1-9 only), then opened by the current code:
every row of every table is still there, unchanged; the history triggers still refuse; verify passes; the
change numbers go on after the last one; a save writes fewer pages than at schema 9.
"""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from crf_desktop.services import records as record_service
from crf_desktop.services.demo import create_demo
from crf_desktop.services.session import Session, login
from crf_desktop.services.verify import verify_site
from crf_desktop.store import migrations
from crf_desktop.store.changes import last_change
from crf_desktop.store.database import DatabaseError, connect_keyed, open_database
from crf_desktop.store.schema_save_speed import SEQUENCE_KEPT
from crf_desktop.store.site import DB_FILE

PASSWORD = "migration-test-1"  # noqa: S105 - a fictitious demo site in a temporary folder
RELEASED = 9


@pytest.fixture(scope="module")
def schema_9_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The demo site (subjects, saved versions, signatures, queries) built with migrations 1-9 only, and its
    database key; built once for the module, copied by each test."""
    folder = tmp_path_factory.mktemp("schema9") / "demo"
    released = migrations.MIGRATIONS[:RELEASED]
    later = migrations.MIGRATIONS[RELEASED:]
    migrations.MIGRATIONS[RELEASED:] = []
    try:
        create_demo(folder, shared_password=PASSWORD)
        session = login(folder, "coordinator", PASSWORD)
        key = session.site.db_key
        session.close()
    finally:
        migrations.MIGRATIONS[RELEASED:] = later
    assert migrations.MIGRATIONS[:RELEASED] == released
    return folder, key


@pytest.fixture
def demo_copy(schema_9_demo: tuple[Path, bytes], tmp_path: Path) -> Iterator[tuple[Path, bytes]]:
    source, key = schema_9_demo
    shutil.copytree(source, tmp_path / "demo")
    yield tmp_path / "demo", key


def _raw(folder: Path, key: bytes) -> Any:
    return connect_keyed(folder / DB_FILE, key)


def _tables(conn: Any) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _columns(conn: Any, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _snapshot(conn: Any, shape: dict[str, list[str]] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order, by table; with ``shape``, the tables and columns it lists
    (later migrations may add columns to other tables)."""
    found = {}
    for table in _tables(conn) if shape is None else list(shape):
        columns = _columns(conn, table) if shape is None else shape[table]
        listed = ", ".join(f'"{c}"' for c in columns)
        found[table] = [tuple(zip(columns, row, strict=True)) for row in conn.execute(
            f"SELECT {listed} FROM {table} ORDER BY {listed}")]  # noqa: S608 - names from the schema
    return found


def _schema(conn: Any, kind: str) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind])}


def _migrate(folder: Path, key: bytes) -> None:
    open_database(folder / DB_FILE, key).close()


def test_every_row_trigger_and_index_survives_and_verify_passes(demo_copy: tuple[Path, bytes]) -> None:
    folder, key = demo_copy
    conn = _raw(folder, key)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == RELEASED
    before = _snapshot(conn)
    triggers, indexes = _schema(conn, "trigger"), _schema(conn, "index")
    conn.close()
    assert len(before["record_versions"]) > 100 and len(before["changes"]) > 100  # a site with data

    _migrate(folder, key)

    conn = _raw(folder, key)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)
        after = _snapshot(conn, {table: [name for name, _ in rows[0]] if rows else _columns(conn, table)
                                 for table, rows in before.items()})
        for table, rows in before.items():
            assert after[table] == rows, f"{table} changed"
        assert _schema(conn, "trigger") >= triggers | {"changes_no_delete", "changes_no_update"}
        # change_seq is record_versions' own key now: its separate index is gone; migration 13 drops
        # records(change_seq), the export finding changed records through their versions
        assert _schema(conn, "index") >= indexes - {"record_versions_change", "records_change"}
        assert not _schema(conn, "index") & {"record_versions_change", "records_change"}
        assert conn.execute("SELECT count(*) FROM sqlite_sequence").fetchone()[0] == 0  # no AUTOINCREMENT left
        plan = " ".join(str(row[3]) for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM record_versions WHERE change_seq > ? AND change_seq <= ?"
            " ORDER BY change_seq", [0, 10]))
        assert "INTEGER PRIMARY KEY" in plan and "SCAN" not in plan  # the export reads what changed only
    finally:
        conn.close()

    session = login(folder, "coordinator", PASSWORD)
    try:
        report = verify_site(session)
        assert report.ok, [p for check in report.checks for p in check.problems]
    finally:
        session.close()


def test_the_history_tables_still_refuse_changes(demo_copy: tuple[Path, bytes]) -> None:
    folder, key = demo_copy
    _migrate(folder, key)
    conn = _raw(folder, key)
    try:
        for sql, message in (("DELETE FROM record_versions", "saved versions are never deleted"),
                             ("UPDATE record_versions SET data = '{}'", "saved versions are never changed"),
                             ("DELETE FROM changes WHERE seq = (SELECT max(seq) FROM changes)",
                              "change numbers are never deleted"),
                             ("UPDATE changes SET kind = 'x'", "change numbers are never changed")):
            with pytest.raises(DatabaseError, match=message):
                conn.execute(sql)
    finally:
        conn.close()


def _save_date(session: Session, subject_id: str, day: str) -> record_service.SaveOutcome:
    outcome = record_service.save_record(session, subject_id=subject_id, visit="unscheduled", form_id="visit_info",
                                         raw={"visit_done": "Y", "visit_date": day}, reason="date corrected")
    assert outcome.saved and outcome.changed_fields, outcome.refused
    return outcome


def _wal_frames(path: Path) -> int:
    data = path.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0] if len(data) >= 32 else 0
    return (len(data) - 32) // (page_size + 24) if page_size else 0


def _frames_per_save(session: Session, folder: Path, subject_id: str, saves: int) -> float:
    """Encrypted pages a save appends to the WAL (checkpoints held off while counting)."""
    db = session.site.db
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = folder / f"{DB_FILE}-wal"
    start = _wal_frames(wal)
    today = session.today()
    for n in range(saves):
        _save_date(session, subject_id, (today - timedelta(days=1 + n % 2)).isoformat())
    return (_wal_frames(wal) - start) / saves


def _on_study(session: Session) -> str:
    return str(session.site.db.execute(
        "SELECT subject_id FROM subjects WHERE status = 'on study' ORDER BY number LIMIT 1").fetchone()[0])


def test_saves_number_on_and_write_fewer_pages_than_at_schema_9(demo_copy: tuple[Path, bytes],
                                                               tmp_path: Path) -> None:
    folder, key = demo_copy
    released = tmp_path / "released"
    shutil.copytree(folder, released)
    later = migrations.MIGRATIONS[RELEASED:]
    migrations.MIGRATIONS[RELEASED:] = []
    try:
        session = login(released, "coordinator", PASSWORD)
        try:
            pages_before = _frames_per_save(session, released, _on_study(session), 12)
        finally:
            session.close()
    finally:
        migrations.MIGRATIONS[RELEASED:] = later

    session = login(folder, "coordinator", PASSWORD)
    try:
        subject_id = _on_study(session)
        last = last_change(session.site.db)
        outcome = _save_date(session, subject_id, session.today().isoformat())
        assert outcome.record is not None and outcome.record.change_seq == last + 1
        assert [v.version for v in record_service.records.versions(session.site.db, outcome.record.id)][-1] == \
            outcome.record.version
        row = session.site.db.execute("SELECT record_id, version FROM record_versions WHERE change_seq > ?",
                                      [last]).fetchall()
        assert row == [(outcome.record.id, outcome.record.version)]
        pages_after = _frames_per_save(session, folder, subject_id, 12)
    finally:
        session.close()
    # sqlite_sequence, record_versions' rowid page and its change_seq index page are no longer written
    assert pages_after <= pages_before - 1.5, (pages_before, pages_after)


def test_a_sequence_past_the_last_change_goes_on_from_where_it_was(demo_copy: tuple[Path, bytes]) -> None:
    folder, key = demo_copy
    conn = _raw(folder, key)
    last = conn.execute("SELECT max(seq) FROM changes").fetchone()[0]
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'changes'", [last + 7])
    conn.commit()
    conn.close()
    _migrate(folder, key)
    session = login(folder, "coordinator", PASSWORD)
    try:
        kept = session.site.db.execute("SELECT seq, kind FROM changes WHERE seq > ?", [last]).fetchall()
        assert kept == [(last + 7, SEQUENCE_KEPT)]
        outcome = _save_date(session, _on_study(session), session.today().isoformat())
        assert outcome.record is not None and outcome.record.change_seq == last + 8
    finally:
        session.close()


def test_versions_sharing_a_change_number_keep_their_table(demo_copy: tuple[Path, bytes]) -> None:
    folder, key = demo_copy
    conn = _raw(folder, key)
    record_id, version, seq = conn.execute(
        "SELECT record_id, max(version), change_seq FROM record_versions GROUP BY record_id LIMIT 1").fetchone()
    conn.execute("INSERT INTO record_versions SELECT record_id, version + 1, form_version, status, data,"
                 " confirmations, saved_at, saved_by, 'test: shared number', change_seq FROM record_versions"
                 " WHERE record_id = ? AND version = ?", [record_id, version])
    conn.commit()
    before = _snapshot(conn)["record_versions"]
    shape = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'record_versions'").fetchone()[0]
    conn.close()
    _migrate(folder, key)
    conn = _raw(folder, key)
    try:
        assert _snapshot(conn)["record_versions"] == before
        assert conn.execute("SELECT sql FROM sqlite_master WHERE name = 'record_versions'").fetchone()[0] == shape
        assert conn.execute("SELECT count(*) FROM record_versions WHERE change_seq = ?", [seq]).fetchone()[0] == 2
    finally:
        conn.close()
