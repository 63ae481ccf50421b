"""The hash of printed content and the text of a page's QR code.

The hash is SHA-256 over a canonical JSON (keys sorted, no spaces, UTF-8) of the record reference and the
printed values, so anyone can recompute it from the database: for a form, ``{"ref": {...}, "values": {field id:
stored text, "" when empty}}`` over every declared field; for a visit or casebook part, ``values`` maps
``visit/form/repeat`` to ``{"version": n, "values": {...}}`` of every record it covers.

The QR text is ``CRF1;study=…;site=…;subject=…;visit=…;form=…;repeat=…;fv=…;version=…;sha256=…`` (values
percent-escaped): short enough for a version 6-8 QR code at the printed size, readable by a person too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote

from crf_desktop.forms.model import Form

PREFIX = "CRF1"
_KEYS = ("study", "site", "subject", "visit", "form", "repeat", "fv", "version", "sha256")


@dataclass(frozen=True, kw_only=True)
class Reference:
    """The record a page comes from: what the QR code identifies. ``form`` may name a casebook part
    (``casebook``, ``outcomes``, ``audit``) whose ``record_version`` is the casebook's."""

    study: str
    site: str
    subject: str  # empty on a blank CRF
    visit: str  # empty on a casebook part
    form: str
    repeat_no: int = 0
    form_version: str = ""
    record_version: int = 0  # 0: blank, or not yet entered


def _ref_dict(ref: Reference) -> dict[str, object]:
    return {"study": ref.study, "site": ref.site, "subject": ref.subject, "visit": ref.visit, "form": ref.form,
            "repeat_no": ref.repeat_no, "form_version": ref.form_version, "record_version": ref.record_version}


def canonical(ref: Reference, values: Mapping[str, object]) -> bytes:
    """The canonical bytes the hash covers."""
    return json.dumps({"ref": _ref_dict(ref), "values": values}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def sha256_of(ref: Reference, values: Mapping[str, object]) -> str:
    return hashlib.sha256(canonical(ref, values)).hexdigest()


def form_values(form: Form, data: Mapping[str, str] | None) -> dict[str, str]:
    """The printed values of a form: every declared field's stored text ("" when empty or blank)."""
    given = data or {}
    return {f.id: given.get(f.id, "") for f in form.fields}


def record_key(visit: str, form: str, repeat_no: int) -> str:
    return f"{visit}/{form}/{repeat_no}"


@dataclass(frozen=True, kw_only=True)
class QrPayload:
    """What a page's QR code says: the record reference and the SHA-256 of the printed content."""

    reference: Reference
    sha256: str

    def text(self) -> str:
        ref = self.reference
        values = (ref.study, ref.site, ref.subject, ref.visit, ref.form, str(ref.repeat_no), ref.form_version,
                  str(ref.record_version), self.sha256)
        return ";".join([PREFIX, *(f"{k}={quote(v, safe='-_.')}" for k, v in zip(_KEYS, values, strict=True))])


def parse_qr(text: str) -> QrPayload:
    """The payload of a QR text; ``ValueError`` saying what is wrong when it is not one of ours."""
    parts = text.strip().split(";")
    if not parts or parts[0] != PREFIX:
        raise ValueError("this is not the QR code of a crf-desktop page (it does not start with CRF1)")
    found: dict[str, str] = {}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if not sep or key not in _KEYS:
            raise ValueError(f"the QR text has an unknown part {part!r}")
        found[key] = unquote(value)
    missing = [k for k in _KEYS if k not in found]
    if missing:
        raise ValueError(f"the QR text lacks {', '.join(missing)}")
    if len(found["sha256"]) != 64 or any(c not in "0123456789abcdef" for c in found["sha256"]):
        raise ValueError("the QR text's sha256 is not a SHA-256 hash")
    try:
        repeat, version = int(found["repeat"]), int(found["version"])
    except ValueError:
        raise ValueError("the QR text's repeat or version is not a number") from None
    ref = Reference(study=found["study"], site=found["site"], subject=found["subject"], visit=found["visit"],
                    form=found["form"], repeat_no=repeat, form_version=found["fv"], record_version=version)
    return QrPayload(reference=ref, sha256=found["sha256"])
