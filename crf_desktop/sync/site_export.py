"""Building a site's package: every replicated row and audit entry since the last package, sealed for the centre.

Runs inside the caller's transaction (``services.sync``), which also audits the export and records the
package, so the package, its audit entry and the site's note of it commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store import audit
from crf_desktop.store import sync_state as state
from crf_desktop.store.centre import AUDIT_COLUMNS
from crf_desktop.store.changes import last_change
from crf_desktop.store.sql import rows
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import (
    SITE_PACKAGE,
    Header,
    dumps,
    encode_json,
    json_object,
    public_keys_b64,
    seal_encoded,
    sha256,
)
from crf_desktop.sync.tables import Block, present, read_block

Progress = Callable[[int, int], None]


@dataclass(frozen=True, kw_only=True)
class Built:
    seq: int
    data: bytes
    sha256: str
    change_to: int
    audit_to: int
    change_count: int


@dataclass(frozen=True, kw_only=True)
class Pending:
    """What the next package will carry, read inside the export's transaction."""

    seq: int
    prev_sha256: str
    change_from: int
    change_to: int
    audit_from: int
    tables: dict[str, Block]

    @property
    def change_count(self) -> int:
        return sum(len(block) for block in self.tables.values())


def pending(db: sqlite_utils.Database, progress: Progress | None = None) -> Pending:
    """The rows changed since the last package (cost grows with the changes: every read uses a change index)."""
    last = state.last_package(db)
    change_from = last.change_to if last else 0
    change_to = last_change(db)
    tables: dict[str, Block] = {}
    entries = present(db)
    for done, entry in enumerate(entries, start=1):
        if change_to > change_from:
            found = read_block(db, entry.sql(), [change_from, change_to])
            if found.rows:
                tables[entry.table] = found
        if progress is not None:
            progress(done, len(entries) + 1)
    return Pending(seq=(last.seq if last else 0) + 1, prev_sha256=last.sha256 if last else state.GENESIS,
                   change_from=change_from, change_to=change_to, audit_from=last.audit_to if last else 0,
                   tables=tables)


_CHUNK = 4096


def audit_block(db: sqlite_utils.Database, after: int) -> bytes:
    """The audit entries after ``after`` as the body's ``{"columns": [...], "rows": [[...], ...]}`` JSON.

    The trail is most of a first package (181,000 entries for the full trial), so SQLite writes each entry's JSON
    itself (``json_array``, in ``seq`` order, which the centre's chain check needs): no Python object per value,
    no second encoding. The audit columns are text and integers, which SQLite writes exactly as Python's encoder
    would (tests/sync/test_site_export_body.py compares the two).
    """
    cursor = db.execute(f"SELECT json_array({', '.join(AUDIT_COLUMNS)}) FROM audit WHERE seq > ?"  # noqa: S608
                        " ORDER BY seq", [after])
    parts = [b'{"columns":', dumps(list(AUDIT_COLUMNS)), b',"rows":[']
    separator = b""
    while chunk := cursor.fetchmany(_CHUNK):
        parts += [separator, ",".join([row[0] for row in chunk]).encode("utf-8")]
        separator = b","
    parts.append(b"]}")
    return b"".join(parts)


def build(db: sqlite_utils.Database, todo: Pending, *, study: str, site: str, keys: KeyPairs,
          centre_box_public: bytes) -> Built:
    """Seal the package for ``todo`` (call after the export's own audit entry, so the package carries it)."""
    head_seq, head_hash = audit.head(db)
    users = rows(db, "SELECT username, full_name, role, active FROM users ORDER BY username")
    sign_b64, box_b64 = public_keys_b64(keys)
    header = Header(kind=SITE_PACKAGE, study=study, site=site, seq=todo.seq, prev_sha256=todo.prev_sha256,
                    created_at=iso(utcnow()), sender_sign_key=sign_b64, sender_box_key=box_b64,
                    sender_fingerprint=keys.fingerprint, audit_seq=head_seq, audit_hash=head_hash,
                    change_count=todo.change_count)
    body = json_object({
        "change_from": dumps(todo.change_from), "change_to": dumps(todo.change_to),
        "tables": dumps({name: found.to_json() for name, found in todo.tables.items()}),
        "audit": audit_block(db, todo.audit_from), "users": dumps(users)})
    data = seal_encoded(header, encode_json(body), sender=keys, receiver_box_public=centre_box_public)
    return Built(seq=todo.seq, data=data, sha256=sha256(data), change_to=todo.change_to, audit_to=head_seq,
                 change_count=todo.change_count)
