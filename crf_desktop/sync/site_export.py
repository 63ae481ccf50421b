"""Building a site's package: every replicated row and audit entry since the last package, sealed for the centre.

Runs inside the caller's transaction (``services.sync``), which also audits the export and records the
package, so the package, its audit entry and the site's note of it commit together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import DatabaseCorruptError
from crf_desktop.store import audit
from crf_desktop.store import sync_state as state
from crf_desktop.store.changes import last_change
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import (
    AUDIT_CARRIED,
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


def audit_block(db: sqlite_utils.Database, after: int) -> bytes:
    """The audit entries after ``after`` as format 2's column-major block (``sync/package.py``): the columns
    ``AUDIT_CARRIED``, without ``seq``, ``prev_hash`` and ``hash``, which the centre derives.

    The trail is most of a first package (181,000 entries for the full trial), so SQLite writes each column's JSON
    array itself (``json_group_array`` over the entries in ``seq`` order): no Python object per value, no second
    encoding. The centre numbers the entries on from the previous package, so they must be exactly the entries
    ``after + 1, after + 2, ...`` in that order: the numbers are aggregated alongside and checked, which also holds
    where SQLite does not keep a subquery's order for an aggregate (an ``ORDER BY`` inside the aggregate would
    cost twice the time and SQLite 3.44). The centre decodes the JSON and hashes the values, so only their values
    must survive the trip, whatever the text (tests/sync/test_site_export_body.py).
    """
    names = ("seq", *AUDIT_CARRIED)
    arrays = ", ".join(f"json_group_array({name})" for name in names)
    numbers, *texts = db.execute(f"SELECT {arrays} FROM (SELECT {', '.join(names)} FROM audit"  # noqa: S608
                                 " WHERE seq > ? ORDER BY seq)", [after]).fetchone()
    seqs = json.loads(numbers)
    if seqs != list(range(after + 1, after + 1 + len(seqs))):
        missing = next(n for n, seq in enumerate(seqs, start=after + 1) if seq != n)
        raise DatabaseCorruptError(f"the site's audit trail has no entry {missing} (or it is out of order), so "
                                   "it cannot be sent: nothing was exported. Run crf-desktop verify and call the "
                                   "coordinating centre")
    return b"".join([b'{"columns":', dumps(list(AUDIT_CARRIED)), b',"values":[', ",".join(texts).encode("utf-8"),
                     b"]}"])


def build(db: sqlite_utils.Database, todo: Pending, *, study: str, site: str, keys: KeyPairs,
          centre_box_public: bytes) -> Built:
    """Seal the package for ``todo`` (call after the export's own audit entry, so the package carries it)."""
    head_seq, head_hash = audit.head(db)
    users = read_block(db, "SELECT username, full_name, role, active FROM users ORDER BY username", [])
    sign_b64, box_b64 = public_keys_b64(keys)
    header = Header(kind=SITE_PACKAGE, study=study, site=site, seq=todo.seq, prev_sha256=todo.prev_sha256,
                    created_at=iso(utcnow()), sender_sign_key=sign_b64, sender_box_key=box_b64,
                    sender_fingerprint=keys.fingerprint, audit_seq=head_seq, audit_hash=head_hash,
                    change_count=todo.change_count)
    body = json_object({
        "change_from": dumps(todo.change_from), "change_to": dumps(todo.change_to),
        "tables": dumps({name: found.to_json() for name, found in todo.tables.items()}),
        "audit": audit_block(db, todo.audit_from), "users": dumps(users.to_json())})
    data = seal_encoded(header, encode_json(body), sender=keys, receiver_box_public=centre_box_public)
    return Built(seq=todo.seq, data=data, sha256=sha256(data), change_to=todo.change_to, audit_to=head_seq,
                 change_count=todo.change_count)
