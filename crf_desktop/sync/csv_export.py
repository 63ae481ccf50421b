"""The centre's CSV export: one file per form, listings, the data dictionary and a manifest.

Layout of the export folder (all files UTF-8 *with* a byte-order mark, comma-separated, CRLF line ends, RFC 4180
quoting; the BOM is what makes Excel on a Chinese- or English-language Windows read UTF-8 instead of the ANSI code
page, and pandas (``utf-8-sig``), R (``readr``; ``fileEncoding="UTF-8-BOM"``) and SAS (``encoding="utf-8"``) read
it as well; the data dictionary already uses the same encoding):

* ``<form>.csv`` for every declared form (even when empty, so scripts find the same files every time): one row per
  subject and visit for visit forms, one row per entry for repeating forms and the subject logs (adverse events,
  concomitant medications). Key columns ``site_id, subject_id, visit, repeat_no``, then the record's
  ``form_version, record_status, record_version, saved_at, saved_by``, then one column per field in declaration
  order (the data dictionary's ``field`` column, in the same order). Values are the stored texts: codes for
  choices, ISO dates (``2019-03`` for a partial date), points for decimals, ``1``/``0`` for check boxes,
  comma-separated codes for multiple choice.
* ``subjects.csv`` (with an ``arm`` column only once the centre has unblinded the study), ``queries.csv`` (its
  ``status`` open | answered | closed is the query's status as the centre lists it: a close or re-open the centre
  decided on a site's query counts at once, and ``waiting_for_site`` is ``1`` until the site's next package
  confirms the site applied it, else ``0``; ending with the last close or re-open, at the centre or at the site:
  ``last_decision`` close | reopen, ``last_decision_by``, ``_at``, ``_reason``),
  ``signatures.csv``, ``audit_trail.csv``, ``sites.csv`` (with the pinned key fingerprints),
  ``data_dictionary.csv`` (which, when arms are included, ends with a row for ``subjects.csv``'s ``arm`` column and
  its codes A and B decoded).
* ``manifest.json``: study, export time and user, whether arms are included, and every file with its row count,
  size and SHA-256.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from crf_desktop import __version__
from crf_desktop.forms.arms import ARM_LABELS, ARM_QUESTION
from crf_desktop.forms.dictionary import DictionaryRow, dictionary_rows, write_dictionary_csv
from crf_desktop.forms.model import FieldType, Form
from crf_desktop.forms.registry import REGISTRY, Registry
from crf_desktop.sync.dataset import RecordRow, TrialDataset
from crf_desktop.sync.export_files import ExportedFile, FolderWriter, collector_paused, staged_folder
from crf_desktop.sync.export_layout import Layout, layout

ENCODING = "utf-8-sig"
MANIFEST = "manifest.json"
DICTIONARY = "data_dictionary.csv"

#: The columns before a form's fields. Declarations must not use these as field ids (checked in the tests).
RECORD_COLUMNS: tuple[str, ...] = (
    "site_id", "subject_id", "visit", "repeat_no", "form_version", "record_status", "record_version", "saved_at",
    "saved_by",
)
SUBJECT_COLUMNS: tuple[str, ...] = (
    "site_id", "subject_id", "sex", "birth_year", "status", "status_reason", "enrolled_at", "randomisation_no",
    "randomised_at",
)
QUERY_COLUMNS: tuple[str, ...] = (
    "site_id", "query_id", "subject_id", "visit", "form", "repeat_no", "field", "question", "status",
    "waiting_for_site", "raised_by", "raised_at", "answer", "answered_by", "answered_at", "closed_by", "closed_at",
    "last_decision", "last_decision_by", "last_decision_at", "last_decision_reason",
)
SIGNATURE_COLUMNS: tuple[str, ...] = (
    "site_id", "subject_id", "visit", "form", "repeat_no", "record_version", "username", "printed_name", "role",
    "meaning", "signed_at", "content_sha256", "valid",
)
AUDIT_COLUMNS: tuple[str, ...] = (
    "site_id", "seq", "ts", "user", "action", "subject", "visit", "form", "field", "old_value", "new_value", "reason",
)
SITE_COLUMNS: tuple[str, ...] = ("site_id", "key_fingerprint", "last_package_seq", "last_import_at")


@dataclass(frozen=True, kw_only=True)
class CsvExportResult:
    """What :func:`write_csv` wrote."""

    folder: Path
    files: tuple[ExportedFile, ...]  # every file but the manifest, in writing order
    subjects: int
    records: int
    queries: int
    arms_included: bool

    @property
    def message(self) -> str:
        """One line for the data manager."""
        arms = "with treatment arms (unblinded)" if self.arms_included else "blinded (no treatment arms)"
        return (f"CSV export written to {self.folder}: {len(self.files)} files, {self.subjects} subjects, "
                f"{self.records} form records, {self.queries} queries, {arms}; checksums in {MANIFEST}")


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> tuple[bytes, int]:
    """The CSV file of ``rows``: texts and numbers as they are, ``None`` as an empty cell (the csv module's own
    rule), so that the ~200k rows of the full trial's audit trail go through the C writer in one call. Rows must
    not hold booleans (they would read ``True``): the callers write ``1``/``0``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    listed = rows if isinstance(rows, list) else list(rows)
    writer.writerows(listed)
    return buffer.getvalue().encode(ENCODING), len(listed)


def _write_table(out: FolderWriter, name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    data, count = _csv_bytes(header, rows)
    out.write(name, data, count)


def form_columns(form: Form) -> tuple[str, ...]:
    """The header of ``<form>.csv``."""
    return RECORD_COLUMNS + tuple(f.id for f in form.fields)


def _record_row(record: RecordRow, form: Form) -> list[object]:
    keys: list[object] = [record.site_id, record.subject_id, record.visit, record.repeat_no, record.form_version,
                          record.status, record.version, record.saved_at, record.saved_by]
    return keys + [record.values.get(f.id, "") for f in form.fields]


def _write_forms(out: FolderWriter, laid_out: Layout) -> None:
    for form in laid_out.forms():
        rows = (_record_row(r, form) for r in laid_out.records_by_form[form.id])
        _write_table(out, f"{form.id}.csv", form_columns(form), rows)


def _write_listings(out: FolderWriter, dataset: TrialDataset) -> None:
    arms = bool(dataset.arms)
    subject_header = SUBJECT_COLUMNS + (("arm",) if arms else ())
    subjects = sorted(dataset.subjects, key=lambda s: (s.site_id, s.subject_id))
    _write_table(out, "subjects.csv", subject_header, (
        [s.site_id, s.subject_id, s.sex, s.birth_year, s.status, s.status_reason, s.created_at, s.randomisation_no,
         s.randomised_at] + ([dataset.arms.get(s.subject_id, "")] if arms else [])
        for s in subjects))
    _write_table(out, "queries.csv", QUERY_COLUMNS, (
        [q.site_id, q.query_id, q.subject_id, q.visit, q.form, q.repeat_no, q.field, q.question, q.status,
         "1" if q.waiting_for_site else "0", q.raised_by, q.raised_at, q.answer, q.answered_by, q.answered_at,
         q.closed_by, q.closed_at, q.last_decision, q.last_decision_by, q.last_decision_at, q.last_decision_reason]
        for q in sorted(dataset.queries, key=lambda q: (q.site_id, q.subject_id, q.raised_at, q.query_id))))
    _write_table(out, "signatures.csv", SIGNATURE_COLUMNS, (
        [s.site_id, s.subject_id, s.visit, s.form, s.repeat_no, s.record_version, s.username, s.printed_name, s.role,
         s.meaning, s.signed_at, s.content_sha256, "1" if s.valid else "0"]
        for s in sorted(dataset.signatures, key=lambda s: (s.site_id, s.subject_id, s.signed_at))))
    audit_columns = attrgetter("site_id", *AUDIT_COLUMNS[1:])  # the whole trial's audit: one C call per row
    _write_table(out, "audit_trail.csv", AUDIT_COLUMNS,
                 list(map(audit_columns, sorted(dataset.audit, key=attrgetter("site_id", "seq")))))
    _write_table(out, "sites.csv", SITE_COLUMNS, (
        [s.site_id, s.key_fingerprint, s.last_package_seq, s.last_import_at]
        for s in sorted(dataset.sites, key=lambda s: s.site_id)))


def arm_dictionary_row() -> DictionaryRow:
    """The data dictionary's row for the ``arm`` column of ``subjects.csv`` (exported once the study is unblinded)."""
    codes = sorted(ARM_LABELS.items())
    return DictionaryRow(
        form="subjects", form_version="", form_title_en="Subjects (subjects.csv)",
        form_title_zh="受试者（subjects.csv）", repeating="no", visits="", section="", field="arm",
        label_en=ARM_QUESTION.en, label_zh=ARM_QUESTION.zh, type=FieldType.CHOICE.value, unit_en="", unit_zh="",
        precision="", hard_range="", expected_range="", required="no",
        choices_en="; ".join(f"{code} = {label.en}" for code, label in codes),
        choices_zh="; ".join(f"{code} = {label.zh}" for code, label in codes),
        condition_en="", condition_zh="", derived_from="", derived_en="", derived_zh="", date_rules="")


def _write_dictionary(out: FolderWriter, registry: Registry, *, with_arm: bool) -> None:
    buffer = io.StringIO(newline="")
    rows = dictionary_rows(registry.all_forms(), registry.schedule) + ([arm_dictionary_row()] if with_arm else [])
    count = write_dictionary_csv(rows, buffer)
    out.write(DICTIONARY, buffer.getvalue().encode(ENCODING), count)


def _manifest(dataset: TrialDataset, files: Sequence[ExportedFile]) -> bytes:
    document = {
        "format": "crf-desktop CSV export",
        "study": dataset.study_id,
        "exported_at": dataset.exported_at,
        "exported_by": dataset.exported_by,
        "software": f"crf-desktop {__version__}",
        "encoding": "UTF-8 with byte-order mark",
        "arms_included": bool(dataset.arms),
        "files": [{"file": f.name, "rows": f.rows, "bytes": f.bytes, "sha256": f.sha256} for f in files],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_csv(dataset: TrialDataset, out_dir: Path, *, registry: Registry = REGISTRY) -> CsvExportResult:
    """Write the CSV export of ``dataset`` into the new (or empty) folder ``out_dir``, whole or not at all.

    Raises :class:`~crf_desktop.core.errors.UserInputError` for a folder that exists with files in it or cannot be
    created, :class:`~crf_desktop.core.errors.StorageError` when the disk fails on the way (nothing is left
    behind), and :class:`~crf_desktop.sync.export_layout.ExportDataError` when the data do not fit the form
    declarations.
    """
    laid_out = layout(dataset, registry)
    with collector_paused(), staged_folder(out_dir) as out:
        _write_forms(out, laid_out)
        _write_listings(out, dataset)
        _write_dictionary(out, registry, with_arm=bool(dataset.arms))
        files = tuple(out.files)
        out.write(MANIFEST, _manifest(dataset, files), rows=len(files))
    return CsvExportResult(
        folder=out_dir,
        files=files,
        subjects=len(dataset.subjects),
        records=len(dataset.records),
        queries=len(dataset.queries),
        arms_included=bool(dataset.arms),
    )
