"""HAQ-DI: the Stanford Health Assessment Questionnaire Disability Index, with aids/devices and help.

Sources (clinical-rules.md section 1): Stanford "HAQ 20-Item Disability Scale" form; CLINHAQ HAQ-DI scoring
sheet; awell-health/awell-score ``src/scores/haq`` [T]; the 6-of-8 minimum is the Stanford rule as widely
quoted (ARAMIS "HAQ Instructions", rev. June 2009; not read in full) and is the decision of DESIGN.md §9.

Scoring (section 1.3/1.5): each item 0-3 (without any / with some / with much difficulty / unable); a category
scores the highest answered item (Stanford: one answered item suffices); an aid, device or help from another
person raises a category's 0 or 1 to 2 (2 and 3 unchanged); HAQ-DI = mean of the scored categories, not
computed (None) with fewer than 6 of 8 categories scored. Pain and patient-global VAS: raw mm and 0-3.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Final

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.arguments import CalculatorInputError


@dataclass(frozen=True, slots=True)
class HaqItem:
    """One of the 20 HAQ-DI items: Stanford number, category name and English wording ("Are you able to ...")."""

    number: int
    category: str
    text: str


@dataclass(frozen=True, slots=True)
class HaqAid:
    """An aid or device on the HAQ form and the category it raises (None: "other", assigned by the scorer)."""

    key: str
    label: str
    category: str | None


HAQ_CATEGORIES: Final = ("dressing", "arising", "eating", "walking", "hygiene", "reach", "grip", "activities")
HAQ_CATEGORY_LABELS: Final = {
    "dressing": "Dressing & grooming",
    "arising": "Arising",
    "eating": "Eating",
    "walking": "Walking",
    "hygiene": "Hygiene",
    "reach": "Reach",
    "grip": "Grip",
    "activities": "Activities",
}
HAQ_RESPONSES: Final = {
    0: "Without ANY difficulty",
    1: "With SOME difficulty",
    2: "With MUCH difficulty",
    3: "UNABLE to do",
}
HAQ_ITEMS: Final = (
    HaqItem(1, "dressing", "Dress yourself, including tying shoelaces and doing buttons?"),
    HaqItem(2, "dressing", "Shampoo your hair?"),
    HaqItem(3, "arising", "Stand up from an armless straight chair?"),
    HaqItem(4, "arising", "Get in and out of bed?"),
    HaqItem(5, "eating", "Cut your meat?"),
    HaqItem(6, "eating", "Lift a full cup or glass to your mouth?"),
    HaqItem(7, "eating", "Open a new milk carton?"),
    HaqItem(8, "walking", "Walk outdoors on flat ground?"),
    HaqItem(9, "walking", "Climb up five steps?"),
    HaqItem(10, "hygiene", "Wash and dry your body?"),
    HaqItem(11, "hygiene", "Take a tub bath?"),
    HaqItem(12, "hygiene", "Get on and off the toilet?"),
    HaqItem(13, "reach", "Reach and get down a 5-pound object (such as a bag of sugar) from just above your head?"),
    HaqItem(14, "reach", "Bend down to pick up clothing from the floor?"),
    HaqItem(15, "grip", "Open car doors?"),
    HaqItem(16, "grip", "Open jars which have been previously opened?"),
    HaqItem(17, "grip", "Turn faucets (taps) on and off?"),
    HaqItem(18, "activities", "Run errands and shop?"),
    HaqItem(19, "activities", "Get in and out of a car?"),
    HaqItem(20, "activities", "Do chores such as vacuuming or yard work?"),
)
HAQ_CATEGORY_ITEMS: Final = {
    category: tuple(item.number for item in HAQ_ITEMS if item.category == category) for category in HAQ_CATEGORIES
}
# Aids and devices (section 1.2). Hygiene counts both the bathtub seat and the bathtub bar (the Stanford
# form has both; CLINHAQ omits the seat, awell-score maps only the bar: clinical-rules.md marks this as a
# discrepancy).
HAQ_AIDS: Final = (
    HaqAid("cane", "Cane", "walking"),
    HaqAid("walker", "Walker", "walking"),
    HaqAid("crutches", "Crutches", "walking"),
    HaqAid("wheelchair", "Wheelchair", "walking"),
    HaqAid(
        "dressing_devices",
        "Devices used for dressing (button hook, zipper pull, long-handled shoe horn, etc.)",
        "dressing",
    ),
    HaqAid("built_up_utensils", "Built-up or special utensils", "eating"),
    HaqAid("special_chair", "Special or built-up chair", "arising"),
    HaqAid("other_part1", "Other (specify)", None),
    HaqAid("raised_toilet_seat", "Raised toilet seat", "hygiene"),
    HaqAid("bathtub_seat", "Bathtub seat", "hygiene"),
    HaqAid("bathtub_bar", "Bathtub bar", "hygiene"),
    HaqAid("long_handled_reach", "Long-handled appliances for reach", "reach"),
    HaqAid("long_handled_bathroom", "Long-handled appliances in bathroom", "hygiene"),
    HaqAid("jar_opener", "Jar opener (for jars previously opened)", "grip"),
    HaqAid("other_part2", "Other (specify)", None),
)
HAQ_AID_CATEGORY: Final = {aid.key: aid.category for aid in HAQ_AIDS}
MIN_SCORED_CATEGORIES: Final = 6
VAS_MM_MAX: Final = 100


def _category_name(argument: str, name: object) -> str:
    if not isinstance(name, str) or name not in HAQ_CATEGORY_ITEMS:
        raise CalculatorInputError(
            argument,
            f"{argument} has unknown HAQ category {name!r}; expected one of {', '.join(HAQ_CATEGORIES)}",
        )
    return name


def _categories(argument: str, names: Iterable[str]) -> frozenset[str]:
    if isinstance(names, str):
        raise CalculatorInputError(argument, f"{argument} must be a collection of category names, not a string")
    return frozenset(_category_name(argument, name) for name in names)


def _items(items: Mapping[int, int | None]) -> dict[int, int | None]:
    if not isinstance(items, Mapping):
        raise CalculatorInputError("items", f"items must be a mapping of item number to score, got {items!r}")
    checked: dict[int, int | None] = {}
    for number, score in items.items():
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(HAQ_ITEMS):
            raise CalculatorInputError("items", f"items has item number {number!r}; HAQ-DI items are 1 to 20")
        checked[number] = None if score is None else arguments.integer(f"items[{number}]", score, low=0, high=3)
    return checked


def haq_category_scores(
    items: Mapping[int, int | None], raised_categories: Iterable[str] = (), *, with_aids: bool = True
) -> dict[str, int | None]:
    """Score each of the 8 categories: highest answered item, raised from 0/1 to 2 by aids or help.

    Stanford rules (clinical-rules.md sections 1.3 and 1.5): a category with no answered item is None; with
    ``with_aids=False`` the raise is skipped (the "alternative disability index", section 1.3 step 5).
    """
    scores = _items(items)
    raised = _categories("raised_categories", raised_categories)
    result: dict[str, int | None] = {}
    for category, numbers in HAQ_CATEGORY_ITEMS.items():
        answered = [score for number in numbers if (score := scores.get(number)) is not None]
        if not answered:
            result[category] = None
            continue
        best = max(answered)
        if with_aids and category in raised and best < 2:
            best = 2
        result[category] = best
    return result


def haq_di_exact(
    items: Mapping[int, int | None],
    raised_categories: Iterable[str] = (),
    *,
    with_aids: bool = True,
    min_categories: int = MIN_SCORED_CATEGORIES,
) -> Fraction | None:
    """HAQ-DI as an exact fraction (sum of category scores / categories scored), None below
    ``min_categories``.

    ``min_categories`` defaults to the Stanford 6 of 8 (DESIGN.md section 9); awell-score uses 7
    (clinical-rules.md section 1.3, discrepancy), so it is configurable.
    """
    minimum = arguments.integer("min_categories", min_categories, low=1, high=len(HAQ_CATEGORIES))
    scored = [s for s in haq_category_scores(items, raised_categories, with_aids=with_aids).values() if s is not None]
    if len(scored) < minimum:
        return None
    return Fraction(sum(scored), len(scored))


def haq_di(items: Mapping[int, int | None], raised_categories: Iterable[str] = ()) -> float | None:
    """HAQ-DI (0-3) with aids/devices and help, Stanford rules; None with fewer than 6 of 8 categories scored.

    ``items``: {1..20: 0-3 or None} in the Stanford order (1-2 dressing, 3-4 arising, 5-7 eating, 8-9 walking,
    10-12 hygiene, 13-14 reach, 15-17 grip, 18-20 activities); absent numbers count as unanswered.
    ``raised_categories``: names of the categories where an aid, device or help from another person applies.
    Source: clinical-rules.md section 1.3 (Stanford HAQ-20 form, CLINHAQ sheet, awell-score [T]); DESIGN.md
    section 9. The result is unrounded (with 8 categories scored, a multiple of 0.125).
    """
    exact = haq_di_exact(items, raised_categories)
    return None if exact is None else float(exact)


def raised_categories_from(
    *, aids: Iterable[str] = (), help_categories: Iterable[str] = (), other_aid_categories: Iterable[str] = ()
) -> frozenset[str]:
    """The categories raised by the aids/devices and help ticked on the form (clinical-rules.md section 1.2).

    ``aids``: keys of ``HAQ_AIDS``; the two "Other (specify)" aids raise nothing by themselves: the scorer
    assigns them to the category the patient wrote in, given as ``other_aid_categories``. ``help_categories``:
    the categories where help from another person was ticked.
    """
    if isinstance(aids, str):
        raise CalculatorInputError("aids", "aids must be a collection of aid keys, not a string")
    raised: set[str] = set()
    for aid in aids:
        if aid not in HAQ_AID_CATEGORY:
            raise CalculatorInputError("aids", f"aids has unknown HAQ aid {aid!r}")
        category = HAQ_AID_CATEGORY[aid]
        if category is not None:
            raised.add(category)
    raised |= _categories("help_categories", help_categories)
    raised |= _categories("other_aid_categories", other_aid_categories)
    return frozenset(raised)


def vas_mm_to_haq_scale(vas_mm: float, *, argument: str = "vas_mm") -> float:
    """Convert a 100-mm pain or patient-global VAS to the 0-3 HAQ scale: mm × 3/100 (i.e. × 0.03).

    Stanford convention as recalled in clinical-rules.md section 1.4 [M, not confirmed against the manual]:
    store the raw mm value and this transform. Exact decimal arithmetic (45 mm → 1.35).
    """
    mm = arguments.non_negative_exact(argument, vas_mm)
    if mm > VAS_MM_MAX:
        raise CalculatorInputError(argument, f"{argument} must be between 0 and {VAS_MM_MAX} mm, got {vas_mm}")
    return float(mm * 3 / Decimal(VAS_MM_MAX))
