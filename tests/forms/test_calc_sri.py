"""SRI-4 and PhGA (crf_desktop.forms.instruments.sri, .pga).

Definition: Furie RA et al. Arthritis Rheum 2009;61:1143-51 ([V] abstract) with DESIGN.md section 9's operational
conventions (clinical-rules.md section 5): SLEDAI-2K down by >= 4; no new BILAG A; <= 1 new BILAG B; PhGA not
worse by >= 0.3, compared in tenths (clinical-rules.md section 2: 2.0 - 1.7 must not become 0.30000000000000004).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import sri_4
from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.instruments.pga import pga_change_tenths, pga_tenths, pga_worsened
from crf_desktop.forms.instruments.sri import sri_4_components


def grades(default: str = "D", **overrides: str) -> dict[str, str]:
    return {system: overrides.get(system, default) for system in BILAG_SYSTEMS}


BASELINE = grades("D", renal="A", mucocutaneous="C", haematological="C", musculoskeletal="E")


def responder_kwargs(**overrides: Any) -> dict[str, Any]:
    """A clear responder: SLEDAI 12 → 4, renal A → C, nothing new, PhGA 1.7 → 1.0."""
    kwargs: dict[str, Any] = {
        "sledai_baseline": 12,
        "sledai_visit": 4,
        "bilag_baseline": BASELINE,
        "bilag_visit": BASELINE | {"renal": "C"},
        "pga_baseline": 1.7,
        "pga_visit": 1.0,
    }
    return kwargs | overrides


def test_clear_responder() -> None:
    assert sri_4(**responder_kwargs()) is True


@pytest.mark.parametrize(("visit", "expected"), [(8, True), (9, False), (0, True), (12, False), (16, False)])
def test_sledai_reduction_of_4(visit: int, expected: bool) -> None:
    """12 → 8 is a reduction of exactly 4 (responds); 12 → 9 is 3 (does not)."""
    assert sri_4(**responder_kwargs(sledai_visit=visit)) is expected


def test_one_new_bilag_b_is_allowed_two_are_not() -> None:
    one = BASELINE | {"renal": "C", "mucocutaneous": "B"}
    two = one | {"haematological": "B"}
    assert sri_4(**responder_kwargs(bilag_visit=one)) is True
    assert sri_4(**responder_kwargs(bilag_visit=two)) is False
    assert sri_4_components(**responder_kwargs(bilag_visit=two)).new_bilag_b == ("mucocutaneous", "haematological")


def test_a_to_b_is_improvement_not_a_new_b() -> None:
    visit = BASELINE | {"renal": "B", "mucocutaneous": "B"}  # renal A → B (not new), mucocutaneous C → B (new)
    assert sri_4(**responder_kwargs(bilag_visit=visit)) is True


def test_new_bilag_a_fails_and_persisting_a_does_not_count_as_new() -> None:
    new_a = BASELINE | {"renal": "C", "musculoskeletal": "A"}  # E → A
    assert sri_4(**responder_kwargs(bilag_visit=new_a)) is False
    persisting = BASELINE  # renal stays A: not new
    assert sri_4(**responder_kwargs(bilag_visit=persisting)) is True


@pytest.mark.parametrize(
    ("baseline", "visit", "expected"),
    [
        (1.7, 2.0, False),  # +0.3: worsening (2.0 - 1.7 is 0.30000000000000004 in floats, 3 tenths here)
        (1.7, 1.9, True),  # +0.2: not worsening
        (0.1, 0.4, False),  # 0.4 - 0.1 == 0.30000000000000004 in floats
        (0.7, 1.0, False),  # 1.0 - 0.7 == 0.30000000000000004
        (0.6, 0.9, False),  # 0.9 - 0.6 == 0.30000000000000004
        (1.0, 1.2, True),
        (2.5, 3.0, False),
        (3.0, 0.0, True),
    ],
)
def test_pga_worsening_in_tenths(baseline: float, visit: float, expected: bool) -> None:
    kwargs = responder_kwargs(pga_baseline=baseline, pga_visit=visit)
    assert sri_4(**kwargs) is expected
    assert pga_worsened(baseline, visit) is not expected


def test_pga_tenths() -> None:
    assert pga_tenths(1.7) == 17
    assert pga_tenths(Decimal("2.0")) == 20
    assert pga_tenths(3) == 30
    assert pga_tenths(1.75) == 18  # more than one decimal: rounded half up to tenths (clinical-rules.md §2)
    assert pga_change_tenths(1.7, 2.0) == 3


@pytest.mark.parametrize(
    ("overrides", "argument"),
    [
        ({"sledai_baseline": -1}, "sledai_baseline"),
        ({"sledai_baseline": 106}, "sledai_baseline"),
        ({"sledai_visit": 4.0}, "sledai_visit"),
        ({"sledai_visit": None}, "sledai_visit"),
        ({"pga_baseline": 3.1}, "pga_baseline"),
        ({"pga_visit": -0.1}, "pga_visit"),
        ({"pga_visit": None}, "pga_visit"),
        ({"bilag_baseline": BASELINE | {"renal": "X"}}, "bilag_baseline"),
        ({"bilag_visit": {"renal": "A"}}, "bilag_visit"),
        ({"bilag_visit": BASELINE | {"skin": "A"}}, "bilag_visit"),
    ],
)
def test_impossible_or_missing_input_is_refused(overrides: dict[str, Any], argument: str) -> None:
    with pytest.raises(ValueError) as caught:
        sri_4(**responder_kwargs(**overrides))
    assert argument in str(caught.value)


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        sri_4(12, 4, BASELINE, BASELINE, 1.7, 1.0)  # type: ignore[call-arg]


tenths = st.integers(min_value=0, max_value=30)


@given(baseline=tenths, visit=tenths)
def test_pga_component_matches_integer_tenths(baseline: int, visit: int) -> None:
    """For every pair of one-decimal values, worsening iff the change in tenths is >= 3."""
    b, v = baseline / 10, visit / 10
    assert pga_worsened(b, v) is (visit - baseline >= 3)
