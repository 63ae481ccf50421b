"""The 24-hour SAE reporting clock: an investigator reports a serious adverse event to the sponsor within 24 hours
of the site becoming aware of it (ICH E6(R2) 4.11.1; ICH E2A). Pure: the caller gives the times.

The clock starts at the awareness date and time (local time at the site). While only the date is known (the AE
record has it, the SAE report adds the time) the clock starts at 00:00 that day: the earliest moment the date
allows, so the due time shown is never later than the real one. It stops when the report is sent (the SAE
report's sent date and time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

REPORTING_WINDOW = timedelta(hours=24)


class ClockState(StrEnum):
    """Where an SAE stands against its 24 hours."""

    RUNNING = "due"  # not sent, time left
    OVERDUE = "overdue"  # not sent, past due
    SENT_ON_TIME = "sent on time"
    SENT_LATE = "sent late"


@dataclass(frozen=True, slots=True, kw_only=True)
class SaeClock:
    """The clock of one SAE: start (awareness), due, when sent (None: not yet), and its state at ``now``."""

    aware_at: datetime
    aware_time_known: bool
    due_at: datetime
    sent_at: datetime | None
    state: ClockState
    #: Time left before due (RUNNING), overdue by (OVERDUE) or late by (SENT_LATE); zero when sent on time.
    margin: timedelta

    @property
    def overdue(self) -> bool:
        """Not sent and past due: shown in red."""
        return self.state is ClockState.OVERDUE

    @property
    def open(self) -> bool:
        """Not sent yet (due or overdue)."""
        return self.sent_at is None


def local_moment(day: date, at: time | None, zone: tzinfo) -> datetime:
    """``day`` at ``at`` (00:00 when unknown) in the site's time zone ``zone``."""
    return datetime.combine(day, at or time(0, 0), tzinfo=zone)


def sae_clock(*, aware_at: datetime, aware_time_known: bool, sent_at: datetime | None, now: datetime) -> SaeClock:
    """The clock of an SAE the site became aware of at ``aware_at`` (timezone-aware datetimes only).

    ValueError when a time is naive (no time zone) or the report was sent before the site became aware.
    """
    for name, value in (("aware_at", aware_at), ("sent_at", sent_at), ("now", now)):
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must carry a time zone, got {value!r}")
    if sent_at is not None and sent_at < aware_at:
        raise ValueError(f"the SAE report was sent ({sent_at:%Y-%m-%d %H:%M}) before the site became aware of the "
                         f"event ({aware_at:%Y-%m-%d %H:%M})")
    due = aware_at + REPORTING_WINDOW
    if sent_at is not None:
        late = sent_at - due
        state = ClockState.SENT_LATE if late > timedelta(0) else ClockState.SENT_ON_TIME
        margin = late if late > timedelta(0) else timedelta(0)
    elif now > due:
        state, margin = ClockState.OVERDUE, now - due
    else:
        state, margin = ClockState.RUNNING, due - now
    return SaeClock(aware_at=aware_at, aware_time_known=aware_time_known, due_at=due, sent_at=sent_at, state=state,
                    margin=margin)


def hours_minutes(span: timedelta, *, days_hours: str = "{d} d {h} h", hours_mins: str = "{h} h {m:02d} min") -> str:
    """``5 h 07 min``; ``2 d 3 h`` from 48 hours on. The two templates let a screen put them in its language."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days >= 2:
        return days_hours.format(d=days, h=hours)
    return hours_mins.format(h=days * 24 + hours, m=mins)
