"""What a printed document holds, as plain data: the services fill it from the store, the renderer draws it.

A document is a header (study, site, who prints and when, language) and a sequence of parts; each part starts
on a new page and every page of it carries the part's reference (subject, visit, form, record version) in its
header and QR code. Parts: a form (blank or filled), the casebook's cover, its outcomes, its trend chart and its
audit appendix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from crf_desktop.core.errors import CrfError
from crf_desktop.forms.model import Form, Text
from crf_desktop.forms.outcomes.trend import TrendChart
from crf_desktop.pdf.content import QrPayload

LANGUAGES = ("en", "zh", "both")

#: Called after each part with (parts done, parts in all); returns False to cancel the job.
Progress = Callable[[int, int], bool]


class Cancelled(CrfError):  # noqa: N818 - a request, not an error
    """The progress callback asked to stop; nothing was written."""


@dataclass(frozen=True, kw_only=True)
class Header:
    """What every page says about the study and the print job."""

    study_title: Text
    study_id: str
    protocol_no: str
    site_id: str
    printed_by: str
    printed_at: datetime  # aware; printed in the computer's local time with its zone
    lang: str = "en"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"language {self.lang!r}: use one of {', '.join(LANGUAGES)}")
        if self.printed_at.tzinfo is None:
            raise ValueError("printed_at must be timezone-aware")


@dataclass(frozen=True, kw_only=True)
class SignatureMark:
    """The manifestation of an electronic signature (21 CFR 11.50): who, role, meaning, when (UTC)."""

    printed_name: str
    username: str
    role: Text
    meaning: Text  # ``en``: the wording signed; ``zh``: its translation, printed with it
    signed_at: str  # UTC ISO 8601
    scope: Text  # "this form", "visit Week 4", "the whole casebook"
    valid: bool = True


@dataclass(frozen=True, kw_only=True)
class FormPart:
    """One form to print: blank when ``values`` is None, else the stored text of each field."""

    qr: QrPayload
    visit_label: Text
    form: Form
    values: Mapping[str, str] | None = None
    status: Text | None = None
    flags: Mapping[str, str] = field(default_factory=dict)  # field id -> "L" / "H" (laboratory flags)
    signatures: tuple[SignatureMark, ...] = ()
    saved: str = ""  # "version 3, saved by ... at ..." on a filled form

    @property
    def blank(self) -> bool:
        return self.values is None


@dataclass(frozen=True, kw_only=True)
class CoverPart:
    """The casebook's (or blank book's) first page: subject and site boxes, what the book holds."""

    qr: QrPayload
    title: Text
    subject_lines: tuple[tuple[Text, str], ...] = ()  # (label, value); empty values print as write-in boxes
    contents: tuple[Text, ...] = ()


@dataclass(frozen=True, kw_only=True)
class TablePart:
    """A titled table (derived outcomes, the audit appendix): column titles, relative widths, rows of text."""

    qr: QrPayload
    title: Text
    columns: tuple[Text, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    note: Text | None = None
    empty: Text = field(default_factory=lambda: Text(en="Nothing recorded.", zh="无记录。"))


@dataclass(frozen=True, kw_only=True)
class ChartPart:
    """The subject's trend chart (the definition the screen draws)."""

    qr: QrPayload
    chart: TrendChart


Part = FormPart | CoverPart | TablePart | ChartPart


@dataclass(frozen=True, kw_only=True)
class Document:
    header: Header
    parts: tuple[Part, ...]
    signatures: tuple[SignatureMark, ...] = ()  # casebook-wide signatures, printed on every page
