"""HAQ-DI (crf_desktop.forms.instruments.haq).

Rules: clinical-rules.md section 1.3/1.5 (Stanford HAQ-20 form, CLINHAQ scoring sheet, awell-score [T]) and
DESIGN.md section 9 (Stanford rules, >= 6 of 8 categories). Expected values are hand-computed from those rules.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.calculators import haq_di
from crf_desktop.forms.instruments.haq import (
    HAQ_AIDS,
    HAQ_CATEGORIES,
    HAQ_CATEGORY_ITEMS,
    HAQ_ITEMS,
    haq_category_scores,
    haq_di_exact,
    raised_categories_from,
    vas_mm_to_haq_scale,
)


def all_items(score: int | None) -> dict[int, int | None]:
    return {number: score for number in range(1, 21)}


def test_item_table_is_the_stanford_order() -> None:
    """DESIGN.md §9: 1-2 dressing, 3-4 arising, 5-7 eating, 8-9 walking, 10-12 hygiene, 13-14 reach, 15-17
    grip, 18-20 activities; wording from clinical-rules.md section 1.1.
    """
    assert [item.number for item in HAQ_ITEMS] == list(range(1, 21))
    assert HAQ_CATEGORIES == ("dressing", "arising", "eating", "walking", "hygiene", "reach", "grip", "activities")
    assert HAQ_CATEGORY_ITEMS == {
        "dressing": (1, 2),
        "arising": (3, 4),
        "eating": (5, 6, 7),
        "walking": (8, 9),
        "hygiene": (10, 11, 12),
        "reach": (13, 14),
        "grip": (15, 16, 17),
        "activities": (18, 19, 20),
    }
    assert HAQ_ITEMS[0].text == "Dress yourself, including tying shoelaces and doing buttons?"
    assert HAQ_ITEMS[19].text == "Do chores such as vacuuming or yard work?"


def test_all_zero_is_0_and_all_three_is_3() -> None:
    assert haq_di(all_items(0)) == 0.0
    assert haq_di(all_items(3)) == 3.0


def test_category_score_is_the_highest_item() -> None:
    """Section 1.3 step 1. Eating items 0, 1, 3 → eating 3; others 0 → (3) / 8 = 0.375."""
    items = all_items(0) | {5: 0, 6: 1, 7: 3}
    assert haq_di(items) == 0.375


def test_hand_computed_mixed_profile() -> None:
    """dressing 1, arising 2, eating 0, walking 3, hygiene 1, reach 2, grip 0, activities 1 → 10/8 = 1.25."""
    items = {1: 1, 2: 0, 3: 2, 4: 1, 5: 0, 6: 0, 7: 0, 8: 3, 9: 1, 10: 1, 11: 0, 12: 0, 13: 2, 14: 2,
             15: 0, 16: 0, 17: 0, 18: 1, 19: 1, 20: 0}  # fmt: skip
    assert haq_di(items) == 1.25


@pytest.mark.parametrize(("raw", "raised"), [(0, 2), (1, 2), (2, 2), (3, 3)])
def test_aids_raise_0_and_1_to_2_but_leave_2_and_3(raw: int, raised: int) -> None:
    """Section 1.3 step 2: an aid/help raises a category's 0 or 1 to 2; 2 and 3 unchanged."""
    items = all_items(0) | {8: raw, 9: 0}
    scores = haq_category_scores(items, ["walking"])
    assert scores["walking"] == raised
    assert haq_di(items, ["walking"]) == raised / 8
    assert haq_di(items) == raw / 8


def test_aid_for_an_unanswered_category_does_not_score_it() -> None:
    """Section 1.5 pseudo-code: a category with no answered item stays unscored even when an aid is ticked."""
    items = all_items(1) | {18: None, 19: None, 20: None}
    assert haq_category_scores(items, ["activities"])["activities"] is None
    assert haq_di(items, ["activities"]) == 1.0


def test_one_answered_item_scores_the_category() -> None:
    """Stanford (section 1.3 step 1, [M]): a category is scored when at least one of its items is answered."""
    items = all_items(None) | {1: 2, 3: 1, 5: 0, 8: 1, 10: 0, 13: 3}
    assert haq_di(items) == pytest.approx(7 / 6, rel=1e-15)
    assert haq_di_exact(items) == Fraction(7, 6)


def test_six_of_eight_rule() -> None:
    """Section 1.3 step 4 (DESIGN.md §9): computed with 6 categories, None with 5; absent keys are unanswered."""
    six = {1: 1, 3: 1, 5: 1, 8: 1, 10: 1, 13: 2}  # dressing, arising, eating, walking, hygiene, reach
    assert haq_di(six) == pytest.approx(7 / 6, rel=1e-15)
    five = {1: 1, 3: 1, 5: 1, 8: 1, 10: 1}
    assert haq_di(five) is None
    assert haq_di(all_items(None)) is None
    seven = six | {15: 0}
    assert haq_di(seven) == 1.0


def test_min_categories_is_configurable() -> None:
    """awell-score uses 7 (section 1.3, discrepancy); the Stanford 6 is the default."""
    six = {1: 1, 3: 1, 5: 1, 8: 1, 10: 1, 13: 1}
    assert haq_di_exact(six) == 1
    assert haq_di_exact(six, min_categories=7) is None


def test_alternative_index_without_aids() -> None:
    """Section 1.3 step 5: the "alternative disability index" skips the aids raise."""
    items = all_items(0)
    assert haq_di_exact(items, ["walking", "grip"]) == Fraction(4, 8)
    assert haq_di_exact(items, ["walking", "grip"], with_aids=False) == 0


def test_raised_categories_from_aids_and_help() -> None:
    """Section 1.2 companion variables; hygiene counts both bathtub seat and bathtub bar ([M] Stanford)."""
    assert raised_categories_from(aids=["cane"]) == {"walking"}
    assert raised_categories_from(aids=["bathtub_seat"]) == {"hygiene"}
    assert raised_categories_from(aids=["bathtub_bar"]) == {"hygiene"}
    assert raised_categories_from(aids=["jar_opener", "special_chair"]) == {"grip", "arising"}
    assert raised_categories_from(aids=["other_part1"]) == frozenset()
    assert raised_categories_from(aids=["other_part2"], other_aid_categories=["reach"]) == {"reach"}
    assert raised_categories_from(help_categories=["activities"]) == {"activities"}
    assert {aid.category for aid in HAQ_AIDS} - {None} == set(HAQ_CATEGORIES) - {"activities"}


@pytest.mark.parametrize(("mm", "expected"), [(0, 0.0), (45, 1.35), (100, 3.0), (33.3, 0.999)])
def test_vas_mm_to_0_3(mm: float, expected: float) -> None:
    """Section 1.4 [M]: mm × 3/100, exact (45 mm → 1.35, not 1.3499999999999999)."""
    assert vas_mm_to_haq_scale(mm) == expected


# --- impossible input --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("items", "argument"),
    [
        ({1: 4}, "items[1]"),
        ({2: -1}, "items[2]"),
        ({3: 1.5}, "items[3]"),
        ({4: True}, "items[4]"),
        ({5: "2"}, "items[5]"),
        ({0: 1}, "items"),
        ({21: 1}, "items"),
        ({"1": 1}, "items"),
    ],
)
def test_haq_refuses_impossible_items(items: dict[object, object], argument: str) -> None:
    with pytest.raises(ValueError) as caught:
        haq_di({**all_items(0), **items})  # type: ignore[dict-item]
    assert argument in str(caught.value)


def test_haq_refuses_a_non_mapping() -> None:
    with pytest.raises(ValueError, match="items"):
        haq_di([0] * 20)  # type: ignore[arg-type]


@pytest.mark.parametrize("categories", [["walk"], ["Dressing"], "walking", [None]])
def test_haq_refuses_unknown_category(categories: object) -> None:
    with pytest.raises(ValueError, match="raised_categories"):
        haq_di(all_items(0), categories)  # type: ignore[arg-type]


def test_unknown_aid_and_help_category_are_refused() -> None:
    with pytest.raises(ValueError, match="aids"):
        raised_categories_from(aids=["shoe horn"])
    with pytest.raises(ValueError, match="help_categories"):
        raised_categories_from(help_categories=["errands"])


@pytest.mark.parametrize("mm", [-1, 100.5, float("nan")])
def test_vas_refuses_out_of_range(mm: float) -> None:
    with pytest.raises(ValueError, match="pain_vas_mm"):
        vas_mm_to_haq_scale(mm, argument="pain_vas_mm")


# --- properties --------------------------------------------------------------------------------------------
item_scores = st.dictionaries(
    st.integers(min_value=1, max_value=20), st.one_of(st.none(), st.integers(min_value=0, max_value=3))
)
category_sets = st.sets(st.sampled_from(HAQ_CATEGORIES))


@given(items=item_scores, raised=category_sets)
def test_haq_in_0_3_and_none_below_six_categories(items: dict[int, int | None], raised: set[str]) -> None:
    value = haq_di(items, raised)
    scored = sum(1 for numbers in HAQ_CATEGORY_ITEMS.values() if any(items.get(n) is not None for n in numbers))
    if scored < 6:
        assert value is None
    else:
        assert value is not None
        assert 0 <= value <= 3
        assert (value * scored) == pytest.approx(round(value * scored), abs=1e-9)


@given(items=item_scores, raised=category_sets)
def test_aids_never_lower_the_score(items: dict[int, int | None], raised: set[str]) -> None:
    without = haq_di(items)
    with_aids = haq_di(items, raised)
    if without is not None:
        assert with_aids is not None
        assert with_aids >= without
