"""Demo values of the laboratory and disease-activity forms: labs, PhGA, SLEDAI-2K, BILAG-2004, HAQ-DI.

All read :func:`~crf_desktop.services.demo_course.lab_course`, so a visit's SLEDAI-2K descriptors and BILAG renal
grade agree with its labs.
"""

from __future__ import annotations

from random import Random

from crf_desktop.forms.instruments import haq as haq_scoring
from crf_desktop.forms.instruments import sledai as sledai_scoring
from crf_desktop.services.demo_course import COMPLETE, NONE, PARTIAL, DemoSubject, Occasion, lab_course

LAB_NAME = "Central Hospital clinical laboratory"


def _fmt(value: float, places: int) -> str:
    return f"{value:.{places}f}"


def labs(subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    course = lab_course(subject, occasion)
    dsdna = "POS" if course.dna_binding else "BORDER" if course.dsdna >= 80 else "NEG"
    neut = course.wbc * rng.uniform(0.55, 0.7)
    raw = {
        "lab_date": occasion.day.isoformat(), "lab_name": LAB_NAME,
        "prot24h_unit": "G", "prot24h_in_g": _fmt(course.upcr * rng.uniform(1.0, 1.2), 2),
        "upcr_unit": "G_G", "upcr_in_g_g": _fmt(course.upcr, 2),
        "urine_rbc_hpf": str(course.rbc), "urine_casts": "Y" if course.casts else "N",
        # no pyuria in the demo (its SLEDAI-2K answers pyuria "no"); its own seed keeps the other draws as they were
        "urine_wbc_hpf": str(Random(f"{subject.initials}/{occasion.visit}/wbc").randint(0, 4)),
        "alb_unit": "G_L", "alb_in_g_l": _fmt(course.albumin, 1),
        "scr_unit": "UMOL_L", "scr_in_umol_l": _fmt(course.scr, 1),
        "c3_unit": "G_L", "c3_in_g_l": _fmt(course.c3, 2), "c4_unit": "G_L", "c4_in_g_l": _fmt(course.c4, 3),
        "ana_titre": rng.choice(("T320", "T640", "T1280")), "dsdna_result": dsdna,
        "dsdna_value": _fmt(course.dsdna, 1), "dsdna_unit": "IU_ML",
        "wbc_unit": "E9_L", "wbc_in_e9_l": _fmt(course.wbc, 2), "neut_unit": "E9_L", "neut_in_e9_l": _fmt(neut, 2),
        "lymph_unit": "E9_L", "lymph_in_e9_l": _fmt(course.wbc * rng.uniform(0.15, 0.25), 2),
        "hb_unit": "G_L", "hb_in_g_l": str(rng.randint(98, 128)),
        "plt_unit": "E9_L", "plt_in_e9_l": _fmt(rng.uniform(140, 290), 0),
        "alt_u_l": str(rng.randint(12, 38)), "ast_u_l": str(rng.randint(14, 35)),
        "tbil_unit": "UMOL_L", "tbil_in_umol_l": _fmt(rng.uniform(5, 16), 1),
    }
    if course.casts:
        raw["urine_cast_types"] = "RBC,GRANULAR"
    if occasion.visit == "screening":
        raw["weight_kg"] = _fmt(subject.weight_kg, 1)  # the creatinine clearance of exclusion 7
    return raw


#: PhGA at baseline, and its fraction later by course (never worse than baseline: no SRI-4 PhGA failure).
_PHGA_LATER = {COMPLETE: 0.2, PARTIAL: 0.5, NONE: 0.95}


def phga(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    start = Random(f"{subject.initials}/phga").uniform(1.8, 2.5)
    share = min(1.0, occasion.week / 12)
    value = start * (1 - share * (1 - _PHGA_LATER[subject.response]))
    return {"phga": _fmt(value, 1)}


def _clinical(subject: DemoSubject, occasion: Occasion) -> set[str]:
    """Non-renal SLEDAI-2K descriptors: some at baseline (fixed per subject), gone later for responders."""
    features = set(Random(f"{subject.initials}/features").sample(("rash", "arthritis", "alopecia",
                                                                   "mucosal_ulcers"), 2))
    if occasion.week == 0 or (subject.response == NONE and occasion.week <= 8):
        return features
    return set()


def sledai(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    course = lab_course(subject, occasion)
    present = _clinical(subject, occasion) | {
        key for key, yes in (("proteinuria", course.proteinuria), ("hematuria", course.rbc > 5),
                             ("urinary_casts", course.casts), ("low_complement", course.low_complement),
                             ("increased_dna_binding", course.dna_binding)) if yes}
    return {f"sledai_{d.key}": "Y" if d.key in present else "N" for d in sledai_scoring.SLEDAI_DESCRIPTORS}


def _renal_grade(subject: DemoSubject, occasion: Occasion) -> str:
    course = lab_course(subject, occasion)
    if occasion.week == 0:
        return "A" if course.upcr >= 3.0 else "B"  # clinical-rules: heavy proteinuria with active sediment
    if course.upcr < 0.5:
        return "D"
    return "C" if subject.response == PARTIAL and occasion.week >= 8 else "B"


def bilag(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    features = _clinical(subject, occasion)
    grades = {
        "constitutional": "C" if occasion.week == 0 else "D",
        "mucocutaneous": "C" if features & {"rash", "alopecia", "mucosal_ulcers"} else "D",
        "neuropsychiatric": "E", "musculoskeletal": "C" if "arthritis" in features else "D",
        "cardiorespiratory": "E", "gastrointestinal": "E", "ophthalmic": "E",
        "renal": _renal_grade(subject, occasion), "haematological": "D",
    }
    raw = {f"bilag_{system}": grade for system, grade in grades.items()}
    if grades["renal"] in ("A", "B"):
        raw["bilag_renal_notes"] = "Active nephritis: proteinuria with active urinary sediment"
    return raw


def haq(subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    """Mostly "without any difficulty", a few items 1-2 (fewer later for responders); some use an aid."""
    difficult = 6 if occasion.week == 0 or subject.response == NONE else 2
    harder = set(rng.sample(range(1, 21), difficult))
    raw = {f"haq_{item.category}_{item.number}": str(rng.choice((1, 1, 2))) if item.number in harder else "0"
           for item in haq_scoring.HAQ_ITEMS}
    if Random(f"{subject.initials}/aids").random() < 0.4:
        raw["haq_aid_jar_opener"] = "Y"
        raw["haq_aid_raised_toilet_seat"] = "Y" if subject.sex == "F" else "N"
    pain = rng.randint(25, 50) if occasion.week == 0 else rng.randint(5, 30)
    raw["haq_pain_vas_mm"] = str(pain)
    raw["haq_global_vas_mm"] = str(max(0, pain + rng.randint(-5, 10)))
    return raw
