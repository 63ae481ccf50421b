"""BILAG-2004: system grades A-E recorded by the physician, and the numerical score computed from them.

Sources (clinical-rules.md section 4): Isenberg DA et al. Rheumatology 2005;44:902-6 (the index); Yee CS et
al. Rheumatology 2010;49:1665-9 (numerical scoring, [V] abstract): A = 12, B = 8, C = 1, D = 0, E = 0, summed
over the 9 systems (0-108); the Classic-BILAG codings (A=12/B=5/C=1, A=9/B=3/C=1) are not used. Yee CS et al.
Arthritis Rheum 2007;56:4113-9: the overall BILAG-2004 score is the highest grade in any system.

The item → grade algorithm is not implemented: the official scoring guide could not be verified (section
4.5-4.8), so the physician records each system grade (DESIGN.md section 9).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from crf_desktop.forms.instruments.arguments import CalculatorInputError

BILAG_SYSTEMS: Final = (
    "constitutional",
    "mucocutaneous",
    "neuropsychiatric",
    "musculoskeletal",
    "cardiorespiratory",
    "gastrointestinal",
    "ophthalmic",
    "renal",
    "haematological",
)
BILAG_SYSTEM_LABELS: Final = {
    "constitutional": "Constitutional",
    "mucocutaneous": "Mucocutaneous",
    "neuropsychiatric": "Neuropsychiatric",
    "musculoskeletal": "Musculoskeletal",
    "cardiorespiratory": "Cardiorespiratory",
    "gastrointestinal": "Gastrointestinal",
    "ophthalmic": "Ophthalmic",
    "renal": "Renal",
    "haematological": "Haematological",
}
BILAG_GRADES: Final = ("A", "B", "C", "D", "E")
BILAG_GRADE_SCORES: Final = {"A": 12, "B": 8, "C": 1, "D": 0, "E": 0}
BILAG_GRADE_MEANINGS: Final = {
    "A": "Severe disease activity needing disease-modifying treatment",
    "B": "Moderate activity needing lower-dose steroids, topical steroids, antimalarials or NSAIDs",
    "C": "Mild, stable disease",
    "D": "Inactive now, previously affected",
    "E": "System never affected",
}
BILAG_NUMERIC_MAX: Final = BILAG_GRADE_SCORES["A"] * len(BILAG_SYSTEMS)


def bilag_grades(grades: Mapping[str, str], *, argument: str = "grades") -> dict[str, str]:
    """Check a full set of system grades: all 9 systems, each exactly one of "A".."E"; returns a plain dict.

    A missing system is refused rather than counted as 0, which would understate the score.
    """
    if not isinstance(grades, Mapping):
        raise CalculatorInputError(argument, f"{argument} must be a mapping of system to grade, got {grades!r}")
    for system, grade in grades.items():
        if system not in BILAG_SYSTEM_LABELS:
            raise CalculatorInputError(
                argument,
                f"{argument} has unknown BILAG-2004 system {system!r}; expected one of {', '.join(BILAG_SYSTEMS)}",
            )
        if not isinstance(grade, str) or grade not in BILAG_GRADE_SCORES:
            raise CalculatorInputError(
                argument, f"{argument}[{system!r}] must be a BILAG grade A, B, C, D or E, got {grade!r}"
            )
    missing = [system for system in BILAG_SYSTEMS if system not in grades]
    if missing:
        raise CalculatorInputError(argument, f"{argument} is missing BILAG-2004 systems: {', '.join(missing)}")
    return {system: grades[system] for system in BILAG_SYSTEMS}


def bilag_2004_numeric(grades: Mapping[str, str]) -> int:
    """BILAG-2004 numerical score (0-108): sum over the 9 systems of A=12, B=8, C=1, D=0, E=0.

    Source: Yee CS et al. Rheumatology 2010;49:1665-9 (clinical-rules.md section 4.4). ``grades``: {system:
    "A".."E"} for all 9 systems of ``BILAG_SYSTEMS``.
    """
    return sum(BILAG_GRADE_SCORES[grade] for grade in bilag_grades(grades).values())


def bilag_overall_grade(grades: Mapping[str, str]) -> str:
    """The overall BILAG-2004 grade: the highest (most active) grade in any system (Yee 2007, section 4.4)."""
    return min(bilag_grades(grades).values())


def new_bilag_a(baseline: Mapping[str, str], visit: Mapping[str, str]) -> tuple[str, ...]:
    """Systems graded A at the visit that were not A at baseline (SRI convention, clinical-rules.md section
    5).
    """
    before = bilag_grades(baseline, argument="bilag_baseline")
    now = bilag_grades(visit, argument="bilag_visit")
    return tuple(system for system in BILAG_SYSTEMS if now[system] == "A" and before[system] != "A")


def new_bilag_b(baseline: Mapping[str, str], visit: Mapping[str, str]) -> tuple[str, ...]:
    """Systems graded B at the visit that were C, D or E at baseline (A → B is improvement, not new; section
    5).
    """
    before = bilag_grades(baseline, argument="bilag_baseline")
    now = bilag_grades(visit, argument="bilag_visit")
    return tuple(system for system in BILAG_SYSTEMS if now[system] == "B" and before[system] in ("C", "D", "E"))
