"""Issue 5 items 3-4: SLEDAI-2K lab suggestions (clinical-rules.md section 3) and the BILAG-2004 renal and
haematological hints (clinical-rules.md sections 4.5-4.6, [M] not verified: hints only, never the grade)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from crf_desktop.forms.outcomes.bilag_hints import haematological_hint, renal_hint
from crf_desktop.forms.outcomes.sledai_suggestions import LAB_DESCRIPTORS, SledaiSuggestion, suggest_sledai_descriptors


def suggestion(key: str, **labs: Any) -> SledaiSuggestion:
    found = {s.key: s for s in suggest_sledai_descriptors(**labs)}
    return found[key]


@pytest.mark.parametrize(
    ("key", "labs", "present"),
    [
        # Gladman 2002 via clinical-rules.md section 3, each threshold on both sides
        ("proteinuria", {"proteinuria_g_24h": Decimal("0.51")}, True),
        ("proteinuria", {"proteinuria_g_24h": Decimal("0.50")}, False),
        ("proteinuria", {"upcr_g_g": Decimal("0.6")}, True),
        ("proteinuria", {"upcr_g_g": Decimal("0.5")}, False),
        ("hematuria", {"urine_rbc_hpf": 6}, True),
        ("hematuria", {"urine_rbc_hpf": 5}, False),
        ("pyuria", {"urine_wbc_hpf": 6}, True),
        ("pyuria", {"urine_wbc_hpf": 5}, False),
        ("urinary_casts", {"casts": True}, True),
        ("urinary_casts", {"casts": False}, False),
        ("low_complement", {"c3": Decimal("0.89"), "c3_lln": Decimal("0.9")}, True),
        ("low_complement", {"c4": Decimal("0.09"), "c4_lln": Decimal("0.1")}, True),
        (
            "low_complement",
            {"c3": Decimal("0.9"), "c3_lln": Decimal("0.9"), "c4": Decimal("0.1"), "c4_lln": Decimal("0.1")},
            False,
        ),
        ("increased_dna_binding", {"anti_dsdna": 101, "anti_dsdna_uln": 100}, True),
        ("increased_dna_binding", {"anti_dsdna": 100, "anti_dsdna_uln": 100}, False),
        ("thrombocytopenia", {"platelets_10e9_l": 99}, True),
        ("thrombocytopenia", {"platelets_10e9_l": 100}, False),
        ("leukopenia", {"wbc_10e9_l": Decimal("2.9")}, True),
        ("leukopenia", {"wbc_10e9_l": Decimal("3.0")}, False),
    ],
)
def test_sledai_suggestion_thresholds(key: str, labs: dict[str, Any], present: bool) -> None:
    found = suggestion(key, **labs)
    assert found.present is present
    assert found.field_id == f"sledai_{key}"
    assert found.evidence.en and found.evidence.zh
    assert ("suggests" in found.evidence.en) is present


def test_sledai_suggestions_cover_the_lab_descriptors_only() -> None:
    # nothing given: every lab descriptor undecided with its missing inputs named; never written to the form
    found = suggest_sledai_descriptors()
    assert tuple(s.key for s in found) == LAB_DESCRIPTORS
    assert all(s.present is None and s.missing for s in found)
    assert suggestion("low_complement").missing == ("c3", "c3_lln", "c4", "c4_lln")


def test_sledai_suggestion_evidence_text() -> None:
    found = suggestion("hematuria", urine_rbc_hpf=8)
    assert found.evidence.en.startswith("Urine RBC 8/HPF > 5/HPF: suggests Hematuria present")
    assert "Exclude stone, infection" in found.evidence.en
    assert found.evidence.zh.startswith("尿红细胞 8个/高倍视野 > 5个/高倍视野：提示血尿存在")


def test_sledai_24h_protein_wins_and_upcr_stand_in_is_optional() -> None:
    # clinical-rules.md 3 discrepancy: UPCR stands in only when no 24-h collection; protocol may refuse it
    assert suggestion("proteinuria", proteinuria_g_24h=Decimal("0.3"), upcr_g_g=Decimal("2")).present is False
    assert "in place of a 24-h" in suggestion("proteinuria", upcr_g_g=Decimal("2")).evidence.en
    assert suggestion("proteinuria", upcr_g_g=Decimal("2"), upcr_stands_in=False).present is None


def test_one_low_complement_suffices_but_normal_needs_both() -> None:
    assert suggestion("low_complement", c3=Decimal("1.0"), c3_lln=Decimal("0.9")).present is None


def test_sledai_suggestions_refuse_impossible_values() -> None:
    with pytest.raises(ValueError, match="urine_rbc_hpf"):
        suggest_sledai_descriptors(urine_rbc_hpf=-1)


# ---------------------------------------------------------------------------------------------------------
# BILAG-2004 hints (clinical-rules.md 4.5 / 4.6 [M])


def test_haematological_hint_grades() -> None:
    assert haematological_hint(platelets_10e9_l=24).grade == "A"
    assert haematological_hint(platelets_10e9_l=25).grade == "B"
    assert haematological_hint(platelets_10e9_l=50).grade == "C"
    assert haematological_hint(haemoglobin_g_l=79).grade == "A"
    assert haematological_hint(haemoglobin_g_l=85).grade == "B"
    assert haematological_hint(wbc_10e9_l=Decimal("3.9")).grade == "C"
    assert haematological_hint(lymphocytes_10e9_l=Decimal("0.9")).grade == "C"


def test_haematological_hint_is_labelled_and_names_missing() -> None:
    hint = haematological_hint(platelets_10e9_l=150)
    assert hint.grade is None and hint.lower_bound
    assert "wbc_10e9_l" in hint.missing and "ttp" in hint.missing
    assert hint.describe().en.startswith("Hint (not the recorded grade)")
    assert "[M] not verified" in hint.describe().en and "未经核实" in hint.describe().zh
    complete = haematological_hint(
        haemoglobin_g_l=130,
        wbc_10e9_l=6,
        neutrophils_10e9_l=4,
        lymphocytes_10e9_l=2,
        platelets_10e9_l=200,
        ttp=False,
        active_haemolysis=False,
        coombs_positive_isolated=False,
    )
    assert complete.grade is None and not complete.missing


def renal(**values: Any) -> str | None:
    base: dict[str, Any] = dict(
        upcr_g_g=Decimal("0.1"),
        upcr_previous_g_g=Decimal("0.1"),
        creatinine_umol_l=70,
        creatinine_previous_umol_l=70,
        egfr=110,
        egfr_previous=110,
        urine_rbc_hpf=0,
        urine_wbc_hpf=0,
        cellular_casts=False,
        accelerated_hypertension=False,
        active_nephritis_histology=False,
        nephrotic_syndrome=False,
    )
    base.update(values)
    return renal_hint(**base).grade


def test_renal_hint_grades() -> None:
    # A: >= 2 features including (1), (4) or (5); B: one feature; proteinuria >= 50 mg/mmol not improving; C: > 25
    assert renal() is None
    assert renal(upcr_g_g=Decimal("2.0"), upcr_previous_g_g=Decimal("2.0"), urine_rbc_hpf=10) == "A"
    # two features but neither (1), (4) nor (5): B
    assert renal(accelerated_hypertension=True, nephrotic_syndrome=True) == "B"
    assert renal(urine_rbc_hpf=10) == "B"
    # 0.5 g/g = 56.6 mg/mmol >= 50, not improved by 25 % -> B; improved by 25 % -> C (> 25 mg/mmol)
    assert renal(upcr_g_g=Decimal("0.5"), upcr_previous_g_g=Decimal("0.6")) == "B"
    assert renal(upcr_g_g=Decimal("0.45"), upcr_previous_g_g=Decimal("0.6")) == "C"
    assert renal(upcr_g_g=Decimal("0.22")) is None  # 24.9 mg/mmol
    assert renal(upcr_g_g=Decimal("0.23")) == "C"  # 26.0 mg/mmol
    assert renal(upcr_g_g=Decimal("0.2"), upcr_previous_g_g=Decimal("0.2")) is None  # 22.6 mg/mmol


def test_renal_hint_is_a_lower_bound_when_inputs_are_missing() -> None:
    hint = renal_hint(upcr_g_g=Decimal("0.3"))
    assert hint.grade == "C" and hint.lower_bound
    assert hint.describe().en.startswith("Hint (not the recorded grade): Renal at least C")
