"""Kidney function: CKD-EPI 2009 and 2021 eGFR, Cockcroft-Gault creatinine clearance.

Sources (clinical-rules.md section 7):

- Unit: µmol/L = mg/dL × 88.4 (creatinine 113.12 g/mol; kidney.epi ``service.convert_creatinine``, transplantr
  ``unit_conversion.R``). Some implementations use 88.42 inside their eGFR functions; this app uses 88.4
  (DESIGN.md section 9).
- CKD-EPI 2009: Levey AS et al. Ann Intern Med 2009;150:604-12, in the continuous form
  141 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.209 × 0.993^age × 1.018 [F] × 1.159 [Black] (not the paper's rounded
  piecewise constants 144/166).
- CKD-EPI 2021 (race-free): Inker LA et al. N Engl J Med 2021;385:1737-49,
  142 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.200 × 0.9938^age × 1.012 [F].
- Cockcroft-Gault: (140 - age) × weight × 0.85 [F] / (72 × Scr mg/dL), mL/min, not indexed to BSA.

Results are unrounded floats; the equation's name (``EQUATION_NAMES``) is stored and printed with each value.
"""

from __future__ import annotations

from typing import Final

from crf_desktop.forms.instruments import arguments

CREATININE_UMOL_L_PER_MG_DL: Final = 88.4

CKD_EPI_2009: Final = "CKD-EPI 2009"
CKD_EPI_2021: Final = "CKD-EPI 2021"
COCKCROFT_GAULT: Final = "Cockcroft-Gault"
EQUATION_NAMES: Final = (CKD_EPI_2009, CKD_EPI_2021, COCKCROFT_GAULT)
EQUATION_UNITS: Final = {
    CKD_EPI_2009: "mL/min/1.73 m²",
    CKD_EPI_2021: "mL/min/1.73 m²",
    COCKCROFT_GAULT: "mL/min",
}
DEFAULT_EGFR_EQUATION: Final = CKD_EPI_2009


def creatinine_mg_dl_to_umol_l(creatinine_mg_dl: float) -> float:
    """Convert serum creatinine from mg/dL to µmol/L (× 88.4; clinical-rules.md section 7.1)."""
    return arguments.positive("creatinine_mg_dl", creatinine_mg_dl) * CREATININE_UMOL_L_PER_MG_DL


def creatinine_umol_l_to_mg_dl(creatinine_umol_l: float) -> float:
    """Convert serum creatinine from µmol/L to mg/dL (÷ 88.4; clinical-rules.md section 7.1)."""
    return arguments.positive("creatinine_umol_l", creatinine_umol_l) / CREATININE_UMOL_L_PER_MG_DL


def _ckd_epi(
    scr_mg_dl: float, age: float, *, kappa: float, alpha: float, beta: float, base: float, age_factor: float
) -> float:
    ratio = scr_mg_dl / kappa
    return float(base * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** beta * age_factor**age)


def egfr_ckd_epi_2009(creatinine_umol_l: float, age_years: float, sex: str, black: bool = False) -> float:
    """eGFR by CKD-EPI 2009 (creatinine), mL/min/1.73 m², unrounded.

    Levey AS et al. Ann Intern Med 2009;150:604-12; continuous form as in edc-egfr, nephro and transplantr
    (clinical-rules.md section 7.2): 141 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.209 × 0.993^age × 1.018 [F]
    × 1.159 [Black], Scr in mg/dL = µmol/L ÷ 88.4, κ = 0.7 (F) / 0.9 (M), α = -0.329 (F) / -0.411 (M).
    The study default is the non-Black coefficient unless race is recorded (DESIGN.md section 9).
    """
    scr = creatinine_umol_l_to_mg_dl(creatinine_umol_l)
    age = arguments.age_years("age_years", age_years)
    female = arguments.sex("sex", sex) == "F"
    is_black = arguments.flag("black", black)
    egfr = _ckd_epi(
        scr,
        age,
        kappa=0.7 if female else 0.9,
        alpha=-0.329 if female else -0.411,
        beta=-1.209,
        base=141.0,
        age_factor=0.993,
    )
    if female:
        egfr *= 1.018
    if is_black:
        egfr *= 1.159
    return egfr


def egfr_ckd_epi_2021(creatinine_umol_l: float, age_years: float, sex: str) -> float:
    """eGFR by the race-free CKD-EPI 2021 creatinine equation, mL/min/1.73 m², unrounded.

    Inker LA et al. N Engl J Med 2021;385:1737-49, as in kidney.epi ``R/egfr_ckdepi2021.R`` (clinical-rules.md
    section 7.3): 142 × min(Scr/κ,1)^α × max(Scr/κ,1)^-1.200 × 0.9938^age × 1.012 [F], Scr in mg/dL,
    κ = 0.7 (F) / 0.9 (M), α = -0.241 (F) / -0.302 (M).
    """
    scr = creatinine_umol_l_to_mg_dl(creatinine_umol_l)
    age = arguments.age_years("age_years", age_years)
    female = arguments.sex("sex", sex) == "F"
    egfr = _ckd_epi(
        scr,
        age,
        kappa=0.7 if female else 0.9,
        alpha=-0.241 if female else -0.302,
        beta=-1.200,
        base=142.0,
        age_factor=0.9938,
    )
    return egfr * 1.012 if female else egfr


def cockcroft_gault(creatinine_umol_l: float, age_years: float, weight_kg: float, sex: str) -> float:
    """Creatinine clearance by Cockcroft-Gault, mL/min (not indexed to body surface), unrounded.

    (140 - age) × weight kg × 0.85 [F] / (72 × Scr mg/dL), Scr = µmol/L ÷ 88.4; as transplantr
    ``R/egfr.R::cockcroft`` (clinical-rules.md section 7.5). Used for the exclusion criterion Ccr < 30 mL/min.
    """
    scr = creatinine_umol_l_to_mg_dl(creatinine_umol_l)
    age = arguments.age_years("age_years", age_years)
    weight = arguments.weight_kg("weight_kg", weight_kg)
    female = arguments.sex("sex", sex) == "F"
    clearance = (140.0 - age) * weight / (72.0 * scr)
    return clearance * 0.85 if female else clearance
