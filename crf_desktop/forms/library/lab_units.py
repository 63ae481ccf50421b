"""Laboratory analytes, their allowed units and the exact conversions to one canonical unit per analyte.

Each value keeps what was entered (a unit choice and a value field per unit, so each unit has its own hard and
expected range); a derived field holds the canonical value used for storage, export and rules. Conversions are
exact Decimal multiplications (canonical = entered × factor), never floats:

- Creatinine: µmol/L = mg/dL × 88.4 (creatinine 113.12 g/mol; clinical-rules.md section 7.1; DESIGN.md
  section 9).
- UPCR: g/g = mg/mg; g/g = mg/mmol × 0.00884 (1 mg/mmol = 8.84 mg/g, clinical-rules.md section 6, "unit facts":
  the same creatinine factor, 88.4 / 10 000).
- Total bilirubin: µmol/L = mg/dL × 17.1 = mg/L × 1.71 (bilirubin 584.66 g/mol; the conventional clinical
  factor 17.1). So 14 mg/L (exclusion criterion 7) = 23.94 µmol/L.
- Haemoglobin, albumin: g/L = g/dL × 10. C3, C4: g/L = mg/dL × 0.01.
- Cell counts: 10⁹/L = /µL × 0.001 (3000/µL = 3.0 × 10⁹/L). 24-h protein: g = mg × 0.001.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from crf_desktop.forms.model import Choice, Range, Text, same


@dataclass(frozen=True, kw_only=True)
class LabUnit:
    """One unit an analyte may be entered in: choice code, symbol, factor to the canonical unit, ranges.

    ``hard`` refuses impossible values; ``expected`` warns (and catches unit mix-ups); ``hint`` says which unit
    an unexpected value probably is in (shown as the field's help).
    """

    code: str
    symbol: Text
    factor: Decimal
    precision: int
    hard: Range
    expected: Range
    hint: Text | None = None

    @property
    def suffix(self) -> str:
        """The unit as part of a field id: ``umol_l``."""
        return self.code.lower()


@dataclass(frozen=True, kw_only=True)
class Analyte:
    """A laboratory analyte: id (field-id stem), label, units (the first is the canonical one)."""

    id: str
    label: Text
    units: tuple[LabUnit, ...]

    @property
    def canonical(self) -> LabUnit:
        """The unit of storage and export (factor 1)."""
        return self.units[0]

    @property
    def canonical_field(self) -> str:
        """The id of the field holding the canonical value: ``scr_umol_l``."""
        return f"{self.id}_{self.canonical.suffix}"

    @property
    def unit_field(self) -> str:
        """The id of the unit choice (analytes with several units only)."""
        return f"{self.id}_unit"

    def entered_field(self, unit: LabUnit) -> str:
        """The id of the value field for ``unit`` (analytes with several units): ``scr_in_mg_dl``."""
        return f"{self.id}_in_{unit.suffix}"

    @property
    def canonical_precision(self) -> int:
        """Decimal places that keep every conversion exact (entered places + the factor's places)."""
        return max(u.precision + max(0, -_exponent(u.factor)) for u in self.units)

    def unit(self, code: str) -> LabUnit:
        """The unit with ``code``; ``ValueError`` naming analyte and code when not allowed."""
        for candidate in self.units:
            if candidate.code == code:
                return candidate
        allowed = ", ".join(u.code for u in self.units)
        raise ValueError(f"unit {code!r} is not allowed for {self.id} (allowed: {allowed})")

    def to_canonical(self, value: Decimal, unit_code: str) -> Decimal:
        """``value`` entered in ``unit_code`` converted exactly to the canonical unit."""
        if not value.is_finite():
            raise ValueError(f"{self.id}: value must be a finite number, got {value}")
        exact = value * self.unit(unit_code).factor
        return exact.quantize(Decimal(1).scaleb(-self.canonical_precision), rounding=ROUND_HALF_UP)

    def unit_choices(self) -> tuple[Choice, ...]:
        """The unit choice's answers."""
        return tuple(Choice(code=u.code, label=u.symbol) for u in self.units)


def _exponent(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _r(low: str | int | None, high: str | int | None) -> Range:
    return Range.of(low, high)


def _hint(en: str, zh: str) -> Text:
    return Text(en=en, zh=zh)


UMOL_L = same("µmol/L")
MG_DL = same("mg/dL")
MG_L = same("mg/L")
G_L = same("g/L")
G_DL = same("g/dL")
E9_L = same("×10⁹/L")
PER_UL = same("/µL")
U_L = same("U/L")

PROTEIN_24H = Analyte(
    id="prot24h",
    label=Text(en="24-h urine protein", zh="24小时尿蛋白定量"),
    units=(
        LabUnit(code="G", symbol=Text(en="g/24 h", zh="g/24h"), factor=Decimal(1), precision=2,
                hard=_r(0, 50), expected=_r(0, 20),
                hint=_hint("A value above 20 is probably in mg/24 h: choose mg/24 h",
                           "数值大于 20 时可能是 mg/24h，请选择 mg/24h")),
        LabUnit(code="MG", symbol=Text(en="mg/24 h", zh="mg/24h"), factor=Decimal("0.001"), precision=0,
                hard=_r(0, 50000), expected=_r(20, 20000),
                hint=_hint("A value below 20 is probably in g/24 h: choose g/24 h",
                           "数值小于 20 时可能是 g/24h，请选择 g/24h")),
    ),
)

UPCR = Analyte(
    id="upcr",
    label=Text(en="Urine protein/creatinine ratio (first-morning urine)", zh="尿蛋白/肌酐比值（晨尿）"),
    units=(
        LabUnit(code="G_G", symbol=same("g/g"), factor=Decimal(1), precision=2, hard=_r(0, 50), expected=_r(0, 20),
                hint=_hint("A value above 20 is probably in mg/mmol or mg/g: check the unit",
                           "数值大于 20 时可能是 mg/mmol 或 mg/g，请核对单位")),
        LabUnit(code="MG_MMOL", symbol=same("mg/mmol"), factor=Decimal("0.00884"), precision=1,
                hard=_r(0, 5000), expected=_r(3, 2000),
                hint=_hint("A value below 3 is probably in g/g: choose g/g (1 mg/mmol = 0.00884 g/g)",
                           "数值小于 3 时可能是 g/g，请选择 g/g（1 mg/mmol = 0.00884 g/g）")),
        LabUnit(code="MG_MG", symbol=same("mg/mg"), factor=Decimal(1), precision=2, hard=_r(0, 50),
                expected=_r(0, 20),
                hint=_hint("mg/mg equals g/g; a value above 20 is probably in mg/mmol",
                           "mg/mg 与 g/g 数值相同；数值大于 20 时可能是 mg/mmol")),
    ),
)

ALBUMIN = Analyte(
    id="alb",
    label=Text(en="Serum albumin", zh="血清白蛋白"),
    units=(
        LabUnit(code="G_L", symbol=G_L, factor=Decimal(1), precision=1, hard=_r(5, 70), expected=_r(15, 55),
                hint=_hint("A value below 10 is probably in g/dL: choose g/dL",
                           "数值小于 10 时可能是 g/dL，请选择 g/dL")),
        LabUnit(code="G_DL", symbol=G_DL, factor=Decimal(10), precision=2, hard=_r("0.5", 7), expected=_r("1.5", "5.5"),
                hint=_hint("A value above 10 is probably in g/L: choose g/L",
                           "数值大于 10 时可能是 g/L，请选择 g/L")),
    ),
)

CREATININE = Analyte(
    id="scr",
    label=Text(en="Serum creatinine", zh="血肌酐"),
    units=(
        LabUnit(code="UMOL_L", symbol=UMOL_L, factor=Decimal(1), precision=1, hard=_r(5, 3000),
                expected=_r(20, 1000),
                hint=_hint("A value below 20 µmol/L is probably in mg/dL: did you mean mg/dL? (1 mg/dL = 88.4 µmol/L)",
                           "数值小于 20 µmol/L 时可能是 mg/dL，请确认单位（1 mg/dL = 88.4 µmol/L）")),
        LabUnit(code="MG_DL", symbol=MG_DL, factor=Decimal("88.4"), precision=2, hard=_r("0.05", 35),
                expected=_r("0.2", 12),
                hint=_hint("A value above 12 mg/dL is probably in µmol/L: did you mean µmol/L?",
                           "数值大于 12 mg/dL 时可能是 µmol/L，请确认单位")),
    ),
)

C3 = Analyte(
    id="c3",
    label=Text(en="Complement C3", zh="补体C3"),
    units=(
        LabUnit(code="G_L", symbol=G_L, factor=Decimal(1), precision=2, hard=_r(0, 10), expected=_r("0.1", 3),
                hint=_hint("A value above 3 g/L is probably in mg/dL: choose mg/dL",
                           "数值大于 3 g/L 时可能是 mg/dL，请选择 mg/dL")),
        LabUnit(code="MG_DL", symbol=MG_DL, factor=Decimal("0.01"), precision=1, hard=_r(0, 1000),
                expected=_r(10, 300),
                hint=_hint("A value below 10 mg/dL is probably in g/L: choose g/L",
                           "数值小于 10 mg/dL 时可能是 g/L，请选择 g/L")),
    ),
)

C4 = Analyte(
    id="c4",
    label=Text(en="Complement C4", zh="补体C4"),
    units=(
        LabUnit(code="G_L", symbol=G_L, factor=Decimal(1), precision=3, hard=_r(0, 5), expected=_r("0.01", 1),
                hint=_hint("A value above 1 g/L is probably in mg/dL: choose mg/dL",
                           "数值大于 1 g/L 时可能是 mg/dL，请选择 mg/dL")),
        LabUnit(code="MG_DL", symbol=MG_DL, factor=Decimal("0.01"), precision=1, hard=_r(0, 500),
                expected=_r(1, 100),
                hint=_hint("A value below 1 mg/dL is probably in g/L: choose g/L",
                           "数值小于 1 mg/dL 时可能是 g/L，请选择 g/L")),
    ),
)


def _count(analyte_id: str, label: Text, *, hard_e9: str, expected_e9: tuple[str, str]) -> Analyte:
    low, high = expected_e9
    per_ul_low, per_ul_high = Decimal(low) * 1000, Decimal(high) * 1000
    return Analyte(
        id=analyte_id,
        label=label,
        units=(
            LabUnit(code="E9_L", symbol=E9_L, factor=Decimal(1), precision=2, hard=_r(0, hard_e9),
                    expected=_r(low, high),
                    hint=_hint("Values of hundreds or thousands are counts per µL: choose /µL",
                               "数值为数百或数千时为每微升计数，请选择 /µL")),
            LabUnit(code="PER_UL", symbol=PER_UL, factor=Decimal("0.001"), precision=0,
                    hard=Range(low=Decimal(0), high=Decimal(hard_e9) * 1000),
                    expected=Range(low=per_ul_low, high=per_ul_high),
                    hint=_hint("1000/µL = 1.0 × 10⁹/L; a small value is probably in × 10⁹/L",
                               "1000/µL = 1.0 × 10⁹/L；数值很小时可能是 × 10⁹/L")),
        ),
    )


WBC = _count("wbc", Text(en="White blood cell count", zh="白细胞计数"), hard_e9="200", expected_e9=("1", "30"))
NEUTROPHILS = _count("neut", Text(en="Neutrophil count", zh="中性粒细胞计数"), hard_e9="150",
                     expected_e9=("0.5", "25"))
LYMPHOCYTES = _count("lymph", Text(en="Lymphocyte count", zh="淋巴细胞计数"), hard_e9="150",
                     expected_e9=("0.1", "10"))
PLATELETS = _count("plt", Text(en="Platelet count", zh="血小板计数"), hard_e9="2000", expected_e9=("20", "800"))

HAEMOGLOBIN = Analyte(
    id="hb",
    label=Text(en="Haemoglobin", zh="血红蛋白"),
    units=(
        LabUnit(code="G_L", symbol=G_L, factor=Decimal(1), precision=0, hard=_r(10, 250), expected=_r(50, 180),
                hint=_hint("A value below 25 is probably in g/dL: choose g/dL",
                           "数值小于 25 时可能是 g/dL，请选择 g/dL")),
        LabUnit(code="G_DL", symbol=G_DL, factor=Decimal(10), precision=1, hard=_r(1, 25), expected=_r(5, 18),
                hint=_hint("A value above 25 is probably in g/L: choose g/L",
                           "数值大于 25 时可能是 g/L，请选择 g/L")),
    ),
)

ALT = Analyte(
    id="alt",
    label=Text(en="Alanine aminotransferase (ALT)", zh="谷丙转氨酶（ALT）"),
    units=(LabUnit(code="U_L", symbol=U_L, factor=Decimal(1), precision=0, hard=_r(0, 10000), expected=_r(3, 500)),),
)

AST = Analyte(
    id="ast",
    label=Text(en="Aspartate aminotransferase (AST)", zh="谷草转氨酶（AST）"),
    units=(LabUnit(code="U_L", symbol=U_L, factor=Decimal(1), precision=0, hard=_r(0, 10000), expected=_r(3, 500)),),
)

BILIRUBIN = Analyte(
    id="tbil",
    label=Text(en="Total bilirubin", zh="总胆红素"),
    units=(
        LabUnit(code="UMOL_L", symbol=UMOL_L, factor=Decimal(1), precision=1, hard=_r(0, 800), expected=_r(2, 100),
                hint=_hint("1 mg/dL = 17.1 µmol/L; 1 mg/L = 1.71 µmol/L",
                           "1 mg/dL = 17.1 µmol/L；1 mg/L = 1.71 µmol/L")),
        LabUnit(code="MG_DL", symbol=MG_DL, factor=Decimal("17.1"), precision=2, hard=_r(0, 50),
                expected=_r("0.1", 6),
                hint=_hint("A value above 6 mg/dL is probably in µmol/L or mg/L: check the unit",
                           "数值大于 6 mg/dL 时可能是 µmol/L 或 mg/L，请核对单位")),
        LabUnit(code="MG_L", symbol=MG_L, factor=Decimal("1.71"), precision=1, hard=_r(0, 500), expected=_r(1, 60),
                hint=_hint("1 mg/L = 1.71 µmol/L = 0.1 mg/dL",
                           "1 mg/L = 1.71 µmol/L = 0.1 mg/dL")),
    ),
)

#: Every analyte with a numeric value, by id.
ANALYTES: dict[str, Analyte] = {
    a.id: a
    for a in (PROTEIN_24H, UPCR, ALBUMIN, CREATININE, C3, C4, WBC, NEUTROPHILS, LYMPHOCYTES, HAEMOGLOBIN,
              PLATELETS, ALT, AST, BILIRUBIN)
}

#: Analytes whose reference range (LLN/ULN, per laboratory, versioned) the services must store: the trial rules
#: need the ULN of ALT and AST (exclusion 7) and the LLN of C3 and C4 (SLEDAI-2K low complement).
REFERENCE_RANGES_NEEDED: tuple[tuple[str, str], ...] = (("alt", "ULN"), ("ast", "ULN"), ("c3", "LLN"), ("c4", "LLN"))


def to_canonical(analyte_id: str, value: Decimal, unit_code: str) -> Decimal:
    """``value`` of analyte ``analyte_id`` in unit ``unit_code``, converted exactly to the canonical unit."""
    try:
        analyte = ANALYTES[analyte_id]
    except KeyError:
        raise ValueError(f"unknown analyte {analyte_id!r}") from None
    return analyte.to_canonical(value, unit_code)
