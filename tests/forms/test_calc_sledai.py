"""SLEDAI-2K (crf_desktop.forms.instruments.sledai).

Weights and descriptors: Gladman DD et al. J Rheumatol 2002;29:288-91 as tabulated in clinical-rules.md section
3; total range 0-105 = 8×8 + 6×4 + 7×2 + 3×1 ([V] arithmetic). Key names: DESIGN.md section 9.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import sledai_2k
from crf_desktop.forms.instruments.sledai import (
    SLEDAI_DESCRIPTORS,
    SLEDAI_MAX,
    SLEDAI_WEIGHTS,
    SLEDAI_WINDOW_DAYS_DEFAULT,
)

DESIGN_KEYS = (
    "seizure psychosis organic_brain_syndrome visual_disturbance cranial_nerve_disorder lupus_headache cva "
    "vasculitis arthritis myositis urinary_casts hematuria proteinuria pyuria rash alopecia mucosal_ulcers "
    "pleurisy pericarditis low_complement increased_dna_binding fever thrombocytopenia leukopenia"
).split()


def test_descriptor_table_matches_design_and_gladman() -> None:
    assert [d.key for d in SLEDAI_DESCRIPTORS] == DESIGN_KEYS
    weights = [d.weight for d in SLEDAI_DESCRIPTORS]
    assert weights == [8] * 8 + [4] * 6 + [2] * 7 + [1] * 3
    assert all(d.name and d.definition for d in SLEDAI_DESCRIPTORS)
    assert SLEDAI_WEIGHTS["proteinuria"] == 4
    assert SLEDAI_DESCRIPTORS[12].definition == ">0.5 g/24 hours."
    assert SLEDAI_WINDOW_DAYS_DEFAULT == 10


def test_all_present_is_105_and_none_is_0() -> None:
    assert SLEDAI_MAX == 105
    assert sledai_2k(DESIGN_KEYS) == 105
    assert sledai_2k({key: True for key in DESIGN_KEYS}) == 105
    assert sledai_2k({key: False for key in DESIGN_KEYS}) == 0
    assert sledai_2k([]) == 0


def test_typical_lupus_nephritis_visit() -> None:
    """Hand-computed: proteinuria 4 + hematuria 4 + urinary casts 4 + low complement 2 + anti-dsDNA 2 = 16."""
    present = ["proteinuria", "hematuria", "urinary_casts", "low_complement", "increased_dna_binding"]
    assert sledai_2k(present) == 16
    assert sledai_2k({key: key in present for key in DESIGN_KEYS}) == 16


def test_a_descriptor_present_twice_counts_once() -> None:
    assert sledai_2k(["rash", "rash", "fever"]) == 3


@pytest.mark.parametrize(
    ("descriptors", "argument"),
    [
        (["headache"], "descriptors"),
        ({"Seizure": True}, "descriptors"),
        ({"nephritis": False}, "descriptors"),  # unknown key refused even when absent
        ({"seizure": 1}, "descriptors['seizure']"),
        ({"seizure": None}, "descriptors['seizure']"),
        ("seizure", "descriptors"),
    ],
)
def test_unknown_descriptor_or_non_bool_is_refused(descriptors: object, argument: str) -> None:
    with pytest.raises(ValueError) as caught:
        sledai_2k(descriptors)  # type: ignore[arg-type]
    assert argument in str(caught.value)


@given(st.sets(st.sampled_from(DESIGN_KEYS)))
def test_total_is_the_sum_of_weights(present: set[str]) -> None:
    total = sledai_2k(present)
    assert total == sum(SLEDAI_WEIGHTS[key] for key in present)
    assert 0 <= total <= 105
    assert sledai_2k({key: key in present for key in DESIGN_KEYS}) == total
