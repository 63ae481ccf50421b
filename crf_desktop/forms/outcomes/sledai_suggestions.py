"""Suggestions for the lab-decidable SLEDAI-2K descriptors from the same visit's laboratory values.

A suggestion is shown to the physician, who confirms or overrides it; nothing here writes a descriptor. Each
suggestion carries its evidence (the value, the threshold, the descriptor's definition) in English and Chinese.

Thresholds (Gladman DD et al. J Rheumatol 2002;29:288-91, as tabulated in clinical-rules.md section 3):
proteinuria > 0.5 g/24 h; haematuria > 5 RBC/HPF; pyuria > 5 WBC/HPF; urinary casts = heme-granular or RBC
casts; low complement = C3 or C4 below the testing laboratory's lower limit of normal (CH50 is not captured);
increased DNA binding = anti-dsDNA above the laboratory's normal range; thrombocytopenia < 100 × 10⁹/L;
leukopenia < 3 × 10⁹/L. The exclusions in the definitions (stone, infection, drugs) are the physician's to judge.

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
    return Text(en=f"{value} {unit.en}".replace(" /", "/"), zh=f"{value} {unit.zh}".replace(" 个", "个"))


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
    listed = ", ".join(missing)
    return SledaiSuggestion(
        key=key,
        field_id=sledai_form.descriptor_field_id(key),
        present=None,
        evidence=Text(en=f"{name.en}: no suggestion, missing {listed}", zh=f"{name.zh}：无建议，缺少 {listed}"),
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
    return (
        low,
        Text(en=f"{name.upper()} {value} {symbol} LLN {lln}", zh=f"{name.upper()} {value} {symbol} 正常值下限 {lln}"),
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


def _dna(value: Decimal | None, uln: Decimal | None) -> SledaiSuggestion:
    key = "increased_dna_binding"
    if value is None or uln is None:
        return _undecided(key, *(n for n, v in (("anti_dsdna", value), ("anti_dsdna_uln", uln)) if v is None))
    high = value > uln
    symbol = ">" if high else "≤"
    return _finding(
        key,
        high,
        Text(en=f"Anti-dsDNA {value} {symbol} ULN {uln}", zh=f"抗 dsDNA 抗体 {value} {symbol} 正常值上限 {uln}"),
    )


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
    platelets_10e9_l: Number | None = None,
    wbc_10e9_l: Number | None = None,
    upcr_stands_in: bool = True,
) -> tuple[SledaiSuggestion, ...]:
    """Suggest the 8 lab-decidable SLEDAI-2K descriptors (:data:`LAB_DESCRIPTORS`) from one visit's labs.

    Every argument is optional (None: not recorded); C3/C4 and anti-dsDNA are compared with the reporting
    laboratory's own limits (any unit, the same for value and limit). ``casts``: heme-granular or RBC casts seen
    on microscopy. Negative or non-numeric values raise ValueError naming the argument. Returns one suggestion
    per descriptor in :data:`LAB_DESCRIPTORS` order; see the module docstring for the thresholds and sources.
    """
    if casts is not None:
        arguments.flag("casts", casts)
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
        "pyuria": _threshold(
            "pyuria",
            Text(en="Urine WBC", zh="尿白细胞"),
            _value("urine_wbc_hpf", urine_wbc_hpf),
            _HPF,
            PYURIA_WBC_HPF,
            above=True,
            missing="urine_wbc_hpf",
        ),
        "low_complement": _complement(
            _value("c3", c3), _value("c3_lln", c3_lln), _value("c4", c4), _value("c4_lln", c4_lln)
        ),
        "increased_dna_binding": _dna(_value("anti_dsdna", anti_dsdna), _value("anti_dsdna_uln", anti_dsdna_uln)),
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
