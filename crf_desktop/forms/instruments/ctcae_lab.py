"""CTCAE v4.03 grades suggested from laboratory values (SI units).

Sources (clinical-rules.md section 8): the grade texts of NCI CTCAE v4.03 (``shared/reference/ctcae/``,
section 8.2 [V]) and their executable form in pharmaverse/admiral ``data-raw/adlb_grading/ncictcaev4.json`` @
6eb5125 (section 8.3 [T]): grades are tested from 4 down to 1, the first match wins, anything else is grade 0.

Boundary convention (matches the CTCAE text): ranges include their lower number. For a decrease term,
"Hgb <100 - 80 g/L" is grade 2, so 80 is grade 2 and grade 3 is < 80 (strict <). For an increase term,
"ALT >3.0 - 5.0 × ULN" is grade 2, so exactly 3.0 × ULN is grade 1 (strict >). Proteinuria's ">= 3.5 g/24 h"
and "1.0 - 3.4 g/24 h" are inclusive (grade 2 = 1.0 <= x < 3.5, the clinical-rules.md reading of the gap at
3.4-3.5). Comparisons use exact decimals of the values as entered (1.5 × 17.1 is 25.65, not 25.650000000000002).

Choices documented here:
- LLN / ULN: when a term's criteria use them, they are required (ValueError naming ``lln`` / ``uln``), even if
  the value would reach a higher grade on absolute thresholds alone; admiral returns NA in that case. A limit
  the term does not use is ignored.
- Creatinine increased: ``baseline`` is optional. When given, the "× baseline" arms apply as well (G1 >
  baseline, G2 > 1.5 × baseline, G3 > 3 × baseline); when None only the ULN arms apply. In lupus nephritis
  baseline creatinine may already be above ULN: the SAP decides whether to pass a baseline (clinical-rules.md
  8.3).
- Anemia and Hypoalbuminemia have no numeric grade 4 (grade 4 is clinical); the suggestion stops at 3.
- Proteinuria (g/24 h) is not in admiral; grade 1 is taken as > ULN up to < 1.0 g/24 h (the text gives no
  lower bound). In lupus nephritis proteinuria is the disease under study; the SAP decides whether it is
  AE-graded.
- Hyperglycemia is graded on a fasting glucose (CTCAE v4.03 text).
- Grade 5 (death) is never suggested from a lab value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.arguments import CalculatorInputError

Reference = Literal["absolute", "lln", "uln", "baseline"]


@dataclass(frozen=True, slots=True)
class GradeArm:
    """One criterion: ``value`` compared with ``factor`` × the reference (or ``factor`` itself when absolute)."""

    grade: int
    reference: Reference
    factor: Decimal
    inclusive: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CtcaeLabTerm:
    """A lab-based CTCAE v4.03 term: MedDRA v12.0 code, direction ("low" / "high"), SI unit, criteria."""

    term: str
    meddra_code: int
    direction: Literal["low", "high"]
    unit: str
    arms: tuple[GradeArm, ...]

    @property
    def needs_lln(self) -> bool:
        return any(arm.reference == "lln" for arm in self.arms)

    @property
    def needs_uln(self) -> bool:
        return any(arm.reference == "uln" for arm in self.arms)

    @property
    def uses_baseline(self) -> bool:
        return any(arm.reference == "baseline" for arm in self.arms)

    @property
    def max_numeric_grade(self) -> int:
        return max(arm.grade for arm in self.arms)


def _d(text: str) -> Decimal:
    return Decimal(text)


def _low(term: str, code: int, unit: str, g2: str, g3: str, g4: str | None) -> CtcaeLabTerm:
    arms = [GradeArm(1, "lln", _d("1")), GradeArm(2, "absolute", _d(g2)), GradeArm(3, "absolute", _d(g3))]
    if g4 is not None:
        arms.append(GradeArm(4, "absolute", _d(g4)))
    return CtcaeLabTerm(term=term, meddra_code=code, direction="low", unit=unit, arms=tuple(arms))


def _times_uln(term: str, code: int, unit: str, g2: str, g3: str, g4: str) -> CtcaeLabTerm:
    arms = (
        GradeArm(1, "uln", _d("1")),
        GradeArm(2, "uln", _d(g2)),
        GradeArm(3, "uln", _d(g3)),
        GradeArm(4, "uln", _d(g4)),
    )
    return CtcaeLabTerm(term=term, meddra_code=code, direction="high", unit=unit, arms=arms)


def _above_uln_then_absolute(term: str, code: int, unit: str, g2: str, g3: str, g4: str) -> CtcaeLabTerm:
    arms = (
        GradeArm(1, "uln", _d("1")),
        GradeArm(2, "absolute", _d(g2)),
        GradeArm(3, "absolute", _d(g3)),
        GradeArm(4, "absolute", _d(g4)),
    )
    return CtcaeLabTerm(term=term, meddra_code=code, direction="high", unit=unit, arms=arms)


_TERMS = (
    _low("Anemia", 10002272, "g/L", "100", "80", None),
    _low("White blood cell decreased", 10049182, "10^9/L", "3.0", "2.0", "1.0"),
    _low("Neutrophil count decreased", 10029366, "10^9/L", "1.5", "1.0", "0.5"),
    _low("Lymphocyte count decreased", 10025256, "10^9/L", "0.8", "0.5", "0.2"),
    _low("Platelet count decreased", 10035528, "10^9/L", "75", "50", "25"),
    _low("Hypoalbuminemia", 10020943, "g/L", "30", "20", None),
    _times_uln("Alanine aminotransferase increased", 10001551, "same unit as ULN", "3.0", "5.0", "20.0"),
    _times_uln("Aspartate aminotransferase increased", 10003481, "same unit as ULN", "3.0", "5.0", "20.0"),
    _times_uln("Blood bilirubin increased", 10005364, "same unit as ULN", "1.5", "3.0", "10.0"),
    CtcaeLabTerm(
        term="Creatinine increased",
        meddra_code=10011368,
        direction="high",
        unit="µmol/L",
        arms=(
            GradeArm(1, "uln", _d("1")),
            GradeArm(1, "baseline", _d("1")),
            GradeArm(2, "uln", _d("1.5")),
            GradeArm(2, "baseline", _d("1.5")),
            GradeArm(3, "uln", _d("3.0")),
            GradeArm(3, "baseline", _d("3.0")),
            GradeArm(4, "uln", _d("6.0")),
        ),
    ),
    _above_uln_then_absolute("Hyperkalemia", 10020647, "mmol/L", "5.5", "6.0", "7.0"),
    _above_uln_then_absolute("Hyperglycemia", 10020639, "mmol/L (fasting)", "8.9", "13.9", "27.8"),
    CtcaeLabTerm(
        term="Proteinuria",
        meddra_code=10037032,
        direction="high",
        unit="g/24 h",
        arms=(
            GradeArm(1, "uln", _d("1")),
            GradeArm(2, "absolute", _d("1.0"), inclusive=True),
            GradeArm(3, "absolute", _d("3.5"), inclusive=True),
        ),
    ),
)
CTCAE_VERSION: Final = "4.03"
CTCAE_LAB_TERMS: Final[Mapping[str, CtcaeLabTerm]] = {term.term: term for term in _TERMS}


def ctcae_lab_term(term: str) -> CtcaeLabTerm:
    """The grading criteria of a lab-based term; unknown terms raise ValueError naming ``term``."""
    if not isinstance(term, str) or term not in CTCAE_LAB_TERMS:
        raise CalculatorInputError(
            "term",
            f"term {term!r} is not a CTCAE v4.03 lab term graded here; expected one of {', '.join(CTCAE_LAB_TERMS)}",
        )
    return CTCAE_LAB_TERMS[term]


def _limit(name: str, value: float | None, *, needed: bool, term: str) -> Decimal | None:
    if value is None:
        if needed:
            raise CalculatorInputError(name, f"{name} is required to grade {term!r}, got None")
        return None
    return arguments.positive_exact(name, value) if needed else None


def ctcae_lab_grade(
    term: str,
    value: float,
    *,
    lln: float | None = None,
    uln: float | None = None,
    baseline: float | None = None,
) -> int:
    """Suggested CTCAE v4.03 grade (0-4) of a lab value in SI units: a hint, the investigator grades.

    ``term``: a key of ``CTCAE_LAB_TERMS``, e.g. "Platelet count decreased" (10^9/L), "Anemia" (g/L), "Alanine
    aminotransferase increased" (same unit as ``uln``), "Creatinine increased" (µmol/L). Criteria: NCI CTCAE
    v4.03 (clinical-rules.md section 8.2) as executed by pharmaverse/admiral ``ncictcaev4.json`` (section
    8.3); the boundary convention and the LLN/ULN/baseline choices are in the module docstring.
    """
    criteria = ctcae_lab_term(term)
    amount = arguments.non_negative_exact("value", value)
    references: dict[Reference, Decimal | None] = {
        "absolute": Decimal(1),
        "lln": _limit("lln", lln, needed=criteria.needs_lln, term=criteria.term),
        "uln": _limit("uln", uln, needed=criteria.needs_uln, term=criteria.term),
        "baseline": (
            arguments.positive_exact("baseline", baseline) if criteria.uses_baseline and baseline is not None else None
        ),
    }
    for arm in sorted(criteria.arms, key=lambda arm: -arm.grade):
        reference = references[arm.reference]
        if reference is None:
            continue
        limit = arm.factor * reference
        if criteria.direction == "low":
            hit = amount <= limit if arm.inclusive else amount < limit
        else:
            hit = amount >= limit if arm.inclusive else amount > limit
        if hit:
            return arm.grade
    return 0
