"""Which CTCAE v4.03 terms a saved labs record suggests recording as adverse events, and at which grade.

Pure: the service (:mod:`crf_desktop.services.lab_adverse_events`) gathers the record's canonical values, the
laboratory's reference limits valid on the sample date (canonical units), the subject's baseline creatinine
and the study configuration, and this module grades them with
:func:`~crf_desktop.forms.instruments.ctcae_lab.ctcae_lab_grade` (clinical-rules.md sections 8.2-8.3).

Decisions:
- An analyte is graded against the one CTCAE term of :data:`ANALYTE_TERMS` (haemoglobin → Anemia, platelets →
  Platelet count decreased ...), in SI units (the labs form's canonical units are those of the calculator).
- A term whose criteria need an LLN or ULN the laboratory has not given is not graded: it is listed in
  :attr:`LabGrading.ungraded` so the user is told which range to enter (the calculator itself raises).
- Proteinuria (24-hour urine protein) and Creatinine increased are the disease under study in lupus nephritis:
  graded only when the study configuration says so (``grade_disease_measures_as_ae``, default no;
  clinical-rules.md 8.3). Creatinine uses the "× baseline" arms when a baseline value (baseline visit, else
  screening) is known and the record is a later one.
- Only grades ≥ 1 are offered; grade 5 is never suggested from a value. The investigator decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from crf_desktop.forms.ctcae.terms import Term, term_by_name
from crf_desktop.forms.instruments.ctcae_lab import CTCAE_LAB_TERMS, ctcae_lab_grade

#: Labs form analyte id (``crf_desktop.forms.library.lab_units.ANALYTES``) → CTCAE v4.03 term.
ANALYTE_TERMS: Mapping[str, str] = {
    "hb": "Anemia",
    "wbc": "White blood cell decreased",
    "neut": "Neutrophil count decreased",
    "lymph": "Lymphocyte count decreased",
    "plt": "Platelet count decreased",
    "alt": "Alanine aminotransferase increased",
    "ast": "Aspartate aminotransferase increased",
    "tbil": "Blood bilirubin increased",
    "alb": "Hypoalbuminemia",
    "scr": "Creatinine increased",
    "prot24h": "Proteinuria",
}
#: Analytes that measure lupus nephritis itself: graded as AEs only when the study configuration says so.
DISEASE_MEASURES = frozenset({"scr", "prot24h"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """A laboratory's limits of normal for one analyte, in the analyte's canonical unit (None: not given)."""

    lln: Decimal | None = None
    uln: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LabGradeSuggestion:
    """One analyte whose value meets grade ≥ 1 of its CTCAE term."""

    analyte: str
    term: Term
    grade: int
    value: Decimal
    limits: Limits
    baseline: Decimal | None


@dataclass(frozen=True, slots=True, kw_only=True)
class LabGrading:
    """The suggestions of one record, and the analytes left ungraded for want of a limit: (analyte, "LLN"/"ULN")."""

    suggestions: tuple[LabGradeSuggestion, ...]
    ungraded: tuple[tuple[str, str], ...]


def lab_grading(
    values: Mapping[str, Decimal],
    limits: Mapping[str, Limits],
    *,
    baseline_creatinine: Decimal | None,
    grade_disease_measures: bool,
) -> LabGrading:
    """Grade every recorded analyte of :data:`ANALYTE_TERMS` (``values``: analyte id → canonical value)."""
    suggestions: list[LabGradeSuggestion] = []
    ungraded: list[tuple[str, str]] = []
    for analyte, term_name in ANALYTE_TERMS.items():
        value = values.get(analyte)
        if value is None or (analyte in DISEASE_MEASURES and not grade_disease_measures):
            continue
        criteria = CTCAE_LAB_TERMS[term_name]
        found = limits.get(analyte, Limits())
        missing = [name for name, needed, given in (("LLN", criteria.needs_lln, found.lln),
                                                    ("ULN", criteria.needs_uln, found.uln))
                   if needed and given is None]
        if missing:
            ungraded.extend((analyte, name) for name in missing)
            continue
        baseline = baseline_creatinine if criteria.uses_baseline and baseline_creatinine else None
        grade = ctcae_lab_grade(term_name, value,  # type: ignore[arg-type]  # Decimal: exact, as the calculator wants
                                lln=found.lln if criteria.needs_lln else None,  # type: ignore[arg-type]
                                uln=found.uln if criteria.needs_uln else None,  # type: ignore[arg-type]
                                baseline=baseline)  # type: ignore[arg-type]
        if grade < 1:
            continue
        term = term_by_name(term_name)
        if term is None:  # pragma: no cover - a test keeps ANALYTE_TERMS within the terminology
            raise LookupError(f"{term_name!r} is not a CTCAE v4.03 term")
        suggestions.append(LabGradeSuggestion(analyte=analyte, term=term, grade=grade, value=value, limits=found,
                                              baseline=baseline))
    return LabGrading(suggestions=tuple(suggestions), ungraded=tuple(ungraded))
