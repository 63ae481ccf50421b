"""Names shared by the ODM writers: the namespace, OIDs, bilingual texts and ISO 8601 times.

OIDs are stable across exports so that a statistician's program keeps working: ``SE.<visit>``, ``F.<form>``,
``IG.<form>.<section>``, ``I.<form>.<field>``, ``LOC.<site>``, ``USR.<site>.<username>``. Identifiers that the
schema types as ``xs:ID`` (audit records, signatures, annotations) must be XML names, so their parts are reduced
to letters, digits, ``_``, ``-`` and ``.``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from xml.etree import ElementTree as ET  # noqa: S405 - we only write XML here, never parse untrusted input

from crf_desktop.core.errors import CrfError

ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ODM_VERSION = "1.3.2"
CENTRE_SITE = "centre"

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
_UTC_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|\+00:00)", re.ASCII)


def tag(name: str) -> str:
    """The tag of an ODM element: plain, because the root declares ODM as the default namespace (ElementTree's
    ``default_namespace`` option refuses the schema's unqualified attributes)."""
    return name


def sub(parent: ET.Element, name: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    """Append the ODM element ``name`` to ``parent``."""
    element = ET.SubElement(parent, tag(name), attrs or {})
    if text is not None:
        element.text = text
    return element


def translated(parent: ET.Element, name: str, en: str, zh: str | None = None) -> ET.Element:
    """Append ``name`` holding a ``TranslatedText`` in English and, when it differs, in Chinese."""
    holder = sub(parent, name)
    sub(holder, "TranslatedText", {XML_LANG: "en"}, en)
    if zh is not None and zh != "":
        sub(holder, "TranslatedText", {XML_LANG: "zh"}, zh)
    return holder


def safe(part: str) -> str:
    """``part`` reduced to characters allowed in an XML ID."""
    return _UNSAFE.sub("_", part) or "_"


def event_oid(visit: str) -> str:
    return f"SE.{visit}"


def form_oid(form: str) -> str:
    return f"F.{form}"


def group_oid(form: str, section: str) -> str:
    return f"IG.{form}.{section}"


def item_oid(form: str, field: str) -> str:
    return f"I.{form}.{field}"


@cache
def location_oid(site: str) -> str:
    return f"LOC.{safe(site)}"


@cache
def user_oid(site: str, username: str) -> str:
    return f"USR.{safe(site)}.{safe(username)}"


def odm_datetime(text: str, *, what: str) -> str:
    """An ISO 8601 UTC time as ODM writes it (``2026-03-05T09:15:00Z``); a time without zone is read as UTC."""
    if _UTC_ISO.fullmatch(text):  # what the store writes: only the zone's spelling changes (fast path)
        return f"{text[:-6]}Z" if text.endswith("+00:00") else text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CrfError(f"{what}: {text!r} is not an ISO 8601 time; the centre database is damaged, run "
                       "crf-desktop verify") from None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    spec = "%Y-%m-%dT%H:%M:%S.%fZ" if moment.microsecond else "%Y-%m-%dT%H:%M:%SZ"
    return moment.strftime(spec)
