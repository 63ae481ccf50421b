"""The public calculation API: names and signatures fixed by DESIGN.md section 9."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms import calculators
from crf_desktop.forms.instruments.arguments import CalculatorInputError

P = inspect.Parameter
POS = P.POSITIONAL_OR_KEYWORD
KW = P.KEYWORD_ONLY

# name → [(parameter, kind, default or P.empty)], transcribed from DESIGN.md section 9.
SIGNATURES: dict[str, list[tuple[str, Any, object]]] = {
    "egfr_ckd_epi_2009": [("creatinine_umol_l", POS, P.empty), ("age_years", POS, P.empty),
                          ("sex", POS, P.empty), ("black", POS, False)],
    "egfr_ckd_epi_2021": [("creatinine_umol_l", POS, P.empty), ("age_years", POS, P.empty), ("sex", POS, P.empty)],
    "cockcroft_gault": [("creatinine_umol_l", POS, P.empty), ("age_years", POS, P.empty),
                        ("weight_kg", POS, P.empty), ("sex", POS, P.empty)],
    "msc_dose_cells": [("weight_kg", POS, P.empty)],
    "haq_di": [("items", POS, P.empty), ("raised_categories", POS, ())],
    "sledai_2k": [("descriptors", POS, P.empty)],
    "bilag_2004_numeric": [("grades", POS, P.empty)],
    "sri_4": [("sledai_baseline", KW, P.empty), ("sledai_visit", KW, P.empty), ("bilag_baseline", KW, P.empty),
              ("bilag_visit", KW, P.empty), ("pga_baseline", KW, P.empty), ("pga_visit", KW, P.empty)],
    "renal_response": [("upcr_baseline_g_g", KW, P.empty), ("upcr_g_g", KW, P.empty),
                       ("creatinine_baseline_umol_l", KW, P.empty), ("creatinine_umol_l", KW, P.empty),
                       ("definition", KW, "KDIGO 2012")],
    "ctcae_lab_grade": [("term", POS, P.empty), ("value", POS, P.empty), ("lln", KW, None), ("uln", KW, None),
                        ("baseline", KW, None)],
}  # fmt: skip


def test_all_lists_exactly_the_design_functions() -> None:
    assert sorted(calculators.__all__) == sorted(SIGNATURES)


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_matches_design(name: str) -> None:
    function: Callable[..., object] = getattr(calculators, name)
    parameters = [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]
    assert parameters == SIGNATURES[name]
    assert function.__doc__


def test_refusals_are_value_errors_and_user_input_errors() -> None:
    """DESIGN.md §9 asks for ValueError; the subclass also carries the argument and maps to CLI exit code 2."""
    with pytest.raises(CalculatorInputError) as caught:
        calculators.egfr_ckd_epi_2021(80, 0, "F")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, UserInputError)
    assert caught.value.argument == "age_years"
    assert str(caught.value) == "age_years must be > 0, got 0"


def test_forms_calculators_import_nothing_outside_stdlib_and_core() -> None:
    forbidden = ("PySide6", "sqlite3", "sqlcipher3", "sqlite_utils", "cryptography", "reportlab")
    code = (
        "import sys, crf_desktop.forms.calculators, crf_desktop.forms.instruments.haq, "
        "crf_desktop.forms.instruments.pga, crf_desktop.forms.instruments.renal_response; "
        f"print([m for m in sys.modules if m.split('.')[0] in {forbidden!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert importlib.import_module("crf_desktop.forms.calculators") is calculators
