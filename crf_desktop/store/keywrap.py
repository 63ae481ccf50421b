"""Wrapping the random database key: Argon2id for passwords, HKDF for the recovery key, AES-256-GCM for both.

The database key is 32 random bytes and never derived from a password (DESIGN.md section 4). Each user's copy
is sealed with a key derived from that user's password; the associated data binds the copy to its site and
user name, so a wrapped key moved to another entry does not open.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any

# The cryptography library (and ``secrets``, which loads OpenSSL's hashes) is imported by the functions that
# use it: the login window reads the key file's site and study (``Wrapped`` included) without it (issue 10).

KEY_BYTES = 32
RECOVERY_BYTES = 20  # 160 bits, shown as 32 base32 characters in groups of four

# Argon2id cost: 64 MiB, 3 passes, 4 lanes (RFC 9106's second recommended option, at or above DESIGN's floor).
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 3
ARGON2_LANES = 4


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_database_key() -> bytes:
    import secrets

    return secrets.token_bytes(KEY_BYTES)


@dataclass(frozen=True, kw_only=True)
class Wrapped:
    """A sealed copy of the database key and how to derive the key that opens it."""

    kdf: dict[str, Any]
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        return {"kdf": self.kdf, "nonce": b64(self.nonce), "ciphertext": b64(self.ciphertext)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrapped:
        return cls(kdf=dict(data["kdf"]), nonce=unb64(data["nonce"]), ciphertext=unb64(data["ciphertext"]))


def _argon2(password: str, kdf: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(
        salt=unb64(kdf["salt"]),
        length=KEY_BYTES,
        iterations=int(kdf["iterations"]),
        lanes=int(kdf["lanes"]),
        memory_cost=int(kdf["memory_kib"]),
    ).derive(password.encode("utf-8"))


def _hkdf(secret: bytes, kdf: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=unb64(kdf["salt"]),
                info=b"crf-desktop recovery key").derive(secret)


def _seal(wrapping_key: bytes, db_key: bytes, kdf: dict[str, Any], context: str) -> Wrapped:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    ciphertext = AESGCM(wrapping_key).encrypt(nonce, db_key, context.encode("utf-8"))
    return Wrapped(kdf=kdf, nonce=nonce, ciphertext=ciphertext)


def _open(wrapping_key: bytes, wrapped: Wrapped, context: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(wrapping_key).decrypt(wrapped.nonce, wrapped.ciphertext, context.encode("utf-8"))
    except InvalidTag:
        return None


def wrap_with_password(db_key: bytes, password: str, context: str) -> Wrapped:
    kdf = {
        "name": "argon2id",
        "salt": b64(os.urandom(16)),
        "memory_kib": ARGON2_MEMORY_KIB,
        "iterations": ARGON2_ITERATIONS,
        "lanes": ARGON2_LANES,
    }
    return _seal(_argon2(password, kdf), db_key, kdf, context)


def unwrap_with_password(wrapped: Wrapped, password: str, context: str) -> bytes | None:
    """The database key, or ``None`` when the password is wrong."""
    if wrapped.kdf.get("name") != "argon2id":
        raise ValueError(f"unknown key derivation {wrapped.kdf.get('name')!r}")
    return _open(_argon2(password, wrapped.kdf), wrapped, context)


def new_recovery_secret() -> bytes:
    import secrets

    return secrets.token_bytes(RECOVERY_BYTES)


def format_recovery_key(secret: bytes) -> str:
    """``ABCD-EFGH-...``: base32 without padding, eight groups of four, easy to read aloud and type."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The secret from a typed recovery key (case, spaces and dashes ignored), or ``None`` if malformed."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # Base32 has no 0, 1 or 8: readers mistype O/I/B for them.
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 32:
        return None
    try:
        return base64.b32decode(cleaned)
    except ValueError:
        return None


def wrap_with_recovery(db_key: bytes, secret: bytes, context: str) -> Wrapped:
    kdf = {"name": "hkdf-sha256", "salt": b64(os.urandom(16))}
    return _seal(_hkdf(secret, kdf), db_key, kdf, context)


def unwrap_with_recovery(wrapped: Wrapped, secret: bytes, context: str) -> bytes | None:
    return _open(_hkdf(secret, wrapped.kdf), wrapped, context)
