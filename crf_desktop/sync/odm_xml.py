"""Writing ODM XML as text, element by element, escaped exactly as :mod:`xml.etree.ElementTree` escapes.

The full trial's ``ClinicalData`` holds about a million elements; building them as a tree and serialising it took
most of the ODM export's time (issue #8, DESIGN section 10: 5 s). The clinical data are therefore written as
strings straight into the file, and the small parts (metadata, admin data) still as trees serialised by
ElementTree. Both escape the same way, so the document reads as one: the tests compare it with files written by
the tree-building writer (``tests/sync/odm_golden``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')
_TEXT_SPECIAL = re.compile("[&<>]")


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute (as ElementTree: ``& < > "`` and CR, LF, tab as
    character references, so that a parser gives back the very same text)."""
    if _ATTR_SPECIAL.search(value) is None:  # nearly every value: skip the seven replaces
        return value
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return value.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def text(value: str) -> str:
    """``value`` escaped as element content (``& < >``)."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attrs(values: Mapping[str, str]) -> str:
    """`` name="value"`` for each attribute, in order, escaped."""
    return "".join(f' {name}="{attr(value)}"' for name, value in values.items())


def element(name: str, values: Mapping[str, str] | None = None, content: str | None = None) -> str:
    """One element without children: ``<name a="1" />`` or ``<name a="1">content</name>`` (content escaped)."""
    start = f"<{name}{attrs(values) if values else ''}"
    if not content:
        return f"{start} />"
    return f"{start}>{text(content)}</{name}>"
