"""Argument checks shared by the calculators: impossible input is refused, never guessed at.

Every refusal is a :class:`CalculatorInputError`, a ``ValueError`` (the contract of DESIGN.md section 9) that
is also a :class:`~crf_desktop.core.errors.UserInputError` (so the CLI prints it instead of a traceback) and
carries the name of the offending argument in ``argument`` and in its message.
"""

from __future__ import annotations

import math
from decimal import Decimal

from crf_desktop.core.errors import UserInputError

# Plausibility limits for a person: beyond these the value is not unusual, it is impossible (a typo or a unit
# mix-up). Expected ranges that only warn belong to the form declarations, not here.
AGE_YEARS_MAX = 120
WEIGHT_KG_MAX = 500


class CalculatorInputError(UserInputError, ValueError):
    """Impossible input to a calculator; ``argument`` names the offending argument."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message)
        self.argument = argument


def _describe(value: object) -> str:
    return repr(value)


def real(name: str, value: object) -> float:
    """``value`` as a finite float; refuses bools, strings, None, NaN and infinities."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise CalculatorInputError(name, f"{name} must be a number, got {_describe(value)}")
    result = float(value)
    if not math.isfinite(result):
        raise CalculatorInputError(name, f"{name} must be a finite number, got {_describe(value)}")
    return result


def exact(name: str, value: object) -> Decimal:
    """``value`` as an exact Decimal of the number as written.

    A float becomes the Decimal of its shortest repr (``0.1`` → ``Decimal("0.1")``), so thresholds are decided
    on the value a person entered, not on binary floating-point noise (``88.4 * 1.1 == 97.24000000000001``).
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise CalculatorInputError(name, f"{name} must be a number, got {_describe(value)}")
    result = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not result.is_finite():
        raise CalculatorInputError(name, f"{name} must be a finite number, got {_describe(value)}")
    return result


def positive(name: str, value: object) -> float:
    """A finite number > 0."""
    result = real(name, value)
    if result <= 0:
        raise CalculatorInputError(name, f"{name} must be > 0, got {value}")
    return result


def positive_exact(name: str, value: object) -> Decimal:
    """A finite number > 0, as an exact Decimal."""
    result = exact(name, value)
    if result <= 0:
        raise CalculatorInputError(name, f"{name} must be > 0, got {value}")
    return result


def non_negative_exact(name: str, value: object) -> Decimal:
    """A finite number >= 0, as an exact Decimal."""
    result = exact(name, value)
    if result < 0:
        raise CalculatorInputError(name, f"{name} must be >= 0, got {value}")
    return result


def age_years(name: str, value: object) -> float:
    """An age in years: > 0 and <= AGE_YEARS_MAX."""
    result = positive(name, value)
    if result > AGE_YEARS_MAX:
        raise CalculatorInputError(name, f"{name} must be <= {AGE_YEARS_MAX}, got {value}")
    return result


def weight_kg(name: str, value: object) -> float:
    """A body weight in kg: > 0 and <= WEIGHT_KG_MAX."""
    result = positive(name, value)
    if result > WEIGHT_KG_MAX:
        raise CalculatorInputError(name, f"{name} must be <= {WEIGHT_KG_MAX} kg, got {value}")
    return result


def sex(name: str, value: object) -> str:
    """Sex as recorded: exactly ``"F"`` or ``"M"``."""
    if value not in ("F", "M") or not isinstance(value, str):
        raise CalculatorInputError(name, f'{name} must be "F" or "M", got {_describe(value)}')
    return value


def integer(name: str, value: object, *, low: int, high: int) -> int:
    """An int (not a bool) in ``low..high`` inclusive."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalculatorInputError(name, f"{name} must be a whole number, got {_describe(value)}")
    if not low <= value <= high:
        raise CalculatorInputError(name, f"{name} must be between {low} and {high}, got {value}")
    return value


def flag(name: str, value: object) -> bool:
    """A bool, refusing truthy stand-ins such as 1, "yes" or None."""
    if not isinstance(value, bool):
        raise CalculatorInputError(name, f"{name} must be True or False, got {_describe(value)}")
    return value
