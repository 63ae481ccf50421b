"""The key pairs of sync: Ed25519 to sign, X25519 to receive HPKE-encrypted bodies; fingerprints for people.

Keys travel as raw 32-byte values (base64 in JSON). A fingerprint is the SHA-256 of a signing key's raw
public bytes, shown as ten groups of four hex digits: short enough to read out on the phone, long enough
that nobody can make a key with the same one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

KEY_BYTES = 32


def _private_raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _public_raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True, kw_only=True)
class KeyPairs:
    """A party's two private keys (raw bytes), as kept in its encrypted database."""

    sign_key: bytes
    box_key: bytes

    @classmethod
    def generate(cls) -> KeyPairs:
        return cls(sign_key=_private_raw(Ed25519PrivateKey.generate()),
                   box_key=_private_raw(X25519PrivateKey.generate()))

    @property
    def signer(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.sign_key)

    @property
    def box(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(self.box_key)

    @property
    def sign_public(self) -> bytes:
        return _public_raw(self.signer.public_key())

    @property
    def box_public(self) -> bytes:
        return _public_raw(self.box.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public)


def fingerprint(sign_public: bytes) -> str:
    """``ab12 cd34 ...``: the first 20 bytes of SHA-256 over the raw Ed25519 public key."""
    digest = hashlib.sha256(b"crf-desktop signing key\n" + sign_public).hexdigest()[:40]
    return " ".join(digest[i:i + 4] for i in range(0, 40, 4))


def verifier(sign_public: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(sign_public)


def box_public_key(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(raw)
