"""The first real declarations (issue 3 item 7): informed consent and demographics."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.forms.derivations import age_in_years, bmi, count_yes
from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.library.demographics import ACR_FIELDS
from crf_desktop.forms.model import FieldType
from crf_desktop.forms.registry import get_form
from crf_desktop.forms.validation import Context, validate

DEMOGRAPHICS = get_form("demographics")
CONSENT = get_form("consent")
CONTEXT = Context(today=date(2024, 6, 1), consent_date=date(2024, 5, 20))


def complete_demographics(**changes: str) -> dict[str, str]:
    raw = {
        "dob": "12-Jul-1990", "sex": "F", "childbearing": "Y", "ethnicity": "HAN", "height_cm": "162.5",
        "weight_kg": "55", "sle_diagnosis_date": "UNK-03-2019", **{f: "N" for f in ACR_FIELDS},
    }
    raw.update(changes)
    return raw


def test_consent_form_fields() -> None:
    # issue 3 item 7: consent date and version
    ids = [f.id for f in CONSENT.fields]
    assert {"consent_date", "consent_version", "consent_version_date"} <= set(ids)
    assert CONSENT.field("consent_date").label.zh == "知情同意日期"
    raw = {"consent_version": "V2.0", "consent_version_date": "2024-01-15", "consent_date": "2024-05-20",
           "consent_time": "09:30", "consent_obtained_by": "Dr Wang", "consent_copy_given": "Y"}
    assert validate(CONSENT, raw, CONTEXT).ok
    early = validate(CONSENT, {**raw, "consent_date": "2024-01-01"}, CONTEXT)
    assert [i.code for i in early.issues] == [IssueCode.DATE_ORDER]


def test_complete_demographics_is_valid() -> None:
    result = validate(DEMOGRAPHICS, complete_demographics(), CONTEXT)
    assert result.ok, [i.message.en for i in result.issues]
    assert result.values["age_years"] == 33
    assert result.values["bmi"] == Decimal("20.8")
    assert result.values["acr_count"] == 0 and result.values["acr_at_least_4"] == "N"


def test_chinese_labels() -> None:
    # issue 3 item 7: proper Simplified Chinese medical terms
    labels = {f.id: f.label.zh for f in DEMOGRAPHICS.fields}
    assert labels["dob"] == "出生日期"
    assert labels["sex"] == "性别"
    assert labels["childbearing"] == "有生育能力"
    assert labels["ethnicity"] == "民族"
    assert labels["height_cm"] == "身高" and labels["weight_kg"] == "体重"
    assert labels["sle_diagnosis_date"] == "系统性红斑狼疮诊断日期"
    assert DEMOGRAPHICS.section_of("acr_ana").title.zh == "ACR 1997 系统性红斑狼疮分类标准"


def test_age_from_dob_or_recorded_age() -> None:
    # issue 3 item 7: date of birth or age; age derived from date of birth and consent date
    unknown = complete_demographics(dob_unknown="1", dob="", age_reported="45")
    result = validate(DEMOGRAPHICS, unknown, CONTEXT)
    assert result.ok and result.values["age_years"] == 45
    assert "dob" in result.not_applicable
    no_consent = validate(DEMOGRAPHICS, complete_demographics(), Context(today=date(2024, 6, 1)))
    assert no_consent.values["age_years"] is None


def test_age_outside_trial_range_needs_confirmation() -> None:
    result = validate(DEMOGRAPHICS, complete_demographics(dob_unknown="x", age_reported="65"), CONTEXT)
    assert [i.code for i in result.unconfirmed] == [IssueCode.EXPECTED_RANGE]
    assert "18–60 years" in result.unconfirmed[0].message.en
    assert "18–60 岁" in result.unconfirmed[0].message.zh


def test_ethnicity_other_specify() -> None:
    # issue 3 item 7: Han + other, specify
    assert [c.code for c in DEMOGRAPHICS.field("ethnicity").choices] == ["HAN", "OTHER"]
    result = validate(DEMOGRAPHICS, complete_demographics(ethnicity="OTHER"), CONTEXT)
    assert [i.code for i in result.issues] == [IssueCode.REQUIRED]
    assert result.issues[0].field == "ethnicity_other"
    assert validate(DEMOGRAPHICS, complete_demographics(ethnicity="OTHER", ethnicity_other="回族"), CONTEXT).ok


def test_acr_checklist_counts_to_four() -> None:
    # issue 3 item 7: the 11 ACR 1997 criteria, a derived count and the ≥ 4 check (inclusion criterion 1)
    assert len(ACR_FIELDS) == 11
    three = complete_demographics(**{f: "Y" for f in ACR_FIELDS[:3]})
    result = validate(DEMOGRAPHICS, three, CONTEXT)
    assert (result.values["acr_count"], result.values["acr_at_least_4"]) == (3, "N")
    four = complete_demographics(**{f: "Y" for f in ACR_FIELDS[:4]})
    result = validate(DEMOGRAPHICS, four, CONTEXT)
    assert (result.values["acr_count"], result.values["acr_at_least_4"]) == (4, "Y")
    assert DEMOGRAPHICS.field("acr_at_least_4").is_derived
    assert DEMOGRAPHICS.field("acr_at_least_4").type is FieldType.YES_NO


def test_acr_count_needs_every_criterion_answered() -> None:
    raw = complete_demographics(**{f: "Y" for f in ACR_FIELDS[:5]})
    raw["acr_ana"] = ""
    result = validate(DEMOGRAPHICS, raw, CONTEXT)
    assert result.values["acr_count"] is None and result.values["acr_at_least_4"] is None
    assert [i.field for i in result.errors] == ["acr_ana"]


def test_age_in_years() -> None:
    assert age_in_years(date(1990, 7, 12), date(2024, 7, 11)) == 33
    assert age_in_years(date(1990, 7, 12), date(2024, 7, 12)) == 34
    assert age_in_years(date(2000, 2, 29), date(2018, 2, 28)) == 17
    assert age_in_years(date(2000, 2, 29), date(2018, 3, 1)) == 18
    with pytest.raises(ValueError, match="before born"):
        age_in_years(date(2000, 1, 2), date(2000, 1, 1))


def test_bmi() -> None:
    assert bmi(Decimal("170.0"), Decimal("65.0")) == Decimal("22.5")
    assert bmi(Decimal("160.0"), Decimal("64.0")) == Decimal("25.0")
    with pytest.raises(ValueError, match="height_cm"):
        bmi(Decimal(0), Decimal(60))


def test_count_yes() -> None:
    assert count_yes(["Y", "N", "Y"]) == 2
    assert count_yes(["Y", None]) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 1, 1)), st.integers(0, 40000))
def test_age_never_off_by_one(born: date, days: int) -> None:
    on = date.fromordinal(min(born.toordinal() + days, date.max.toordinal()))
    age = age_in_years(born, on)
    assert age >= 0
    birthday = (born.month, born.day)
    assert age == on.year - born.year - ((on.month, on.day) < birthday)
