"""Electronic signatures (21 CFR Part 11 style): rows, the canonical signed content and its hash.

A signature covers a form record, every record of a visit, or the whole casebook of a subject. What it signs
is the canonical JSON of the covered records' identity and data (not their status or version number, so a
monitor's verification does not break it); its SHA-256 is stored, and ``verify`` recomputes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store import audit
from crf_desktop.store.changes import next_change
from crf_desktop.store.records import Record
from crf_desktop.store.sql import rows

#: The meaning of every signature this application takes (shown before signing, stored with the signature).
MEANING = "I have reviewed these data and confirm they are accurate and complete"


@dataclass(frozen=True, kw_only=True)
class StoredSignature:
    """One electronic signature; ``visit`` None is the whole casebook, ``form`` None a visit (or casebook)."""

    subject_id: str
    visit: str | None
    form: str | None
    repeat_no: int
    record_version: int | None
    username: str
    printed_name: str
    role: str
    meaning: str
    signed_at: str
    content_sha256: str
    valid: bool
    id: int = 0
    covered: tuple[tuple[str, str, int, int], ...] = ()
    invalidated_at: str | None = None
    invalidated_by: str | None = None
    invalidated_reason: str | None = None

    @property
    def scope(self) -> str:
        """"form", "visit" or "casebook"."""
        return "casebook" if self.visit is None else "visit" if self.form is None else "form"

    def covers(self, *, visit: str, form: str, repeat_no: int) -> bool:
        """Whether a record at (visit, form, repeat) lies inside this signature's scope."""
        if self.visit is None:
            return True
        if self.form is None:
            return self.visit == visit
        return (self.visit, self.form, self.repeat_no) == (visit, form, repeat_no)


def _signature(row: dict[str, Any]) -> StoredSignature:
    return StoredSignature(
        id=int(row["id"]), subject_id=row["subject_id"], visit=row["visit"], form=row["form"],
        repeat_no=int(row["repeat_no"]),
        record_version=int(row["record_version"]) if row["record_version"] is not None else None,
        username=row["username"], printed_name=row["printed_name"], role=row["role"], meaning=row["meaning"],
        signed_at=row["signed_at"], content_sha256=row["content_sha256"], valid=bool(row["valid"]),
        covered=tuple((str(v), str(f), int(n), int(ver)) for v, f, n, ver in json.loads(row["covered"])),
        invalidated_at=row["invalidated_at"], invalidated_by=row["invalidated_by"],
        invalidated_reason=row["invalidated_reason"],
    )


def in_scope(records: Iterable[Record], *, visit: str | None, form: str | None, repeat_no: int) -> list[Record]:
    """The records a signature of this scope covers, in a stable order."""
    chosen = [r for r in records
              if visit is None or (r.visit == visit and (form is None or (r.form, r.repeat_no) == (form, repeat_no)))]
    return sorted(chosen, key=lambda r: (r.visit, r.form, r.repeat_no))


def canonical_content(subject_id: str, records: Iterable[Record]) -> bytes:
    """The signed bytes: subject and, per record, its place, form version and data (sorted keys, UTF-8)."""
    body = {
        "subject": subject_id,
        "records": [
            {"visit": r.visit, "form": r.form, "repeat_no": r.repeat_no, "form_version": r.form_version,
             "data": r.data}
            for r in sorted(records, key=lambda r: (r.visit, r.form, r.repeat_no))
        ],
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_sha256(subject_id: str, records: Iterable[Record]) -> str:
    return hashlib.sha256(canonical_content(subject_id, records)).hexdigest()


def insert(db: sqlite_utils.Database, *, subject_id: str, visit: str | None, form: str | None, repeat_no: int,
           record_version: int | None, username: str, printed_name: str, role: str, covered: list[Record],
           digest: str) -> StoredSignature:
    """Store a signature; call inside the transaction that audits it."""
    seq = next_change(db, kind="signature", subject_id=subject_id)
    cursor = db.execute(
        "INSERT INTO signatures (subject_id, visit, form, repeat_no, record_version, username, printed_name, role,"
        " meaning, signed_at, content_sha256, covered, valid, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
        [subject_id, visit, form, repeat_no, record_version, username, printed_name, role, MEANING,
         iso(utcnow()), digest, json.dumps([[r.visit, r.form, r.repeat_no, r.version] for r in covered]), seq],
    )
    found = by_id(db, int(cursor.lastrowid or 0))
    assert found is not None  # noqa: S101 - just inserted
    return found


def by_id(db: sqlite_utils.Database, signature_id: int) -> StoredSignature | None:
    found = rows(db, "SELECT * FROM signatures WHERE id = ?", [signature_id])
    return _signature(found[0]) if found else None


def signatures_of(db: sqlite_utils.Database, subject_id: str) -> list[StoredSignature]:
    """Every signature of a subject, valid or not, oldest first."""
    return [_signature(r) for r in rows(db, "SELECT * FROM signatures WHERE subject_id = ? ORDER BY id",
                                        [subject_id])]


def valid_signatures(db: sqlite_utils.Database, subject_id: str | None = None) -> list[StoredSignature]:
    """The signatures still standing (of one subject, or of the whole site), oldest first."""
    if subject_id is None:
        found = rows(db, "SELECT * FROM signatures WHERE valid = 1 ORDER BY id")
    else:
        found = rows(db, "SELECT * FROM signatures WHERE valid = 1 AND subject_id = ? ORDER BY id", [subject_id])
    return [_signature(r) for r in found]


def any_valid(db: sqlite_utils.Database, subject_id: str) -> bool:
    """Whether any signature of the subject still stands (a save with none to invalidate reads no more)."""
    row = db.execute("SELECT EXISTS (SELECT 1 FROM signatures WHERE valid = 1 AND subject_id = ?)",
                     [subject_id]).fetchone()
    return bool(row[0])


def invalidate(db: sqlite_utils.Database, signature: StoredSignature, *, user: str, reason: str) -> None:
    """Mark a valid signature invalid (the only change a signature row allows); inside the caller's transaction."""
    seq = next_change(db, kind="signature", subject_id=signature.subject_id)
    db.execute(
        "UPDATE signatures SET valid = 0, invalidated_at = ?, invalidated_by = ?, invalidated_reason = ?,"
        " change_seq = ? WHERE id = ? AND valid = 1",
        [iso(utcnow()), user, reason, seq, signature.id],
    )


def signature_states(db: sqlite_utils.Database) -> dict[tuple[str, str | None, str | None], bool]:
    """(subject, visit, form) → whether the newest signature of that scope is valid (repeat 0 scopes and up)."""
    states: dict[tuple[str, str | None, str | None], bool] = {}
    for subject_id, visit, form, valid in db.execute(
        "SELECT subject_id, visit, form, valid FROM signatures WHERE repeat_no = 0 ORDER BY id"
    ):
        states[(subject_id, visit, form)] = bool(valid)
    return states


def invalidate_covering(db: sqlite_utils.Database, *, subject_id: str, visit: str, form: str, repeat_no: int,
                        user: str, version: int, fields: Iterable[str]) -> list[StoredSignature]:
    """Invalidate (and audit) every valid signature whose scope holds the changed record; in the save's transaction.

    Called by every save that changes a record's data: a form, visit or casebook signature covered the old
    values, not the new ones.
    """
    changed = [s for s in valid_signatures(db, subject_id) if s.covers(visit=visit, form=form, repeat_no=repeat_no)]
    target = form if repeat_no == 0 else f"{form}#{repeat_no}"
    what = ", ".join(fields) or "a new record"
    for signature in changed:
        reason = f"{target} at {visit} changed ({what}), now version {version}"
        invalidate(db, signature, user=user, reason=reason)
        audit.append(db, user=user, action="signature invalidated", subject=subject_id, visit=signature.visit,
                     form=signature.form if signature.repeat_no == 0 else f"{signature.form}#{signature.repeat_no}",
                     old_value=f"{signature.scope} signed by {signature.printed_name} ({signature.username}) at "
                               f"{signature.signed_at}, sha256 {signature.content_sha256}",
                     new_value="invalid: please re-sign", reason=reason)
    return changed
