"""The append-only, hash-chained audit trail (DESIGN.md section 5).

Each entry's hash covers the previous entry's hash and the entry's canonical bytes, so changing, removing or
re-ordering any entry breaks the chain from that point on. Order is the sequence number, never the clock: a
clock set back shows up as a time earlier than the entry before, which :func:`verify_chain` reports.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow

GENESIS = "0" * 64
FIELDS = ("seq", "ts", "user", "action", "subject", "visit", "form", "field", "old_value", "new_value", "reason")


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    seq: int
    ts: str
    user: str
    action: str
    subject: str | None = None
    visit: str | None = None
    form: str | None = None
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    reason: str | None = None
    prev_hash: str = GENESIS
    hash: str = ""

    def canonical(self) -> bytes:
        return _canonical([getattr(self, name) for name in FIELDS])

    def computed_hash(self) -> str:
        return _chain_hash(self.prev_hash, self.canonical())


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # built once, used for every entry


def _canonical(values: Sequence[object]) -> bytes:
    """The bytes an entry's hash covers: its FIELDS values as compact JSON."""
    return _COMPACT(values).encode("utf-8")


def _chain_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical).hexdigest()


@dataclass(frozen=True, kw_only=True)
class AuditEvent:
    """What one entry records; :func:`append_many` gives it its place in the chain (seq, time, hashes)."""

    user: str
    action: str
    subject: str | None = None
    visit: str | None = None
    form: str | None = None
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    reason: str | None = None


def append(
    db: sqlite_utils.Database,
    *,
    user: str,
    action: str,
    subject: str | None = None,
    visit: str | None = None,
    form: str | None = None,
    field: str | None = None,
    old_value: str | None = None,
    new_value: str | None = None,
    reason: str | None = None,
) -> AuditEntry:
    """Append one entry; call inside the transaction that makes the change it records (or alone)."""
    event = AuditEvent(user=user, action=action, subject=subject, visit=visit, form=form, field=field,
                       old_value=old_value, new_value=new_value, reason=reason)
    return append_many(db, [event])[0]


_INSERT = ("INSERT INTO audit (seq, ts, user, action, subject, visit, form, field, old_value, new_value, reason,"
           " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")


def append_many(db: sqlite_utils.Database, events: Sequence[AuditEvent]) -> list[AuditEntry]:
    """Append entries in order, chained as :func:`append` chains them one by one, with one read of the chain
    head and one ``executemany`` (a form's save audits every field it changed). Call inside the transaction
    that makes the change they record (or alone); they share that moment's time."""
    if not events:
        return []
    with contextlib.nullcontext() if db.conn.in_transaction else db.atomic():
        head_seq, head_hash = db.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        ts = iso(utcnow())
        prev_hash = head_hash or GENESIS
        sealed: list[AuditEntry] = []
        for seq, event in enumerate(events, start=int(head_seq) + 1):
            values = (seq, ts, event.user, event.action, event.subject, event.visit, event.form, event.field,
                      event.old_value, event.new_value, event.reason)  # as FIELDS
            entry_hash = _chain_hash(prev_hash, _canonical(values))
            sealed.append(AuditEntry(seq=seq, ts=ts, user=event.user, action=event.action, subject=event.subject,
                                     visit=event.visit, form=event.form, field=event.field,
                                     old_value=event.old_value, new_value=event.new_value, reason=event.reason,
                                     prev_hash=prev_hash, hash=entry_hash))
            prev_hash = entry_hash
        db.conn.executemany(_INSERT, [(e.seq, e.ts, e.user, e.action, e.subject, e.visit, e.form, e.field,
                                       e.old_value, e.new_value, e.reason, e.prev_hash, e.hash) for e in sealed])
    return sealed


def _row_to_entry(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry(**{k: row[k] for k in (*FIELDS, "prev_hash", "hash")})


def entries(db: sqlite_utils.Database, *, subject: str | None = None, limit: int | None = None,
            newest_first: bool = True) -> list[AuditEntry]:
    where, params = ("subject = ?", [subject]) if subject is not None else (None, [])
    order = "seq DESC" if newest_first else "seq"
    rows = db["audit"].rows_where(where, params, order_by=order, limit=limit)
    return [_row_to_entry(row) for row in rows]


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    seq, value = db.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return int(seq), value or GENESIS


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: list[str]  # the chain was altered: the history cannot be trusted
    warnings: list[str]  # the history is intact but something needs a look (clock moved back)


def verify_chain(db: sqlite_utils.Database) -> ChainReport:
    """Walk the whole chain and report every break, gap, altered entry and clock step backwards."""
    problems: list[str] = []
    warnings: list[str] = []
    prev_hash = GENESIS
    expected_seq = 1
    prev_ts: str | None = None
    count = 0
    cursor = db.execute(
        "SELECT seq, ts, user, action, subject, visit, form, field, old_value, new_value, reason, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    columns = [d[0] for d in cursor.description]
    for values in cursor:
        entry = _row_to_entry(dict(zip(columns, values, strict=True)))
        count += 1
        if entry.seq != expected_seq:
            problems.append(
                f"audit entries {expected_seq}-{entry.seq - 1} are missing (the trail jumps to {entry.seq})"
                if entry.seq > expected_seq else f"audit entry {entry.seq} is out of order"
            )
        if entry.prev_hash != prev_hash:
            problems.append(f"audit entry {entry.seq} does not follow the entry before it (chain broken)")
        if entry.computed_hash() != entry.hash:
            problems.append(f"audit entry {entry.seq} ({entry.action} by {entry.user}) was altered after it "
                            "was written")
        if prev_ts is not None and entry.ts < prev_ts:
            warnings.append(f"audit entry {entry.seq} is dated {entry.ts}, earlier than the entry before it "
                            f"({prev_ts}): the computer's clock was set back")
        prev_hash, prev_ts, expected_seq = entry.hash, entry.ts, entry.seq + 1
    head_seq, head_hash = head(db)
    if count and (head_seq != expected_seq - 1 or head_hash != prev_hash):
        problems.append(f"the audit trail ends at entry {expected_seq - 1} but its recorded head is entry "
                        f"{head_seq}: entries were removed from the end")
    elif not count and head_seq != 0:
        problems.append(f"the audit trail is empty but its recorded head is entry {head_seq}")
    return ChainReport(entries=count, problems=problems, warnings=warnings)
