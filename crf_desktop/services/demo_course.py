"""What every demo generator is told: the subject (with the course their lupus nephritis takes) and the occasion.

A subject's course is one of :data:`COMPLETE`, :data:`PARTIAL` or :data:`NONE` (KDIGO 2012 renal response by
week 12/24, DESIGN.md section 9). The laboratory course below is a pure function of the subject, the week and
the random source, so the labs, SLEDAI-2K, BILAG-2004 and PhGA of one visit tell the same story.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from random import Random

COMPLETE, PARTIAL, NONE = "complete", "partial", "none"

#: The laboratory's reference limits the demo assumes (C3, C4 lower limits; anti-dsDNA cut-off).
C3_LLN, C4_LLN, DSDNA_CUTOFF = 0.9, 0.1, 100.0


@dataclass(frozen=True, kw_only=True)
class DemoSubject:
    initials: str
    sex: str  # "F" or "M"
    birth: date
    childbearing: bool
    height_cm: float
    weight_kg: float
    response: str = NONE  # COMPLETE, PARTIAL or NONE: the renal course after baseline
    upcr0: float = 3.0  # g/g at baseline
    scr0: float = 90.0  # µmol/L at baseline
    number: int = 0  # order of randomisation (1, 2, ...): kit numbers MSC-0001 / MMF-0001; 0 = not randomised
    screen_fail_scr: float | None = None  # a screening creatinine that excludes (exclusion 7)


@dataclass(frozen=True, kw_only=True)
class Occasion:
    """One visit of one subject: its code and date, the week (0 at screening and baseline), the baseline date
    (planned while screening), and the date of the next visit attended or of the end (kit returns), if any."""

    visit: str
    day: date
    week: int = 0
    baseline: date | None = None
    next_day: date | None = None
    events: frozenset[str] = frozenset()  # story events at this visit: "reaction", "hospitalised", "leukopenia"


Generator = Callable[[DemoSubject, Occasion, Random], dict[str, str]]


def kit_numbers(number: int) -> tuple[str, str]:
    """The subject's MSC and MMF kit numbers, from the order of randomisation: ("MSC-0001", "MMF-0001")."""
    return f"MSC-{number:04d}", f"MMF-{number:04d}"


@dataclass(frozen=True, kw_only=True)
class LabCourse:
    """The values that carry the story at one visit (the rest of the labs are ordinary)."""

    upcr: float
    scr: float
    albumin: float
    c3: float
    c4: float
    dsdna: float
    rbc: int
    casts: bool
    wbc: float

    @property
    def proteinuria(self) -> bool:  # SLEDAI-2K: > 0.5 g/24 h (the UPCR stands in for it)
        return self.upcr > 0.5

    @property
    def low_complement(self) -> bool:
        return self.c3 < C3_LLN or self.c4 < C4_LLN

    @property
    def dna_binding(self) -> bool:
        return self.dsdna >= DSDNA_CUTOFF


#: UPCR as a fraction of baseline at weeks 4, 8, 12, 16, 20, 24.
_UPCR_FRACTION = {
    COMPLETE: (0.55, 0.3, 0.1, 0.08, 0.07, 0.06),
    PARTIAL: (0.8, 0.6, 0.42, 0.38, 0.35, 0.33),
    NONE: (0.95, 0.9, 0.85, 0.9, 0.85, 0.88),
}
_SCR_FACTOR = {COMPLETE: (0.92, 1.04), PARTIAL: (1.0, 1.1), NONE: (1.04, 1.15)}


def lab_course(subject: DemoSubject, occasion: Occasion) -> LabCourse:
    """The story values at one visit: active nephritis at screening and baseline, then better for responders
    (complete: UPCR < 0.5 g/g from week 12; partial: down ≥ 50 % to ≥ 0.6 g/g), not for the others.

    Seeded by subject and visit, so every form of the visit (labs, SLEDAI-2K, BILAG-2004) reads the same values.
    """
    rng = Random(f"{subject.initials}/{occasion.visit}")
    week = occasion.week
    if occasion.visit in ("screening", "baseline"):
        scr = subject.screen_fail_scr or subject.scr0 * rng.uniform(0.97, 1.03)
        return LabCourse(upcr=subject.upcr0 * rng.uniform(0.95, 1.05), scr=scr, albumin=rng.uniform(25, 35),
                         c3=rng.uniform(0.45, 0.75), c4=rng.uniform(0.04, 0.09), dsdna=rng.uniform(150, 420),
                         rbc=rng.randint(12, 60), casts=True, wbc=rng.uniform(3.6, 6.5))
    step = max(0, min(week // 4, 6) - 1)
    better = {COMPLETE: 1.0, PARTIAL: 0.6, NONE: 0.1}[subject.response] * min(1.0, week / 12)
    upcr = subject.upcr0 * _UPCR_FRACTION[subject.response][step]
    if subject.response == COMPLETE and week >= 12:
        upcr = min(upcr, rng.uniform(0.2, 0.4))
    if subject.response == PARTIAL:
        upcr = max(upcr, 0.6)
    low, high = _SCR_FACTOR[subject.response]
    return LabCourse(
        upcr=upcr, scr=subject.scr0 * rng.uniform(low, high), albumin=rng.uniform(28, 33) + 9 * better,
        c3=rng.uniform(0.5, 0.7) + 0.45 * better, c4=rng.uniform(0.05, 0.08) + 0.09 * better,
        dsdna=rng.uniform(180, 380) * (1 - 0.85 * better), rbc=max(1, int(rng.randint(10, 40) * (1 - better))),
        casts=better < 0.5, wbc=2.6 if "leukopenia" in occasion.events else rng.uniform(4.0, 7.5),
    )
