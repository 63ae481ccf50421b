"""Study drug dosing (DESIGN.md section 9; NCT03580291 registry record).

MSC: 2 × 10^6 cells per kg body weight, computed from the weight recorded on the infusion day. MMF: 2.0 g/day
(fixed; recorded, not computed). Both arms are double-dummy and blinded: nothing here knows the arm.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from crf_desktop.forms.instruments import arguments

MSC_CELLS_PER_KG: Final = 2_000_000
MMF_DOSE_G_PER_DAY: Final = Decimal("2.0")


def msc_dose_cells(weight_kg: float) -> int:
    """MSC dose in cells: 2 × 10^6 cells/kg × body weight (DESIGN.md section 9, dosing decision).

    Computed exactly on the weight as entered (70.3 kg → 140,600,000 cells, with no float noise) and rounded
    half up to a whole cell. Weight must be > 0 and <= 500 kg.
    """
    arguments.weight_kg("weight_kg", weight_kg)
    cells = arguments.exact("weight_kg", weight_kg) * MSC_CELLS_PER_KG
    return int(cells.to_integral_value(rounding=ROUND_HALF_UP))
