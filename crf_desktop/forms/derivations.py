"""Small pure computations behind derived fields (age, BMI, criteria counts).

The clinical instruments (eGFR, HAQ-DI, SLEDAI-2K, ...) live in :mod:`crf_desktop.forms.calculators`; these are
the plain arithmetic the first forms need. Impossible input raises ``ValueError`` naming the argument, which
validation turns into an informational issue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def age_in_years(born: date, on: date) -> int:
    """Completed years of age on ``on`` (a 29 February birthday counts on 1 March in common years)."""
    if on < born:
        raise ValueError(f"on ({on.isoformat()}) is before born ({born.isoformat()})")
    before_birthday = (on.month, on.day) < (born.month, born.day)
    return on.year - born.year - (1 if before_birthday else 0)


def bmi(height_cm: Decimal, weight_kg: Decimal) -> Decimal:
    """Body-mass index in kg/m², rounded half up to one decimal: weight / (height in metres)²."""
    if height_cm <= 0:
        raise ValueError(f"height_cm must be positive, not {height_cm}")
    if weight_kg <= 0:
        raise ValueError(f"weight_kg must be positive, not {weight_kg}")
    metres = height_cm / Decimal(100)
    return (weight_kg / (metres * metres)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def count_yes(answers: Iterable[str | None]) -> int | None:
    """How many answers are ``Y``; ``None`` when any answer is missing (a partial count would mislead)."""
    answered = list(answers)
    if any(answer is None for answer in answered):
        return None
    return sum(1 for answer in answered if answer == "Y")
