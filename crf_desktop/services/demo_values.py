"""Plausible, fictitious values for each form of the demo site, one generator per form id (:data:`GENERATORS`).

Each generator gets the demo subject (with the course of their nephritis), the occasion (visit, date, week,
baseline date, next visit) and a seeded random source, and returns what a coordinator would type (raw text per
field). This module holds the screening and visit forms; the others are in :mod:`.demo_clinical` (labs and
disease activity), :mod:`.demo_treatment` (infusion, MMF, kits, end of study) and :mod:`.demo_logs` (the AE and
concomitant-medication logs, which are not per visit).
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from crf_desktop.forms.library import (
    bilag,
    biopsy,
    eligibility,
    end_of_study,
    haq,
    infusion,
    labs,
    mmf_dosing,
    phga,
    pregnancy_test,
    sledai,
)
from crf_desktop.forms.library import (
    consent as consent_form,
)
from crf_desktop.forms.library import (
    demographics as demographics_form,
)
from crf_desktop.forms.library import (
    visit_info as visit_info_form,
)
from crf_desktop.forms.trial.eligibility import NOT_APPLICABLE_ANSWER
from crf_desktop.services import demo_clinical, demo_treatment
from crf_desktop.services.demo_course import DemoSubject, Generator, Occasion

__all__ = ["GENERATORS", "DemoSubject", "Generator", "Occasion"]

_ACR = ("malar_rash", "discoid_rash", "photosensitivity", "oral_ulcers", "arthritis", "serositis", "renal",
        "neurologic", "haematologic", "immunologic", "ana")


def visit_info(_subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    return {"visit_done": "Y", "visit_date": occasion.day.isoformat()}


def consent(_subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    return {
        "consent_version": "V2.0", "consent_version_date": "2018-06-15", "consent_date": occasion.day.isoformat(),
        "consent_time": f"{rng.randint(8, 11):02d}:{rng.choice((0, 15, 30, 45)):02d}",
        "consent_obtained_by": rng.choice(("Dr Wang Wei", "Dr Sun Li")), "consent_copy_given": "Y",
    }


def demographics(subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    met = {"renal", "ana", "immunologic"} | set(rng.sample(("malar_rash", "arthritis", "haematologic",
                                                            "photosensitivity", "oral_ulcers", "serositis"), 2))
    raw = {
        "dob_unknown": "", "dob": subject.birth.isoformat(), "sex": subject.sex,
        "ethnicity": "HAN" if rng.random() < 0.9 else "OTHER", "height_cm": f"{subject.height_cm:.1f}",
        "weight_kg": f"{subject.weight_kg:.1f}",
        "sle_diagnosis_date": (occasion.day - timedelta(days=rng.randint(200, 3000))).strftime("%Y-%m"),
        **{f"acr_{name}": "Y" if name in met else "N" for name in _ACR},
    }
    if raw["ethnicity"] == "OTHER":
        raw["ethnicity_other"] = rng.choice(("Hui", "Zhuang", "Manchu"))
    if subject.sex == "F":
        raw["childbearing"] = "Y" if subject.childbearing else "N"
        if not subject.childbearing:
            raw["non_cbp_reason"] = "POSTMENO"
    return raw


def renal_biopsy(_subject: DemoSubject, occasion: Occasion, rng: Random) -> dict[str, str]:
    """Class IV or IV+V, active, within 12 weeks before (planned) randomisation; little sclerosis, few crescents."""
    baseline = occasion.baseline or occasion.day
    raw = {
        "bx_date": (min(baseline - timedelta(days=rng.randint(20, 70)), occasion.day)).isoformat(),
        "bx_class": rng.choice(("IV", "IV", "IV_V")), "bx_iv_subclass": rng.choice(("S", "G", "G")),
        "bx_activity": rng.choice(("A", "A_C")), "bx_glomeruli_n": str(rng.randint(14, 38)),
        "bx_sclerosis_pct": f"{rng.uniform(0, 15):.1f}", "bx_nmc_pct": f"{rng.uniform(0, 20):.1f}",
        "bx_activity_index": str(rng.randint(6, 14)), "bx_chronicity_index": str(rng.randint(1, 4)),
    }
    return raw


def pregnancy(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    """A negative urine test. The schedule expects the form of women of childbearing potential only
    (``forms.visits.PREGNANCY_TEST_APPLIES``), so the demo never fills it for anyone else."""
    if not (subject.sex == "F" and subject.childbearing):
        raise ValueError(f"demo subject {subject.initials} has no pregnancy test to do")
    return {"preg_done": "Y", "preg_date": occasion.day.isoformat(), "preg_type": "URINE", "preg_result": "NEG"}


def inclusion_exclusion(subject: DemoSubject, occasion: Occasion, _rng: Random) -> dict[str, str]:
    """The investigator's answers; the data-decided criteria are derived from the other forms."""
    planned = occasion.baseline or occasion.day + timedelta(days=14)
    return {
        "elig_date": occasion.day.isoformat(), "elig_rand_date": planned.isoformat(),
        "inc5_inv": "Y" if subject.sex == "F" and subject.childbearing else NOT_APPLICABLE_ANSWER,
        "inc7_inv": "Y", **{f"exc{n}": "N" for n in (2, 3, 6, 9, 10, 11)}, "exc12_inv": "N",
    }


GENERATORS: dict[str, Generator] = {
    visit_info_form.FORM_ID: visit_info,
    consent_form.FORM_ID: consent,
    demographics_form.FORM_ID: demographics,
    biopsy.FORM_ID: renal_biopsy,
    labs.FORM_ID: demo_clinical.labs,
    pregnancy_test.FORM_ID: pregnancy,
    eligibility.FORM_ID: inclusion_exclusion,
    phga.FORM_ID: demo_clinical.phga,
    sledai.FORM_ID: demo_clinical.sledai,
    bilag.FORM_ID: demo_clinical.bilag,
    haq.FORM_ID: demo_clinical.haq,
    infusion.FORM_ID: demo_treatment.infusion,
    mmf_dosing.FORM_ID: demo_treatment.mmf_dosing,
    mmf_dosing.KITS_FORM_ID: demo_treatment.drug_kits,
    end_of_study.FORM_ID: demo_treatment.end_of_study,
}
