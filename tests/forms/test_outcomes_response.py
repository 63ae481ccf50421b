"""Issue 5 item 5: per-subject outcomes (SRI-4 per visit, renal response per visit, time to first PR/CR, total
remission at weeks 12 and 24), the site summary and the trend chart.

Rules: DESIGN.md section 9 (KDIGO 2012 as operationalised there; SRI-4 conventions); clinical-rules.md sections
5 and 6. Missing data is "not evaluable" with the missing items named, never a non-response.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.outcomes.response import (
    FOLLOW_UP_CODES,
    renal_response_at,
    sri4_at,
    subject_outcomes,
)
from crf_desktop.forms.outcomes.summary import Counts, site_summary
from crf_desktop.forms.outcomes.trend import TREND_SERIES, trend_chart
from crf_desktop.forms.outcomes.values import Status, VisitValues

DAY0 = date(2024, 1, 8)
BASE_GRADES = {**dict.fromkeys(BILAG_SYSTEMS, "D"), "renal": "A", "haematological": "C"}


def visit(code: str, day: int | None = None, **values: Any) -> VisitValues:
    defaults: dict[str, Any] = dict(
        upcr_g_g=Decimal("2.0"),
        creatinine_umol_l=Decimal("80"),
        sledai_total=12,
        bilag_grades=BASE_GRADES,
        phga=Decimal("1.7"),
    )
    defaults.update(values)
    when = None if day is None else DAY0 + timedelta(days=day)
    return VisitValues(visit=code, visit_date=when, **defaults)


BASELINE = visit("baseline", 0)


# ---------------------------------------------------------------------------------------------------------
# SRI-4 (clinical-rules.md section 5; DESIGN.md section 9)


def test_sri4_responder_with_components() -> None:
    outcome = sri4_at(baseline=BASELINE, visit=visit("week12", 84, sledai_total=8))
    assert outcome.status is Status.RESPONDER
    assert outcome.components is not None and outcome.components.sledai_reduction == 4


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"sledai_total": 9}, Status.NON_RESPONDER),  # down by 3 only
        ({"sledai_total": 8, "phga": Decimal("2.0")}, Status.NON_RESPONDER),  # PhGA +0.3 (tenths)
        ({"sledai_total": 8, "phga": Decimal("1.9")}, Status.RESPONDER),  # PhGA +0.2
        ({"sledai_total": 8, "bilag_grades": {**BASE_GRADES, "musculoskeletal": "A"}}, Status.NON_RESPONDER),
        ({"sledai_total": 8, "bilag_grades": {**BASE_GRADES, "musculoskeletal": "B"}}, Status.RESPONDER),
        (
            {"sledai_total": 8, "bilag_grades": {**BASE_GRADES, "musculoskeletal": "B", "ophthalmic": "B"}},
            Status.NON_RESPONDER,
        ),
        ({"sledai_total": 8, "bilag_grades": {**BASE_GRADES, "renal": "B"}}, Status.RESPONDER),  # A -> B
    ],
)
def test_sri4_each_component_on_both_sides(changes: dict[str, Any], status: Status) -> None:
    assert sri4_at(baseline=BASELINE, visit=visit("week12", 84, **changes)).status is status


def test_sri4_not_evaluable_names_missing_items() -> None:
    grades = {k: v for k, v in BASE_GRADES.items() if k != "renal"}
    outcome = sri4_at(baseline=BASELINE, visit=visit("week12", 84, sledai_total=None, bilag_grades=grades))
    assert outcome.status is Status.NOT_EVALUABLE and outcome.components is None
    assert outcome.missing == ("week12: sledai_total", "week12: bilag_renal")
    absent = sri4_at(baseline=None, visit=None, visit_code="week8")
    assert absent.missing == ("baseline: visit not recorded", "week8: visit not recorded")
    assert absent.describe().en == ("SRI-4: not evaluable: missing Baseline (day 0): visit not recorded; "
                                    "Week 8: visit not recorded")


# ---------------------------------------------------------------------------------------------------------
# Renal response (DESIGN.md section 9 KDIGO 2012; clinical-rules.md section 6)


@pytest.mark.parametrize(
    ("upcr", "creatinine", "category"),
    [
        ("0.49", "88", "complete"),  # < 0.5 g/g and creatinine 110 % of 80
        ("0.50", "88", "partial"),  # 0.5 is not < 0.5; down 75 %
        ("0.49", "88.1", "partial"),  # creatinine just over 110 %
        ("1.00", "100", "partial"),  # down exactly 50 %, creatinine exactly 125 %
        ("1.01", "80", "none"),  # down < 50 %
        ("1.00", "100.1", "none"),  # creatinine > 125 %
    ],
)
def test_renal_response_both_sides_of_thresholds(upcr: str, creatinine: str, category: str) -> None:
    outcome = renal_response_at(
        baseline=BASELINE, visit=visit("week12", 84, upcr_g_g=Decimal(upcr), creatinine_umol_l=Decimal(creatinine))
    )
    assert outcome.category == category and outcome.definition == "KDIGO 2012"
    assert outcome.status is (Status.NON_RESPONDER if category == "none" else Status.RESPONDER)


def test_renal_response_nephrotic_baseline() -> None:
    # KDIGO 2012: baseline >= 3.0 g/g needs < 3.0 g/g for a partial response, besides the 50 % fall
    nephrotic = visit("baseline", 0, upcr_g_g=Decimal("8.0"))
    assert renal_response_at(baseline=nephrotic, visit=visit("week12", upcr_g_g=Decimal("2.9"))).category == "partial"
    assert renal_response_at(baseline=nephrotic, visit=visit("week12", upcr_g_g=Decimal("3.0"))).category == "none"
    # the EULAR definition, selected by name, asks < 3.0 whatever the baseline (same result here)
    eular = renal_response_at(
        baseline=nephrotic, visit=visit("week12", upcr_g_g=Decimal("2.9")), definition="EULAR/ERA-EDTA 2012"
    )
    assert eular.category == "partial" and eular.definition == "EULAR/ERA-EDTA 2012"


def test_renal_response_not_evaluable_names_missing_items() -> None:
    outcome = renal_response_at(
        baseline=visit("baseline", 0, creatinine_umol_l=None), visit=visit("week12", upcr_g_g=None)
    )
    assert outcome.category is None and outcome.status is Status.NOT_EVALUABLE
    assert outcome.missing == ("week12: upcr_g_g", "baseline: creatinine_umol_l")
    # Field labels from the declarations, never field ids (issue 5: texts a person reads).
    assert outcome.describe().en == ("KDIGO 2012: not evaluable: missing Week 12: Urine protein/creatinine ratio "
                                     "(first-morning urine); Baseline (day 0): Serum creatinine")
    assert "upcr_g_g" not in outcome.describe().zh and "血肌酐" in outcome.describe().zh
    # a definition that needs albumin names it
    liu = renal_response_at(baseline=BASELINE, visit=visit("week12"), definition="Liu 2015 multitarget")
    assert liu.missing == ("week12: albumin_g_l", "week12: sediment_active")


def test_unknown_definition_is_refused() -> None:
    with pytest.raises(ValueError, match="definition"):
        renal_response_at(baseline=BASELINE, visit=visit("week12"), definition="KDIGO 2013")


# ---------------------------------------------------------------------------------------------------------
# Subject outcomes: time to response, total remission


def course() -> list[VisitValues]:
    return [
        visit("week4", 29, upcr_g_g=Decimal("1.5")),  # none
        visit("week8", 55, upcr_g_g=None),  # not evaluable
        visit("week12", 85, upcr_g_g=Decimal("0.9"), sledai_total=6),  # partial
        visit("week16", 112, upcr_g_g=Decimal("0.6")),  # partial
        visit("week20", 141, upcr_g_g=Decimal("0.4")),  # complete
        # week24 not recorded
    ]


def test_subject_outcomes_per_visit() -> None:
    result = subject_outcomes(subject="S001", baseline=BASELINE, visits=course())
    assert [row.visit for row in result.visits] == list(FOLLOW_UP_CODES)
    assert [row.renal.category for row in result.visits] == ["none", None, "partial", "partial", "complete", None]
    assert [row.days_from_baseline for row in result.visits] == [29, 55, 85, 112, 141, None]
    assert result.visits[2].sri4.status is Status.RESPONDER
    assert result.visits[5].renal.missing == ("week24: visit not recorded",)


def test_time_to_first_partial_and_complete_response() -> None:
    timing = subject_outcomes(subject="S001", baseline=BASELINE, visits=course()).time_to_response
    assert timing.definition == "KDIGO 2012"
    assert timing.first_response is not None and (timing.first_response.visit, timing.first_response.days) == (
        "week12",
        85,
    )
    assert timing.first_partial is not None and timing.first_partial.visit == "week12"
    assert timing.first_complete is not None and (timing.first_complete.visit, timing.first_complete.days) == (
        "week20",
        141,
    )
    assert timing.not_evaluable == ("week8", "week24")


def test_time_to_response_complete_first() -> None:
    timing = subject_outcomes(
        subject="S002", baseline=BASELINE, visits=[visit("week4", 28, upcr_g_g=Decimal("0.3"))]
    ).time_to_response
    assert timing.first_response is not None and timing.first_response.visit == "week4"
    assert timing.first_partial is None
    assert timing.first_complete is not None and timing.first_complete.days == 28


def test_total_remission_weeks_12_and_24() -> None:
    # CR + PR at weeks 12 and 24; a missing week is not evaluable, not a non-responder
    remission = subject_outcomes(subject="S001", baseline=BASELINE, visits=course()).remission
    assert [(r.visit, r.status) for r in remission] == [("week12", Status.RESPONDER), ("week24", Status.NOT_EVALUABLE)]
    assert remission[1].missing == ("week24: visit not recorded",)


def test_missing_baseline_makes_everything_not_evaluable() -> None:
    result = subject_outcomes(subject="S003", baseline=None, visits=course())
    assert all(row.renal.status is Status.NOT_EVALUABLE for row in result.visits)
    assert all("baseline: visit not recorded" in row.sri4.missing for row in result.visits)
    assert result.time_to_response.first_response is None


def test_duplicate_visits_are_refused() -> None:
    with pytest.raises(ValueError, match="week4"):
        subject_outcomes(subject="S004", baseline=BASELINE, visits=[visit("week4"), visit("week4")])


# ---------------------------------------------------------------------------------------------------------
# Site summary (no arms)


def test_site_summary_counts() -> None:
    subjects = [
        subject_outcomes(subject="S001", baseline=BASELINE, visits=course()),
        subject_outcomes(subject="S002", baseline=BASELINE, visits=[visit("week12", 84, upcr_g_g=Decimal("0.3"))]),
        subject_outcomes(subject="S003", baseline=BASELINE, visits=[visit("week12", 84, upcr_g_g=Decimal("1.9"))]),
        subject_outcomes(subject="S004", baseline=None, visits=[]),
    ]
    summary = site_summary(subjects)
    assert summary.subjects == 4 and summary.definition == "KDIGO 2012"
    assert [v.visit for v in summary.visits] == list(FOLLOW_UP_CODES)
    week12 = summary.visit("week12")
    assert week12.renal == Counts(responders=2, non_responders=1, not_evaluable=1)
    assert (week12.renal_complete, week12.renal_partial) == (1, 1)
    assert week12.sri4 == Counts(responders=1, non_responders=2, not_evaluable=1)
    assert summary.visit("week24").renal == Counts(not_evaluable=4)
    assert week12.renal.total == 4


def test_site_summary_refuses_mixed_definitions() -> None:
    kdigo = subject_outcomes(subject="S001", baseline=BASELINE, visits=[])
    eular = subject_outcomes(subject="S002", baseline=BASELINE, visits=[], definition="EULAR/ERA-EDTA 2012")
    with pytest.raises(ValueError, match="different renal definitions"):
        site_summary([kdigo, eular])


# ---------------------------------------------------------------------------------------------------------
# Trend chart (data only)


def test_trend_chart_definition() -> None:
    visits = [
        visit(
            "baseline",
            0,
            egfr=Decimal("95"),
            albumin_g_l=Decimal("28"),
            c3_g_l=Decimal("0.6"),
            c4_g_l=Decimal("0.08"),
            anti_dsdna_iu_ml=Decimal("300"),
        ),
        visit("week4", 28, upcr_g_g=None, egfr=Decimal("98")),
    ]
    chart = trend_chart(visits)
    assert [s.key for s in chart.series] == ["upcr", "egfr", "albumin", "c3", "c4", "anti_dsdna", "sledai", "phga"]
    assert len(TREND_SERIES) == 8
    assert chart.visits == ("baseline", "week4") and chart.days == (0, 28)
    assert chart.visit_labels[1].en == "Week 4" and chart.visit_labels[1].zh == "第 4 周"
    assert chart.get("upcr").values == (Decimal("2.0"), None)
    assert chart.get("egfr").unit.en == "mL/min/1.73 m²"
    assert chart.get("sledai").name.zh == "SLEDAI-2K" and chart.get("phga").values == (Decimal("1.7"),) * 2
    assert all(s.name.en and s.name.zh and s.unit.en for s in chart.series)
