"""What the marker under a queried field says (:mod:`crf_desktop.ui.form_editor_queries`), one query at a time.

At a glance, where the query stands and whose turn it is:

* open: the question and who raised it;
* open again after the raiser (or the centre) re-opened it: the follow-up question, the newest part of its text;
* answered: the question, then "Answered <date> by <user>, waiting for the monitor:" (for the centre, when the
  centre raised it) and the answer's first line (without the waiting part for the person who raised it: the
  marker's next step asks them to close it).

The marker shows one line of each text, each on a line of its own so the marker's width never cuts one off; its
tooltip and the dialogs show all of it.
"""

from __future__ import annotations

from crf_desktop.core.clock import parse_iso
from crf_desktop.forms.dates import display_date
from crf_desktop.services.queries import FOLLOW_UP, Query, QueryStatus, centre_username
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.query_answer_dialog import status_text

SHORT = 70  # characters of a question or an answer on the marker

__all__ = ["SHORT", "follow_up", "from_centre", "marker_text", "one_line", "raiser"]


def one_line(text: str, *, last: bool = False) -> str:
    """The first (or ``last``) non-empty line of ``text``, cut to :data:`SHORT` characters; "…" at the end when
    something after it is left out (the end of the line, or the next lines)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()] or [""]
    line = lines[-1] if last else lines[0]
    more = len(lines) > 1 and not last
    if len(line) > SHORT:
        line, more = line[:SHORT - 1], True
    return line.rstrip(" .,;:") + "…" if more else line


def follow_up(question: str) -> str | None:
    """The newest follow-up question of a re-opened query, ``None`` when it was never re-opened."""
    parts = question.rsplit(FOLLOW_UP, 1)
    return parts[1].strip() if len(parts) == 2 and parts[1].strip() else None


def answered_date(timestamp: str) -> str:
    """A UTC time stamp as the local date in the app's form (25-Nov-2026); the stamp itself if unreadable."""
    try:
        return display_date(parse_iso(timestamp).astimezone().date())
    except ValueError:
        return timestamp


def from_centre(query: Query) -> bool:
    """Whether the coordinating centre raised ``query`` (its data manager closes it there, not a site monitor)."""
    return centre_username(query.raised_by) is not None


def raiser(query: Query) -> str:
    """Who raised ``query``, in words: a site user's name, or "dm at the centre"."""
    at_centre = centre_username(query.raised_by)
    return query.raised_by if at_centre is None else fill(translate("FormEditor", "%1 at the centre"), at_centre)


def marker_text(query: Query, *, answered_at: str | None, viewer: str) -> str:
    """The lines for ``query`` on its field's marker; ``answered_at`` is when its answer was given (UTC, ``None``
    if not known), ``viewer`` the user name of the person looking."""
    again = follow_up(query.question)
    asked = one_line(again) if again is not None else one_line(query.question, last=True)
    # the question on its own line, so it is never cut off by the marker's width
    if again is not None and query.status is QueryStatus.OPEN:
        return fill(translate("FormEditor", "⚑ Query open again (raised by %1), follow-up question:\n%2"),
                    raiser(query), asked)
    text = fill(translate("FormEditor", "⚑ Query (%1, raised by %2):\n%3"), status_text(query.status),
                raiser(query), asked)
    if query.status is not QueryStatus.ANSWERED or not query.answer:
        return text
    by = query.answered_by or "?"
    who = fill(translate("FormEditor", "Answered %1 by %2"), answered_date(answered_at), by) if answered_at \
        else fill(translate("FormEditor", "Answered by %1"), by)
    if viewer == query.raised_by:
        waiting = translate("FormEditor", "%1:\n%2")
    elif from_centre(query):  # the centre reads the answer at its next import and closes the query there
        waiting = translate("FormEditor", "%1, waiting for the centre:\n%2")
    else:
        waiting = translate("FormEditor", "%1, waiting for the monitor:\n%2")
    return f"{text}\n{fill(waiting, who, one_line(query.answer))}"
