"""Migration 13: the export finds changed records through their versions (no ``records(change_seq)`` index).

What a package must carry is unchanged: each record changed since the last package, once, as it now stands,
with every version saved in between; a record not changed since is not sent. The read stays O(changes).
"""

from __future__ import annotations

from pathlib import Path

from crf_desktop.store.schema_export_by_version import CHANGED_RECORDS
from crf_desktop.sync.site_export import pending
from tests.conftest import SiteFixture
from tests.sync.conftest import add_subject, coordinator, export, save_consent


def _records(block_rows: list[tuple[object, ...]], columns: list[str]) -> list[dict[str, object]]:
    return [dict(zip(columns, row, strict=True)) for row in block_rows]


def test_a_record_saved_three_times_since_the_last_package_travels_once_as_it_now_stands(
        enrolled: SiteFixture, folder: Path) -> None:
    session = coordinator(enrolled)
    try:
        first, second = add_subject(session, "AB"), add_subject(session, "CD")
    finally:
        session.close()
    assert export(enrolled, folder).package is not None

    session = coordinator(enrolled)
    try:
        for by in ("Dr Li", "Dr Chen", "Dr Zhou"):
            save_consent(session, first, by, reason="name of the person taking consent corrected")
        found = pending(session.site.db)
        records = found.tables["records"]
        sent = _records(records.rows, records.columns)
        versions = _records(found.tables["record_versions"].rows, found.tables["record_versions"].columns)
    finally:
        session.close()
    assert [(r["subject_id"], r["form"]) for r in sent] == [(first, "consent")]  # once, and not the other subject
    assert sent[0]["version"] == 4 and '"Dr Zhou"' in str(sent[0]["data"])  # the record as it stands now
    assert [v["version"] for v in versions] == [2, 3, 4]  # every version saved in between travels
    assert second not in {r["subject_id"] for r in sent}


def test_the_changed_records_are_read_by_key_without_scanning_records(enrolled: SiteFixture) -> None:
    session = coordinator(enrolled)
    try:
        db = session.site.db
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'records_change'").fetchone()[0] == 0
        plan = [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {CHANGED_RECORDS}", [0, 10])]
    finally:
        session.close()
    assert any("INTEGER PRIMARY KEY" in step and " v " in f" {step} " for step in plan), plan
    assert not any(step.startswith("SCAN") for step in plan), plan  # neither table is read whole
    assert not any("TEMP B-TREE" in step for step in plan), plan  # already in change order
