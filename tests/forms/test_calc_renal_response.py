"""Renal response (crf_desktop.forms.instruments.renal_response).

Default rule set "KDIGO 2012" exactly as DESIGN.md section 9 operationalises it (clinical-rules.md section 6.1):
complete = UPCR < 0.5 g/g and creatinine <= 110 % of baseline; partial = not complete, UPCR down >= 50 % (and
< 3.0 g/g when baseline >= 3.0 g/g) and creatinine <= 125 % of baseline; otherwise none. Other rule sets:
clinical-rules.md sections 6.2-6.6. Expected values are hand-computed on both sides of each threshold.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import renal_response
from crf_desktop.forms.instruments.renal_response import (
    DEFAULT_RENAL_RESPONSE_DEFINITION,
    KDIGO_2012,
    RENAL_RESPONSE_DEFINITIONS,
    RenalResponseDefinition,
    RenalResponseResult,
    assess_renal_response,
)


def rr(upcr_bl: float, upcr: float, cr_bl: float, cr: float, definition: str = "KDIGO 2012") -> str:
    return renal_response(
        upcr_baseline_g_g=upcr_bl,
        upcr_g_g=upcr,
        creatinine_baseline_umol_l=cr_bl,
        creatinine_umol_l=cr,
        definition=definition,
    )


def test_default_is_kdigo_2012() -> None:
    assert DEFAULT_RENAL_RESPONSE_DEFINITION == "KDIGO 2012"
    assert (
        renal_response(upcr_baseline_g_g=2.0, upcr_g_g=0.3, creatinine_baseline_umol_l=80, creatinine_umol_l=80)
        == "complete"
    )


@pytest.mark.parametrize(
    ("upcr", "expected"),
    [(0.49, "complete"), (0.5, "partial"), (0.51, "partial")],  # baseline 2.0: 0.5 and 0.51 are >= 50 % down
)
def test_complete_upcr_threshold_is_strictly_below_0_5(upcr: float, expected: str) -> None:
    assert rr(2.0, upcr, 80, 80) == expected


@pytest.mark.parametrize(
    ("creatinine", "expected"),
    [(110, "complete"), (110.1, "partial"), (125, "partial"), (125.1, "none")],
)
def test_creatinine_110_and_125_percent_at_baseline_100(creatinine: float, expected: str) -> None:
    assert rr(2.0, 0.3, 100, creatinine) == expected


def test_exactly_110_percent_is_decided_exactly() -> None:
    """88.4 × 1.1 = 97.24 exactly, but 97.24000000000001 in floats: 97.24 must still be complete."""
    assert 88.4 * 1.1 != 97.24
    assert rr(2.0, 0.3, 88.4, 97.24) == "complete"
    assert rr(2.0, 0.3, 88.4, 97.25) == "partial"
    # and 33 / 30 * 100 == 110.00000000000001 in floats: 33 is exactly 110 % of 30
    assert 33.0 / 30.0 * 100 > 110
    assert rr(2.0, 0.3, 30.0, 33.0) == "complete"
    # 125 % of 70.7 = 88.375
    assert rr(2.0, 1.0, 70.7, 88.375) == "partial"
    assert rr(2.0, 1.0, 70.7, 88.376) == "none"


@pytest.mark.parametrize(
    ("baseline", "upcr", "expected"),
    [
        (2.4, 1.2, "partial"),  # exactly 50 % down
        (2.4, 1.21, "none"),  # 49.6 % down
        (1.1, 0.55, "partial"),  # exactly 50 %
        (1.1, 0.56, "none"),
    ],
)
def test_upcr_halving(baseline: float, upcr: float, expected: str) -> None:
    assert rr(baseline, upcr, 80, 80) == expected


@pytest.mark.parametrize(
    ("baseline", "upcr", "expected"),
    [
        (6.2, 2.9, "partial"),  # nephrotic baseline, down >= 50 %, < 3.0
        (6.2, 3.0, "none"),  # down >= 50 % but not < 3.0 g/g
        (6.2, 3.1, "none"),  # 50 % of 6.2 = 3.1, but still >= 3.0
        (3.0, 1.5, "partial"),  # baseline exactly 3.0 counts as nephrotic; 1.5 < 3.0
        (2.9, 1.45, "partial"),  # non-nephrotic baseline: only the halving applies
    ],
)
def test_nephrotic_baseline_rule(baseline: float, upcr: float, expected: str) -> None:
    assert rr(baseline, upcr, 80, 80) == expected


def test_nephrotic_rule_applies_only_from_baseline_3_0() -> None:
    """With baseline >= 3.0 the visit must be < 3.0; below 3.0 baseline the rule is silent (DESIGN.md §9)."""
    rules = KDIGO_2012
    assert rules.partial_nephrotic_only_if_baseline_nephrotic
    assert rules.partial_nephrotic_g_g == Decimal("3.0")


def test_complete_needs_creatinine_too_and_falls_back_to_partial_or_none() -> None:
    assert rr(4.0, 0.2, 100, 120) == "partial"  # UPCR complete-level, creatinine 120 %: partial
    assert rr(4.0, 0.2, 100, 130) == "none"  # creatinine 130 %: none


# --- other rule sets ---------------------------------------------------------------------------------------
def test_named_definitions_have_printable_descriptions() -> None:
    assert set(RENAL_RESPONSE_DEFINITIONS) == {
        "KDIGO 2012",
        "EULAR/ERA-EDTA 2012",
        "ACR 2006",
        "Dutch SLE Working Group",
        "KDIGO 2024",
        "Liu 2015 multitarget",
    }
    for name, definition in RENAL_RESPONSE_DEFINITIONS.items():
        assert definition.name == name
        assert definition.description.startswith(name)
        assert "\n" not in definition.description
        assert definition.source


def test_eular_2012() -> None:
    """Section 6.2: PR needs >= 50 % reduction to sub-nephrotic levels and creatinine within 10 %."""
    assert rr(2.0, 0.4, 100, 110, "EULAR/ERA-EDTA 2012") == "complete"
    assert rr(2.0, 0.8, 100, 110, "EULAR/ERA-EDTA 2012") == "partial"
    assert rr(2.0, 0.8, 100, 115, "EULAR/ERA-EDTA 2012") == "none"  # 115 % is partial under KDIGO 2012
    assert rr(2.0, 0.8, 100, 115) == "partial"


def test_dutch_working_group_strict_halving_and_25_percent() -> None:
    """Section 6.4: ">50 % reduction" is strict; SCr within 25 % for CR and PR."""
    assert rr(2.0, 0.4, 100, 125, "Dutch SLE Working Group") == "complete"
    assert rr(2.0, 1.0, 100, 100, "Dutch SLE Working Group") == "none"  # exactly 50 %: not > 50 %
    assert rr(2.0, 0.99, 100, 100, "Dutch SLE Working Group") == "partial"
    assert rr(2.0, 1.0, 100, 100) == "partial"  # KDIGO 2012: >= 50 %


def test_kdigo_2024() -> None:
    assert rr(2.0, 0.4, 100, 115, "KDIGO 2024") == "complete"
    assert rr(2.0, 0.4, 100, 116, "KDIGO 2024") == "none"


def test_acr_2006_needs_sediment_through_the_rich_function() -> None:
    """Section 6.3: CR UPCR < 0.2 with inactive sediment; PR >= 50 % to <= 2.0 g/g."""
    with pytest.raises(ValueError, match="definition") as caught:
        rr(2.0, 0.1, 80, 80, "ACR 2006")
    assert "sediment_active" in str(caught.value)

    def acr(upcr_bl: float, upcr: float, sediment: bool | None) -> RenalResponseResult:
        return assess_renal_response(
            upcr_baseline_g_g=upcr_bl,
            upcr_g_g=upcr,
            creatinine_baseline_umol_l=80,
            creatinine_umol_l=80,
            sediment_active=sediment,
            definition="ACR 2006",
        )

    assert acr(2.0, 0.19, False).category == "complete"
    assert acr(2.0, 0.2, False).category == "partial"
    assert acr(2.0, 0.19, True).category == "none"
    assert acr(5.0, 2.0, False).category == "partial"
    assert acr(5.0, 2.1, False).category == "none"
    not_evaluable = acr(2.0, 0.19, None)
    assert not not_evaluable.evaluable
    assert not_evaluable.missing == ("sediment_active",)


def test_liu_2015_needs_albumin_and_sediment() -> None:
    def liu(upcr: float, albumin: float | None, sediment: bool | None) -> RenalResponseResult:
        return assess_renal_response(
            upcr_baseline_g_g=3.6,
            upcr_g_g=upcr,
            creatinine_baseline_umol_l=80,
            creatinine_umol_l=92,  # 115 %
            albumin_g_l=albumin,
            sediment_active=sediment,
            definition="Liu 2015 multitarget",
        )

    assert liu(0.4, 35, False).category == "complete"  # <= 0.4 inclusive, albumin >= 35
    assert liu(0.4, 34.9, False).category == "partial"
    assert liu(1.8, 30, True).category == "partial"
    assert liu(1.8, 29.9, False).category == "none"
    assert liu(0.4, None, None).missing == ("albumin_g_l", "sediment_active")


def test_custom_definition_is_accepted() -> None:
    strict = RenalResponseDefinition(
        name="SAP draft",
        description="SAP draft: complete = UPCR < 0.3 g/g, creatinine <= 115 %; partial = >= 50 % down",
        source="hypothetical",
        complete_upcr_g_g=Decimal("0.3"),
        complete_creatinine_max_percent=Decimal(115),
        partial_creatinine_max_percent=Decimal(115),
    )
    result = assess_renal_response(
        upcr_baseline_g_g=2.0,
        upcr_g_g=0.4,
        creatinine_baseline_umol_l=100,
        creatinine_umol_l=100,
        definition=strict,
    )
    assert result == RenalResponseResult(definition="SAP draft", category="partial")


# --- not evaluable and impossible input ---------------------------------------------------------------------
def test_missing_data_is_not_evaluable_with_the_items_named() -> None:
    result = assess_renal_response(
        upcr_baseline_g_g=2.0, upcr_g_g=None, creatinine_baseline_umol_l=80, creatinine_umol_l=None
    )
    assert result.category is None
    assert not result.evaluable
    assert result.missing == ("upcr_g_g", "creatinine_umol_l")
    assert result.describe() == "not evaluable (KDIGO 2012): missing upcr_g_g, creatinine_umol_l"
    evaluable = assess_renal_response(
        upcr_baseline_g_g=2.0, upcr_g_g=0.3, creatinine_baseline_umol_l=80, creatinine_umol_l=80
    )
    assert evaluable.describe() == "complete (KDIGO 2012)"
    assert evaluable.missing == ()


def test_public_function_refuses_missing_input() -> None:
    with pytest.raises(ValueError) as caught:
        renal_response(
            upcr_baseline_g_g=None,  # type: ignore[arg-type]
            upcr_g_g=0.3,
            creatinine_baseline_umol_l=80,
            creatinine_umol_l=80,
        )
    assert "upcr_baseline_g_g" in str(caught.value)


BASE: dict[str, Any] = {
    "upcr_baseline_g_g": 2.0,
    "upcr_g_g": 0.3,
    "creatinine_baseline_umol_l": 80,
    "creatinine_umol_l": 80,
}


@pytest.mark.parametrize(
    ("overrides", "argument"),
    [
        ({"upcr_baseline_g_g": 0}, "upcr_baseline_g_g"),
        ({"upcr_baseline_g_g": -1.0}, "upcr_baseline_g_g"),
        ({"upcr_g_g": -0.1}, "upcr_g_g"),
        ({"creatinine_baseline_umol_l": 0}, "creatinine_baseline_umol_l"),
        ({"creatinine_umol_l": -1}, "creatinine_umol_l"),
        ({"creatinine_umol_l": float("inf")}, "creatinine_umol_l"),
        ({"upcr_g_g": "0.3"}, "upcr_g_g"),
        ({"definition": "KDIGO"}, "definition"),
        ({"definition": "kdigo 2012"}, "definition"),
    ],
)
def test_impossible_input_is_refused(overrides: dict[str, Any], argument: str) -> None:
    with pytest.raises(ValueError) as caught:
        renal_response(**(BASE | overrides))
    assert argument in str(caught.value)
    with pytest.raises(ValueError, match=argument):
        assess_renal_response(**(BASE | overrides))


def test_impossible_value_is_refused_even_when_another_is_missing() -> None:
    with pytest.raises(ValueError, match="creatinine_umol_l"):
        assess_renal_response(**(BASE | {"upcr_g_g": None, "creatinine_umol_l": -5}))


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        renal_response(2.0, 0.3, 80, 80)  # type: ignore[call-arg]


# --- properties --------------------------------------------------------------------------------------------
upcrs = st.decimals(min_value=Decimal("0.01"), max_value=20, places=2)
creatinines = st.decimals(min_value=20, max_value=900, places=1)


@given(upcr_bl=upcrs, upcr=upcrs, cr_bl=creatinines, cr=creatinines)
def test_kdigo_2012_matches_the_design_rule(upcr_bl: Decimal, upcr: Decimal, cr_bl: Decimal, cr: Decimal) -> None:
    """An independent transcription of DESIGN.md §9 in exact decimals agrees for every input."""
    got = rr(float(upcr_bl), float(upcr), float(cr_bl), float(cr))
    if upcr < Decimal("0.5") and cr * 100 <= cr_bl * 110:
        expected = "complete"
    elif upcr * 2 <= upcr_bl and (upcr_bl < 3 or upcr < 3) and cr * 100 <= cr_bl * 125:
        expected = "partial"
    else:
        expected = "none"
    assert got == expected
