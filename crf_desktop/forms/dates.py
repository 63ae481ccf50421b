"""Dates as people type them, and partial dates for histories.

Accepted input (after Unicode NFKC normalisation, so full-width digits typed with a Chinese input method work):

* ISO order: ``2024-03-05`` (also ``2024/03/05``, ``2024.3.5``): year first is never ambiguous;
* the app's display form ``DD-MMM-YYYY``: ``05-Mar-2024`` (English month abbreviations, any case; never
  the machine's locale);
* partial dates only: ``UNK-Mar-2019`` or ``UNK-03-2019`` (day unknown), ``UNK-UNK-2019`` (day and month
  unknown), and ISO reduced precision ``2019-03`` and ``2019``.

A numeric month in the display order (``05-03-2024``) is refused: it reads differently in different countries.
The canonical stored form of a partial date is ISO 8601 reduced precision: ``2019``, ``2019-03``,
``2019-03-05``. Years before 1900 are refused as impossible for this trial.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EARLIEST_YEAR = 1900

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", re.ASCII)
_DISPLAY = re.compile(r"(\d{1,2}|UNK)-([A-Z]{3}|\d{1,2}|UNK)-(\d{4})", re.ASCII | re.IGNORECASE)


class DateTextError(ValueError):
    """Text that is not an acceptable date; ``reason`` says why.

    Reasons: ``format`` (not a date form we read), ``calendar`` (no such day, e.g. 2019-02-30), ``early``
    (before 1900), ``incomplete`` (a partial date where a full date is needed), ``unknown_month`` (a known
    day with an unknown month).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, kw_only=True)
class PartialDate:
    """A date whose day, or day and month, may be unknown (``UNK``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a partial date with a known day needs a known month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        date(self.year, self.month or 1, self.day or 1)  # raises ValueError for an impossible date

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """A complete partial date."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def is_complete(self) -> bool:
        """Whether day and month are known."""
        return self.day is not None

    def earliest(self) -> date:
        """The first day the partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day the partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def iso(self) -> str:
        """ISO 8601 reduced precision: ``2019``, ``2019-03`` or ``2019-03-05`` (the stored form)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """``UNK-UNK-2019``, ``UNK-Mar-2019`` or ``05-Mar-2019``."""
        month = MONTHS[self.month - 1] if self.month is not None else "UNK"
        day = f"{self.day:02d}" if self.day is not None else "UNK"
        return f"{day}-{month}-{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


def normalise(text: str) -> str:
    """NFKC (full-width to ASCII) and outer white space removed."""
    return unicodedata.normalize("NFKC", text).strip()


def _month(token: str) -> int | None:
    """The month of a token (``Mar``, ``03``), ``None`` for ``UNK``; ``DateTextError`` otherwise."""
    upper = token.upper()
    if upper == "UNK":
        return None
    if token.isdigit():
        number = int(token)
        if 1 <= number <= 12:
            return number
        raise DateTextError("calendar")
    for index, name in enumerate(MONTHS, start=1):
        if name.upper() == upper:
            return index
    raise DateTextError("format")


def _build(year: int, month: int | None, day: int | None) -> PartialDate:
    if year < EARLIEST_YEAR:
        raise DateTextError("early")
    if day is not None and month is None:
        raise DateTextError("unknown_month")
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        raise DateTextError("calendar") from None


def parse_partial_date(text: str) -> PartialDate:
    """Read a possibly partial date; ``DateTextError`` when it is not one."""
    cleaned = normalise(text)
    iso = _ISO.fullmatch(cleaned)
    if iso is not None:
        year, month, day = iso.groups()
        return _build(int(year), int(month) if month else None, int(day) if day else None)
    shown = _DISPLAY.fullmatch(cleaned)
    if shown is None:
        raise DateTextError("format")
    day_token, month_token, year_token = shown.groups()
    day = None if day_token.upper() == "UNK" else int(day_token)
    if day is not None and month_token.isdigit():
        raise DateTextError("format")  # 05-03-2024 is ambiguous: refuse it
    return _build(int(year_token), _month(month_token), day)


def parse_date(text: str) -> date:
    """Read a complete date; a partial date raises ``DateTextError("incomplete")``."""
    value = parse_partial_date(text)
    if not value.is_complete:
        raise DateTextError("incomplete")
    return value.earliest()


def display_date(value: date) -> str:
    """The app's display form: ``05-Mar-2024`` (locale independent)."""
    return f"{value.day:02d}-{MONTHS[value.month - 1]}-{value.year:04d}"
