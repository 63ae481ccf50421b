"""Issue 8 (QA): an unblinded export decodes the arm. The ODM metadata has a CodeList for the arm item (A and B
with English and Chinese decodes, as the randomisation lists code them) and still validates against the official
ODM 1.3.2 schema; the CSV data dictionary gains a row for ``subjects.csv``'s arm column. Blinded exports name
neither the arms nor their codes."""

from __future__ import annotations

import csv
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

from crf_desktop.forms.arms import ARM_LABELS
from crf_desktop.sync.csv_export import DICTIONARY, write_csv
from crf_desktop.sync.odm_export import odm_bytes
from tests.sync.export_data import odm_schema, small_dataset

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MSC = "MSC + placebo MMF (active mesenchymal stem cells, placebo tablets)"
MMF = "Placebo MSC + MMF (placebo infusion, active mycophenolate mofetil)"


def _dictionary(folder: Path) -> list[dict[str, str]]:
    with (folder / DICTIONARY).open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_exports_decode_the_arms_as_the_site_does() -> None:
    # one set of labels: the site's emergency unblinding shows the same texts as the exports' decodes
    assert (ARM_LABELS["A"].en, ARM_LABELS["B"].en) == (MSC, MMF)


def test_the_odm_arm_item_has_a_code_list_and_validates() -> None:
    data = odm_bytes(small_dataset(arms={"01-001": "A", "02-001": "B"}))[0]
    assert [f"{e.path}: {e.reason}" for e in odm_schema().iter_errors(data.decode("utf-8"))] == []
    root = ET.fromstring(data)  # noqa: S314 - our own export
    item = root.find(".//odm:ItemDef[@OID='I.subject.arm']", NS)
    assert item is not None
    ref = item.find("odm:CodeListRef", NS)
    assert ref is not None
    code_list = root.find(f".//odm:CodeList[@OID='{ref.get('CodeListOID')}']", NS)
    assert code_list is not None
    decodes = {i.get("CodedValue"): {t.get(LANG): t.text for t in i.findall("odm:Decode/odm:TranslatedText", NS)}
               for i in code_list.findall("odm:CodeListItem", NS)}
    assert decodes == {"A": {"en": MSC, "zh": "间充质干细胞 + 吗替麦考酚酯安慰剂"},
                       "B": {"en": MMF, "zh": "间充质干细胞安慰剂 + 吗替麦考酚酯"}}
    value = root.find(".//odm:SubjectData[@SubjectKey='02-001']//odm:ItemData[@ItemOID='I.subject.arm']", NS)
    assert value is not None and value.get("Value") == "B"


def test_a_blinded_odm_has_no_arm_code_list() -> None:
    data = odm_bytes(small_dataset())[0]
    assert b"CL.subject.arm" not in data and MSC.encode() not in data


def test_the_data_dictionary_has_the_arm_only_when_arms_are_exported(tmp_path: Path) -> None:
    write_csv(small_dataset(arms={"01-001": "A"}), tmp_path / "unblinded")
    rows = _dictionary(tmp_path / "unblinded")
    arm = [r for r in rows if r["field"] == "arm"]
    assert len(arm) == 1 and rows[-1] == arm[0]
    assert arm[0]["form"] == "subjects" and arm[0]["type"] == "choice"
    assert arm[0]["choices_en"] == f"A = {MSC}; B = {MMF}"
    assert arm[0]["choices_zh"] == "A = 间充质干细胞 + 吗替麦考酚酯安慰剂; B = 间充质干细胞安慰剂 + 吗替麦考酚酯"

    write_csv(small_dataset(), tmp_path / "blinded")
    blinded = _dictionary(tmp_path / "blinded")
    assert not [r for r in blinded if r["form"] == "subjects"] and len(blinded) == len(rows) - 1
    assert MSC not in (tmp_path / "blinded" / DICTIONARY).read_text(encoding="utf-8-sig")
