"""Cross-form context names used by the trial forms: see :mod:`crf_desktop.forms.context_names`."""

from __future__ import annotations

from crf_desktop.forms.context_names import (
    SUBJECT_AGE,
    SUBJECT_CHILDBEARING,
    SUBJECT_INPUTS,
    SUBJECT_SEX,
    eligibility_input,
)

__all__ = ["SUBJECT_AGE", "SUBJECT_CHILDBEARING", "SUBJECT_INPUTS", "SUBJECT_SEX", "eligibility_input"]
