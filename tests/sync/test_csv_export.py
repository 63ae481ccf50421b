"""Issue 8, centre exports (CSV): one file per form with the dictionary's columns, long log files, listings, a
manifest whose checksums match, no arm before unblinding, Chinese text intact, never a half export."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from crf_desktop.core.errors import CrfError, UserInputError
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.sync.csv_export import MANIFEST, RECORD_COLUMNS, write_csv
from crf_desktop.sync.dataset import RecordRow
from crf_desktop.sync.export_layout import ExportDataError
from tests.sync.export_data import CHINESE_QUERY, CHINESE_TERM, every_form_dataset, small_dataset


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return next(csv.reader(stream))


def test_every_form_has_a_file_whose_columns_follow_the_data_dictionary(tmp_path: Path) -> None:
    result = write_csv(every_form_dataset(), tmp_path / "export")
    dictionary = _read(tmp_path / "export" / "data_dictionary.csv")
    for form in REGISTRY.all_forms():
        declared = [row["field"] for row in dictionary if row["form"] == form.id]
        assert declared == [f.id for f in form.fields]
        header = _header(tmp_path / "export" / f"{form.id}.csv")
        assert header == list(RECORD_COLUMNS) + declared, form.id
        rows = _read(tmp_path / "export" / f"{form.id}.csv")
        assert rows, f"{form.id}.csv is empty"
        assert all(row[declared[0]] != "" for row in rows)
    assert result.records == len(every_form_dataset().records)


def test_field_ids_never_collide_with_the_record_columns() -> None:
    clashes = [(form.id, f.id) for form in REGISTRY.all_forms() for f in form.fields if f.id in RECORD_COLUMNS]
    assert clashes == []


def test_visit_forms_have_a_row_per_subject_visit_and_logs_a_row_per_entry(tmp_path: Path) -> None:
    write_csv(small_dataset(), tmp_path / "out")
    visits = _read(tmp_path / "out" / "visit_info.csv")
    assert [(r["subject_id"], r["visit"], r["repeat_no"]) for r in visits] == [
        ("01-001", "screening", "0"), ("01-001", "unscheduled", "1"), ("02-001", "screening", "0")]
    events = _read(tmp_path / "out" / "adverse_event.csv")
    assert [(r["subject_id"], r["visit"], r["repeat_no"]) for r in events] == [
        ("01-001", "adverse_events", "1"), ("01-001", "adverse_events", "2")]
    assert events[0]["ae_grade"] == "2" and events[1]["ae_grade"] == ""
    labs = _read(tmp_path / "out" / "labs.csv")
    assert labs[0]["scr_umol_l"] == "88.4" and labs[0]["saved_by"] == "coordinator"
    assert _read(tmp_path / "out" / "pregnancy_test.csv") == []  # declared, no data yet: header only


def test_listings_hold_queries_signatures_audit_subjects_and_site_keys(tmp_path: Path) -> None:
    write_csv(small_dataset(), tmp_path / "out")
    queries = _read(tmp_path / "out" / "queries.csv")
    assert [(q["query_id"], q["field"], q["status"], q["answer"]) for q in queries] == [
        ("C-1", "scr_umol_l", "answered", "Confirmed")]
    signatures = _read(tmp_path / "out" / "signatures.csv")
    assert sorted((s["form"], s["valid"]) for s in signatures) == [("demographics", "0"), ("labs", "1")]
    audit = _read(tmp_path / "out" / "audit_trail.csv")
    assert [(a["site_id"], a["seq"], a["old_value"], a["new_value"]) for a in audit] == [
        ("01", "7", "80.0", "88.4"), ("02", "1", "", "")]
    assert [s["subject_id"] for s in _read(tmp_path / "out" / "subjects.csv")] == ["01-001", "01-002", "02-001"]
    assert [s["key_fingerprint"] for s in _read(tmp_path / "out" / "sites.csv")] == [
        "1a2b 3c4d 5e6f 7081", "9f8e 7d6c 5b4a 3928"]


def test_manifest_lists_every_file_with_its_rows_and_sha256(tmp_path: Path) -> None:
    result = write_csv(small_dataset(), tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["study"] == "NCT03580291" and manifest["arms_included"] is False
    listed = {entry["file"]: entry for entry in manifest["files"]}
    on_disk = {p.name for p in (tmp_path / "out").iterdir()} - {MANIFEST}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (tmp_path / "out" / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
        assert entry["bytes"] == len(data)
        assert entry["rows"] == len(_read(tmp_path / "out" / name)), name
    assert [f.name for f in result.files] == [entry["file"] for entry in manifest["files"]]
    assert "checksums in manifest.json" in result.message


def test_chinese_text_survives_and_files_carry_a_bom_for_excel(tmp_path: Path) -> None:
    write_csv(small_dataset(), tmp_path / "out")
    raw = (tmp_path / "out" / "adverse_event.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert _read(tmp_path / "out" / "adverse_event.csv")[0]["ae_verbatim"] == CHINESE_TERM
    assert _read(tmp_path / "out" / "queries.csv")[0]["question"] == CHINESE_QUERY
    assert _read(tmp_path / "out" / "conmed.csv")[0]["cm_name"] == "羟氯喹 hydroxychloroquine"
    labels = {row["field"]: row["label_zh"] for row in _read(tmp_path / "out" / "data_dictionary.csv")}
    assert labels["sex"] == REGISTRY.form("demographics").field("sex").label.zh


def test_no_arm_anywhere_while_blinded(tmp_path: Path) -> None:
    write_csv(small_dataset(), tmp_path / "out")
    for path in (tmp_path / "out").glob("*.csv"):
        assert "arm" not in _header(path), path.name
    assert "MSC" not in (tmp_path / "out" / "subjects.csv").read_text(encoding="utf-8-sig")


def test_arm_column_only_after_unblinding(tmp_path: Path) -> None:
    result = write_csv(small_dataset(arms={"01-001": "MSC", "02-001": "placebo"}), tmp_path / "out")
    subjects = _read(tmp_path / "out" / "subjects.csv")
    assert [(s["subject_id"], s["arm"]) for s in subjects] == [("01-001", "MSC"), ("01-002", ""),
                                                              ("02-001", "placebo")]
    assert result.arms_included and "unblinded" in result.message
    assert json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))["arms_included"] is True


def test_an_existing_folder_with_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "last-month.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(UserInputError, match="already exists and is not empty"):
        write_csv(small_dataset(), out)
    assert [p.name for p in out.iterdir()] == ["last-month.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_existing_empty_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    write_csv(small_dataset(), tmp_path / "out")
    assert (tmp_path / "out" / MANIFEST).exists()


def test_a_missing_parent_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="does not exist"):
        write_csv(small_dataset(), tmp_path / "nowhere" / "out")


def test_a_read_only_destination_gives_a_clear_error_and_leaves_nothing(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "readonly"
    parent.mkdir()
    parent.chmod(0o555)
    real_mkdtemp = tempfile.mkdtemp

    def refuse(*args: object, **kwargs: object) -> str:  # root ignores the mode bits: refuse as the disk would
        if Path(str(kwargs.get("dir"))) == parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkdtemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    try:
        with pytest.raises(CrfError, match=str(parent)):
            write_csv(small_dataset(), parent / "out")
    finally:
        parent.chmod(0o755)
    assert list(parent.iterdir()) == []


def test_a_disk_failing_half_way_leaves_no_partial_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open
    opened: list[str] = []

    def full_disk(path: str, flags: int, mode: int = 0o777, **kwargs: int) -> int:
        opened.append(str(path))
        if len(opened) == 6:  # the sixth file of the export
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, mode, **kwargs)

    monkeypatch.setattr(os, "open", full_disk)
    with pytest.raises(CrfError, match="No space left on device.*nothing was exported"):
        write_csv(small_dataset(), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_data_the_declarations_do_not_know_are_refused_not_dropped(tmp_path: Path) -> None:
    dataset = small_dataset()
    stray = RecordRow(site_id="01", subject_id="01-001", visit="week8", form="labs", repeat_no=0, form_version="2.0",
                      status="complete", version=1, values={"scr_umol_l": "90.0", "cystatin_c": "1.1"},
                      saved_at="2026-03-05T09:15:00+00:00", saved_by="coordinator")
    with pytest.raises(ExportDataError, match="01-001.*week8 / labs.*cystatin_c.*update crf-desktop"):
        write_csv(replace(dataset, records=(*dataset.records, stray)), tmp_path / "out")
    assert not (tmp_path / "out").exists()
