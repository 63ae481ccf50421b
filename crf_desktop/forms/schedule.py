"""The visit-schedule vocabulary (clinicedc's ``VisitSchedule -> Visit``) and the window arithmetic.

Days count from the baseline visit (day 0). A visit's window is the inclusive span
``target_day - before .. target_day + after``; a visit dated outside it is a protocol deviation of the signed
number of days from the nearest edge (negative: early, positive: late). Unscheduled and early-termination
visits have no target and no window. Windows come from the declaration or, for visits that do not fix their
own, from :class:`StudyConfig` (default ±7 days; per-visit overrides), which the centre distributes with the
site's study configuration.

A form a visit holds may apply to some subjects only (:class:`FormApplicability`, e.g. the pregnancy test for
women of childbearing potential): its condition reads the subject context (names in
:data:`crf_desktop.forms.context_names.SUBJECT_INPUTS`), and :meth:`Visit.forms_for` gives the forms expected of
one subject. A subject whose context is not known yet (demographics not entered) is expected to have the form:
the condition is written so that only a recorded answer makes a form not applicable.

The study's own schedule is declared once, in :mod:`crf_desktop.forms.visits`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from crf_desktop.forms.conditions import Condition
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
from crf_desktop.forms.model import Text, Value


class VisitKind(StrEnum):
    """What kind of visit a visit is."""

    SCREENING = "screening"
    BASELINE = "baseline"
    SCHEDULED = "scheduled"
    UNSCHEDULED = "unscheduled"
    EARLY_TERMINATION = "early_termination"


TIMED_KINDS = frozenset({VisitKind.SCREENING, VisitKind.BASELINE, VisitKind.SCHEDULED})


@dataclass(frozen=True, kw_only=True)
class Window:
    """Days allowed before and after the target day, both inclusive."""

    before: int
    after: int

    def __post_init__(self) -> None:
        if self.before < 0 or self.after < 0:
            raise ValueError(f"a visit window counts days before and after: ±{self.before}/{self.after} is negative")


@dataclass(frozen=True, kw_only=True)
class FormApplicability:
    """The form ``form`` of a visit is expected only of subjects for whom ``applies_if`` holds; the condition
    reads the subject context, and ``applies_to`` says for whom in words (shown where the form is absent)."""

    form: str
    applies_if: Condition
    applies_to: Text


@dataclass(frozen=True, kw_only=True)
class Visit:
    """One visit of the schedule and the forms it holds.

    ``target_day`` counts from baseline (day 0); ``None`` for unscheduled and early-termination visits.
    ``window`` ``None`` means the study configuration's window applies. ``conditional``: forms of ``forms``
    expected only of some subjects (:meth:`forms_for`).
    """

    code: str
    label: Text
    kind: VisitKind
    target_day: int | None = None
    window: Window | None = None
    forms: tuple[str, ...] = ()
    conditional: tuple[FormApplicability, ...] = ()

    def applicability(self, form_id: str) -> FormApplicability | None:
        """The condition of ``form_id`` at this visit (``None``: every subject has the form)."""
        return next((rule for rule in self.conditional if rule.form == form_id), None)

    def forms_for(self, subject: Mapping[str, Value | None]) -> tuple[str, ...]:
        """The forms expected of a subject with context ``subject`` (sex, childbearing potential, ...), in order."""
        return tuple(form_id for form_id in self.forms
                     if (rule := self.applicability(form_id)) is None or rule.applies_if.evaluate(subject))

    @property
    def repeatable(self) -> bool:
        """Whether a subject can have several of this visit (unscheduled visits)."""
        return self.kind is VisitKind.UNSCHEDULED


@dataclass(frozen=True, kw_only=True)
class SubjectLog:
    """A repeating log that belongs to the subject rather than to a visit (adverse events, medications)."""

    code: str
    label: Text
    forms: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class VisitSchedule:
    """All visits in order, and the subject-level logs."""

    visits: tuple[Visit, ...]
    logs: tuple[SubjectLog, ...] = ()

    def visit(self, code: str) -> Visit:
        """The visit ``code``; ``KeyError`` naming it when absent."""
        for candidate in self.visits:
            if candidate.code == code:
                return candidate
        raise KeyError(f"the visit schedule has no visit {code!r}")

    def log(self, code: str) -> SubjectLog:
        """The subject-level log ``code``."""
        for candidate in self.logs:
            if candidate.code == code:
                return candidate
        raise KeyError(f"the visit schedule has no subject log {code!r}")


@dataclass(frozen=True, kw_only=True)
class StudyConfig:
    """Configurable parts of the schedule: the default window and per-visit overrides (by visit code)."""

    default_window: Window = Window(before=7, after=7)
    windows: Mapping[str, Window] = field(default_factory=dict)


DEFAULT_CONFIG = StudyConfig()


def window(visit: Visit, config: StudyConfig = DEFAULT_CONFIG) -> Window | None:
    """The window that applies to ``visit``: a configured override, the declared one, or the default."""
    if visit.target_day is None:
        return None
    return config.windows.get(visit.code) or visit.window or config.default_window


def target_date(baseline_date: date, visit: Visit) -> date | None:
    """The visit's target date: baseline + target day (week 4 = baseline + 28 days)."""
    if visit.target_day is None:
        return None
    return baseline_date + timedelta(days=visit.target_day)


def window_dates(baseline_date: date, visit: Visit, config: StudyConfig = DEFAULT_CONFIG) -> tuple[date, date] | None:
    """The first and last date of the visit's window (inclusive); ``None`` for untimed visits."""
    target = target_date(baseline_date, visit)
    span = window(visit, config)
    if target is None or span is None:
        return None
    return target - timedelta(days=span.before), target + timedelta(days=span.after)


def deviation_days(
    visit: Visit, actual_date: date, baseline_date: date, config: StudyConfig = DEFAULT_CONFIG
) -> int:
    """0 inside the window (edges included); otherwise the signed days outside it (early < 0 < late)."""
    edges = window_dates(baseline_date, visit, config)
    if edges is None:
        return 0
    earliest, latest = edges
    if actual_date < earliest:
        return (actual_date - earliest).days
    if actual_date > latest:
        return (actual_date - latest).days
    return 0


def visit_window_issue(
    visit: Visit, actual_date: date, baseline_date: date, config: StudyConfig = DEFAULT_CONFIG
) -> Issue | None:
    """A ``CRF-VISIT-WINDOW`` warning (protocol deviation, recorded, not blocking) when outside the window."""
    days = deviation_days(visit, actual_date, baseline_date, config)
    edges = window_dates(baseline_date, visit, config)
    if days == 0 or edges is None:
        return None
    return make_issue(
        IssueCode.VISIT_WINDOW,
        field=visit.code,
        label=visit.label,
        value=actual_date.isoformat(),
        days=str(abs(days)),
        side_en="before" if days < 0 else "after",
        side_zh="早于" if days < 0 else "晚于",
        earliest=edges[0].isoformat(),
        latest=edges[1].isoformat(),
    )
