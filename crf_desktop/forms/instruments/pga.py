"""Physician Global Assessment (PhGA) of SLE activity, 0-3 with one decimal.

Sources (clinical-rules.md section 2): 0-3 on a 10-cm line (ARD review table); SRI rule "no deterioration from
baseline in the physician's global assessment by >= 0.3 points" (Furie RA et al. Arthritis Rheum
2009;61:1143). Changes are compared in integer tenths, never as raw floats (DESIGN.md section 9): 2.0 - 1.7 is
3 tenths, not 0.30000000000000004.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.arguments import CalculatorInputError

PGA_MIN: Final = Decimal(0)
PGA_MAX: Final = Decimal(3)
SRI_WORSENING_TENTHS: Final = 3
PGA_ANCHORS: Final = {0: "none", 1: "mild", 2: "moderate", 3: "severe"}


def pga_tenths(value: float | Decimal, *, argument: str = "pga") -> int:
    """A PhGA value (0-3) as whole tenths: 1.7 → 17.

    A value with more than one decimal (e.g. from a 100-mm line, mm × 3/100) is rounded half up to one decimal
    first, as clinical-rules.md section 2 says ("compute the change on values rounded to 0.1").
    """
    exact = arguments.exact(argument, value)
    if not PGA_MIN <= exact <= PGA_MAX:
        raise CalculatorInputError(argument, f"{argument} must be between 0 and 3, got {value}")
    return int((exact * 10).to_integral_value(rounding=ROUND_HALF_UP))


def pga_change_tenths(baseline: float | Decimal, visit: float | Decimal) -> int:
    """PhGA change from baseline in tenths (positive = worse)."""
    return pga_tenths(visit, argument="pga_visit") - pga_tenths(baseline, argument="pga_baseline")


def pga_worsened(baseline: float | Decimal, visit: float | Decimal) -> bool:
    """True when PhGA rose by >= 0.3 (the SRI exclusion; Furie 2009): 1.7 → 2.0 is, 1.7 → 1.9 is not."""
    return pga_change_tenths(baseline, visit) >= SRI_WORSENING_TENTHS
