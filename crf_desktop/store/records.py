"""Form records: the current version of each (subject, visit, form, repeat) and every saved version before it.

Values are stored as the canonical text of each field (``crf_desktop.forms.parsing.to_text``), so a record
reads back exactly as it was validated, whatever the form version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.store.changes import next_change
from crf_desktop.store.schema_dashboard import VISIT_DATE_EXPR
from crf_desktop.store.sql import rows


@dataclass(frozen=True, kw_only=True)
class Record:
    id: int
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    form_version: str
    status: RecordStatus
    data: dict[str, str]
    confirmations: dict[str, str]
    version: int
    change_seq: int
    updated_at: str
    updated_by: str


@dataclass(frozen=True, kw_only=True)
class RecordVersion:
    version: int
    form_version: str
    status: RecordStatus
    data: dict[str, str]
    saved_at: str
    saved_by: str
    reason: str | None


_STATUSES = {status.value: status for status in RecordStatus}


def _record(row: dict[str, Any]) -> Record:
    confirmations = row["confirmations"]
    return Record(
        id=int(row["id"]), subject_id=row["subject_id"], visit=row["visit"], form=row["form"],
        repeat_no=int(row["repeat_no"]), form_version=row["form_version"], status=_STATUSES[row["status"]],
        data=json.loads(row["data"]), confirmations={} if confirmations == "{}" else json.loads(confirmations),
        version=int(row["version"]), change_seq=int(row["change_seq"]), updated_at=row["updated_at"],
        updated_by=row["updated_by"],
    )


# One encoder for every save (json.dumps with options builds a new one at each call).
_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


# Plain SQL (store.sql.rows): these run several times on every save.
def get(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str, repeat_no: int = 0) -> Record | None:
    found = list(rows(db, "SELECT * FROM records WHERE subject_id = ? AND visit = ? AND form = ? AND repeat_no = ?",
                         [subject_id, visit, form, repeat_no]))
    return _record(found[0]) if found else None


def of_visit(db: sqlite_utils.Database, *, subject_id: str, visit: str, forms: tuple[str, ...]) -> dict[str, Record]:
    """The (non-repeating) records of ``forms`` at one visit, by form id, in one query."""
    marks = ", ".join("?" for _ in forms)
    found = rows(db, f"SELECT * FROM records WHERE subject_id = ? AND visit = ? AND repeat_no = 0 "  # noqa: S608
                     f"AND form IN ({marks})", [subject_id, visit, *forms])
    return {row["form"]: _record(row) for row in found}


def by_id(db: sqlite_utils.Database, record_id: int) -> Record | None:
    found = list(rows(db, "SELECT * FROM records WHERE id = ?", [record_id]))
    return _record(found[0]) if found else None


def for_subject(db: sqlite_utils.Database, subject_id: str) -> list[Record]:
    return [_record(row) for row in rows(db,
        "SELECT * FROM records WHERE subject_id = ? ORDER BY visit, form, repeat_no", [subject_id])]


def all_records(db: sqlite_utils.Database) -> list[Record]:
    """Every record of the site (site-wide derivations and exports)."""
    return [_record(row) for row in rows(db, "SELECT * FROM records ORDER BY subject_id, visit, form, repeat_no")]


#: A visit's records as the dashboard reads them: (form, status) of each, by form id.
FormStatuses = tuple[tuple[str, RecordStatus], ...]
_STATUS_GRID_SQL = (
    # char(31) and char(30) (unit and record separators) never occur in form ids or statuses.
    "SELECT subject_id, visit, group_concat(form || char(31) || status, char(30))"
    " FROM records INDEXED BY records_states WHERE repeat_no = 0 {only} GROUP BY subject_id, visit"
)


def status_grid(db: sqlite_utils.Database, subject_id: str | None = None) -> dict[tuple[str, str], FormStatuses]:
    """(subject, visit) → the (form, status) of each record of the visit (not the repeating ones), for every
    subject or ``subject_id`` only; one query, for the dashboard.

    It reads the covering index ``records_states`` (migration 9), not the records and their data, one row per
    visit; visits whose records are in the same statuses share one tuple (read-only), so a caller can work out
    what it derives from them once per distinct tuple.
    """
    sql = _STATUS_GRID_SQL.format(only="AND subject_id = ?" if subject_id is not None else "")
    parsed: dict[str, FormStatuses] = {}
    grid: dict[tuple[str, str], FormStatuses] = {}
    for found_subject, visit, text in db.execute(sql, [] if subject_id is None else [subject_id]):
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = tuple((form, _STATUSES[status]) for form, status in
                                         (pair.split("\x1f") for pair in text.split("\x1e")))
        grid[(found_subject, visit)] = found
    return grid


_VISIT_DATE_SQL = (
    f"SELECT {VISIT_DATE_EXPR} FROM records INDEXED BY records_by_form"  # noqa: S608 - a constant
    " WHERE form = 'visit_info' AND repeat_no = 0 AND subject_id = ? AND visit = ?"
)


def visit_date(db: sqlite_utils.Database, *, subject_id: str, visit: str) -> str | None:
    """The visit information form's stored visit date at ``visit`` (``None``: no record, or no date), read from
    the covering index ``records_by_form`` (migration 9) without reading the record: the visit-window check
    reads the baseline date on every save of a timed visit."""
    row = db.execute(_VISIT_DATE_SQL, [subject_id, visit]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def next_repeat_no(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str) -> int:
    row = db.execute("SELECT max(repeat_no) FROM records WHERE subject_id = ? AND visit = ? AND form = ?",
                     [subject_id, visit, form]).fetchone()
    return int(row[0] or 0) + 1


def write(db: sqlite_utils.Database, *, current: Record | None, subject_id: str, visit: str, form: str,
          repeat_no: int, form_version: str, status: RecordStatus, data: dict[str, str],
          confirmations: dict[str, str], user: str, reason: str | None) -> Record:
    """Create (``current`` None) or update the record and keep the new version; call inside a transaction.

    ``current`` is the record as the caller read it in the same transaction (it is not read again here).
    """
    now = iso(utcnow())
    version = 1 if current is None else current.version + 1
    text, confirmed = _dump(data), _dump(confirmations)
    if current is None:
        # The id SQLite would give (max + 1; one writer, inside the transaction), taken first so the record is
        # written once with its change number: no placeholder row to update, no index entry to move.
        record_id = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()[0])
        seq = next_change(db, kind="record", subject_id=subject_id, record_id=record_id, at=now)
        db.execute(
            "INSERT INTO records (id, subject_id, visit, form, repeat_no, form_version, status, data, confirmations,"
            " version, change_seq, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [record_id, subject_id, visit, form, repeat_no, form_version, status.value, text, confirmed, version,
             seq, now, user],
        )
    else:
        record_id = current.id
        seq = next_change(db, kind="record", subject_id=subject_id, record_id=record_id, at=now)
        db.execute(
            "UPDATE records SET form_version = ?, status = ?, data = ?, confirmations = ?, version = ?,"
            " change_seq = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [form_version, status.value, text, confirmed, version, seq, now, user, record_id],
        )
    # The version is keyed by its change number (migration 12): appended at the end of record_versions.
    db.execute(
        "INSERT INTO record_versions (record_id, version, form_version, status, data, confirmations, saved_at,"
        " saved_by, reason, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [record_id, version, form_version, status.value, text, confirmed, now, user, reason, seq],
    )
    return Record(id=int(record_id), subject_id=subject_id, visit=visit, form=form, repeat_no=repeat_no,
                  form_version=form_version, status=status, data=dict(data), confirmations=dict(confirmations),
                  version=version, change_seq=seq, updated_at=now, updated_by=user)


def versions(db: sqlite_utils.Database, record_id: int) -> list[RecordVersion]:
    return [
        RecordVersion(version=int(r["version"]), form_version=r["form_version"], status=RecordStatus(r["status"]),
                      data=json.loads(r["data"]), saved_at=r["saved_at"], saved_by=r["saved_by"], reason=r["reason"])
        for r in rows(db, "SELECT * FROM record_versions WHERE record_id = ? ORDER BY version", [record_id])
    ]
