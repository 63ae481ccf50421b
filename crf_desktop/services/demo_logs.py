"""Demo records of the subject-level logs: concomitant medications and adverse events (repeating forms).

Each generator returns the records of one subject, in order; the story saves them as repeats 1, 2, ...
Adverse events are named by a key of :data:`ADVERSE_EVENTS`, dated in days after baseline; a serious one has
its SAE report (:data:`SAE_REPORTS`, sent on the day the site became aware). Cytopenias are also graded from the
demo's own lab values (:func:`lab_graded_event`), so the AE log agrees with the labs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from crf_desktop.services.demo_course import DemoSubject

#: (name, indication, dose, unit, route, frequency); none is a prohibited medication (exclusion 1).
_CONMEDS = (
    ("Prednisone", "Lupus nephritis", "30", "MG", "PO", "QD"),
    ("Hydroxychloroquine", "Systemic lupus erythematosus", "200", "MG", "PO", "BID"),
    ("Calcium carbonate + vitamin D3", "Glucocorticoid bone protection", "600", "MG", "PO", "QD"),
    ("Benazepril", "Proteinuria", "10", "MG", "PO", "QD"),
)


def conmeds(subject: DemoSubject, baseline: date, rng: Random) -> list[dict[str, str]]:
    """Prednisone and hydroxychloroquine from before screening; calcium/vitamin D and an ACE inhibitor for some."""
    chosen = _CONMEDS[:2] + tuple(med for med in _CONMEDS[2:] if rng.random() < 0.7)
    records = []
    for index, (name, indication, dose, unit, route, frequency) in enumerate(chosen):
        start = baseline - timedelta(days=rng.randint(60, 400) if index < 2 else rng.randint(20, 40))
        records.append({"cm_name": name, "cm_indication": indication, "cm_dose": dose, "cm_unit": unit,
                        "cm_route": route, "cm_frequency": frequency, "cm_ongoing": "Y",
                        "cm_start": start.strftime("%Y-%m") if index < 2 else start.isoformat()})
    return records


@dataclass(frozen=True, kw_only=True)
class DemoEvent:
    """An adverse event of the story: onset (days after baseline), duration (None: ongoing), CTCAE values."""

    onset: int
    days: int | None
    values: dict[str, str]


_NOT_RELATED = {"ae_rel_msc": "NOT_RELATED", "ae_rel_mmf": "UNLIKELY", "ae_action_msc": "NA",
                "ae_action_mmf": "NONE"}

ADVERSE_EVENTS: dict[str, DemoEvent] = {
    "uri": DemoEvent(onset=18, days=7, values={
        "ae_term": "10046300", "ae_verbatim": "Sore throat, cough and runny nose", "ae_grade": "2",
        **_NOT_RELATED, "ae_treated": "Y", "ae_treatment": "Paracetamol as needed"}),
    "zoster": DemoEvent(onset=66, days=21, values={
        "ae_term": "10021881", "ae_other_specify": "Herpes zoster", "ae_grade": "2",
        "ae_verbatim": "Painful vesicular rash on the left chest wall (T5 dermatome)",
        "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE", "ae_expected": "EXPECTED", "ae_action_msc": "NA",
        "ae_action_mmf": "NONE", "ae_treated": "Y", "ae_treatment": "Valaciclovir 1 g three times daily, 7 days"}),
    "infusion_reaction": DemoEvent(onset=0, days=0, values={
        "ae_term": "10051792", "ae_verbatim": "Chills and low-grade fever during the study infusion",
        "ae_grade": "1", "ae_visit": "baseline", "ae_rel_msc": "PROBABLE", "ae_rel_mmf": "NOT_RELATED",
        "ae_expected": "EXPECTED", "ae_action_msc": "NONE", "ae_action_mmf": "NONE", "ae_treated": "N"}),
    "leukopenia": DemoEvent(onset=56, days=14, values={
        "ae_term": "10049182", "ae_verbatim": "Leukopenia, WBC 2.6 × 10⁹/L", "ae_grade": "2", "ae_visit": "week8",
        "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE", "ae_expected": "EXPECTED", "ae_action_msc": "NA",
        "ae_action_mmf": "NONE", "ae_treated": "N"}),
    "pneumonia": DemoEvent(onset=45, days=16, values={
        "ae_term": "10061229", "ae_verbatim": "Community-acquired pneumonia, right lower lobe", "ae_grade": "3",
        "ae_serious": "Y", "sae_criteria": "HOSP", "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE",
        "ae_expected": "EXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "INTERRUPTED", "ae_treated": "Y",
        "ae_treatment": "Piperacillin-tazobactam IV, then oral amoxicillin-clavulanate"}),
}

#: The SAE report of each serious story event (the AE number, report type and medications come from
#: ``adverse_events.sae_report_prefill``).
SAE_REPORTS: dict[str, dict[str, str]] = {
    "pneumonia": {
        "sr_aware_time": "10:15", "sr_sent_time": "15:40",
        "sr_narrative": "Fever 39.2 °C, productive cough and dyspnoea for 2 days; chest X-ray: right lower lobe "
                        "consolidation. Admitted the next day, treated with IV piperacillin-tazobactam, then oral "
                        "amoxicillin-clavulanate; MMF/placebo interrupted for 10 days. Discharged recovered.",
        "sr_history": "Systemic lupus erythematosus since 2019, lupus nephritis class IV; no previous pneumonia; "
                      "never smoked.",
        "sr_tests": "CRP 126 mg/L, procalcitonin 1.8 ng/mL, WBC 11.2 × 10⁹/L on admission; blood cultures "
                    "negative; sputum: Streptococcus pneumoniae.",
        "sr_causality_msc": "Unlikely: last infusion 6 weeks before onset; no signal for infections with MSC.",
        "sr_causality_mmf": "Possible: immunosuppression (MMF or its placebo, blinded) with prednisone raises the "
                            "risk of bacterial pneumonia.",
        "sr_other_causes": "Glucocorticoids (prednisone 30 mg/day); active lupus nephritis.",
        "sr_reporter": "Dr Wang Min", "sr_reporter_role": "PI", "sr_reporter_contact": "+86 10 5555 0101",
    },
}

_CYTOPENIA_DAYS = {"wbc": 14, "neut": 14, "lymph": None}  # resolved after two weeks, or still ongoing


def sae_report(key: str, baseline: date) -> dict[str, str]:
    """The SAE report of the story's serious event ``key``: sent on the day the site became aware."""
    event = ADVERSE_EVENTS[key]
    aware = baseline + timedelta(days=event.onset + 1)
    return {**SAE_REPORTS[key], "sr_sent_date": aware.isoformat()}


def lab_graded_event(analyte: str, grade: int, term_code: str, described: str, day: date,
                     visit: str) -> dict[str, str]:
    """An AE graded from a demo lab value (a cytopenia under MMF/placebo): noticed at ``visit`` on ``day``."""
    days = _CYTOPENIA_DAYS.get(analyte)
    raw = {"ae_term": term_code, "ae_grade": str(grade), "ae_onset": day.isoformat(), "ae_visit": visit,
           "ae_verbatim": described, "ae_serious": "N", "ae_rel_msc": "UNLIKELY", "ae_rel_mmf": "POSSIBLE",
           "ae_expected": "EXPECTED", "ae_action_msc": "NA", "ae_action_mmf": "NONE", "ae_treated": "N"}
    if days is None:
        raw |= {"ae_ongoing": "Y", "ae_outcome": "NOT_RECOVERED"}
    else:
        raw |= {"ae_ongoing": "N", "ae_end": (day + timedelta(days=days)).isoformat(), "ae_outcome": "RECOVERED"}
    return raw


def adverse_event(key: str, baseline: date) -> dict[str, str]:
    """The record of the story's event ``key`` for a subject whose baseline was ``baseline``."""
    event = ADVERSE_EVENTS[key]
    onset = baseline + timedelta(days=event.onset)
    raw = {"ae_onset": onset.isoformat(), "ae_serious": "N", "ae_ongoing": "Y" if event.days is None else "N",
           "ae_outcome": "RECOVERING" if event.days is None else "RECOVERED", **event.values}
    if event.days is not None:
        raw["ae_end"] = (onset + timedelta(days=event.days)).isoformat()
    if raw["ae_serious"] == "Y":
        raw |= {"sae_awareness_date": (onset + timedelta(days=1)).isoformat(),
                "sae_admission_date": (onset + timedelta(days=1)).isoformat(),
                "sae_discharge_date": (onset + timedelta(days=11)).isoformat()}
    return raw
