"""The package format (DESIGN.md section 6): a clear header, an HPKE-encrypted body, an Ed25519 signature.

Layout (all lengths big-endian)::

    b"CRFPKG"  format version (2 bytes)  header length (4)  header (JSON, ASCII)
    body length (8)  body (HPKE: X25519, HKDF-SHA256, AES-256-GCM)  signature (64, Ed25519)

The header holds no personal data: format (the prefix's version again), kind, study, site, sender key, sequence
number, hash of the previous package, creation time, audit-chain head (``audit_seq``, ``audit_hash``), change
count. The body is encrypted to the receiver's public key with ``info`` = a label plus the exact header bytes, so a
body cannot be moved under another header. The signature covers every byte before it. :func:`frame`,
:func:`check_signature` and :func:`open_body` check length, framing, version, sender key, signature and decryption
before anything is read; each refusal names its reason.

**Format 2** (what this crf-desktop writes, issue 8). The body is UTF-8 JSON compressed as a raw LZMA2 stream
(``lzma``, ``FORMAT_RAW``, preset 1: a 1 MiB dictionary; the AEAD tag already guards integrity, so no container
or checksum). It carries nothing the centre can derive, so its size grows with the changes, not the database. A
site package's body is the object::

    change_from, change_to  the range of the site's change sequence it carries
    tables                  {table: block}: the rows of each replicated table changed in that range
    audit                   block of the audit entries after the previous package's audit-chain head, in order,
                            with the columns AUDIT_CARRIED (ts ... reason) only: no seq (entries are numbered on
                            from the previous head) and no prev_hash/hash (the centre recomputes the chain with
                            store/audit.py and must arrive exactly at the header's audit_seq and audit_hash)
    users                   block of the site's users (username, full_name, role, active)

A block is column-major, ``{"columns": [name, ...], "values": [[column 0 of every row], [column 1 ...], ...]}``
(a column of timestamps, user names or actions compresses far better than rows); bytes travel as
``{"$b64": ...}``. Measured on the full trial (230 subjects, 181,000 audit entries): the first package is 0.6 MB
where format 1 took 13.0 MB (90 % of it audit hashes). A corrected laboratory value (a 786-byte form) makes a
1.6 kB package: a 0.9 kB body plus the 0.65 kB every package has (header, HPKE key and tag, signature).

**Format 1** (read only, for packages already lying in folders): zlib-compressed JSON; blocks row-major
(``{"columns": [...], "rows": [[...], ...]}``), the audit block with seq, prev_hash and hash, which the centre
checks entry by entry; users as a list of objects.

The same framing, in the same format, carries the centre's messages to a site (kind ``centre-message``; body: the
snapshot object of ``sync/messages.py``, compressed as above), signed by the centre and encrypted to the site's
X25519 key.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import struct
import zlib
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke

from crf_desktop.core.errors import CrfError
from crf_desktop.store.audit import FIELDS
from crf_desktop.store.keywrap import b64, unb64
from crf_desktop.sync.keys import KeyPairs, box_public_key, fingerprint, verifier
from crf_desktop.sync.tables import portable

MAGIC = b"CRFPKG"
FORMAT_VERSION = 2  # what this crf-desktop writes
READABLE = (1, 2)  # what it reads: format 1 packages may still lie in folders when a centre is updated
SIGNATURE_BYTES = 64
_PREFIX = struct.Struct(">6sHI")  # magic, format version, header length
_BODY_LEN = struct.Struct(">Q")
MAX_HEADER = 64 * 1024
MAX_BODY = 2 * 1024 * 1024 * 1024
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_INFO = b"crf-desktop package v1\n"

SITE_PACKAGE = "site-package"
CENTRE_MESSAGE = "centre-message"
GENESIS = "0" * 64


class Reason(StrEnum):
    """Why a package was refused; the centre's report groups by these."""

    TRUNCATED = "truncated or damaged file"
    NOT_A_PACKAGE = "not a crf-desktop package"
    VERSION = "unsupported format version"
    BAD_HEADER = "damaged header"
    WRONG_PLACE = "package of another site or study"
    MISNAMED = "this site's package under a wrong file name"
    UNKNOWN_SITE = "unknown site"
    KEY_CHANGE = "key change"
    BAD_SIGNATURE = "bad signature"
    DECRYPTION = "decryption failure"
    FORK = "sequence number reused with different content"
    AUDIT_CHAIN = "audit trail does not continue"
    AUDIT_MISMATCH = "audit chain does not match the header"

    def advice(self, site: str) -> str:
        """What the centre does about a file quarantined for this reason (the site is named in the text)."""
        return _ADVICE[self].format(site=site)


_EXPORT_AGAIN = ("move the file out of the central folder and ask site {site} to export again (its next export "
                 "writes again every package the centre has not applied)")
_CALL_SITE = ("call site {site} before anything else: its history was rewritten or restored from an old backup. "
              "Move the file out of the central folder to a safe place (keep it: it is evidence); the data "
              "already imported stay as they are")
_ADVICE = {
    Reason.TRUNCATED: "if a sync tool or a copy is still running, wait for it to finish and import again; "
                      "otherwise " + _EXPORT_AGAIN,
    Reason.NOT_A_PACKAGE: "move the file out of the central folder (something else was saved under a package's "
                          "name); ask site {site} what it is",
    Reason.VERSION: "update crf-desktop at the centre to the version site {site} runs, then import again (the "
                    "file can stay where it is)",
    Reason.BAD_HEADER: _EXPORT_AGAIN,
    Reason.WRONG_PLACE: "move the file out of the central folder after checking with site {site}; the site's next "
                        "export writes a correct one",
    Reason.MISNAMED: "delete this stray copy (or move it out of the central folder): nothing is lost, the package "
                     "counts only under its right name, and site {site}'s next export writes it again under that "
                     "name if the centre has not applied it",
    Reason.UNKNOWN_SITE: "if site {site} is a real site, enrol it (crf-desktop centre enrol --site {site}) and "
                         "import again; if not, move the folder to-centre/{site} out of the central folder",
    Reason.KEY_CHANGE: "call site {site} and compare the key fingerprint on their About dialog (a site keeps its "
                       "key for the whole study); move the file out of the central folder once it is explained",
    Reason.BAD_SIGNATURE: "the file was changed after the site wrote it: " + _EXPORT_AGAIN,
    Reason.DECRYPTION: "check with site {site} that it was enrolled with this centre's key, then " + _EXPORT_AGAIN,
    Reason.FORK: _CALL_SITE,
    Reason.AUDIT_CHAIN: _CALL_SITE,
    Reason.AUDIT_MISMATCH: _CALL_SITE,
}


class PackageRejected(CrfError):
    """A package that must not be applied; ``reason`` is the category, the message says what and what to do."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason
        self.detail = message


@dataclass(frozen=True, kw_only=True)
class Header:
    kind: str
    study: str
    site: str  # the site that sent it (package) or that it is for (message)
    seq: int
    prev_sha256: str
    created_at: str
    sender_sign_key: str  # base64 raw Ed25519 public key
    sender_box_key: str  # base64 raw X25519 public key (where replies are encrypted to)
    sender_fingerprint: str
    audit_seq: int = 0
    audit_hash: str = GENESIS
    change_count: int = 0
    format: int = FORMAT_VERSION

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> Header:
        try:
            raw = json.loads(data.decode("ascii"))
            if not isinstance(raw, dict) or set(raw) != set(cls.__dataclass_fields__):
                raise ValueError("unexpected fields")
            header = cls(**raw)
            for name in ("seq", "audit_seq", "change_count", "format"):
                if not isinstance(getattr(header, name), int) or getattr(header, name) < 0:
                    raise ValueError(name)
            return header
        except (UnicodeDecodeError, ValueError, TypeError) as exc:
            raise PackageRejected(Reason.BAD_HEADER, f"the header cannot be read ({exc})") from None

    @property
    def sign_public(self) -> bytes:
        return _key(self.sender_sign_key)

    @property
    def box_public(self) -> bytes:
        return _key(self.sender_box_key)


def _key(text: str) -> bytes:
    try:
        raw = unb64(text)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise PackageRejected(Reason.BAD_HEADER, "the sender's key in the header is not a 32-byte key")
    return raw


# Format 2's audit block: an entry's hashed fields but its number (the chain numbers it; see the module docstring).
AUDIT_CARRIED = tuple(name for name in FIELDS if name != "seq")
_LZMA2 = [{"id": lzma.FILTER_LZMA2, "preset": 1}]


def dumps(value: Any) -> bytes:
    """Compact JSON as the body carries it (UTF-8, no spaces; bytes as ``{"$b64": ...}``)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=portable).encode("utf-8")


def json_object(members: dict[str, bytes]) -> list[bytes]:
    """The fragments of a JSON object whose member values are already encoded (:func:`dumps`, or JSON that
    SQLite wrote): a large block is encoded once, where it is read, and never decoded and encoded again."""
    parts = [b"{"]
    for index, (name, value) in enumerate(members.items()):
        parts += [b"," if index else b"", dumps(name), b":", value]
    parts.append(b"}")
    return parts


def encode_json(parts: list[bytes]) -> bytes:
    """Compress a body given as JSON fragments, without joining them first: format 2's raw LZMA2 stream.

    Sites sync over slow, metered links (DESIGN.md section 6). Measured on the full trial's first package (34 MB
    of format 2 JSON, CPU seconds on the benchmark machine): zlib level 6 gives 1.29 MB in 0.20 s, LZMA2 preset 0
    836 kB in 0.24 s, preset 1 742 kB in 0.27 s, preset 2 632 kB in 0.64 s (16 MiB dictionary), preset 6
    several seconds. Preset 1 is used: 43 % smaller than zlib for 0.07 s, a 1 MiB dictionary (2 MiB to read,
    about 10 MiB to write), and within the 3 s export budget with room to spare. A one-form body (about 1.7 kB
    of JSON) compresses to within a few bytes of zlib's size.
    """
    packer = lzma.LZMACompressor(format=lzma.FORMAT_RAW, filters=_LZMA2)
    out = [packer.compress(part) for part in parts]
    out.append(packer.flush())
    return b"".join(out)


def encode_body(body: dict[str, Any]) -> bytes:
    """Compact JSON, compressed (:func:`encode_json`)."""
    return encode_json([dumps(body)])


def decode_body(data: bytes, version: int) -> dict[str, Any]:
    """The body of a package of format ``version`` (one of ``READABLE``) as JSON."""
    try:
        plain = (zlib.decompress(data) if version == 1
                 else lzma.decompress(data, format=lzma.FORMAT_RAW, filters=_LZMA2))
        body = json.loads(plain.decode("utf-8"))
    except (zlib.error, lzma.LZMAError, UnicodeDecodeError, ValueError) as exc:
        raise PackageRejected(Reason.DECRYPTION, f"the decrypted body cannot be read ({exc})") from None
    if not isinstance(body, dict):
        raise PackageRejected(Reason.DECRYPTION, "the decrypted body is not a JSON object")
    return body


def seal(header: Header, body: dict[str, Any], *, sender: KeyPairs, receiver_box_public: bytes) -> bytes:
    """The package's bytes: header, body encrypted to the receiver with the header bound in, signature."""
    return seal_encoded(header, encode_body(body), sender=sender, receiver_box_public=receiver_box_public)


def seal_encoded(header: Header, encoded: bytes, *, sender: KeyPairs, receiver_box_public: bytes) -> bytes:
    """:func:`seal` for a body already encoded by :func:`encode_json`. Writes only ``FORMAT_VERSION``."""
    if header.format != FORMAT_VERSION:
        raise ValueError(f"this crf-desktop writes format {FORMAT_VERSION}, not {header.format}")
    header_bytes = header.to_bytes()
    ciphertext = _SUITE.encrypt(encoded, box_public_key(receiver_box_public), info=_INFO + header_bytes)
    signed = b"".join((_PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes)), header_bytes,
                       _BODY_LEN.pack(len(ciphertext)), ciphertext))
    return signed + sender.signer.sign(signed)


@dataclass(frozen=True, kw_only=True)
class Framed:
    """A package whose framing is whole: the parts, not yet trusted."""

    header: Header
    header_bytes: bytes
    ciphertext: bytes
    signed: bytes
    signature: bytes
    sha256: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def frame(data: bytes) -> Framed:
    """Split a package into its parts, checking magic, version and every length; reads the header."""
    if len(data) < _PREFIX.size or data[:len(MAGIC)] != MAGIC:
        if len(data) < _PREFIX.size and MAGIC.startswith(data[:len(MAGIC)]):
            raise PackageRejected(Reason.TRUNCATED, f"only {len(data)} bytes, shorter than any package")
        raise PackageRejected(Reason.NOT_A_PACKAGE, "the file does not start like a crf-desktop package")
    _magic, version, header_len = _PREFIX.unpack_from(data)
    if version not in READABLE:
        raise PackageRejected(Reason.VERSION, f"format version {version}; this crf-desktop reads versions "
                              f"{' and '.join(map(str, READABLE))}. Update crf-desktop where the file is read.")
    if header_len > MAX_HEADER:
        raise PackageRejected(Reason.BAD_HEADER, f"the header claims {header_len} bytes")
    at = _PREFIX.size + header_len
    if len(data) < at + _BODY_LEN.size:
        raise PackageRejected(Reason.TRUNCATED, f"the file ends inside the header ({len(data)} bytes)")
    (body_len,) = _BODY_LEN.unpack_from(data, at)
    expected = at + _BODY_LEN.size + body_len + SIGNATURE_BYTES
    if body_len > MAX_BODY or len(data) != expected:
        what = "is cut short" if len(data) < expected else "has extra bytes"
        raise PackageRejected(Reason.TRUNCATED, f"the file {what}: {len(data)} bytes where its framing says "
                              f"{expected}; it was probably copied incompletely, copy it again")
    header_bytes = data[_PREFIX.size:at]
    header = Header.from_bytes(header_bytes)
    if header.format != version:
        raise PackageRejected(Reason.BAD_HEADER, f"the header says format {header.format} but the file's prefix "
                              f"says {version}")
    signed = data[:-SIGNATURE_BYTES]
    return Framed(header=header, header_bytes=header_bytes, ciphertext=data[at + _BODY_LEN.size:-SIGNATURE_BYTES],
                  signed=signed, signature=data[-SIGNATURE_BYTES:], sha256=sha256(data))


def check_signature(framed: Framed, sign_public: bytes) -> None:
    if framed.header.sign_public != sign_public:
        raise PackageRejected(Reason.KEY_CHANGE, f"signed with key {framed.header.sender_fingerprint} but the "
                              f"sender's key is pinned as {fingerprint(sign_public)}; confirm with the sender "
                              "before trusting a new key")
    try:
        verifier(sign_public).verify(framed.signature, framed.signed)
    except InvalidSignature:
        raise PackageRejected(Reason.BAD_SIGNATURE, "the signature does not match the content: the file was "
                              "changed or damaged after it was written") from None


def open_body(framed: Framed, receiver: KeyPairs) -> dict[str, Any]:
    """Decrypt (after :func:`check_signature`) and read the body."""
    try:
        plain = _SUITE.decrypt(framed.ciphertext, receiver.box, info=_INFO + framed.header_bytes)
    except (InvalidTag, ValueError):
        raise PackageRejected(Reason.DECRYPTION, "the body does not decrypt with this receiver's key: it was "
                              "encrypted to another key or damaged") from None
    return decode_body(plain, framed.header.format)


def public_keys_b64(keys: KeyPairs) -> tuple[str, str]:
    return b64(keys.sign_public), b64(keys.box_public)
