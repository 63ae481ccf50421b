"""Building a site's package: every replicated row and audit entry since the last package, sealed for the centre.

Runs inside the caller's transaction (``services.sync``), which also audits the export and records the
package, so the package, its audit entry and the site's note of it commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store import audit
from crf_desktop.store import sync_state as state
from crf_desktop.store.changes import last_change
from crf_desktop.store.sql import rows
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import SITE_PACKAGE, Header, public_keys_b64, seal, sha256
from crf_desktop.sync.tables import columnar, portable, present

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
    tables: dict[str, list[dict[str, Any]]]

    @property
    def change_count(self) -> int:
        return sum(len(v) for v in self.tables.values())


def pending(db: sqlite_utils.Database, progress: Progress | None = None) -> Pending:
    """The rows changed since the last package (cost grows with the changes: every read uses a change index)."""
    last = state.last_package(db)
    change_from = last.change_to if last else 0
    change_to = last_change(db)
    tables: dict[str, list[dict[str, Any]]] = {}
    entries = present(db)
    for done, entry in enumerate(entries, start=1):
        found = rows(db, entry.sql(), [change_from, change_to]) if change_to > change_from else []
        if found:
            tables[entry.table] = [portable(row) for row in found]
        if progress is not None:
            progress(done, len(entries) + 1)
    return Pending(seq=(last.seq if last else 0) + 1, prev_sha256=last.sha256 if last else state.GENESIS,
                   change_from=change_from, change_to=change_to, audit_from=last.audit_to if last else 0,
                   tables=tables)


def build(db: sqlite_utils.Database, todo: Pending, *, study: str, site: str, keys: KeyPairs,
          centre_box_public: bytes) -> Built:
    """Seal the package for ``todo`` (call after the export's own audit entry, so the package carries it)."""
    head_seq, head_hash = audit.head(db)
    entries = rows(db, "SELECT seq, ts, user, action, subject, visit, form, field, old_value, new_value, reason,"
                       " prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq", [todo.audit_from])
    users = rows(db, "SELECT username, full_name, role, active FROM users ORDER BY username")
    sign_b64, box_b64 = public_keys_b64(keys)
    header = Header(kind=SITE_PACKAGE, study=study, site=site, seq=todo.seq, prev_sha256=todo.prev_sha256,
                    created_at=iso(utcnow()), sender_sign_key=sign_b64, sender_box_key=box_b64,
                    sender_fingerprint=keys.fingerprint, audit_seq=head_seq, audit_hash=head_hash,
                    change_count=todo.change_count)
    body = {"change_from": todo.change_from, "change_to": todo.change_to,
            "tables": {name: columnar(found) for name, found in todo.tables.items()},
            "audit": columnar(entries), "users": users}
    data = seal(header, body, sender=keys, receiver_box_public=centre_box_public)
    return Built(seq=todo.seq, data=data, sha256=sha256(data), change_to=todo.change_to, audit_to=head_seq,
                 change_count=todo.change_count)
