"""Prohibited medication matching (issue 4 item 4) and compliance arithmetic (issue 4 item 3)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from crf_desktop.forms.trial.compliance import compliance_outside, compliance_percent, prednisone_equivalent
from crf_desktop.forms.trial.prohibited import prohibited_medication, prohibited_medications


@pytest.mark.parametrize(("name", "code"), [
    ("Mycophenolate mofetil", "MMF"), ("MYCOPHENOLATE MOFETIL 500 mg", "MMF"), ("mmf", "MMF"),
    ("CellCept", "MMF"), ("吗替麦考酚酯胶囊", "MMF"), ("骁悉", "MMF"), ("赛可平", "MMF"), ("Myfortic", "MMF"),
    ("ＭＭＦ", "MMF"),  # full-width letters from a Chinese input method
    ("cyclophosphamide", "CTX"), ("CTX pulse", "CTX"), ("环磷酰胺注射液", "CTX"),
    ("Ciclosporin", "CSA"), ("cyclosporine A", "CSA"), ("环孢素软胶囊", "CSA"), ("Neoral", "CSA"),
    ("Tacrolimus", "TAC"), ("FK506", "TAC"), ("他克莫司", "TAC"), ("普乐可复", "TAC"),
    ("Tripterygium wilfordii", "TW"), ("雷公藤多苷片", "TW"),
    ("leflunomide", "LEF"), ("来氟米特", "LEF"), ("Arava", "LEF"),
    ("Rituximab", "RTX"), ("MabThera", "RTX"), ("利妥昔单抗", "RTX"), ("美罗华", "RTX"),
    ("belimumab", "BEL"), ("贝利尤单抗", "BEL"), ("Benlysta", "BEL"), ("泰它西普", "TEL"),
])
def test_prohibited_names(name: str, code: str) -> None:
    # issue 4 item 4: English, Chinese, case, brand names
    match = prohibited_medication(name)
    assert match is not None and match.agent.code == code


@pytest.mark.parametrize("name", ["Hydroxychloroquine", "羟氯喹", "Prednisone", "泼尼松", "Calcium carbonate",
                                  "Ammf tablets", "", "Losartan", "Medroxyprogesterone acetate"])
def test_allowed_names(name: str) -> None:
    # issue 4 item 4: no false alarms for allowed drugs, nor for an abbreviation inside another word
    assert prohibited_medication(name) is None


def test_list_of_names() -> None:
    found = prohibited_medications(["Hydroxychloroquine", "Tacrolimus", "Calcium"])
    assert [(name, match.agent.code) for name, match in found] == [("Tacrolimus", "TAC")]


def test_compliance_percent() -> None:
    # issue 4 item 3: 28 days × 4 tablets = 112 expected; 112 taken = 100 %
    assert compliance_percent(dispensed=140, returned=28, dispensed_on=date(2024, 6, 1),
                              returned_on=date(2024, 6, 29), units_per_day=4) == Decimal("100.0")
    assert compliance_percent(dispensed=140, returned=50, dispensed_on=date(2024, 6, 1),
                              returned_on=date(2024, 6, 29), units_per_day=4) == Decimal("80.4")


@pytest.mark.parametrize(("percent", "outside"), [("79.9", True), ("80.0", False), ("120.0", False),
                                                  ("120.1", True)])
def test_compliance_band_80_to_120(percent: str, outside: bool) -> None:
    # issue 4 item 3: warning outside 80-120 %
    assert compliance_outside(Decimal(percent)) is outside


def test_compliance_refuses_impossible_counts() -> None:
    with pytest.raises(ValueError, match="returned"):
        compliance_percent(dispensed=10, returned=11, dispensed_on=date(2024, 6, 1), returned_on=date(2024, 6, 2),
                           units_per_day=4)
    with pytest.raises(ValueError, match="returned_on"):
        compliance_percent(dispensed=10, returned=1, dispensed_on=date(2024, 6, 2), returned_on=date(2024, 6, 1),
                           units_per_day=4)


def test_prednisone_equivalent() -> None:
    # issue 4 item 3: prednisone-equivalent mg/day
    assert prednisone_equivalent("PREDNISONE", Decimal(30)) == Decimal("30.00")
    assert prednisone_equivalent("METHYLPRED", Decimal(16)) == Decimal("20.00")
    assert prednisone_equivalent("DEXAMETH", Decimal("0.75")) == Decimal("5.00")
    assert prednisone_equivalent("HYDROCORT", Decimal(20)) == Decimal("5.00")
