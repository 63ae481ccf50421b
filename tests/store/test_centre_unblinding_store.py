"""Issue 8, migration 10: the centre's randomisation lists and its study unblinding are append-only, inside the
encrypted centre database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.services import centre as centre_service
from crf_desktop.services.session import Session
from crf_desktop.store import centre_unblinding as store
from crf_desktop.store.datadir import DB_FILE
from crf_desktop.store.migrations import MIGRATIONS, schema_version
from crf_desktop.store.randomisation import ListEntry

ENTRIES = [ListEntry(seq=1, rand_no="R01-001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm="A"),
           ListEntry(seq=2, rand_no="R01-002", msc_kit="MSC-0002", mmf_kit="MMF-0002", arm="B")]


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Session]:
    session, _key = centre_service.init_centre(tmp_path / "centre", admin="dm", admin_name="Dana Manager",
                                               password="centre-pass-789", out_key=tmp_path / "key.json")
    yield session
    session.close()


def test_migration_10_makes_the_tables(centre: Session) -> None:
    db = centre.site.db
    assert MIGRATIONS[9][0] == "the centre's unblinding of the study for database lock"
    assert schema_version(db) == len(MIGRATIONS)
    assert {"centre_randomisation_lists", "centre_unblindings"} <= set(db.table_names())


def test_entries_are_added_once_and_never_changed_or_deleted(centre: Session) -> None:
    db = centre.site.db
    with db.atomic():
        assert store.add_entries(db, "01", ENTRIES[:1], source="enrolment file a.json", user="dm") == 1
        assert store.add_entries(db, "01", ENTRIES, source="file b.csv", user="dm") == 1  # seq 1 is held already
    kept = store.list_entries(db)
    assert [(e.site, e.entry, e.source) for e in kept] == [("01", ENTRIES[0], "enrolment file a.json"),
                                                           ("01", ENTRIES[1], "file b.csv")]
    assert store.list_entries(db, "02") == []
    for sql in ("UPDATE centre_randomisation_lists SET arm = 'B'", "DELETE FROM centre_randomisation_lists"):
        with pytest.raises(Exception, match="randomisation list entries kept by the centre are never"):
            db.execute(sql)
    other_arm = ListEntry(seq=1, rand_no="R01-001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm="B")
    with pytest.raises(Exception, match="UNIQUE"):
        store.add_entries(db, "01", [other_arm], source="file c.csv", user="dm")
    assert [e.entry for e in store.list_entries(db)] == ENTRIES


def test_the_digest_does_not_depend_on_order_or_origin_but_on_every_value() -> None:
    digest = store.lists_sha256([("01", ENTRIES[1]), ("01", ENTRIES[0])])
    assert digest == store.lists_sha256([("01", e) for e in ENTRIES])
    assert digest != store.lists_sha256([("02", e) for e in ENTRIES])
    changed = ListEntry(seq=2, rand_no="R01-002", msc_kit="MSC-0002", mmf_kit="MMF-0002", arm="A")
    assert digest != store.lists_sha256([("01", ENTRIES[0]), ("01", changed)])


def test_the_unblinding_is_recorded_once_and_kept_as_it_was(centre: Session) -> None:
    db = centre.site.db
    assert store.unblinding(db, "NCT03580291") is None
    done = store.record_unblinding(db, study="NCT03580291", user="dm", full_name="Dana Manager", reason="lock",
                                   list_sha256="ab" * 32, subjects=3, sites=1)
    assert store.unblinding(db, "NCT03580291") == done
    with pytest.raises(Exception, match="UNIQUE"):
        store.record_unblinding(db, study="NCT03580291", user="dm", full_name="Dana Manager", reason="again",
                                list_sha256="cd" * 32, subjects=3, sites=1)
    for sql in ("UPDATE centre_unblindings SET reason = 'x'", "DELETE FROM centre_unblindings"):
        with pytest.raises(Exception, match="study unblinding records are never"):
            db.execute(sql)
    assert store.unblinding(db, "NCT03580291") == done


def test_the_arms_are_stored_encrypted(centre: Session) -> None:
    db = centre.site.db
    with db.atomic():
        store.add_entries(db, "01", ENTRIES, source="file list.csv", user="dm")
    db.execute("PRAGMA wal_checkpoint(FULL)")
    raw = b"".join(p.read_bytes() for p in centre.data_dir.iterdir() if p.name.startswith(DB_FILE))
    assert b"R01-001" not in raw and b"MSC-0001" not in raw and b"list.csv" not in raw
