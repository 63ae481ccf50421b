"""MSC dose (crf_desktop.forms.instruments.dosing): 2 × 10^6 cells/kg (DESIGN.md section 9, dosing)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import msc_dose_cells


@pytest.mark.parametrize(
    ("weight", "cells"),
    [
        (50, 100_000_000),
        (62.5, 125_000_000),
        (70.3, 140_600_000),  # 2e6 * 70.3 is 140600000.00000003 in floats; the result is exact
        (Decimal("58.15"), 116_300_000),
        (0.0000005, 1),  # 1.0 cell exactly
        (0.00000025, 1),  # 0.5 cell rounds half up
    ],
)
def test_msc_dose_hand_computed(weight: float, cells: int) -> None:
    dose = msc_dose_cells(weight)
    assert dose == cells
    assert type(dose) is int


@pytest.mark.parametrize("weight", [0, -1, 500.1, float("nan"), "70", None, True])
def test_msc_dose_refuses_impossible_weight(weight: object) -> None:
    with pytest.raises(ValueError, match="weight_kg") as caught:
        msc_dose_cells(weight)  # type: ignore[arg-type]
    assert "weight_kg" in str(caught.value)


@given(st.decimals(min_value=Decimal("0.1"), max_value=500, places=1))
def test_msc_dose_is_exactly_two_million_per_kg_at_one_decimal(weight: Decimal) -> None:
    assert msc_dose_cells(float(weight)) == int(weight * 2_000_000)
