"""The centre's key file and enrolment file: what a site reads at ``init --centre-key FILE``.

Both are one JSON document signed by the centre's Ed25519 key::

    {"format": "crf-desktop-enrolment/1", "kind": "centre-key" | "enrolment", "study": ..., "site": null | "01",
     "centre": {"sign_key": b64, "box_key": b64, "fingerprint": "ab12 ..."}, "issued_at": ...,
     "configuration": {...} | null, "randomisation": null | {"entries": n, "salt": b64, "nonce": b64,
     "ciphertext": b64}, "signature": b64}

The key file (``centre init --out-key``) carries only the centre's public keys. An enrolment file
(``centre enrol``) is for one site: its id, the study configuration and the site's randomisation list.

Trust: the signature proves the file is whole and was made by the holder of the key inside it, not who that
is. The site admin confirms the centre's fingerprint (printed at ``init``) with the centre by phone.

Blinding: the randomisation list holds the arms. It is encrypted (AES-256-GCM, key by HKDF from a one-time
enrolment code of 160 random bits that ``centre enrol`` prints) so the file may travel through the shared
folder or by e-mail; the code goes to the site admin by another way (phone, sealed letter). Once imported,
the arms are protected by the site database's encryption and never shown except by emergency unblinding.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.store.keywrap import b64, format_recovery_key, new_recovery_secret, parse_recovery_key, unb64
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.sync.keys import KeyPairs, fingerprint, verifier

FORMAT = "crf-desktop-enrolment/1"
KIND_KEY = "centre-key"
KIND_ENROLMENT = "enrolment"
MAX_SIZE = 8 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Enrolment:
    kind: str
    study: str
    site: str | None
    centre_sign_public: bytes
    centre_box_public: bytes
    centre_fingerprint: str
    issued_at: str
    configuration: StudyConfiguration | None
    list_entries: int  # how many randomisation entries are sealed inside (0: none)
    sealed_list: dict[str, str] | None
    sha256: str

    def randomisation_list(self, code: str) -> list[ListEntry]:
        """Open the sealed list with the enrolment code; UserInputError when the code is wrong."""
        if self.sealed_list is None:
            return []
        secret = parse_recovery_key(code)
        if secret is None:
            raise UserInputError("the enrolment code is not well-formed: 32 letters and digits in groups of four, "
                                 "as the centre gave it")
        try:
            plain = AESGCM(_list_key(secret, unb64(self.sealed_list["salt"]))).decrypt(
                unb64(self.sealed_list["nonce"]), unb64(self.sealed_list["ciphertext"]), _aad(self.study, self.site))
        except (InvalidTag, ValueError, KeyError):
            raise UserInputError("the enrolment code is wrong for this enrolment file; ask the centre for the code "
                                 "printed when the file was made") from None
        return [ListEntry(**entry) for entry in json.loads(plain)]


def _list_key(secret: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"crf-desktop enrolment list").derive(secret)


def _aad(study: str, site: str | None) -> bytes:
    return f"crf-desktop enrolment list/{study}/{site}".encode()


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in document.items() if k != "signature"}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def make(centre: KeyPairs, *, study: str, site: str | None, issued_at: str,
         configuration: StudyConfiguration | None = None,
         randomisation: list[ListEntry] | None = None) -> tuple[bytes, str | None]:
    """The signed document's bytes, and the enrolment code when a randomisation list is sealed inside."""
    sealed = None
    code = None
    if randomisation:
        secret = new_recovery_secret()
        code = format_recovery_key(secret)
        salt, nonce = os.urandom(16), os.urandom(12)
        plain = json.dumps([e.__dict__ for e in randomisation]).encode("utf-8")
        sealed = {"entries": len(randomisation), "salt": b64(salt), "nonce": b64(nonce),
                  "ciphertext": b64(AESGCM(_list_key(secret, salt)).encrypt(nonce, plain, _aad(study, site)))}
    document: dict[str, Any] = {
        "format": FORMAT, "kind": KIND_ENROLMENT if site else KIND_KEY, "study": study, "site": site,
        "centre": {"sign_key": b64(centre.sign_public), "box_key": b64(centre.box_public),
                   "fingerprint": centre.fingerprint},
        "issued_at": issued_at,
        "configuration": configuration.to_dict() if configuration else None,
        "randomisation": sealed,
    }
    document["signature"] = b64(centre.signer.sign(_canonical(document)))
    return json.dumps(document, indent=1, sort_keys=True).encode("utf-8") + b"\n", code


def read(path: Path) -> Enrolment:
    """Read and check a centre key or enrolment file; UserInputError naming the file and the fault."""
    where = f"the centre key file {path}"
    try:
        if path.stat().st_size > MAX_SIZE:
            raise UserInputError(f"{where} is too large to be a centre key or enrolment file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserInputError(f"{where} does not exist; check the path") from None
    except OSError as exc:
        raise UserInputError(f"{where} cannot be read ({exc.strerror})") from None
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ValueError("format")
        centre = document["centre"]
        sign_public, box_public = unb64(centre["sign_key"]), unb64(centre["box_key"])
        if len(sign_public) != 32 or len(box_public) != 32:
            raise ValueError("key length")
        signature = unb64(document["signature"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise UserInputError(f"{where} is not a crf-desktop centre key or enrolment file (it should be the file "
                             "written by 'crf-desktop centre init --out-key' or 'centre enrol')") from None
    try:
        verifier(sign_public).verify(signature, _canonical(document))
    except (InvalidSignature, ValueError):
        raise UserInputError(f"{where} was changed or damaged after the centre signed it; ask the centre for a "
                             "new copy") from None
    try:
        configuration = (StudyConfiguration.from_dict(document["configuration"])
                         if document.get("configuration") is not None else None)
    except ValueError as exc:
        raise UserInputError(f"{where}: {exc}") from None
    sealed = document.get("randomisation")
    return Enrolment(kind=str(document.get("kind")), study=str(document.get("study")), site=document.get("site"),
                     centre_sign_public=sign_public, centre_box_public=box_public,
                     centre_fingerprint=fingerprint(sign_public), issued_at=str(document.get("issued_at")),
                     configuration=configuration, list_entries=int(sealed["entries"]) if sealed else 0,
                     sealed_list=sealed, sha256=hashlib.sha256(data).hexdigest())
