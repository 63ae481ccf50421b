"""The centre's CDISC ODM 1.3.2 export: one XML file with metadata, admin data and clinical data.

``ODM`` (a ``Snapshot`` of everything, ``Granularity="All"``) > ``Study`` (global variables, measurement units,
the ``MetaDataVersion`` built from the form declarations: :mod:`crf_desktop.sync.odm_metadata`) > ``AdminData``
(users, sites and the centre as locations, signature meanings: :mod:`crf_desktop.sync.odm_admin`) >
``ClinicalData`` (subjects down to items, audit records, signatures: :mod:`crf_desktop.sync.odm_clinical`,
written as text piece by piece straight into the file: :mod:`crf_desktop.sync.odm_xml`).
The file validates against the official schema (CDISC ``ODM1-3-2.xsd``); the tests check it. The arm appears
only when the dataset carries arms (the centre has unblinded the study).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - writing only

from crf_desktop import __version__
from crf_desktop.forms.registry import REGISTRY, Registry
from crf_desktop.sync.dataset import TrialDataset
from crf_desktop.sync.export_files import check_new_file, collector_paused, write_new_file_streamed
from crf_desktop.sync.export_layout import layout
from crf_desktop.sync.odm_admin import admin_element
from crf_desktop.sync.odm_clinical import ClinicalCounts, ClinicalWriter
from crf_desktop.sync.odm_metadata import study_element
from crf_desktop.sync.odm_names import ODM_NS, ODM_VERSION, odm_datetime, safe
from crf_desktop.sync.odm_xml import attrs

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True, kw_only=True)
class OdmExportResult:
    """What :func:`write_odm` wrote."""

    path: Path
    bytes: int
    sha256: str
    subjects: int
    forms: int  # FormData elements (form records)
    items: int  # ItemData elements (answered fields)
    audit_records: int
    signatures: int
    queries: int
    arms_included: bool

    @property
    def message(self) -> str:
        """One line for the data manager."""
        arms = "with treatment arms (unblinded)" if self.arms_included else "blinded (no treatment arms)"
        return (f"ODM 1.3.2 export written to {self.path}: {self.subjects} subjects, {self.forms} form records, "
                f"{self.items} values, {self.audit_records} audit records, {self.signatures} signatures, {arms}; "
                f"SHA-256 {self.sha256}")


class _Document:
    """The ODM document of a dataset, checked against the declarations up front and then written in pieces."""

    def __init__(self, dataset: TrialDataset, registry: Registry) -> None:
        laid_out = layout(dataset, registry)  # refuses data the declarations do not describe, before any writing
        created = odm_datetime(dataset.exported_at, what="export time")
        self._root = {
            "xmlns": ODM_NS,
            "Description": f"{dataset.study_id}: all sites, exported by {dataset.exported_by}",
            "FileType": "Snapshot",
            "Granularity": "All",
            "FileOID": f"crf-desktop.{safe(dataset.study_id)}.{re.sub(r'[^0-9]', '', created)}",
            "CreationDateTime": created,
            "ODMVersion": ODM_VERSION,
            "Originator": dataset.exported_by,
            "SourceSystem": "crf-desktop",
            "SourceSystemVersion": __version__,
        }
        self._study, meta = study_element(registry, study_id=dataset.study_id, with_arm=bool(dataset.arms))
        self._admin, refs = admin_element(dataset, meta)
        self.clinical = ClinicalWriter(dataset, laid_out, meta, refs)

    def chunks(self) -> Iterator[bytes]:
        """The document as UTF-8, piece by piece; :attr:`clinical` holds the counts once it is exhausted."""
        yield f"{XML_DECLARATION}<ODM{attrs(self._root)}>".encode()
        # the metadata and admin data are small: built as trees, serialised by ElementTree (same escaping)
        yield ET.tostring(self._study, encoding="unicode").encode()
        yield ET.tostring(self._admin, encoding="unicode").encode()
        for chunk in self.clinical.chunks():
            yield chunk.encode()
        yield b"</ODM>"

    @property
    def counts(self) -> ClinicalCounts:
        if self.clinical.counts is None:
            raise RuntimeError("the ODM document has not been written yet")
        return self.clinical.counts


def odm_bytes(dataset: TrialDataset, registry: Registry = REGISTRY) -> tuple[bytes, ClinicalCounts]:
    """The ODM document of ``dataset`` as UTF-8 bytes, and what its clinical data hold."""
    document = _Document(dataset, registry)
    data = b"".join(document.chunks())
    return data, document.counts


def write_odm(dataset: TrialDataset, out: Path, *, registry: Registry = REGISTRY) -> OdmExportResult:
    """Write the ODM 1.3.2 export of ``dataset`` to the new file ``out`` (temp file, fsync, rename), streamed:
    the document is never held in memory whole.

    Raises :class:`~crf_desktop.core.errors.UserInputError` when ``out`` exists, is a folder or cannot be written,
    :class:`~crf_desktop.core.errors.StorageError` when the disk fails on the way, :class:`~crf_desktop.core.errors.
    CrfError` for a damaged time in the data (nothing is left behind either way), and
    :class:`~crf_desktop.sync.export_layout.ExportDataError` when the data do not fit the form declarations.
    """
    check_new_file(out)
    with collector_paused():
        document = _Document(dataset, registry)
        written = write_new_file_streamed(out, document.chunks())
    counts = document.counts
    return OdmExportResult(path=out, bytes=written.bytes, sha256=written.sha256, subjects=counts.subjects,
                           forms=counts.forms, items=counts.items, audit_records=counts.audit_records,
                           signatures=counts.signatures, queries=counts.queries, arms_included=bool(dataset.arms))
