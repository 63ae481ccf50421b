"""Issue 5 items 3 and 5: what the SLEDAI-2K suggestions and the renal outcomes say is read by a physician, so it
names field labels (never field ids) and shows formatted values with their units; the pyuria descriptor (> 5
WBC/HPF, infection excluded; Gladman 2002 via clinical-rules.md section 3) and a qualitative anti-dsDNA result
can be decided; a renal response carries the values it was decided on (UPCR and creatinine, baseline and visit)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from crf_desktop.forms.outcomes.response import RenalEvidence, renal_response_at
from crf_desktop.forms.outcomes.sledai_suggestions import SledaiSuggestion, suggest_sledai_descriptors
from crf_desktop.forms.outcomes.values import VisitValues


def suggestion(key: str, **labs: Any) -> SledaiSuggestion:
    return {s.key: s for s in suggest_sledai_descriptors(**labs)}[key]


def test_pyuria_is_decided_from_urine_wbc_with_infection_excluded() -> None:
    assert suggestion("pyuria", urine_wbc_hpf=6).present is True
    assert suggestion("pyuria", urine_wbc_hpf=5).present is False
    infected = suggestion("pyuria", urine_wbc_hpf=20, urinary_infection=True)
    assert infected.present is False and "urinary tract infection recorded" in infected.evidence.en
    assert "泌尿系感染" in infected.evidence.zh
    assert suggestion("pyuria", urine_wbc_hpf=20, urinary_infection=False).present is True
    undecided = suggestion("pyuria")
    assert undecided.present is None and "missing Urine white blood cells" in undecided.evidence.en


def test_a_qualitative_anti_dsdna_result_decides_when_no_value_and_uln_are_given() -> None:
    assert suggestion("increased_dna_binding", anti_dsdna_positive=True).present is True
    negative = suggestion("increased_dna_binding", anti_dsdna_positive=False)
    assert negative.present is False and "negative by the laboratory's cut-off" in negative.evidence.en
    # a quantitative value with the laboratory's ULN wins over the qualitative reading
    assert suggestion("increased_dna_binding", anti_dsdna=40, anti_dsdna_uln=100,
                      anti_dsdna_positive=True).present is False


def test_missing_inputs_are_named_by_their_labels_not_their_ids() -> None:
    found = suggestion("low_complement", c3=Decimal("0.8"))
    text = found.evidence.en
    assert found.missing == ("c3_lln", "c4", "c4_lln")  # the argument names stay machine-readable
    assert "Complement C3: LLN of the laboratory's reference range" in text and "Complement C4" in text
    assert "c3_lln" not in text and "c4_lln" not in found.evidence.zh
    assert "upcr_g_g" not in suggestion("proteinuria").evidence.en
    assert "24-h urine protein" in suggestion("proteinuria", upcr_stands_in=False).evidence.en


def test_values_are_formatted_with_units() -> None:
    low = suggestion("low_complement", c3=Decimal("0.500"), c3_lln=Decimal("0.90"), c4=Decimal("0.200"),
                     c4_lln=Decimal("0.10"))
    assert low.present is True
    assert low.evidence.en.startswith("Complement C3 0.5 g/L < LLN 0.9 g/L: suggests Low complement present")
    assert "补体C3 0.5 g/L < 正常值下限 0.9 g/L" in low.evidence.zh
    assert suggestion("proteinuria", proteinuria_g_24h=Decimal("1.20")).evidence.en.startswith(
        "24-h urine protein 1.2 g/24 h > 0.5 g/24 h")


def test_a_renal_response_carries_its_deciding_values() -> None:
    # KDIGO 2012 (DESIGN.md section 9): UPCR 3.2 → 1.1 g/g is down 66 % but not < 0.5; creatinine 110 % ≤ 125 %
    baseline = VisitValues(visit="baseline", upcr_g_g=Decimal("3.20"), creatinine_umol_l=Decimal("80.0"))
    week12 = VisitValues(visit="week12", upcr_g_g=Decimal("1.10"), creatinine_umol_l=Decimal("88.0"))
    outcome = renal_response_at(baseline=baseline, visit=week12)
    assert outcome.category == "partial"
    assert outcome.evidence == RenalEvidence(upcr_baseline_g_g=Decimal("3.20"), upcr_g_g=Decimal("1.10"),
                                             creatinine_baseline_umol_l=Decimal("80.0"),
                                             creatinine_umol_l=Decimal("88.0"))
    assert outcome.evidence is not None and outcome.evidence.creatinine_percent_of_baseline == Decimal(110)
    assert outcome.describe().en == ("partial response (KDIGO 2012): UPCR 3.2 → 1.1 g/g (−66 %); creatinine "
                                     "80 → 88 µmol/L (110 % of baseline)")
    assert "尿蛋白/肌酐比值 3.2 → 1.1 g/g" in outcome.describe().zh
    assert renal_response_at(baseline=None, visit=week12).evidence is None
