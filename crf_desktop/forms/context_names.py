"""Names of the values a derived field may take from outside its own form (cross-form context).

The services gather them from the subject's other forms (``crf_desktop.services.records.validation_context``)
and pass them in :class:`crf_desktop.forms.validation.Context`; declarations name them in ``Derived.context``.
The load-time checks refuse any other name, so a typo is an error at start-up, not a silent empty value.
"""

from __future__ import annotations

CONSENT_DATE = "consent_date"
TODAY = "today"

#: Completed years at consent (demographics ``age_years``): int.
SUBJECT_AGE = "subject_age_years"
#: Demographics ``sex``: ``"F"`` or ``"M"``.
SUBJECT_SEX = "subject_sex"
#: Demographics ``childbearing``: ``"Y"``/``"N"``; ``None`` for men.
SUBJECT_CHILDBEARING = "subject_childbearing"

SUBJECT_INPUTS: tuple[str, ...] = (SUBJECT_AGE, SUBJECT_SEX, SUBJECT_CHILDBEARING)

#: The study configuration's eGFR equation ("CKD-EPI 2009" or "CKD-EPI 2021"); the labs form uses the 2009
#: equation when it is not given (DESIGN.md section 9).
STUDY_EGFR_EQUATION = "study_egfr_equation"

INCLUSION_COUNT = 7
EXCLUSION_COUNT = 12


def eligibility_input(name: str) -> str:
    """The context name of one eligibility result value: ``elig_inc4`` (status code), ``elig_result``."""
    return f"elig_{name}"


ELIGIBILITY_INPUTS: tuple[str, ...] = (
    *(eligibility_input(f"inc{n}") for n in range(1, INCLUSION_COUNT + 1)),
    *(eligibility_input(f"exc{n}") for n in range(1, EXCLUSION_COUNT + 1)),
    *(eligibility_input(name) for name in ("result", "failed", "missing")),
)

CONTEXT_INPUTS = frozenset({CONSENT_DATE, TODAY, *SUBJECT_INPUTS, STUDY_EGFR_EQUATION, *ELIGIBILITY_INPUTS})
