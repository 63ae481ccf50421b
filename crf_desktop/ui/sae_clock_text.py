"""How the 24-hour SAE reporting clock reads on screen (the AE and SAE report editors, the subject page, the AE
summary): due by, time left, overdue (red), or when the report was sent."""

from __future__ import annotations

from crf_desktop.forms.ctcae.sae_clock import ClockState, SaeClock, hours_minutes
from crf_desktop.ui.language import fill, translate

OVERDUE_STYLE = "color: #a40000; font-weight: bold;"
DUE_STYLE = "color: #7a4d00; font-weight: bold;"
DONE_STYLE = "color: #2e6b2e;"


def _moment(clock: SaeClock, which: str) -> str:
    moment = clock.due_at if which == "due" else clock.sent_at if which == "sent" else clock.aware_at
    return "" if moment is None else moment.strftime("%d-%b-%Y %H:%M")


def _span(clock: SaeClock) -> str:
    """The clock's margin in the language shown (``5 h 07 min``, ``5 小时 07 分``)."""
    return hours_minutes(clock.margin, days_hours=translate("SaeClock", "{d} d {h} h"),
                         hours_mins=translate("SaeClock", "{h} h {m:02d} min"))


def clock_text(clock: SaeClock) -> str:
    """``SAE report due by 13-Apr-2024 09:40 (5 h 00 min left)``, ``… OVERDUE by 2 h 10 min``, or sent."""
    due = _moment(clock, "due")
    if clock.state is ClockState.RUNNING:
        text = fill(translate("SaeClock", "SAE report due by %1 (%2 left)"), due, _span(clock))
    elif clock.state is ClockState.OVERDUE:
        text = fill(translate("SaeClock", "SAE report OVERDUE: was due by %1 (%2 ago)"), due,
                    _span(clock))
    elif clock.state is ClockState.SENT_ON_TIME:
        return fill(translate("SaeClock", "SAE report sent %1, within 24 hours"), _moment(clock, "sent"))
    else:
        return fill(translate("SaeClock", "SAE report sent %1, %2 late"), _moment(clock, "sent"),
                    _span(clock))
    if not clock.aware_time_known:
        text += " " + translate("SaeClock", "(counted from 00:00 of the awareness date until the time is entered)")
    return text


def clock_style(clock: SaeClock) -> str:
    """Red when overdue, amber while due, green once sent."""
    return OVERDUE_STYLE if clock.overdue else DUE_STYLE if clock.open else DONE_STYLE
