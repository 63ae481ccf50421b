"""Adverse-event summaries, computed from the AE log's stored values (issue 6 item 5). Pure; never by arm.

- :func:`timeline`: one subject's events as bars (onset → resolution, or → today while ongoing), with grade,
  seriousness and term, in onset order: what the subject page draws.
- :func:`site_summary`: the site's events counted by system organ class and term (events and subjects), subjects
  by their worst grade (overall and per term), and serious events.

Conventions (as in CTCAE tabulations of trial safety data): a subject counts once per term, at the worst grade
recorded for that term; an event without a grade is counted as an event but not in the grade columns; an entry
without a valid CTCAE term is left out (the AE rules refuse such a record, so it can only be an unfinished one).
Partial dates are drawn from their earliest possible onset to their latest possible end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from crf_desktop.forms.ctcae.terms import GRADES, Term, terminology
from crf_desktop.forms.dates import DateTextError, parse_partial_date


@dataclass(frozen=True, slots=True, kw_only=True)
class AeEntry:
    """One AE record as the summaries read it: subject, log number and the stored texts of the AE form."""

    subject_id: str
    ae_no: int
    data: Mapping[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class AeBar:
    """One event on a subject's timeline; ``end`` is None while ongoing (drawn to ``today``)."""

    ae_no: int
    term: Term
    specify: str
    grade: int | None
    serious: bool
    start: date
    end: date | None
    onset_partial: bool
    end_partial: bool

    @property
    def ongoing(self) -> bool:
        return self.end is None


def _grade(data: Mapping[str, str]) -> int | None:
    text = data.get("ae_grade", "")
    return int(text) if text.isdigit() and int(text) in GRADES else None


def _term(data: Mapping[str, str]) -> Term | None:
    return terminology().by_code.get(data.get("ae_term", "").strip())


def bar_of(entry: AeEntry) -> AeBar | None:
    """The bar of one entry; None without a valid term or onset date."""
    term, data = _term(entry.data), entry.data
    if term is None or not data.get("ae_onset"):
        return None
    try:
        onset = parse_partial_date(data["ae_onset"])
        end = parse_partial_date(data["ae_end"]) if data.get("ae_end") and data.get("ae_ongoing") != "Y" else None
    except DateTextError:
        return None
    if end is None and data.get("ae_outcome") == "FATAL" and data.get("ae_death_date"):
        try:
            end = parse_partial_date(data["ae_death_date"])
        except DateTextError:
            end = None
    return AeBar(ae_no=entry.ae_no, term=term, specify=data.get("ae_other_specify", "").strip(), grade=_grade(data),
                 serious=data.get("ae_serious") == "Y", start=onset.earliest(),
                 end=None if end is None else max(end.latest(), onset.earliest()),
                 onset_partial=not onset.is_complete, end_partial=end is not None and not end.is_complete)


def timeline(entries: Iterable[AeEntry]) -> tuple[AeBar, ...]:
    """One subject's events in onset order (then log number)."""
    bars = [bar for entry in entries if (bar := bar_of(entry)) is not None]
    return tuple(sorted(bars, key=lambda b: (b.start, b.ae_no)))


@dataclass(frozen=True, slots=True, kw_only=True)
class TermCount:
    """One term: events, subjects, subjects by their worst grade for the term (grade → subjects), SAEs."""

    term: Term
    events: int
    subjects: int
    worst_grade: Mapping[int, int]
    serious_events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SocCount:
    """One system organ class: events, subjects with any of its terms, and its terms (most events first)."""

    soc: str
    events: int
    subjects: int
    terms: tuple[TermCount, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteAeSummary:
    """The site's AEs: totals, subjects by worst grade of any event, SOCs (most events first), SAEs."""

    events: int
    subjects_with_events: int
    worst_grade: Mapping[int, int]
    socs: tuple[SocCount, ...]
    serious_events: int
    subjects_with_serious: int
    fatal_events: int


def _worst(grades: Mapping[str, int | None]) -> dict[int, int]:
    found = {grade: 0 for grade in GRADES}
    for worst in grades.values():
        if worst is not None:
            found[worst] += 1
    return found


def _max(current: int | None, grade: int | None) -> int | None:
    if grade is None:
        return current
    return grade if current is None else max(current, grade)


def site_summary(entries: Iterable[AeEntry]) -> SiteAeSummary:
    """Counts of the site's AE log entries (those with a valid CTCAE term)."""
    by_term: dict[str, list[tuple[AeEntry, Term]]] = {}
    subject_worst: dict[str, int | None] = {}
    serious, serious_subjects, fatal, events = 0, set(), 0, 0
    for entry in entries:
        term = _term(entry.data)
        if term is None:
            continue
        events += 1
        by_term.setdefault(term.meddra_code, []).append((entry, term))
        subject_worst[entry.subject_id] = _max(subject_worst.get(entry.subject_id), _grade(entry.data))
        if entry.data.get("ae_serious") == "Y":
            serious += 1
            serious_subjects.add(entry.subject_id)
        if entry.data.get("ae_outcome") == "FATAL":
            fatal += 1
    socs: dict[str, list[TermCount]] = {}
    soc_subjects: dict[str, set[str]] = {}
    for found in by_term.values():
        term = found[0][1]
        worst: dict[str, int | None] = {}
        for entry, _term_found in found:
            worst[entry.subject_id] = _max(worst.get(entry.subject_id), _grade(entry.data))
        socs.setdefault(term.soc, []).append(TermCount(
            term=term, events=len(found), subjects=len(worst), worst_grade=_worst(worst),
            serious_events=sum(1 for entry, _t in found if entry.data.get("ae_serious") == "Y")))
        soc_subjects.setdefault(term.soc, set()).update(worst)
    soc_counts = [
        SocCount(soc=soc, events=sum(t.events for t in terms), subjects=len(soc_subjects[soc]),
                 terms=tuple(sorted(terms, key=lambda t: (-t.events, t.term.term))))
        for soc, terms in socs.items()
    ]
    return SiteAeSummary(
        events=events, subjects_with_events=len(subject_worst), worst_grade=_worst(subject_worst),
        socs=tuple(sorted(soc_counts, key=lambda s: (-s.events, s.soc))), serious_events=serious,
        subjects_with_serious=len(serious_subjects), fatal_events=fatal,
    )
