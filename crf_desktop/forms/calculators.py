"""The public clinical calculation API (names fixed by DESIGN.md section 9).

Statisticians, the coordinating centre and validation scripts call these directly. All are pure; impossible
input raises ``ValueError`` (a :class:`~crf_desktop.forms.instruments.arguments.CalculatorInputError`) whose
message names the argument. Sources and decisions: ``shared/reference/clinical-rules.md`` and DESIGN.md
section 9; each function's docstring cites its own. The data tables and the richer variants (rule sets,
not-evaluable results, components) live in :mod:`crf_desktop.forms.instruments`.
"""

from __future__ import annotations

from crf_desktop.forms.instruments.bilag import bilag_2004_numeric
from crf_desktop.forms.instruments.ctcae_lab import ctcae_lab_grade
from crf_desktop.forms.instruments.dosing import msc_dose_cells
from crf_desktop.forms.instruments.egfr import cockcroft_gault, egfr_ckd_epi_2009, egfr_ckd_epi_2021
from crf_desktop.forms.instruments.haq import haq_di
from crf_desktop.forms.instruments.renal_response import renal_response
from crf_desktop.forms.instruments.sledai import sledai_2k
from crf_desktop.forms.instruments.sri import sri_4

__all__ = [
    "bilag_2004_numeric",
    "cockcroft_gault",
    "ctcae_lab_grade",
    "egfr_ckd_epi_2009",
    "egfr_ckd_epi_2021",
    "haq_di",
    "msc_dose_cells",
    "renal_response",
    "sledai_2k",
    "sri_4",
]
