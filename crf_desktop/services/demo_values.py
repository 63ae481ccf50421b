"""Plausible, fictitious values for each form of the demo site, one generator per form id.

Each generator gets the demo subject, the visit date and a seeded random source, and returns what a
coordinator would type (raw text per field). A form without a generator is left not started in the demo;
each issue that adds forms adds their generators here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random


@dataclass(frozen=True, kw_only=True)
class DemoSubject:
    initials: str
    sex: str  # "F" or "M"
    birth: date
    childbearing: bool
    height_cm: float
    weight_kg: float


Generator = Callable[[DemoSubject, date, Random], dict[str, str]]

_ACR = ("malar_rash", "discoid_rash", "photosensitivity", "oral_ulcers", "arthritis", "serositis", "renal",
        "neurologic", "haematologic", "immunologic", "ana")


def visit_info(_subject: DemoSubject, day: date, _rng: Random) -> dict[str, str]:
    return {"visit_done": "Y", "visit_date": day.isoformat()}


def consent(_subject: DemoSubject, day: date, rng: Random) -> dict[str, str]:
    return {
        "consent_version": "V2.0", "consent_version_date": "2018-06-15", "consent_date": day.isoformat(),
        "consent_time": f"{rng.randint(8, 11):02d}:{rng.choice((0, 15, 30, 45)):02d}",
        "consent_obtained_by": rng.choice(("Dr Wang Wei", "Dr Sun Li")), "consent_copy_given": "Y",
    }


def demographics(subject: DemoSubject, day: date, rng: Random) -> dict[str, str]:
    met = {"renal", "ana", "immunologic"} | set(rng.sample(("malar_rash", "arthritis", "haematologic",
                                                            "photosensitivity", "oral_ulcers", "serositis"), 2))
    raw = {
        "dob_unknown": "", "dob": subject.birth.isoformat(), "sex": subject.sex,
        "ethnicity": "HAN" if rng.random() < 0.9 else "OTHER", "height_cm": f"{subject.height_cm:.1f}",
        "weight_kg": f"{subject.weight_kg:.1f}",
        "sle_diagnosis_date": (day - timedelta(days=rng.randint(200, 3000))).strftime("%Y-%m"),
        **{f"acr_{name}": "Y" if name in met else "N" for name in _ACR},
    }
    if raw["ethnicity"] == "OTHER":
        raw["ethnicity_other"] = rng.choice(("Hui", "Zhuang", "Manchu"))
    if subject.sex == "F":
        raw["childbearing"] = "Y" if subject.childbearing else "N"
        if not subject.childbearing:
            raw["non_cbp_reason"] = "POSTMENO"
    return raw


GENERATORS: dict[str, Generator] = {
    "visit_info": visit_info,
    "consent": consent,
    "demographics": demographics,
}
