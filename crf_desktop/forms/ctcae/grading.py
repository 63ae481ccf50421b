"""Grades against the chosen term: which grades a term allows, and a grade suggested from a lab value.

The AE form cannot yet declare "the grades offered depend on the term chosen" (the engine's choices are
static), so :func:`grade_problem` is the pure check the AE rules (and the UI, to grey out grades) use.
:func:`suggest_grade` wraps :func:`~crf_desktop.forms.instruments.ctcae_lab.ctcae_lab_grade` for the lab-based
terms: a hint shown next to the grade, never the recorded grade (DESIGN.md section 9).
"""

from __future__ import annotations

from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.ctcae.terms import CTCAE_VERSION, GRADES, Term, terminology
from crf_desktop.forms.instruments.ctcae_lab import CTCAE_LAB_TERMS, ctcae_lab_grade
from crf_desktop.forms.model import Text


def _grades_text(grades: tuple[int, ...]) -> str:
    return ", ".join(str(g) for g in grades)


def grade_problem(term_code: str, grade: int) -> Text | None:
    """Why ``grade`` cannot be recorded for the term with MedDRA code ``term_code``, or ``None`` when it can.

    A grade the term marks "-" in CTCAE v4.03 is not available (clinical-rules.md 8.1): Febrile neutropenia
    has grades 3-5 only, Sepsis 4-5 only, the lab terms have no grade 5. An unknown code or a grade outside
    1-5 is a problem too.
    """
    term = terminology().by_code.get(term_code.strip())
    if term is None:
        return Text(
            en=f"{term_code!r} is not a CTCAE v{CTCAE_VERSION} MedDRA code; choose the term from the term list",
            zh=f"“{term_code}”不是 CTCAE v{CTCAE_VERSION} 的 MedDRA 编码，请从术语列表中选择",
        )
    if grade not in GRADES:
        return Text(en=f"grade {grade} is not a CTCAE grade (1-5)", zh=f"{grade} 级不是 CTCAE 分级（1-5 级）")
    if grade in term.allowed_grades:
        return None
    names = term_text(term)
    allowed = _grades_text(term.allowed_grades)
    return Text(
        en=f"grade {grade} does not exist for {names.en} in CTCAE v{CTCAE_VERSION}; its grades are {allowed}",
        zh=f"CTCAE v{CTCAE_VERSION} 中{names.zh}没有 {grade} 级，可选分级为 {allowed} 级",
    )


def lab_term(term: Term) -> bool:
    """Whether a grade can be suggested for ``term`` from a lab value."""
    return term.term in CTCAE_LAB_TERMS


def suggest_grade(
    term_code_or_name: str,
    lab_value: float | None,
    *,
    lln: float | None = None,
    uln: float | None = None,
    baseline: float | None = None,
) -> int | None:
    """The CTCAE v4.03 grade (0-4) a lab value suggests for a lab-based term, shown beside the recorded grade.

    ``term_code_or_name``: a MedDRA code ("10035528") or term name ("Platelet count decreased"). Units are SI,
    as :func:`~crf_desktop.forms.instruments.ctcae_lab.ctcae_lab_grade` states (platelets 10^9/L, haemoglobin
    g/L, creatinine µmol/L; ALT, AST and bilirubin in the unit of ``uln``). 0 means the value is not abnormal
    by CTCAE. ``None`` when no suggestion can be made: the term is unknown or not lab-based, the value is
    missing, or a limit the term's criteria need (``lln`` or ``uln``) is missing. Impossible values (negative,
    NaN) raise ValueError naming the argument, as the calculator does.
    """
    term = terminology().find(term_code_or_name)
    if term is None or not lab_term(term) or lab_value is None:
        return None
    criteria = CTCAE_LAB_TERMS[term.term]
    if (criteria.needs_lln and lln is None) or (criteria.needs_uln and uln is None):
        return None
    return ctcae_lab_grade(term.term, lab_value, lln=lln, uln=uln, baseline=baseline)
