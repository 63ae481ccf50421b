"""CTCAE v4.03 terminology for the adverse-event log: the term list, Chinese labels, type-ahead search, the
grades each term allows and lab-based grade suggestions (DESIGN.md section 9, clinical-rules.md section 8).

Pure: reads the product's CSV resource once, imports only the standard library and ``crf_desktop.core`` /
``crf_desktop.forms``. The AE form itself is :mod:`crf_desktop.forms.library.adverse_event`; its cross-field
rules are :mod:`crf_desktop.forms.ctcae.ae_rules` and the SAE report data :mod:`crf_desktop.forms.ctcae.sae_report`
(not imported here: they read the form declaration). Also here: the terms a labs record suggests as AEs
(:mod:`.lab_offers`), the 24-hour SAE reporting clock (:mod:`.sae_clock`) and the AE summaries (:mod:`.summary`).
"""

from __future__ import annotations

from crf_desktop.forms.ctcae.grading import grade_problem, lab_term, suggest_grade
from crf_desktop.forms.ctcae.labels import soc_text, term_text
from crf_desktop.forms.ctcae.search import MatchKind, SearchHit, search
from crf_desktop.forms.ctcae.terms import (
    CTCAE_VERSION,
    MEDDRA_VERSION,
    Term,
    Terminology,
    TerminologyError,
    UnknownTermError,
    all_terms,
    allowed_grades,
    get_term,
    load_terminology,
    socs,
    term_by_code,
    term_by_name,
    terminology,
    terms_in_soc,
)

__all__ = [
    "CTCAE_VERSION",
    "MEDDRA_VERSION",
    "MatchKind",
    "SearchHit",
    "Term",
    "Terminology",
    "TerminologyError",
    "UnknownTermError",
    "all_terms",
    "allowed_grades",
    "get_term",
    "grade_problem",
    "lab_term",
    "load_terminology",
    "search",
    "soc_text",
    "socs",
    "suggest_grade",
    "term_by_code",
    "term_by_name",
    "term_text",
    "terminology",
    "terms_in_soc",
]
