"""CTCAE v4.03 lab grading (crf_desktop.forms.instruments.ctcae_lab).

Criteria: NCI CTCAE v4.03 grade texts (clinical-rules.md section 8.2, verbatim from the CSV in
shared/reference/ctcae/) and pharmaverse/admiral ``ncictcaev4.json`` (section 8.3). Boundary convention: ranges
include the lower number ("Hgb <LLN - 100 g/L" is G1, so 100 g/L is G1; "<100 - 80" is G2, so 80 is G2; < 80 is
G3); "ALT >3.0 - 5.0 × ULN" is G2, so exactly 3.0 × ULN is G1. Expected grades are hand-derived from those texts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import ctcae_lab_grade
from crf_desktop.forms.instruments.ctcae_lab import CTCAE_LAB_TERMS

_REPO = Path(__file__).resolve().parents[2]
CTCAE_CSV = _REPO / "resources" / "ctcae" / "CTCAE_v4.03.csv"  # the product's terminology file


@pytest.mark.parametrize(
    ("value", "grade"),
    [(130, 0), (119.9, 1), (100, 1), (99.9, 2), (80, 2), (79.9, 3), (30, 3)],
)
def test_anemia_g_l(value: float, grade: int) -> None:
    """Hgb <LLN - 100 g/L = G1; <100 - 80 = G2; <80 = G3; no numeric G4. LLN 120 g/L."""
    assert ctcae_lab_grade("Anemia", value, lln=120) == grade


def test_admiral_order_grades_absolute_thresholds_even_above_lln() -> None:
    """admiral tests G4 → G1: 95 g/L is G2 (< 100) even when the lab's LLN is 90."""
    assert ctcae_lab_grade("Anemia", 95, lln=90) == 2


@pytest.mark.parametrize(
    ("value", "grade"),
    [(150, 0), (149.9, 1), (75, 1), (74.9, 2), (50, 2), (49.9, 3), (25, 3), (24.9, 4), (0, 4)],
)
def test_platelets(value: float, grade: int) -> None:
    assert ctcae_lab_grade("Platelet count decreased", value, lln=150) == grade


@pytest.mark.parametrize(
    ("term", "values_and_grades"),
    [
        ("White blood cell decreased", [(4.0, 0), (3.9, 1), (3.0, 1), (2.9, 2), (2.0, 2), (1.9, 3), (1.0, 3),
                                        (0.99, 4)]),
        ("Neutrophil count decreased", [(2.0, 0), (1.9, 1), (1.5, 1), (1.49, 2), (1.0, 2), (0.99, 3), (0.5, 3),
                                        (0.49, 4)]),
        ("Lymphocyte count decreased", [(1.0, 0), (0.99, 1), (0.8, 1), (0.79, 2), (0.5, 2), (0.49, 3), (0.2, 3),
                                        (0.19, 4)]),
    ],
)  # fmt: skip
def test_white_cells(term: str, values_and_grades: list[tuple[float, int]]) -> None:
    lln = {"White blood cell decreased": 4.0, "Neutrophil count decreased": 2.0}.get(term, 1.0)
    for value, grade in values_and_grades:
        assert ctcae_lab_grade(term, value, lln=lln) == grade, (term, value)


@pytest.mark.parametrize(
    ("value", "grade"),
    [(40, 0), (40.1, 1), (120, 1), (120.1, 2), (200, 2), (200.1, 3), (800, 3), (800.1, 4)],
)
def test_alt_ast_times_uln(value: float, grade: int) -> None:
    """>ULN - 3.0 × ULN = G1 (3.0 × ULN itself is G1); >3-5 = G2; >5-20 = G3; >20 = G4. ULN 40 U/L."""
    assert ctcae_lab_grade("Alanine aminotransferase increased", value, uln=40) == grade
    assert ctcae_lab_grade("Aspartate aminotransferase increased", value, uln=40) == grade


@pytest.mark.parametrize(
    ("value", "grade"),
    [(17.1, 0), (17.2, 1), (25.65, 1), (25.66, 2), (51.3, 2), (51.4, 3), (171, 3), (171.1, 4)],
)
def test_bilirubin_exact_boundaries(value: float, grade: int) -> None:
    """ULN 17.1 µmol/L: 1.5 × 17.1 = 25.65 exactly (25.650000000000002 in floats) is G1, not G2."""
    assert 1.5 * 17.1 != 25.65
    assert ctcae_lab_grade("Blood bilirubin increased", value, uln=17.1) == grade


@pytest.mark.parametrize(
    ("value", "baseline", "grade"),
    [
        (90, None, 0),
        (100, None, 0),  # = ULN
        (101, None, 1),
        (150, None, 1),
        (151, None, 2),
        (301, None, 3),
        (600, None, 3),
        (601, None, 4),
        (80, 70, 1),  # > baseline, below ULN
        (70, 70, 0),
        (106, 70, 2),  # > 1.5 × baseline (105)
        (105, 70, 1),
        (211, 70, 3),  # > 3 × baseline (210)
        (210, 70, 2),
        (601, 300, 4),  # G4 only from ULN
    ],
)
def test_creatinine_uln_and_optional_baseline(value: float, baseline: float | None, grade: int) -> None:
    assert ctcae_lab_grade("Creatinine increased", value, uln=100, baseline=baseline) == grade


@pytest.mark.parametrize(("value", "grade"), [(35, 0), (34.9, 1), (30, 1), (29.9, 2), (20, 2), (19.9, 3)])
def test_hypoalbuminemia(value: float, grade: int) -> None:
    assert ctcae_lab_grade("Hypoalbuminemia", value, lln=35) == grade


@pytest.mark.parametrize(
    ("value", "grade"), [(5.0, 0), (5.1, 1), (5.5, 1), (5.6, 2), (6.0, 2), (6.1, 3), (7.0, 3), (7.1, 4)]
)
def test_hyperkalemia(value: float, grade: int) -> None:
    assert ctcae_lab_grade("Hyperkalemia", value, uln=5.0) == grade


@pytest.mark.parametrize(
    ("value", "grade"), [(6.1, 0), (6.2, 1), (8.9, 1), (9.0, 2), (13.9, 2), (14.0, 3), (27.8, 3), (27.9, 4)]
)
def test_hyperglycemia(value: float, grade: int) -> None:
    assert ctcae_lab_grade("Hyperglycemia", value, uln=6.1) == grade


@pytest.mark.parametrize(
    ("value", "grade"), [(0.15, 0), (0.16, 1), (0.99, 1), (1.0, 2), (3.4, 2), (3.49, 2), (3.5, 3), (8.0, 3)]
)
def test_proteinuria_g_24h(value: float, grade: int) -> None:
    """Section 8.3 interpretation: G2 = 1.0 <= x < 3.5 g/24 h, G3 >= 3.5; G1 taken as > ULN (0.15 g/24 h)."""
    assert ctcae_lab_grade("Proteinuria", value, uln=0.15) == grade


def test_every_graded_term_is_a_ctcae_v403_term_with_its_meddra_code() -> None:
    with CTCAE_CSV.open(encoding="utf-8") as handle:
        codes = {row["Term"]: int(row["MedDRA v12.0 Code"]) for row in csv.DictReader(handle)}
    for term, criteria in CTCAE_LAB_TERMS.items():
        assert codes.get(term) == criteria.meddra_code, term


def test_no_numeric_grade_4_for_anemia_and_hypoalbuminemia() -> None:
    assert CTCAE_LAB_TERMS["Anemia"].max_numeric_grade == 3
    assert CTCAE_LAB_TERMS["Hypoalbuminemia"].max_numeric_grade == 3
    assert ctcae_lab_grade("Anemia", 1, lln=120) == 3


# --- impossible and missing input --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "kwargs", "argument"),
    [
        (("Platelets", 100), {"lln": 150}, "term"),
        (("platelet count decreased", 100), {"lln": 150}, "term"),
        (("Anemia", 100), {}, "lln"),  # LLN needed, missing
        (("Anemia", 70), {}, "lln"),  # even where the absolute threshold alone would give G3
        (("Alanine aminotransferase increased", 100), {"lln": 7}, "uln"),
        (("Creatinine increased", 100), {"baseline": 70}, "uln"),
        (("Anemia", -1), {"lln": 120}, "value"),
        (("Anemia", float("nan")), {"lln": 120}, "value"),
        (("Anemia", 100), {"lln": 0}, "lln"),
        (("Blood bilirubin increased", 10), {"uln": -17}, "uln"),
        (("Creatinine increased", 100), {"uln": 100, "baseline": 0}, "baseline"),
    ],
)
def test_refusals_name_the_argument(args: tuple[str, float], kwargs: dict[str, float], argument: str) -> None:
    term, value = args
    with pytest.raises(ValueError) as caught:
        ctcae_lab_grade(term, value, **kwargs)
    assert argument in str(caught.value)


def test_limits_the_term_does_not_use_are_ignored() -> None:
    assert ctcae_lab_grade("Platelet count decreased", 100, lln=150, uln=400, baseline=200) == 1


def test_limits_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        ctcae_lab_grade("Anemia", 100, 120)  # type: ignore[call-arg]


@given(
    low=st.floats(min_value=0, max_value=500, allow_nan=False),
    high=st.floats(min_value=0, max_value=500, allow_nan=False),
)
def test_grade_is_monotone(low: float, high: float) -> None:
    if low > high:
        low, high = high, low
    assert ctcae_lab_grade("Platelet count decreased", low, lln=150) >= ctcae_lab_grade(
        "Platelet count decreased", high, lln=150
    )
    assert ctcae_lab_grade("Alanine aminotransferase increased", low, uln=40) <= ctcae_lab_grade(
        "Alanine aminotransferase increased", high, uln=40
    )
