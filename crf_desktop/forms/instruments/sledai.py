"""SLEDAI-2K: the Systemic Lupus Erythematosus Disease Activity Index 2000.

Source: Gladman DD, Ibañez D, Urowitz MB. J Rheumatol 2002;29:288-91, as tabulated in clinical-rules.md
section 3 (definitions from medicalcriteria.com / pediatriconcall [S]; some [M]). 24 descriptors, weights
8/4/2/1, total 0-105. A descriptor counts when present at the visit or in the preceding 10 days (DESIGN.md
section 9; the 30-day window of Touma 2010 is the alternative, hence ``SLEDAI_WINDOW_DAYS_DEFAULT`` is a
default, not a rule), and only when attributed to SLE.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.arguments import CalculatorInputError


@dataclass(frozen=True, slots=True)
class SledaiDescriptor:
    """One SLEDAI-2K descriptor: stable key, weight, English name and definition (Gladman 2002)."""

    key: str
    weight: int
    name: str
    definition: str


SLEDAI_WINDOW_DAYS_DEFAULT: Final = 10
SLEDAI_DESCRIPTORS: Final = (
    SledaiDescriptor("seizure", 8, "Seizure", "Recent onset. Exclude metabolic, infectious or drug causes."),
    SledaiDescriptor(
        "psychosis",
        8,
        "Psychosis",
        "Altered ability to function in normal activity due to severe disturbance in the perception of "
        "reality. Include hallucinations, incoherence, marked loose associations, impoverished thought "
        "content, marked illogical thinking, bizarre, disorganized, or catatonic behavior. Exclude uremia"
        " and drug causes.",
    ),
    SledaiDescriptor(
        "organic_brain_syndrome",
        8,
        "Organic brain syndrome",
        "Altered mental function with impaired orientation, memory or other intellectual function, with "
        "rapid onset and fluctuating clinical features. Include clouding of consciousness with reduced "
        "capacity to focus, and inability to sustain attention to environment, plus at least 2 of: "
        "perceptual disturbance, incoherent speech, insomnia or daytime drowsiness, or increased or "
        "decreased psychomotor activity. Exclude metabolic, infectious or drug causes.",
    ),
    SledaiDescriptor(
        "visual_disturbance",
        8,
        "Visual disturbance",
        "Retinal changes of SLE. Include cytoid bodies, retinal hemorrhages, serous exudate or "
        "hemorrhages in the choroid, or optic neuritis. Exclude hypertension, infection, or drug causes.",
    ),
    SledaiDescriptor(
        "cranial_nerve_disorder",
        8,
        "Cranial nerve disorder",
        "New onset of sensory or motor neuropathy involving cranial nerves.",
    ),
    SledaiDescriptor(
        "lupus_headache",
        8,
        "Lupus headache",
        "Severe, persistent headache; may be migrainous, but must be nonresponsive to narcotic analgesia.",
    ),
    SledaiDescriptor("cva", 8, "CVA", "New onset of cerebrovascular accident(s). Exclude arteriosclerosis."),
    SledaiDescriptor(
        "vasculitis",
        8,
        "Vasculitis",
        "Ulceration, gangrene, tender finger nodules, periungual infarction, splinter hemorrhages, or "
        "biopsy or angiogram proof of vasculitis.",
    ),
    SledaiDescriptor(
        "arthritis",
        4,
        "Arthritis",
        "≥2 joints with pain and signs of inflammation (i.e. tenderness, swelling, or effusion).",
    ),
    SledaiDescriptor(
        "myositis",
        4,
        "Myositis",
        "Proximal muscle aching/weakness, associated with elevated creatine phosphokinase/aldolase or "
        "electromyogram changes or a biopsy showing myositis.",
    ),
    SledaiDescriptor("urinary_casts", 4, "Urinary casts", "Heme-granular or red blood cell casts."),
    SledaiDescriptor(
        "hematuria",
        4,
        "Hematuria",
        ">5 red blood cells/high power field. Exclude stone, infection or other cause.",
    ),
    SledaiDescriptor("proteinuria", 4, "Proteinuria", ">0.5 g/24 hours."),
    SledaiDescriptor("pyuria", 4, "Pyuria", ">5 white blood cells/high power field. Exclude infection."),
    SledaiDescriptor("rash", 2, "Rash", "Inflammatory type rash."),
    SledaiDescriptor("alopecia", 2, "Alopecia", "Abnormal, patchy or diffuse loss of hair."),
    SledaiDescriptor("mucosal_ulcers", 2, "Mucosal ulcers", "Oral or nasal ulcerations."),
    SledaiDescriptor(
        "pleurisy",
        2,
        "Pleurisy",
        "Pleuritic chest pain with pleural rub or effusion, or pleural thickening.",
    ),
    SledaiDescriptor(
        "pericarditis",
        2,
        "Pericarditis",
        "Pericardial pain with at least 1 of: rub, effusion, or electrocardiogram or echocardiogram confirmation.",
    ),
    SledaiDescriptor(
        "low_complement",
        2,
        "Low complement",
        "Decrease in CH50, C3, or C4 below the lower limit of normal for the testing laboratory.",
    ),
    SledaiDescriptor(
        "increased_dna_binding",
        2,
        "Increased DNA binding",
        "Increased DNA binding above normal range for the testing laboratory.",
    ),
    SledaiDescriptor("fever", 1, "Fever", ">38 °C. Exclude infectious cause."),
    SledaiDescriptor(
        "thrombocytopenia",
        1,
        "Thrombocytopenia",
        "<100 × 10⁹ platelets/L. Exclude drug causes.",
    ),
    SledaiDescriptor("leukopenia", 1, "Leukopenia", "<3 × 10⁹ white blood cells/L. Exclude drug causes."),
)
SLEDAI_WEIGHTS: Final = {descriptor.key: descriptor.weight for descriptor in SLEDAI_DESCRIPTORS}
SLEDAI_MAX: Final = sum(SLEDAI_WEIGHTS.values())


def _known(key: object) -> str:
    if not isinstance(key, str) or key not in SLEDAI_WEIGHTS:
        raise CalculatorInputError("descriptors", f"descriptors has unknown SLEDAI-2K descriptor {key!r}")
    return key


def present_descriptors(descriptors: Mapping[str, bool] | Iterable[str]) -> frozenset[str]:
    """The keys of the descriptors present: from {key: True/False} or from a collection of present keys."""
    if isinstance(descriptors, str):
        raise CalculatorInputError("descriptors", "descriptors must be a mapping or a collection of keys, not a string")
    if isinstance(descriptors, Mapping):
        present: set[str] = set()
        for key, value in descriptors.items():
            known = _known(key)  # an unknown key is refused even when marked absent
            if arguments.flag(f"descriptors[{key!r}]", value):
                present.add(known)
        return frozenset(present)
    return frozenset(_known(key) for key in descriptors)


def sledai_2k(descriptors: Mapping[str, bool] | Iterable[str]) -> int:
    """SLEDAI-2K total (0-105): the sum of the weights of the descriptors present.

    ``descriptors``: either {key: True/False} (values must be bools) or a collection of the keys present
    (duplicates count once). Keys as in ``SLEDAI_DESCRIPTORS`` (DESIGN.md section 9). Source: Gladman DD et
    al. J Rheumatol 2002;29:288-91; clinical-rules.md section 3.
    """
    return sum(SLEDAI_WEIGHTS[key] for key in present_descriptors(descriptors))
