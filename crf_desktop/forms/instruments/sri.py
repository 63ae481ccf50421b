"""SRI-4, the SLE Responder Index with a 4-point SLEDAI-2K threshold.

Source: Furie RA et al. Arthritis Rheum 2009;61:1143-51 ([V] abstract; clinical-rules.md section 5) with the
operational conventions of DESIGN.md section 9: SRI-4 = SLEDAI-2K down by >= 4 from baseline, and no new BILAG
A (A now, not A at baseline), and at most one new BILAG B (B now, C/D/E at baseline), and PhGA not worse by >=
0.3 (compared in tenths). The SLEDAI component is SLEDAI-2K (the SRI(S2K) variant).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from crf_desktop.forms.instruments import arguments, bilag, pga, sledai

SRI_SLEDAI_REDUCTION: Final = 4
SRI_MAX_NEW_BILAG_B: Final = 1


@dataclass(frozen=True, slots=True)
class Sri4Result:
    """SRI-4 and its three components, for printing next to the verdict."""

    sledai_reduction: int
    new_bilag_a: tuple[str, ...]
    new_bilag_b: tuple[str, ...]
    pga_change_tenths: int

    @property
    def sledai_met(self) -> bool:
        return self.sledai_reduction >= SRI_SLEDAI_REDUCTION

    @property
    def bilag_met(self) -> bool:
        return not self.new_bilag_a and len(self.new_bilag_b) <= SRI_MAX_NEW_BILAG_B

    @property
    def pga_met(self) -> bool:
        return self.pga_change_tenths < pga.SRI_WORSENING_TENTHS

    @property
    def responder(self) -> bool:
        return self.sledai_met and self.bilag_met and self.pga_met


def sri_4_components(
    *,
    sledai_baseline: int,
    sledai_visit: int,
    bilag_baseline: Mapping[str, str],
    bilag_visit: Mapping[str, str],
    pga_baseline: float,
    pga_visit: float,
) -> Sri4Result:
    """The SRI-4 components (see :func:`sri_4`); same arguments, same refusals."""
    before = arguments.integer("sledai_baseline", sledai_baseline, low=0, high=sledai.SLEDAI_MAX)
    now = arguments.integer("sledai_visit", sledai_visit, low=0, high=sledai.SLEDAI_MAX)
    return Sri4Result(
        sledai_reduction=before - now,
        new_bilag_a=bilag.new_bilag_a(bilag_baseline, bilag_visit),
        new_bilag_b=bilag.new_bilag_b(bilag_baseline, bilag_visit),
        pga_change_tenths=pga.pga_change_tenths(pga_baseline, pga_visit),
    )


def sri_4(
    *,
    sledai_baseline: int,
    sledai_visit: int,
    bilag_baseline: Mapping[str, str],
    bilag_visit: Mapping[str, str],
    pga_baseline: float,
    pga_visit: float,
) -> bool:
    """SRI-4 responder: SLEDAI-2K down by >= 4, no new BILAG A, <= 1 new BILAG B, PhGA not worse by >= 0.3.

    Furie RA et al. Arthritis Rheum 2009;61:1143-51; DESIGN.md section 9; clinical-rules.md section 5.
    SLEDAI-2K totals are ints 0-105; BILAG grades {system: "A".."E"} for all 9 systems; PhGA 0-3, compared in
    tenths (1.7 → 2.0 is worsening, 1.7 → 1.9 is not). Missing data is refused (ValueError), not scored as a
    non-response: the caller reports the subject as not evaluable.
    """
    return sri_4_components(
        sledai_baseline=sledai_baseline,
        sledai_visit=sledai_visit,
        bilag_baseline=bilag_baseline,
        bilag_visit=bilag_visit,
        pga_baseline=pga_baseline,
        pga_visit=pga_visit,
    ).responder
