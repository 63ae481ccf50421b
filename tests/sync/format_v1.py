"""Format 1 site packages, written exactly as crf-desktop wrote them before format 2 (issue 8), for tests only.

The centre must still import the format 1 packages lying in folders when it is updated, and a site updated with
unacknowledged format 1 packages in its record republishes their stored bytes. The app itself writes only
format 2 (``sync/package.py``), so the format 1 writer lives here: a frozen copy of the code path it replaced
(``package.seal_encoded``, ``package.encode_json``, ``site_export.build``, ``site_export.audit_block`` and
``tables.Block.to_json`` as they were), not to be changed with the app's format.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives import hpke

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import sync_state as state
from crf_desktop.sync.folder import package_name, site_outbox, write_file
from crf_desktop.sync.keys import KeyPairs, box_public_key
from crf_desktop.sync.package import SITE_PACKAGE, Header, public_keys_b64, sha256
from crf_desktop.sync.site_export import Built, Pending, pending
from crf_desktop.sync.tables import portable

VERSION = 1
_PREFIX = struct.Struct(">6sHI")
_BODY_LEN = struct.Struct(">Q")
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_INFO = b"crf-desktop package v1\n"
AUDIT_COLUMNS = ("seq", "ts", "user", "action", "subject", "visit", "form", "field", "old_value", "new_value",
                 "reason", "prev_hash", "hash")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=portable).encode("utf-8")


def _audit_block(db: sqlite_utils.Database, after: int) -> bytes:
    cursor = db.execute(f"SELECT json_array({', '.join(AUDIT_COLUMNS)}) FROM audit WHERE seq > ?"  # noqa: S608
                        " ORDER BY seq", [after])
    entries = ",".join(row[0] for row in cursor.fetchall())
    return b"".join([b'{"columns":', _dumps(list(AUDIT_COLUMNS)), b',"rows":[', entries.encode("utf-8"), b"]}"])


def _compress(parts: list[bytes]) -> bytes:
    level = 6 if sum(len(part) for part in parts) < 1024 * 1024 else 3
    packer = zlib.compressobj(level)
    out = [packer.compress(part) for part in parts]
    out.append(packer.flush())
    return b"".join(out)


def _seal(header: Header, encoded: bytes, *, sender: KeyPairs, receiver_box_public: bytes) -> bytes:
    header_bytes = header.to_bytes()
    ciphertext = _SUITE.encrypt(encoded, box_public_key(receiver_box_public), info=_INFO + header_bytes)
    signed = b"".join((_PREFIX.pack(b"CRFPKG", VERSION, len(header_bytes)), header_bytes,
                       _BODY_LEN.pack(len(ciphertext)), ciphertext))
    return signed + sender.signer.sign(signed)


def build_v1(db: sqlite_utils.Database, todo: Pending, *, study: str, site: str, keys: KeyPairs,
             centre_box_public: bytes) -> Built:
    """A format 1 package of ``todo`` (``site_export.build`` before format 2)."""
    head_seq, head_hash = audit.head(db)
    users = [dict(zip(("username", "full_name", "role", "active"), row, strict=True)) for row in
             db.execute("SELECT username, full_name, role, active FROM users ORDER BY username").fetchall()]
    sign_b64, box_b64 = public_keys_b64(keys)
    header = Header(kind=SITE_PACKAGE, study=study, site=site, seq=todo.seq, prev_sha256=todo.prev_sha256,
                    created_at=iso(utcnow()), sender_sign_key=sign_b64, sender_box_key=box_b64,
                    sender_fingerprint=keys.fingerprint, audit_seq=head_seq, audit_hash=head_hash,
                    change_count=todo.change_count, format=VERSION)
    tables = {name: {"columns": found.columns, "rows": found.rows} for name, found in todo.tables.items()}
    members = {"change_from": _dumps(todo.change_from), "change_to": _dumps(todo.change_to),
               "tables": _dumps(tables), "audit": _audit_block(db, todo.audit_from), "users": _dumps(users)}
    parts = [b"{"]
    for index, (name, value) in enumerate(members.items()):
        parts += [b"," if index else b"", _dumps(name), b":", value]
    parts.append(b"}")
    data = _seal(header, _compress(parts), sender=keys, receiver_box_public=centre_box_public)
    return Built(seq=todo.seq, data=data, sha256=sha256(data), change_to=todo.change_to, audit_to=head_seq,
                 change_count=todo.change_count)


def site_keys(session: Session) -> tuple[KeyPairs, bytes]:
    """The site's key pairs and the centre's box key, as the export reads them."""
    identity = state.identity(session.site.db)
    assert identity is not None  # noqa: S101 - an enrolled site
    return KeyPairs(sign_key=identity.sign_key, box_key=identity.box_key), identity.centre_box_public


def export_v1(session: Session, folder: Path) -> Built:
    """What ``crf-desktop export`` did before format 2: the site records and publishes a format 1 package."""
    db = session.site.db
    keys, centre_box = site_keys(session)
    outbox = site_outbox(folder, session.site_id)
    outbox.mkdir(parents=True, exist_ok=True)
    with db.atomic():
        todo = pending(db)
        path = outbox / package_name(session.study_id, session.site_id, todo.seq)
        audit.append(db, user=session.user.username, action="package exported", new_value=path.name,
                     reason=f"{todo.change_count} changes to {folder}")
        built = build_v1(db, todo, study=session.study_id, site=session.site_id, keys=keys,
                         centre_box_public=centre_box)
        state.record_package(db, seq=built.seq, sha256=built.sha256, user=session.user.username,
                             change_to=built.change_to, audit_to=built.audit_to, change_count=built.change_count,
                             folder=str(folder.resolve()), content=built.data)
    write_file(path, built.data)
    return built
