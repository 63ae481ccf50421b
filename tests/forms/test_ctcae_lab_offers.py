"""Issue 6 item 3: which terms a labs record suggests as adverse events (pure grading of the record's values).

Thresholds: CTCAE v4.03 (clinical-rules.md 8.2) as executed in section 8.3; the calculator's own boundary tests
are in test_calc_ctcae_lab.py."""

from __future__ import annotations

from decimal import Decimal

from crf_desktop.forms.ctcae.lab_offers import ANALYTE_TERMS, DISEASE_MEASURES, Limits, lab_grading
from crf_desktop.forms.ctcae.terms import term_by_name
from crf_desktop.forms.instruments.ctcae_lab import CTCAE_LAB_TERMS
from crf_desktop.forms.library.lab_units import ANALYTES

D = Decimal
LIMITS = {"hb": Limits(lln=D(115), uln=D(150)), "plt": Limits(lln=D(125), uln=D(350)),
          "wbc": Limits(lln=D("3.5"), uln=D("9.5")), "alt": Limits(uln=D(40)), "scr": Limits(lln=D(45), uln=D(104)),
          "prot24h": Limits(uln=D("0.15"))}


def test_every_analyte_term_is_a_graded_ctcae_term_and_a_labs_form_analyte() -> None:
    for analyte, term in ANALYTE_TERMS.items():
        assert analyte in ANALYTES and term in CTCAE_LAB_TERMS and term_by_name(term) is not None
    assert DISEASE_MEASURES == {"scr", "prot24h"}


def test_values_meeting_grade_1_or_more_are_suggested_with_their_grade() -> None:
    # Hb 100 g/L with LLN 115: grade 1 ("<LLN - 100 g/L" includes 100); platelets 49: grade 3 (<50 - 25)
    grading = lab_grading({"hb": D(100), "plt": D(49), "wbc": D("4.0"), "alt": D(40)}, LIMITS,
                          baseline_creatinine=None, grade_disease_measures=False)
    found = {s.term.term: s.grade for s in grading.suggestions}
    assert found == {"Anemia": 1, "Platelet count decreased": 3}  # WBC normal, ALT = ULN is not above it
    assert grading.ungraded == ()


def test_a_missing_limit_leaves_the_term_ungraded_and_says_which_limit() -> None:
    grading = lab_grading({"neut": D("0.4"), "ast": D(500)}, {}, baseline_creatinine=None,
                          grade_disease_measures=False)
    assert grading.suggestions == ()
    assert grading.ungraded == (("neut", "LLN"), ("ast", "ULN"))


def test_proteinuria_and_creatinine_are_graded_only_when_the_study_says_so() -> None:
    values = {"scr": D(160), "prot24h": D("3.6")}
    off = lab_grading(values, LIMITS, baseline_creatinine=D(70), grade_disease_measures=False)
    assert off.suggestions == ()
    on = lab_grading(values, LIMITS, baseline_creatinine=D(70), grade_disease_measures=True)
    found = {s.term.term: s.grade for s in on.suggestions}
    # creatinine 160 > 1.5 × ULN 104 (156) and > 1.5 × baseline 70 (105) but not > 3 × baseline (210): grade 2;
    # proteinuria >= 3.5 g/24 h: grade 3
    assert found == {"Creatinine increased": 2, "Proteinuria": 3}
    assert next(s for s in on.suggestions if s.analyte == "scr").baseline == D(70)
