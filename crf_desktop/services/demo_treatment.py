"""Demo values of the study-treatment forms: MSC / placebo infusion, MMF / placebo dosing, drug kits, end of study.

Kit numbers come from :func:`~crf_desktop.services.demo_course.kit_numbers` (``MSC-0001`` / ``MMF-0001``, by the
order of randomisation), so they can be aligned with the assignments of the randomisation list.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from crf_desktop.services.demo_course import DemoSubject, Occasion, kit_numbers

TABLETS_PER_DAY = 4  # 2.0 g/day as 4 × 500 mg tablets
KIT_TABLETS = 140  # 35 days' supply: a 4-week interval and its window

#: Glucocorticoid taper (prednisone mg/day) at baseline and weeks 4-24.
_PREDNISONE = ("30", "25", "20", "15", "12.5", "10", "7.5")


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def infusion(subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    reaction = "reaction" in occasion.events
    start = 9 * 60 + rng.choice((0, 15, 30))
    stop = start + rng.randint(40, 60)
    raw = {
        "inf_given": "Y", "inf_date": occasion.day.isoformat(), "inf_weight_kg": f"{subject.weight_kg:.1f}",
        "inf_kit": kit_numbers(subject.number)[0], "inf_lot": f"LOT-2018-{7 + subject.number // 5:02d}",
        "inf_volume_ml": "100.0", "inf_start_time": _clock(start), "inf_stop_time": _clock(stop),
        "inf_premed": "N", "inf_interrupted": "N", "inf_reaction": "Y" if reaction else "N",
    }
    for name, at in (("pre", start - 15), ("mid", (start + stop) // 2), ("post", stop + 20)):
        fever = reaction and name != "pre"
        raw |= {
            f"inf_{name}_time": _clock(at), f"inf_{name}_sbp": str(rng.randint(108, 132)),
            f"inf_{name}_dbp": str(rng.randint(66, 84)), f"inf_{name}_pulse": str(rng.randint(68, 92) + 12 * fever),
            f"inf_{name}_temp": f"{rng.uniform(37.8, 38.0) if fever else rng.uniform(36.3, 36.9):.1f}",
            f"inf_{name}_rr": str(rng.randint(14, 18)), f"inf_{name}_spo2": str(rng.randint(96, 99)),
        }
    if reaction:
        raw |= {"inf_reaction_details": "Chills and temperature 37.9 °C 20 minutes into the infusion; resolved "
                                        "within 2 hours without treatment", "inf_reaction_ae": "Y"}
    return raw


def mmf_dosing(_subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    raw = {"mmf_as_prescribed": "Y", "mmf_interrupted": "N", "mmf_changed": "N", "gc_drug": "PREDNISONE",
           "gc_dose_mg_day": _PREDNISONE[min(occasion.week // 4, 6)]}
    if "hospitalised" in occasion.events and occasion.baseline:  # the pneumonia SAE (days 46-56) since then
        raw |= {"mmf_as_prescribed": "N", "mmf_interrupted": "Y", "mmf_interrupt_reason": "INFECTION",
                "mmf_interrupt_start": (occasion.baseline + timedelta(days=46)).isoformat(),
                "mmf_interrupt_stop": (occasion.baseline + timedelta(days=57)).isoformat()}
    return raw


def drug_kits(subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    """The kit dispensed at this visit; returned at the next visit attended (or the end), when there was one."""
    raw = {"kit_number": kit_numbers(subject.number)[1], "kit_dispensed_date": occasion.day.isoformat(),
           "kit_dispensed_n": str(KIT_TABLETS), "kit_units_per_day": str(TABLETS_PER_DAY),
           "kit_returned": "N" if occasion.next_day is None else "Y"}
    if occasion.next_day is None:
        return raw
    days = (occasion.next_day - occasion.day).days  # 0 at week 24: the kit comes back unopened
    taken = min(KIT_TABLETS, round(days * TABLETS_PER_DAY * rng.uniform(0.88, 1.02)))
    raw |= {"kit_returned_date": occasion.next_day.isoformat(), "kit_returned_n": str(KIT_TABLETS - taken)}
    if days and taken < 0.8 * days * TABLETS_PER_DAY:
        raw["kit_compliance_reason"] = ("Dosing interrupted during a hospital stay and a visit missed: the "
                                        "tablets ran out before the next visit")
    return raw


def end_of_study(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    """Week 24 completers; an early-termination visit closes the study for a subject who withdrew."""
    baseline = occasion.baseline.isoformat() if occasion.baseline else ""
    raw = {"eos_date": occasion.day.isoformat(), "eos_status": "COMPLETED", "eos_msc_given": "Y",
           "eos_msc_date": baseline, "eos_mmf_taken": "Y", "eos_last_mmf_date": occasion.day.isoformat()}
    if occasion.visit != "week24":
        raw |= {"eos_status": "WITHDREW",
                "eos_last_mmf_date": (occasion.day - timedelta(days=1)).isoformat()}
    return raw
