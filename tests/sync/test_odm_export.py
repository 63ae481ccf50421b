"""Issue 8, centre exports (CDISC ODM 1.3.2): valid against the official schema (local copy, no download), metadata
from the declarations, admin data, clinical data with audit records and signatures, no arm before unblinding."""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import replace
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest
import xmlschema

from crf_desktop.core.errors import CrfError, UserInputError
from crf_desktop.forms.model import FieldType
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.sync.odm_export import odm_bytes, write_odm
from tests.sync.export_data import (
    CHINESE_QUERY,
    CHINESE_TERM,
    SIGNED_HASH,
    every_form_dataset,
    odm_schema,
    small_dataset,
)

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
ARM = "Arm-7Q (active)"  # a text that appears nowhere else in an export
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def _schema() -> xmlschema.XMLSchema:
    return odm_schema()


@cache
def _every_form() -> bytes:
    return odm_bytes(every_form_dataset())[0]


def _errors(data: bytes) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in _schema().iter_errors(data.decode("utf-8"))]


def _parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)  # noqa: S314 - our own output


def _texts(element: ET.Element | None) -> dict[str | None, str | None]:
    assert element is not None
    return {t.get(LANG): t.text for t in element.findall("odm:TranslatedText", NS)}


def test_the_schema_is_the_local_official_copy_and_really_checks() -> None:
    data, _ = odm_bytes(small_dataset())
    broken = data.replace(b"<GlobalVariables><StudyName>NCT03580291</StudyName>", b"<GlobalVariables>", 1)
    assert broken != data
    assert _errors(broken), "the schema accepted an ODM file without StudyName"


def test_small_dataset_validates_blinded_and_unblinded() -> None:
    assert _errors(odm_bytes(small_dataset())[0]) == []
    assert _errors(odm_bytes(small_dataset(arms={"01-001": ARM}))[0]) == []


def test_every_declared_form_validates_and_is_described_from_its_declaration() -> None:
    data = _every_form()
    assert _errors(data) == []
    root = _parse(data)
    version = root.find("odm:Study/odm:MetaDataVersion", NS)
    assert version is not None
    items = {i.get("OID"): i for i in version.findall("odm:ItemDef", NS)}
    code_lists = {c.get("OID"): c for c in version.findall("odm:CodeList", NS)}
    forms = {f.get("OID") for f in version.findall("odm:FormDef", NS)}
    events = {e.get("OID") for e in version.findall("odm:StudyEventDef", NS)}
    assert {f"SE.{v.code}" for v in REGISTRY.schedule.visits} <= events
    assert {f"SE.{log.code}" for log in REGISTRY.schedule.logs} <= events
    for form in REGISTRY.all_forms():
        assert f"F.{form.id}" in forms
        for f in form.fields:
            item = items[f"I.{form.id}.{f.id}"]
            assert _texts(item.find("odm:Question", NS)) == {"en": f.label.en, "zh": f.label.zh} or (
                f.label.en == f.label.zh and _texts(item.find("odm:Question", NS)) == {"en": f.label.en})
            if f.hard_range is not None and f.hard_range.low is not None:
                low = item.find("odm:RangeCheck[@SoftHard='Hard'][@Comparator='GE']/odm:CheckValue", NS)
                assert low is not None and low.text == str(f.hard_range.low), f.id
            if f.type in (FieldType.CHOICE, FieldType.YES_NO):
                ref = item.find("odm:CodeListRef", NS)
                assert ref is not None, f.id
                listed = code_lists[ref.get("CodeListOID")].findall("odm:CodeListItem", NS)
                assert [c.get("CodedValue") for c in listed] == [o.code for o in f.options()]
    kinds = {i.get("OID"): i.get("DataType") for i in items.values()}
    assert kinds["I.labs.scr_umol_l"] == "float" and kinds["I.labs.lab_date"] == "date"
    assert kinds["I.demographics.dob_unknown"] == "boolean"
    assert odm_bytes(every_form_dataset())[1].forms == len(every_form_dataset().records)


def test_time_values_are_written_as_xml_times() -> None:
    root = _parse(_every_form())
    time_items = [f"I.{form.id}.{f.id}" for form in REGISTRY.all_forms() for f in form.fields
                  if f.type is FieldType.TIME]
    assert time_items
    values = {d.get("Value") for d in root.iter(f"{{{NS['odm']}}}ItemData") if d.get("ItemOID") in time_items}
    assert values == {"09:05:00"}


def test_clinical_data_nest_subject_event_form_group_item() -> None:
    root = _parse(odm_bytes(small_dataset())[0])
    subject = root.find("odm:ClinicalData/odm:SubjectData[@SubjectKey='01-001']", NS)
    assert subject is not None
    site = subject.find("odm:SiteRef", NS)
    assert site is not None and site.get("LocationOID") == "LOC.01"
    creatinine = subject.find("odm:StudyEventData[@StudyEventOID='SE.week4']/odm:FormData[@FormOID='F.labs']/"
                              "odm:ItemGroupData[@ItemGroupOID='IG.labs.kidney']/"
                              "odm:ItemData[@ItemOID='I.labs.scr_umol_l']", NS)
    assert creatinine is not None and creatinine.get("Value") == "88.4"
    entries = subject.findall("odm:StudyEventData[@StudyEventOID='SE.adverse_events']/odm:FormData", NS)
    assert [e.get("FormRepeatKey") for e in entries] == ["1", "2"]
    unscheduled = subject.find("odm:StudyEventData[@StudyEventOID='SE.unscheduled']", NS)
    assert unscheduled is not None and unscheduled.get("StudyEventRepeatKey") == "1"


def test_chinese_text_round_trips() -> None:
    root = _parse(odm_bytes(small_dataset())[0])
    verbatim = root.find(".//odm:ItemData[@ItemOID='I.adverse_event.ae_verbatim']", NS)
    assert verbatim is not None and verbatim.get("Value") == CHINESE_TERM
    comment = root.find(".//odm:ItemData[@ItemOID='I.labs.scr_umol_l']/odm:Annotation/odm:Comment", NS)
    assert comment is not None and CHINESE_QUERY in (comment.text or "")
    title = root.find(".//odm:FormDef[@OID='F.demographics']/odm:Description", NS)
    assert _texts(title)["zh"] == f"{REGISTRY.form('demographics').title.zh}（版本 1.0）"
    user = root.find("odm:AdminData/odm:User[@OID='USR.01.coordinator']/odm:FullName", NS)
    assert user is not None and user.text == "张伟"


def test_admin_data_users_locations_and_signature_meaning() -> None:
    root = _parse(odm_bytes(small_dataset())[0])
    admin = root.find("odm:AdminData", NS)
    assert admin is not None
    assert [loc.get("OID") for loc in admin.findall("odm:Location", NS)] == ["LOC.01", "LOC.02", "LOC.centre"]
    investigator = admin.find("odm:User[@OID='USR.01.investigator']", NS)
    assert investigator is not None and investigator.get("UserType") == "Investigator"
    meaning = admin.find("odm:SignatureDef/odm:Meaning", NS)
    assert meaning is not None and meaning.text == "I have reviewed and approve these data"


def test_audit_records_carry_user_location_time_and_reason() -> None:
    root = _parse(odm_bytes(small_dataset())[0])
    record = root.find("odm:ClinicalData/odm:AuditRecords/odm:AuditRecord[@ID='AR.01.7']", NS)
    assert record is not None
    assert record.find("odm:UserRef", NS).get("UserOID") == "USR.01.coordinator"  # type: ignore[union-attr]
    assert record.find("odm:LocationRef", NS).get("LocationOID") == "LOC.01"  # type: ignore[union-attr]
    assert record.findtext("odm:DateTimeStamp", namespaces=NS) == "2026-03-05T09:15:00Z"
    assert record.findtext("odm:ReasonForChange", namespaces=NS) == "转录错误 transcription error"
    assert record.findtext("odm:SourceID", namespaces=NS) == (
        "site 01 audit #7: change 01-001/week4/labs/scr_umol_l: 80.0 -> 88.4")


def test_signatures_listed_with_their_hash_and_only_valid_ones_nested() -> None:
    root = _parse(odm_bytes(small_dataset())[0])
    listed = root.findall("odm:ClinicalData/odm:Signatures/odm:Signature", NS)
    assert len(listed) == 2
    assert {s.findtext("odm:CryptoBindingManifest", namespaces=NS) for s in listed} == {
        f"sha256:{SIGNED_HASH}", f"sha256:{'cd' * 32}"}
    labs = root.find(".//odm:StudyEventData[@StudyEventOID='SE.week4']/odm:FormData[@FormOID='F.labs']", NS)
    demographics = root.find(".//odm:FormData[@FormOID='F.demographics']", NS)
    assert labs is not None and labs.find("odm:Signature", NS) is not None
    assert demographics is not None and demographics.find("odm:Signature", NS) is None
    notes = [n.text or "" for n in root.findall("odm:ClinicalData/odm:Annotations/odm:Annotation/odm:Comment", NS)]
    assert any("no longer valid" in n and "01-001/screening/demographics" in n for n in notes)


def test_no_arm_anywhere_while_blinded() -> None:
    data, _ = odm_bytes(small_dataset())
    assert b"I.subject.arm" not in data and b"Arm-7Q" not in data


def test_arm_only_after_unblinding() -> None:
    root = _parse(odm_bytes(small_dataset(arms={"01-001": ARM}))[0])
    arm = root.find(".//odm:SubjectData[@SubjectKey='01-001']//odm:ItemData[@ItemOID='I.subject.arm']", NS)
    assert arm is not None and arm.get("Value") == ARM
    assert root.find(".//odm:ItemDef[@OID='I.subject.arm']", NS) is not None


def test_write_odm_writes_a_new_file_and_reports_its_sha256(tmp_path: Path) -> None:
    result = write_odm(small_dataset(), tmp_path / "trial.xml")
    data = (tmp_path / "trial.xml").read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() and result.bytes == len(data)
    assert result.subjects == 3 and result.audit_records == 2 and result.signatures == 2
    assert str(tmp_path / "trial.xml") in result.message and "blinded" in result.message
    assert not result.arms_included
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trial.xml"]


def test_an_existing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "trial.xml").write_text("last month", encoding="utf-8")
    with pytest.raises(UserInputError, match="already exists"):
        write_odm(small_dataset(), tmp_path / "trial.xml")
    assert (tmp_path / "trial.xml").read_text(encoding="utf-8") == "last month"
    with pytest.raises(UserInputError, match="is a folder"):
        write_odm(small_dataset(), tmp_path)
    with pytest.raises(UserInputError, match="does not exist"):
        write_odm(small_dataset(), tmp_path / "nowhere" / "trial.xml")


def test_a_read_only_destination_gives_a_clear_error_and_leaves_nothing(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "readonly"
    parent.mkdir()
    parent.chmod(0o555)
    real_open = os.open

    def refuse(path: str, flags: int, mode: int = 0o777, **kwargs: int) -> int:  # root ignores mode bits
        if Path(path).parent == parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, mode, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    try:
        with pytest.raises(CrfError, match=str(parent / "trial.xml")):
            write_odm(small_dataset(), parent / "trial.xml")
    finally:
        parent.chmod(0o755)
    assert list(parent.iterdir()) == []


def test_an_unknown_form_is_refused_naming_it(tmp_path: Path) -> None:
    dataset = small_dataset()
    stray = replace(dataset.records[0], form="cystatin", visit="week8")
    with pytest.raises(CrfError, match="no form 'cystatin'"):
        write_odm(replace(dataset, records=(*dataset.records, stray)), tmp_path / "trial.xml")
    assert list(tmp_path.iterdir()) == []
