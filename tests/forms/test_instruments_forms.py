"""Issue 5 (pure part), items 1-4: the HAQ-DI, PhGA, SLEDAI-2K and BILAG-2004 forms.

Sources: clinical-rules.md sections 1-4; DESIGN.md sections 3 and 9. The derived values must equal the public
calculators (crf_desktop.forms.calculators) for the same answers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from crf_desktop.forms import registry
from crf_desktop.forms.calculators import bilag_2004_numeric, haq_di, sledai_2k
from crf_desktop.forms.checks import check_form
from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.instruments.haq import HAQ_AIDS, HAQ_CATEGORIES, HAQ_ITEMS
from crf_desktop.forms.instruments.sledai import SLEDAI_DESCRIPTORS, SLEDAI_WINDOW_DAYS_DEFAULT
from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.library import bilag, haq, phga, sledai
from crf_desktop.forms.model import FieldType
from crf_desktop.forms.validation import Context, validate

CONTEXT = Context(today=date(2024, 6, 1), consent_date=date(2024, 5, 1))
NEW_FORMS = (haq.FORM, phga.FORM, sledai.FORM, bilag.FORM)


def test_every_new_form_passes_the_load_checks() -> None:
    # issue 5: every form passes checks (checks.check_form; DESIGN.md section 3)
    for form in NEW_FORMS:
        check_form(form)


def test_baseline_and_follow_up_visits_hold_the_instruments() -> None:
    # issue 5: baseline and every follow-up visit hold PhGA, SLEDAI-2K, BILAG-2004 and HAQ (PhGA first)
    ids = [form.id for form in NEW_FORMS]
    for visit in ("baseline", "week4", "week12", "week24"):
        held = [f.id for f in registry.REGISTRY.forms_for_visit(visit)]
        assert [form_id for form_id in held if form_id in ids] == ["phga", "sledai", "bilag", "haq"]


def test_field_ids_are_stable_and_export_safe() -> None:
    # issue 5: ids haq_dressing_1 style, sledai_<descriptor key>, bilag_<system>
    assert haq.item_field_id(1) == "haq_dressing_1" and haq.item_field_id(20) == "haq_activities_20"
    assert {f"sledai_{d.key}" for d in SLEDAI_DESCRIPTORS} <= {f.id for f in sledai.FORM.fields}
    assert {f"bilag_{s}" for s in BILAG_SYSTEMS} <= {f.id for f in bilag.FORM.fields}


# ---------------------------------------------------------------------------------------------------------
# HAQ-DI (clinical-rules.md section 1)


def haq_raw(scores: dict[int, int | None], **extra: str) -> dict[str, str]:
    raw = {haq.item_field_id(n): str(s) for n, s in scores.items() if s is not None}
    raw.update(extra)
    return raw


def test_haq_items_categories_answers_and_chinese() -> None:
    # clinical-rules.md 1.1: 20 items in 8 categories, answers 0-3, Simplified Chinese wording
    items = [f for f in haq.FORM.fields if f.id in haq.ITEM_FIELDS]
    assert len(items) == 20 and len(HAQ_ITEMS) == 20
    assert {s.id for s in haq.FORM.sections} >= {f"haq_{c}" for c in HAQ_CATEGORIES}
    first = haq.FORM.field("haq_dressing_1")
    assert first.label.zh == "1. 自己穿衣，包括系鞋带和扣纽扣？"
    assert [(c.code, c.label.zh) for c in first.choices] == [
        ("0", "无任何困难"),
        ("1", "有些困难"),
        ("2", "很困难"),
        ("3", "无法完成"),
    ]
    assert first.choices[0].label.en == "Without ANY difficulty"
    assert set(haq.ITEM_ZH) == {item.number for item in HAQ_ITEMS}
    assert {aid.key for aid in HAQ_AIDS} == set(haq.AID_ZH)


def test_haq_aids_sit_in_their_part_of_the_form() -> None:
    # clinical-rules.md 1.2: part 1 aids after items 1-9, part 2 aids after items 10-20
    part1 = {f.id for f in haq.FORM.sections[[s.id for s in haq.FORM.sections].index("haq_aids_part1")].fields}
    assert {"haq_aid_cane", "haq_aid_special_chair", "haq_aid_other_part1"} <= part1
    assert "haq_aid_jar_opener" not in part1


@pytest.mark.parametrize(
    ("scores", "extra", "raised"),
    [
        ({n: 0 for n in range(1, 21)}, {}, ()),
        ({n: n % 4 for n in range(1, 21)}, {}, ()),
        # aids raise: a walker raises walking 0 -> 2; help with eating raises eating 1 -> 2
        (
            {n: 0 if n != 5 else 1 for n in range(1, 21)},
            {"haq_aid_walker": "1", "haq_help_eating": "1"},
            ("walking", "eating"),
        ),
        # bathtub seat raises hygiene (clinical-rules.md 1.2 discrepancy, Stanford form has both)
        ({n: 1 for n in range(1, 21)}, {"haq_aid_bathtub_seat": "1"}, ("hygiene",)),
        # an "other" aid raises the category the scorer assigns
        (
            {n: 0 for n in range(1, 21)},
            {
                "haq_aid_other_part2": "1",
                "haq_aid_other_part2_text": "reacher",
                "haq_aid_other_part2_category": "reach",
            },
            ("reach",),
        ),
        # a 3 stays 3 with an aid
        ({n: 3 for n in range(1, 21)}, {"haq_aid_cane": "1"}, ("walking",)),
    ],
)
def test_haq_di_matches_the_calculator(
    scores: dict[int, int | None], extra: dict[str, str], raised: tuple[str, ...]
) -> None:
    # issue 5 item 1: derived HAQ-DI == haq_di for the same answers, aids raising (clinical-rules.md 1.3)
    result = validate(haq.FORM, haq_raw(scores, **extra), CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    expected = haq_di(scores, raised)
    assert expected is not None
    assert result.values["haq_di"] == Decimal(repr(expected)).quantize(Decimal("0.001"))
    assert result.values["haq_di_status"] == "OK"


def test_haq_aid_changes_the_score() -> None:
    # clinical-rules.md 1.3 step 2: an aid raises 0/1 to 2
    scores = {n: 0 for n in range(1, 21)}
    without = validate(haq.FORM, haq_raw(scores), CONTEXT).values["haq_di"]
    with_cane = validate(haq.FORM, haq_raw(scores, haq_aid_cane="1"), CONTEXT).values["haq_di"]
    assert without == Decimal("0.000") and with_cane == Decimal("0.250")


def test_haq_six_of_eight_rule() -> None:
    # clinical-rules.md 1.3 step 4 (Stanford >= 6 of 8): 6 categories -> calculated; 5 -> not calculable
    six = {n: 2 for n in range(1, 15)}  # items 1-14: dressing..reach, 6 categories
    result = validate(haq.FORM, haq_raw(six), CONTEXT)
    assert result.values["haq_categories_scored"] == 6
    assert result.values["haq_di"] == Decimal("2.000") and haq_di(six) == 2.0
    five = {n: 2 for n in range(1, 13)}  # items 1-12: 5 categories
    result = validate(haq.FORM, haq_raw(five), CONTEXT)
    assert result.ok  # not calculable is not an error
    assert result.values["haq_categories_scored"] == 5
    assert result.values["haq_di"] is None and haq_di(five) is None
    assert result.values["haq_di_status"] == "NC"
    status = haq.FORM.field("haq_di_status").choice("NC")
    assert status is not None and status.label.en == "not calculable: fewer than 6 categories"


def test_haq_seven_categories_rounds_to_three_decimals() -> None:
    # DI with 7 categories is sum/7: stored to 3 decimals, rounded half up (1/7 = 0.143)
    scores: dict[int, int | None] = {n: 0 for n in range(1, 18)}
    scores[1] = 1
    assert validate(haq.FORM, haq_raw(scores), CONTEXT).values["haq_di"] == Decimal("0.143")


def test_haq_vas_raw_and_converted() -> None:
    # clinical-rules.md 1.4: store raw mm and the 0-3 transform (mm x 3/100)
    result = validate(haq.FORM, {"haq_pain_vas_mm": "45", "haq_global_vas_mm": "100"}, CONTEXT)
    assert result.values["haq_pain_vas_0_3"] == Decimal("1.35")
    assert result.values["haq_global_vas_0_3"] == Decimal("3.00")
    refused = validate(haq.FORM, {"haq_pain_vas_mm": "101"}, CONTEXT)
    assert [i.code for i in refused.errors] == [IssueCode.HARD_RANGE]
    assert validate(haq.FORM, {"haq_pain_vas_mm": "4.5"}, CONTEXT).errors[0].code is IssueCode.TYPE


def test_haq_other_aid_needs_its_category() -> None:
    # the scorer assigns an "other" aid to a category (clinical-rules.md 1.2 [M])
    result = validate(haq.FORM, {"haq_aid_other_part1": "1"}, CONTEXT)
    assert {i.field for i in result.errors} == {"haq_aid_other_part1_text", "haq_aid_other_part1_category"}


# ---------------------------------------------------------------------------------------------------------
# PhGA (clinical-rules.md section 2)


def test_phga_one_decimal_zero_to_three() -> None:
    # issue 5 item 2: decimal precision 1, hard range 0-3
    field = phga.FORM.field("phga")
    assert field.type is FieldType.DECIMAL and field.precision == 1
    assert validate(phga.FORM, {"phga": "1.7"}, CONTEXT).values["phga"] == Decimal("1.7")
    assert validate(phga.FORM, {"phga": "2"}, CONTEXT).values["phga"] == Decimal("2.0")
    assert validate(phga.FORM, {"phga": "1.75"}, CONTEXT).errors[0].code is IssueCode.PRECISION
    assert validate(phga.FORM, {"phga": "3.1"}, CONTEXT).errors[0].code is IssueCode.HARD_RANGE
    assert validate(phga.FORM, {}, CONTEXT).errors[0].code is IssueCode.REQUIRED


# ---------------------------------------------------------------------------------------------------------
# SLEDAI-2K (clinical-rules.md section 3)


def sledai_raw(present: set[str]) -> dict[str, str]:
    return {sledai.descriptor_field_id(d.key): "Y" if d.key in present else "N" for d in SLEDAI_DESCRIPTORS}


def test_sledai_descriptors_weights_definitions_and_window() -> None:
    # issue 5 item 3: 24 yes/no items, weight in the label, definition as help, window in the instructions
    fields = [sledai.FORM.field(sledai.descriptor_field_id(d.key)) for d in SLEDAI_DESCRIPTORS]
    assert len(fields) == 24 and all(f.type is FieldType.YES_NO for f in fields)
    seizure = sledai.FORM.field("sledai_seizure")
    assert seizure.label.en == "Seizure (weight 8)" and seizure.label.zh == "癫痫发作（权重 8）"
    assert seizure.help is not None and seizure.help.en == SLEDAI_DESCRIPTORS[0].definition
    assert "10 days" in sledai.INSTRUCTIONS.en and "10 天" in sledai.INSTRUCTIONS.zh
    assert validate(sledai.FORM, sledai_raw(set()), CONTEXT).values["sledai_window_days"] == SLEDAI_WINDOW_DAYS_DEFAULT
    thirty = sledai.sledai_form(30)
    check_form(thirty)
    assert validate(thirty, {}, CONTEXT).values["sledai_window_days"] == 30


def test_sledai_all_present_is_105() -> None:
    # clinical-rules.md 3: total 0-105 (8x8 + 6x4 + 7x2 + 3x1)
    result = validate(sledai.FORM, sledai_raw({d.key for d in SLEDAI_DESCRIPTORS}), CONTEXT)
    assert result.ok and result.values["sledai_total"] == 105


def test_sledai_total_matches_the_calculator() -> None:
    present = {"arthritis", "proteinuria", "low_complement", "increased_dna_binding", "fever"}
    result = validate(sledai.FORM, sledai_raw(present), CONTEXT)
    assert result.values["sledai_total"] == sledai_2k(present) == 13
    assert validate(sledai.FORM, sledai_raw(set()), CONTEXT).values["sledai_total"] == 0


def test_sledai_total_waits_for_every_descriptor() -> None:
    raw = sledai_raw(set())
    del raw["sledai_fever"]
    result = validate(sledai.FORM, raw, CONTEXT)
    assert result.values["sledai_total"] is None
    assert [i.field for i in result.errors] == ["sledai_fever"]


# ---------------------------------------------------------------------------------------------------------
# BILAG-2004 (clinical-rules.md section 4)


def bilag_raw(grades: dict[str, str]) -> dict[str, str]:
    return {bilag.grade_field_id(system): grade for system, grade in grades.items()}


def test_bilag_systems_grades_and_notes() -> None:
    # issue 5 item 4: 9 systems, grade A-E required, optional notes
    for system in BILAG_SYSTEMS:
        grade = bilag.FORM.field(f"bilag_{system}")
        assert grade.type is FieldType.CHOICE and grade.required
        assert [c.code for c in grade.choices] == ["A", "B", "C", "D", "E"]
        notes = bilag.FORM.field(f"bilag_{system}_notes")
        assert notes.type is FieldType.TEXT and not notes.required
    assert bilag.FORM.field("bilag_renal").label.zh == "肾脏：BILAG-2004 分级"


@pytest.mark.parametrize(
    ("grades", "expected", "overall"),
    [
        (dict.fromkeys(BILAG_SYSTEMS, "E"), 0, "E"),
        (dict.fromkeys(BILAG_SYSTEMS, "A"), 108, "A"),
        ({**dict.fromkeys(BILAG_SYSTEMS, "D"), "renal": "A", "haematological": "B", "mucocutaneous": "C"}, 21, "A"),
    ],
)
def test_bilag_numeric(grades: dict[str, str], expected: int, overall: str) -> None:
    # clinical-rules.md 4.4 [V]: A=12, B=8, C=1, D=E=0 (Yee 2010); overall = highest grade (Yee 2007)
    result = validate(bilag.FORM, bilag_raw(grades), CONTEXT)
    assert result.ok
    assert result.values["bilag_numeric"] == bilag_2004_numeric(grades) == expected
    assert result.values["bilag_overall"] == overall


def test_bilag_numeric_waits_for_every_system() -> None:
    grades = dict.fromkeys(BILAG_SYSTEMS, "C")
    del grades["ophthalmic"]
    result = validate(bilag.FORM, bilag_raw(grades), CONTEXT)
    assert result.values["bilag_numeric"] is None
    assert [i.field for i in result.errors] == ["bilag_ophthalmic"]
