"""The paper trail: CRFs printed from a record version, signed by hand, and the scans of the signed pages.

Rows are append-only (migration 6 refuses UPDATE and DELETE); each write also appends its audit entry, inside
the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store import audit
from crf_desktop.store.changes import next_change
from crf_desktop.store.sql import rows


@dataclass(frozen=True, kw_only=True)
class PrintRecord:
    id: int
    subject_id: str
    visit: str | None
    form: str | None
    repeat_no: int
    record_version: int | None
    content_sha256: str
    lang: str
    printed_at: str
    printed_by: str


@dataclass(frozen=True, kw_only=True)
class WetSignature:
    id: int
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    print_id: int | None
    record_version: int | None
    signer_name: str
    signed_on: str  # ISO date, as entered
    entered_at: str
    entered_by: str


@dataclass(frozen=True, kw_only=True)
class ScanInfo:
    """An attached scan without its bytes (read those with :func:`scan_content`)."""

    id: int
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    qr_text: str | None
    qr_record_version: int | None
    record_version: int | None
    qr_result: str
    attached_at: str
    attached_by: str


def _form_target(form: str | None, repeat_no: int) -> str | None:
    return form if form is None or repeat_no == 0 else f"{form}#{repeat_no}"


def record_printed(db: sqlite_utils.Database, *, subject_id: str, visit: str | None, form: str | None,
                   repeat_no: int, record_version: int | None, content_sha256: str, user: str, lang: str) -> None:
    """Record that a CRF was printed from ``record_version`` (row + audit entry, in the caller's transaction)."""
    seq = next_change(db, kind="print", subject_id=subject_id)
    db.execute(
        "INSERT INTO paper_prints (subject_id, visit, form, repeat_no, record_version, content_sha256, lang,"
        " printed_at, printed_by, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [subject_id, visit, form, repeat_no, record_version, content_sha256, lang, iso(utcnow()), user, seq],
    )
    version = f"version {record_version}" if record_version is not None else "no saved version"
    audit.append(db, user=user, action="CRF printed", subject=subject_id, visit=visit,
                 form=_form_target(form, repeat_no), new_value=f"{version}, sha256 {content_sha256}, {lang}")


def _print(row: dict[str, Any]) -> PrintRecord:
    return PrintRecord(
        id=int(row["id"]), subject_id=row["subject_id"], visit=row["visit"], form=row["form"],
        repeat_no=int(row["repeat_no"]),
        record_version=int(row["record_version"]) if row["record_version"] is not None else None,
        content_sha256=row["content_sha256"], lang=row["lang"], printed_at=row["printed_at"],
        printed_by=row["printed_by"],
    )


def prints_of(db: sqlite_utils.Database, subject_id: str) -> list[PrintRecord]:
    """Every print of a subject's CRFs, oldest first."""
    return [_print(r) for r in rows(db, "SELECT * FROM paper_prints WHERE subject_id = ? ORDER BY id",
                                    [subject_id])]


def print_by_id(db: sqlite_utils.Database, print_id: int) -> PrintRecord | None:
    found = rows(db, "SELECT * FROM paper_prints WHERE id = ?", [print_id])
    return _print(found[0]) if found else None


def insert_wet_signature(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str, repeat_no: int,
                         print_id: int | None, record_version: int | None, signer_name: str, signed_on: str,
                         user: str) -> WetSignature:
    """Record that a printed CRF was signed by hand; call inside the transaction that audits it."""
    seq = next_change(db, kind="wet signature", subject_id=subject_id)
    cursor = db.execute(
        "INSERT INTO wet_signatures (subject_id, visit, form, repeat_no, print_id, record_version, signer_name,"
        " signed_on, entered_at, entered_by, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [subject_id, visit, form, repeat_no, print_id, record_version, signer_name, signed_on, iso(utcnow()), user,
         seq],
    )
    found = [w for w in wet_signatures_of(db, subject_id) if w.id == cursor.lastrowid]
    return found[0]


def wet_signatures_of(db: sqlite_utils.Database, subject_id: str) -> list[WetSignature]:
    return [
        WetSignature(
            id=int(r["id"]), subject_id=r["subject_id"], visit=r["visit"], form=r["form"],
            repeat_no=int(r["repeat_no"]), print_id=r["print_id"],
            record_version=int(r["record_version"]) if r["record_version"] is not None else None,
            signer_name=r["signer_name"], signed_on=r["signed_on"], entered_at=r["entered_at"],
            entered_by=r["entered_by"],
        )
        for r in rows(db, "SELECT * FROM wet_signatures WHERE subject_id = ? ORDER BY id", [subject_id])
    ]


_SCAN_COLUMNS = ("id, subject_id, visit, form, repeat_no, file_name, media_type, size, sha256, qr_text,"
                 " qr_record_version, record_version, qr_result, attached_at, attached_by")


def _scan(row: dict[str, Any]) -> ScanInfo:
    return ScanInfo(
        id=int(row["id"]), subject_id=row["subject_id"], visit=row["visit"], form=row["form"],
        repeat_no=int(row["repeat_no"]), file_name=row["file_name"], media_type=row["media_type"],
        size=int(row["size"]), sha256=row["sha256"], qr_text=row["qr_text"],
        qr_record_version=int(row["qr_record_version"]) if row["qr_record_version"] is not None else None,
        record_version=int(row["record_version"]) if row["record_version"] is not None else None,
        qr_result=row["qr_result"], attached_at=row["attached_at"], attached_by=row["attached_by"],
    )


def insert_scan(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str, repeat_no: int,
                file_name: str, media_type: str, content: bytes, sha256: str, qr_text: str | None,
                qr_record_version: int | None, record_version: int | None, qr_result: str,
                user: str) -> ScanInfo:
    """Store a scan's bytes with its hash; call inside the transaction that audits it."""
    seq = next_change(db, kind="scan", subject_id=subject_id)
    cursor = db.execute(
        "INSERT INTO scans (subject_id, visit, form, repeat_no, file_name, media_type, size, sha256, content,"
        " qr_text, qr_record_version, record_version, qr_result, attached_at, attached_by, change_seq)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [subject_id, visit, form, repeat_no, file_name, media_type, len(content), sha256, content, qr_text,
         qr_record_version, record_version, qr_result, iso(utcnow()), user, seq],
    )
    found = rows(db, f"SELECT {_SCAN_COLUMNS} FROM scans WHERE id = ?", [cursor.lastrowid])  # noqa: S608
    return _scan(found[0])


def scans_of(db: sqlite_utils.Database, subject_id: str) -> list[ScanInfo]:
    return [_scan(r) for r in rows(db, f"SELECT {_SCAN_COLUMNS} FROM scans WHERE subject_id = ?"  # noqa: S608
                                       " ORDER BY id", [subject_id])]


def scan_content(db: sqlite_utils.Database, scan_id: int) -> bytes | None:
    row = db.execute("SELECT content FROM scans WHERE id = ?", [scan_id]).fetchone()
    return bytes(row[0]) if row else None


def paper_states(db: sqlite_utils.Database) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """(subject, visit) → (forms printed, forms signed by hand), for the dashboard, in two queries."""
    states: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for subject_id, visit, form in db.execute(
        "SELECT DISTINCT subject_id, visit, form FROM paper_prints WHERE visit IS NOT NULL AND form IS NOT NULL"
        " AND repeat_no = 0"
    ):
        states.setdefault((subject_id, visit), (set(), set()))[0].add(form)
    for subject_id, visit, form in db.execute(
        "SELECT DISTINCT subject_id, visit, form FROM wet_signatures WHERE repeat_no = 0"
    ):
        states.setdefault((subject_id, visit), (set(), set()))[1].add(form)
    return states
