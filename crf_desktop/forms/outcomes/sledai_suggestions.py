"""Suggestions for the lab-decidable SLEDAI-2K descriptors from the same visit's laboratory values.

A suggestion is shown to the physician, who confirms or overrides it; nothing here writes a descriptor. Each
suggestion carries its evidence (the value, the threshold, the descriptor's definition) in English and Chinese.

Thresholds (Gladman DD et al. J Rheumatol 2002;29:288-91, as tabulated in clinical-rules.md section 3):
proteinuria > 0.5 g/24 h; haematuria > 5 RBC/HPF; pyuria > 5 WBC/HPF; urinary casts = heme-granular or RBC
casts; low complement = C3 or C4 below the testing laboratory's lower limit of normal (CH50 is not captured);
increased DNA binding = anti-dsDNA above the laboratory's normal range; thrombocytopenia < 100 × 10⁹/L;
leukopenia < 3 × 10⁹/L. The exclusions in the definitions (stone, infection, drugs) are the physician's to judge;
where the labs form records a urinary tract infection (``urinary_infection``), pyuria above 5 WBC/HPF is not
suggested as lupus activity and the evidence says why. Anti-dsDNA: a quantitative value above the laboratory's
ULN, or else the laboratory's own interpretation (positive / negative) when only that is recorded.
Evidence names the laboratory values by their labels on the labs form (English and Chinese), with their units.

Decision (clinical-rules.md section 3, ⚠ proteinuria): when no 24-h collection is recorded, a UPCR > 0.5 g/g
stands in for it (``upcr_stands_in=True``, the default; the evidence says so). The protocol must confirm this;
pass ``upcr_stands_in=False`` to suggest proteinuria from a 24-h collection only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.sledai import SLEDAI_DESCRIPTORS
from crf_desktop.forms.library import lab_units
from crf_desktop.forms.library import labs as labs_form
from crf_desktop.forms.library import sledai as sledai_form
from crf_desktop.forms.model import Text

Number = Decimal | int | float

PROTEINURIA_G_24H: Final = Decimal("0.5")
PROTEINURIA_UPCR_G_G: Final = Decimal("0.5")
HAEMATURIA_RBC_HPF: Final = Decimal(5)
PYURIA_WBC_HPF: Final = Decimal(5)
THROMBOCYTOPENIA_10E9_L: Final = Decimal(100)
LEUKOPENIA_10E9_L: Final = Decimal(3)

#: The descriptors a laboratory value can decide, in the published order.
LAB_DESCRIPTORS: Final = (
    "urinary_casts",
    "hematuria",
    "proteinuria",
    "pyuria",
    "low_complement",
    "increased_dna_binding",
    "thrombocytopenia",
    "leukopenia",
)
_SOURCE = Text(en="SLEDAI-2K, Gladman 2002", zh="SLEDAI-2K，Gladman 2002")
_HPF = Text(en="/HPF", zh="个/高倍视野")
_G_24H = Text(en="g/24 h", zh="g/24 h")
_G_G = Text(en="g/g", zh="g/g")
_PER_L = Text(en="× 10⁹/L", zh="× 10⁹/L")


def _lab_label(field_id: str) -> Text:
    return labs_form.FORM.field(field_id).label


def _limit_label(analyte: lab_units.Analyte, limit: str) -> Text:
    return Text(en=f"{analyte.label.en}: {limit} of the laboratory's reference range",
                zh=f"{analyte.label.zh}：实验室参考范围{'下限' if limit == 'LLN' else '上限'}")


#: The words for each argument named as missing: the labs form's labels.
ARGUMENT_LABELS: Final[dict[str, Text]] = {
    "proteinuria_g_24h": lab_units.PROTEIN_24H.label,
    "upcr_g_g": lab_units.UPCR.label,
    "urine_rbc_hpf": _lab_label("urine_rbc_hpf"),
    "urine_wbc_hpf": _lab_label("urine_wbc_hpf"),
    "casts": _lab_label("urine_casts"),
    "c3": lab_units.C3.label,
    "c3_lln": _limit_label(lab_units.C3, "LLN"),
    "c4": lab_units.C4.label,
    "c4_lln": _limit_label(lab_units.C4, "LLN"),
    "anti_dsdna": _lab_label("dsdna_result"),
    "anti_dsdna_uln": Text(en="Anti-dsDNA antibody: ULN of the laboratory's reference range",
                           zh="抗双链DNA抗体：实验室参考范围上限"),
    "platelets_10e9_l": lab_units.PLATELETS.label,
    "wbc_10e9_l": lab_units.WBC.label,
}


def shown_number(value: Decimal) -> str:
    """A decimal as a person reads it: no exponent, no trailing zeros."""
    return f"{value.normalize():f}"


@dataclass(frozen=True, slots=True, kw_only=True)
class SledaiSuggestion:
    """A suggested answer for one descriptor: present (True), absent (False), or not decidable (None, with the
    missing lab values named). ``field_id`` is the SLEDAI-2K form field it is for."""

    key: str
    field_id: str
    present: bool | None
    evidence: Text
    missing: tuple[str, ...] = ()


def _value(name: str, value: Number | None) -> Decimal | None:
    return None if value is None else arguments.non_negative_exact(name, value)


def _shown(value: Decimal, unit: Text) -> Text:
    number = shown_number(value)
    return Text(en=f"{number} {unit.en}".replace(" /", "/"), zh=f"{number} {unit.zh}".replace(" 个", "个"))


def _finding(key: str, present: bool, because: Text) -> SledaiSuggestion:
    name = sledai_form.descriptor_name(key)
    definition_en = next(d.definition for d in SLEDAI_DESCRIPTORS if d.key == key)
    definition_zh = sledai_form.DESCRIPTOR_ZH[key][1]
    if present:
        evidence = Text(
            en=f"{because.en}: suggests {name.en} present ({_SOURCE.en}: {definition_en}) — the physician confirms",
            zh=f"{because.zh}：提示{name.zh}存在（{_SOURCE.zh}：{definition_zh}）——由医生确认",
        )
    else:
        evidence = Text(
            en=f"{because.en}: does not meet {name.en} ({_SOURCE.en}) — the physician confirms",
            zh=f"{because.zh}：不符合{name.zh}（{_SOURCE.zh}）——由医生确认",
        )
    return SledaiSuggestion(key=key, field_id=sledai_form.descriptor_field_id(key), present=present, evidence=evidence)


def _undecided(key: str, *missing: str) -> SledaiSuggestion:
    name = sledai_form.descriptor_name(key)
    labels = [ARGUMENT_LABELS.get(m, Text(en=m, zh=m)) for m in missing]
    listed = Text(en="; ".join(t.en for t in labels), zh="；".join(t.zh for t in labels))
    return SledaiSuggestion(
        key=key,
        field_id=sledai_form.descriptor_field_id(key),
        present=None,
        evidence=Text(en=f"{name.en}: no suggestion, missing {listed.en}", zh=f"{name.zh}：无建议，缺少 {listed.zh}"),
        missing=missing,
    )


def _threshold(
    key: str, measure: Text, value: Decimal | None, unit: Text, limit: Decimal, *, above: bool, missing: str
) -> SledaiSuggestion:
    if value is None:
        return _undecided(key, missing)
    present = value > limit if above else value < limit
    symbol = (">" if present else "≤") if above else ("<" if present else "≥")
    shown, bound = _shown(value, unit), _shown(limit, unit)
    return _finding(
        key,
        present,
        Text(en=f"{measure.en} {shown.en} {symbol} {bound.en}", zh=f"{measure.zh} {shown.zh} {symbol} {bound.zh}"),
    )


def _proteinuria(g_24h: Decimal | None, upcr: Decimal | None, *, upcr_stands_in: bool) -> SledaiSuggestion:
    key = "proteinuria"
    if g_24h is not None:
        return _threshold(
            key,
            Text(en="24-h urine protein", zh="24 小时尿蛋白"),
            g_24h,
            _G_24H,
            PROTEINURIA_G_24H,
            above=True,
            missing="proteinuria_g_24h",
        )
    if upcr is None or not upcr_stands_in:
        return _undecided(key, "proteinuria_g_24h")
    measure = Text(en="UPCR (in place of a 24-h collection)", zh="尿蛋白/肌酐比值（代替 24 小时尿蛋白）")
    return _threshold(key, measure, upcr, _G_G, PROTEINURIA_UPCR_G_G, above=True, missing="upcr_g_g")


def _casts(casts: bool | None) -> SledaiSuggestion:
    if casts is None:
        return _undecided("urinary_casts", "casts")
    because = (
        Text(en="Heme-granular or RBC casts seen", zh="见血红素-颗粒管型或红细胞管型")
        if casts
        else Text(en="No heme-granular or RBC casts seen", zh="未见血红素-颗粒管型或红细胞管型")
    )
    return _finding("urinary_casts", casts, because)


def _below_lln(name: str, value: Decimal | None, lln: Decimal | None) -> tuple[bool | None, Text, tuple[str, ...]]:
    if value is None or lln is None:
        return None, Text(en="", zh=""), tuple(n for n, v in ((name, value), (f"{name}_lln", lln)) if v is None)
    low = value < lln
    symbol = "<" if low else "≥"
    label = ARGUMENT_LABELS[name]
    unit = lab_units.ANALYTES[name].canonical.symbol
    shown, limit = _shown(value, unit), _shown(lln, unit)
    return (
        low,
        Text(en=f"{label.en} {shown.en} {symbol} LLN {limit.en}",
             zh=f"{label.zh} {shown.zh} {symbol} 正常值下限 {limit.zh}"),
        (),
    )


def _complement(
    c3: Decimal | None, c3_lln: Decimal | None, c4: Decimal | None, c4_lln: Decimal | None
) -> SledaiSuggestion:
    key = "low_complement"
    results = [_below_lln("c3", c3, c3_lln), _below_lln("c4", c4, c4_lln)]
    low = [text for flag, text, _ in results if flag]
    if low:
        return _finding(key, True, Text(en="; ".join(t.en for t in low), zh="；".join(t.zh for t in low)))
    missing = tuple(name for _, _, names in results for name in names)
    if missing:
        return _undecided(key, *missing)
    return _finding(
        key, False, Text(en="; ".join(t.en for _, t, _ in results), zh="；".join(t.zh for _, t, _ in results))
    )


def _dna(value: Decimal | None, uln: Decimal | None, positive: bool | None) -> SledaiSuggestion:
    key = "increased_dna_binding"
    if value is None or uln is None:
        if positive is not None:  # the laboratory's own reading against its cut-off
            return _finding(key, positive, Text(
                en=f"Anti-dsDNA antibody {'positive' if positive else 'negative'} by the laboratory's cut-off",
                zh=f"抗双链DNA抗体按实验室界值判定为{'阳性' if positive else '阴性'}"))
        return _undecided(key, *(n for n, v in (("anti_dsdna", value), ("anti_dsdna_uln", uln)) if v is None))
    high = value > uln
    symbol = ">" if high else "≤"
    return _finding(
        key,
        high,
        Text(en=f"Anti-dsDNA antibody {shown_number(value)} {symbol} ULN {shown_number(uln)}",
             zh=f"抗双链DNA抗体 {shown_number(value)} {symbol} 正常值上限 {shown_number(uln)}"),
    )


def _pyuria(wbc: Decimal | None, infection: bool | None) -> SledaiSuggestion:
    found = _threshold("pyuria", Text(en="Urine WBC", zh="尿白细胞"), wbc, _HPF, PYURIA_WBC_HPF, above=True,
                       missing="urine_wbc_hpf")
    if found.present and infection:
        assert wbc is not None  # noqa: S101 - present implies a value
        return _finding("pyuria", False, Text(
            en=f"Urine WBC {_shown(wbc, _HPF).en} > 5/HPF with a urinary tract infection recorded (infection is "
               "excluded as a cause)",
            zh=f"尿白细胞 {_shown(wbc, _HPF).zh} > 5个/高倍视野，但已记录泌尿系感染（感染所致者不计）"))
    return found


def suggest_sledai_descriptors(
    *,
    proteinuria_g_24h: Number | None = None,
    upcr_g_g: Number | None = None,
    urine_rbc_hpf: Number | None = None,
    urine_wbc_hpf: Number | None = None,
    casts: bool | None = None,
    c3: Number | None = None,
    c3_lln: Number | None = None,
    c4: Number | None = None,
    c4_lln: Number | None = None,
    anti_dsdna: Number | None = None,
    anti_dsdna_uln: Number | None = None,
    anti_dsdna_positive: bool | None = None,
    platelets_10e9_l: Number | None = None,
    wbc_10e9_l: Number | None = None,
    urinary_infection: bool | None = None,
    upcr_stands_in: bool = True,
) -> tuple[SledaiSuggestion, ...]:
    """Suggest the 8 lab-decidable SLEDAI-2K descriptors (:data:`LAB_DESCRIPTORS`) from one visit's labs.

    Every argument is optional (None: not recorded); C3/C4 (g/L) and anti-dsDNA are compared with the reporting
    laboratory's own limits (the same unit for value and limit); ``anti_dsdna_positive`` is the laboratory's
    qualitative reading, used when no quantitative value and ULN are given; ``urinary_infection`` (True: a urinary
    tract infection is recorded) excludes pyuria. ``casts``: heme-granular or RBC casts seen
    on microscopy. Negative or non-numeric values raise ValueError naming the argument. Returns one suggestion
    per descriptor in :data:`LAB_DESCRIPTORS` order; see the module docstring for the thresholds and sources.
    """
    for name, flag in (("casts", casts), ("anti_dsdna_positive", anti_dsdna_positive),
                       ("urinary_infection", urinary_infection)):
        if flag is not None:
            arguments.flag(name, flag)
    arguments.flag("upcr_stands_in", upcr_stands_in)
    found = {
        "urinary_casts": _casts(casts),
        "hematuria": _threshold(
            "hematuria",
            Text(en="Urine RBC", zh="尿红细胞"),
            _value("urine_rbc_hpf", urine_rbc_hpf),
            _HPF,
            HAEMATURIA_RBC_HPF,
            above=True,
            missing="urine_rbc_hpf",
        ),
        "proteinuria": _proteinuria(
            _value("proteinuria_g_24h", proteinuria_g_24h), _value("upcr_g_g", upcr_g_g), upcr_stands_in=upcr_stands_in
        ),
        "pyuria": _pyuria(_value("urine_wbc_hpf", urine_wbc_hpf), urinary_infection),
        "low_complement": _complement(
            _value("c3", c3), _value("c3_lln", c3_lln), _value("c4", c4), _value("c4_lln", c4_lln)
        ),
        "increased_dna_binding": _dna(
            _value("anti_dsdna", anti_dsdna), _value("anti_dsdna_uln", anti_dsdna_uln), anti_dsdna_positive
        ),
        "thrombocytopenia": _threshold(
            "thrombocytopenia",
            Text(en="Platelets", zh="血小板"),
            _value("platelets_10e9_l", platelets_10e9_l),
            _PER_L,
            THROMBOCYTOPENIA_10E9_L,
            above=False,
            missing="platelets_10e9_l",
        ),
        "leukopenia": _threshold(
            "leukopenia",
            Text(en="White blood cells", zh="白细胞"),
            _value("wbc_10e9_l", wbc_10e9_l),
            _PER_L,
            LEUKOPENIA_10E9_L,
            above=False,
            missing="wbc_10e9_l",
        ),
    }
    return tuple(found[key] for key in LAB_DESCRIPTORS)
