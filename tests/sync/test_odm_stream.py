"""Issues #8/#10, the streamed ODM writer: the same document as the tree-building writer it replaced (files that
writer produced are kept in ``odm_golden/``), markup characters escaped so that they read back unchanged, the
audit trail written in pieces, and a failure half way through leaving no file behind."""

from __future__ import annotations

import errno
import gc
import os
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - parsing our own output in tests

import pytest

from crf_desktop.core.errors import CrfError, StorageError
from crf_desktop.sync.dataset import AuditRow, TrialDataset
from crf_desktop.sync.odm_export import odm_bytes, write_odm
from tests.sync.export_data import odm_schema, small_dataset
from tests.sync.odm_golden_data import AWKWARD, GOLDEN, awkward_dataset

NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
GOLDEN_DIR = Path(__file__).parent / "odm_golden"


def _canonical(data: bytes) -> str:
    """The document as canonical XML, without the metadata (``Study``: built from the form declarations, which
    change with the forms) and without the writing program's version."""
    root = ET.fromstring(data)  # noqa: S314 - our own output
    del root.attrib["SourceSystemVersion"]
    study = root.find("odm:Study", NS)
    if study is not None:
        root.remove(study)
    return ET.canonicalize(ET.tostring(root, encoding="unicode"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_the_streamed_document_equals_what_the_tree_writer_wrote(name: str) -> None:
    streamed, _counts = odm_bytes(GOLDEN[name]())
    assert _canonical(streamed) == _canonical((GOLDEN_DIR / name).read_bytes())


def test_markup_characters_read_back_unchanged_and_the_file_validates() -> None:
    data, _counts = odm_bytes(awkward_dataset())
    assert [f"{e.path}: {e.reason}" for e in odm_schema().iter_errors(data.decode("utf-8"))] == []
    root = ET.fromstring(data)  # noqa: S314 - our own output
    verbatim = root.find(".//odm:ItemData[@ItemOID='I.adverse_event.ae_verbatim']", NS)
    assert verbatim is not None and verbatim.get("Value") == AWKWARD
    assert [r.text for r in root.iterfind(".//odm:AuditRecords/odm:AuditRecord/odm:ReasonForChange", NS)] == [
        "转录错误 transcription error", AWKWARD]
    assert root.get("Originator") == f"dm {AWKWARD}"
    arm = root.find(".//odm:ItemData[@ItemOID='I.subject.arm']", NS)
    assert arm is not None and arm.get("Value") == f"MSC {AWKWARD}"
    comments = [c.text or "" for c in root.iterfind(".//odm:ItemData/odm:Annotation/odm:Comment", NS)]
    assert any(c.startswith(f"Query 01-4 (closed), raised by monitor at 2026-03-06T09:00:00+00:00: {AWKWARD}")
               for c in comments)


def _with_audit(dataset: TrialDataset, count: int) -> TrialDataset:
    rows = tuple(AuditRow(site_id="01", seq=seq, ts=f"2026-03-05T09:{seq % 60:02d}:00+00:00", user="coordinator",
                          action="view", subject="01-001", visit=None, form=None, field=None, old_value=None,
                          new_value=None, reason=None)
                 for seq in range(1, count + 1))
    return replace(dataset, audit=rows)


def test_a_long_audit_trail_is_written_whole_in_order_with_unique_ids(tmp_path: Path) -> None:
    dataset = _with_audit(small_dataset(), 2_345)  # more than two pieces of a thousand records
    repeated = replace(dataset.audit[-1], action="view again")  # a site's numbering repeated: IDs stay unique
    dataset = replace(dataset, audit=(*dataset.audit, repeated))
    result = write_odm(dataset, tmp_path / "trial.xml")
    data = (tmp_path / "trial.xml").read_bytes()
    assert list(odm_schema().iter_errors(data.decode("utf-8"))) == []
    records = ET.fromstring(data).findall(".//odm:AuditRecords/odm:AuditRecord", NS)  # noqa: S314
    assert result.audit_records == len(records) == 2_346
    assert gc.isenabled()  # paused while writing only: a long GUI session must not grow without bound
    assert [r.get("ID") for r in records[:2]] == ["AR.01.1", "AR.01.2"]
    assert [r.get("ID") for r in records[-2:]] == ["AR.01.2345", "AR.01.2345.2345"]
    assert [r.findtext("odm:SourceID", namespaces=NS) for r in records[-2:]] == [
        "site 01 audit #2345: view 01-001", "site 01 audit #2345: view again 01-001"]


def test_a_damaged_time_half_way_stops_the_export_and_leaves_nothing(tmp_path: Path) -> None:
    dataset = _with_audit(small_dataset(), 1_500)
    damaged = replace(dataset.audit[1_200], ts="05/03/2026 09:00")  # after the first thousand were written
    audit = (*dataset.audit[:1_200], damaged, *dataset.audit[1_201:])
    with pytest.raises(CrfError, match=r"audit entry 1201 of site 01: '05/03/2026 09:00' is not an ISO 8601 time"):
        write_odm(replace(dataset, audit=audit), tmp_path / "trial.xml")
    assert list(tmp_path.iterdir()) == []  # neither the file nor its hidden temp file
    assert gc.isenabled()


def test_a_disk_failing_at_the_end_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StorageError, match=f"ODM export {tmp_path / 'trial.xml'}: writing failed .No space left on "
                                           "device.; nothing was exported"):
        write_odm(small_dataset(), tmp_path / "trial.xml")
    assert list(tmp_path.iterdir()) == []
