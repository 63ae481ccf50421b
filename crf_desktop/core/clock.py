"""The one source of "now": aware UTC datetimes.

Tests replace the clock with :func:`set_clock` instead of patching ``datetime`` everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

_clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    now = _clock()
    if now.tzinfo is None:
        raise ValueError("clock returned a naive datetime; the clock must be timezone-aware")
    return now.astimezone(UTC)


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); ``None`` restores the system clock."""
    global _clock
    _clock = clock if clock is not None else (lambda: datetime.now(UTC))


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds and a ``Z``: sortable, unambiguous (2026-03-05T14:02:11.123456Z)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,6}Z")


def parse_iso(text: str) -> datetime:
    """Inverse of :func:`iso`; ValueError for any other form (the audit trail's times are evidence).

    ``fromisoformat`` after a strict shape check: about 4x faster than ``strptime``, which the audit
    appendix of a casebook and the audit screens call for every entry.
    """
    if _ISO.fullmatch(text) is None:
        raise ValueError(f"not a UTC time stamp of the form 2026-03-05T14:02:11.123456Z: {text!r}")
    return datetime.fromisoformat(text).astimezone(UTC)


def local_display(moment: datetime) -> str:
    """A UTC moment shown in the machine's local time with its zone, for people."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z")
