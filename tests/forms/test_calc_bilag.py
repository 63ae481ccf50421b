"""BILAG-2004 numerical score (crf_desktop.forms.instruments.bilag).

A = 12, B = 8, C = 1, D = 0, E = 0 summed over the 9 systems: Yee CS et al. Rheumatology 2010;49:1665-9
([V] abstract, clinical-rules.md section 4.4). Overall grade = highest grade: Yee 2007 (section 4.4).
Expected totals below are hand-computed from that scheme.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import bilag_2004_numeric
from crf_desktop.forms.instruments.bilag import (
    BILAG_GRADE_SCORES,
    BILAG_NUMERIC_MAX,
    BILAG_SYSTEMS,
    bilag_overall_grade,
    new_bilag_a,
    new_bilag_b,
)


def grades(default: str = "E", **overrides: str) -> dict[str, str]:
    return {system: overrides.get(system, default) for system in BILAG_SYSTEMS}


def test_tables() -> None:
    assert BILAG_SYSTEMS == (
        "constitutional", "mucocutaneous", "neuropsychiatric", "musculoskeletal", "cardiorespiratory",
        "gastrointestinal", "ophthalmic", "renal", "haematological",
    )  # fmt: skip
    assert BILAG_GRADE_SCORES == {"A": 12, "B": 8, "C": 1, "D": 0, "E": 0}
    assert BILAG_NUMERIC_MAX == 108


@pytest.mark.parametrize(
    ("record", "total"),
    [
        (grades("E"), 0),
        (grades("D"), 0),
        (grades("A"), 108),
        (grades("B"), 72),
        (grades("C"), 9),
        (grades("E", renal="A"), 12),  # active nephritis only
        (grades("D", renal="A", haematological="B", mucocutaneous="C"), 21),  # 12 + 8 + 1
        (grades("E", renal="B", musculoskeletal="C", constitutional="C"), 10),  # 8 + 1 + 1
    ],
)
def test_numeric_examples(record: dict[str, str], total: int) -> None:
    assert bilag_2004_numeric(record) == total


def test_not_the_classic_bilag_coding() -> None:
    """Section 4.4: B = 8 (not 5 or 3)."""
    assert bilag_2004_numeric(grades("E", renal="B")) == 8


def test_overall_grade_is_the_highest() -> None:
    assert bilag_overall_grade(grades("D", renal="B", ophthalmic="C")) == "B"
    assert bilag_overall_grade(grades("E")) == "E"


def test_new_a_and_new_b() -> None:
    """SRI conventions (section 5): new A = A now, not A before; new B = B now, C/D/E before (A → B is not new)."""
    baseline = grades("E", renal="A", haematological="C", mucocutaneous="B")
    visit = grades("E", renal="B", haematological="B", mucocutaneous="A", ophthalmic="B")
    assert new_bilag_a(baseline, visit) == ("mucocutaneous",)
    assert new_bilag_b(baseline, visit) == ("ophthalmic", "haematological")


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        (grades("E", renal="F"), "grades['renal']"),
        (grades("E", renal="a"), "grades['renal']"),
        (grades("E", renal=""), "grades['renal']"),
        (grades("E") | {"hepatic": "A"}, "grades"),
        ({s: "E" for s in BILAG_SYSTEMS if s != "renal"}, "grades"),
        (grades("E") | {"renal": 12}, "grades['renal']"),
    ],
)
def test_impossible_grades_are_refused(record: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError) as caught:
        bilag_2004_numeric(record)  # type: ignore[arg-type]
    assert fragment in str(caught.value)


def test_missing_system_is_named() -> None:
    with pytest.raises(ValueError, match="renal"):
        bilag_2004_numeric({s: "E" for s in BILAG_SYSTEMS if s != "renal"})


@given(st.lists(st.sampled_from("ABCDE"), min_size=9, max_size=9))
def test_numeric_is_the_sum_of_grade_scores(letters: list[str]) -> None:
    record = dict(zip(BILAG_SYSTEMS, letters, strict=True))
    total = bilag_2004_numeric(record)
    assert total == sum(BILAG_GRADE_SCORES[g] for g in letters)
    assert 0 <= total <= 108
