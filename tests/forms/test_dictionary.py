"""The data dictionary (issue 3 item 8): one row per field, from the declarations, with both labels."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from crf_desktop.forms.dictionary import COLUMNS, dictionary_rows, write_dictionary_csv, write_dictionary_file
from crf_desktop.forms.registry import REGISTRY, all_forms


def test_one_row_per_field_with_both_labels() -> None:
    # issue 3 item 8: one row per field (form, field, label en/zh, ...)
    rows = dictionary_rows(all_forms(), REGISTRY.schedule)
    assert [(r.form, r.field) for r in rows] == [(form.id, f.id) for form in all_forms() for f in form.fields]
    for row in rows:
        assert row.label_en and row.label_zh
        assert row.type


def test_row_contents() -> None:
    # issue 3 item 8: type, unit, ranges, choices, condition
    rows = {(r.form, r.field): r for r in dictionary_rows(all_forms(), REGISTRY.schedule)}
    weight = rows["demographics", "weight_kg"]
    assert (weight.type, weight.unit_en, weight.precision) == ("decimal", "kg", "1")
    assert (weight.hard_range, weight.expected_range) == ("20–250 kg", "35–120 kg")
    assert weight.visits == "screening"
    sex = rows["demographics", "sex"]
    assert sex.choices_en == "F = Female; M = Male" and sex.choices_zh == "F = 女; M = 男"
    reason = rows["demographics", "non_cbp_reason"]
    assert reason.condition_en == "if Sex = Female and Childbearing potential = No"
    assert reason.condition_zh == "如性别 = 女 且 有生育能力 = 否"
    bmi = rows["demographics", "bmi"]
    assert bmi.required == "derived" and bmi.derived_from == "height_cm, weight_kg"
    assert rows["consent", "consent_date"].date_rules == "not in the future; not before consent_version_date"


def test_csv_round_trip() -> None:
    # issue 3 item 8: CSV via the csv module, Chinese kept intact
    rows = dictionary_rows(all_forms())
    stream = io.StringIO(newline="")
    assert write_dictionary_csv(rows, stream) == len(rows)
    read = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert tuple(read[0]) == COLUMNS
    assert [r["field"] for r in read] == [r.field for r in rows]
    assert any(r["label_zh"] == "体重" for r in read)


def test_write_file_with_bom(tmp_path: Path) -> None:
    out = tmp_path / "dictionary.csv"
    count = write_dictionary_file(out, all_forms(), REGISTRY.schedule)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert count == sum(len(f.fields) for f in all_forms())
    assert "系统性红斑狼疮诊断日期" in data.decode("utf-8-sig")
