"""HINTS for the BILAG-2004 renal and haematological grades from laboratory values — never the recorded grade.

DESIGN.md section 9 allows the app to suggest these two grades from the labs "as a hint, never as the recorded
grade". The rules are those of clinical-rules.md section 4.5 (renal, revised scheme Sep 2009) and section 4.6
(haematological), both marked **[M] NOT VERIFIED** there: recalled, not confirmed against the official
BILAG-2004 scoring guide. Every hint therefore carries the rule it applied, that source and its [M] status, and
the physician grades the system on the BILAG form. Only the lab-decidable parts are evaluated; the items the
physician alone can judge (accelerated hypertension, active nephritis on histology, nephrotic syndrome, TTP,
active haemolysis, an isolated positive Coombs' test, attribution of a cytopenia to SLE rather than drugs) are
optional inputs, named as missing when not given. With inputs missing, the hint is a lower bound ("at least").
Grades D and E need the history and are never hinted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.library import bilag as bilag_form
from crf_desktop.forms.model import Text

Number = Decimal | int | float

SOURCE_RENAL: Final = Text(
    en="BILAG-2004 renal scheme (revised Sep 2009) as recalled in clinical-rules.md 4.5 — [M] not verified",
    zh="BILAG-2004 肾脏评分方案（2009 年 9 月修订版），依据 clinical-rules.md 4.5 的回忆记录——[M] 未经核实",
)
SOURCE_HAEM: Final = Text(
    en="BILAG-2004 haematological scheme as recalled in clinical-rules.md 4.6 — [M] not verified",
    zh="BILAG-2004 血液系统评分方案，依据 clinical-rules.md 4.6 的回忆记录——[M] 未经核实",
)
HINT_LABEL: Final = Text(en="Hint only — not the recorded grade", zh="仅为提示——并非记录的分级")
#: 1 g/g = 113.12 mg/mmol (creatinine molar mass 113.12 g/mol; clinical-rules.md section 6 unit facts).
MG_MMOL_PER_G_G: Final = Decimal("113.12")
GRADES: Final = ("A", "B", "C")


@dataclass(frozen=True, slots=True, kw_only=True)
class BilagHint:
    """A hinted grade for one system: the most active of A-C the given values support (None: no A-C feature
    found), the features found (each naming its rule), the missing inputs, and the source with its status."""

    system: str
    grade: str | None
    features: tuple[Text, ...]
    missing: tuple[str, ...]
    source: Text
    label: Text = HINT_LABEL

    @property
    def lower_bound(self) -> bool:
        """True when inputs were missing, so the grade may be more active than hinted."""
        return bool(self.missing)

    def describe(self) -> Text:
        """One printable line, always starting with "Hint"."""
        name = bilag_form.system_name(self.system)
        if self.grade is None:
            grade = Text(en="no A-C feature found in the values given", zh="所给数值中未发现 A-C 级表现")
        else:
            prefix = ("at least ", "至少") if self.lower_bound else ("", "")
            grade = Text(en=f"{prefix[0]}{self.grade}", zh=f"{prefix[1]}{self.grade}")
        missing = (
            Text(en=f"; missing {', '.join(self.missing)}", zh=f"；缺少 {', '.join(self.missing)}")
            if (self.missing)
            else Text(en="", zh="")
        )
        return Text(
            en=f"Hint (not the recorded grade): {name.en} {grade.en}{missing.en} [{self.source.en}]",
            zh=f"提示（并非记录的分级）：{name.zh} {grade.zh}{missing.zh}［{self.source.zh}］",
        )


class _Collector:
    def __init__(self) -> None:
        self.found: dict[str, list[Text]] = {grade: [] for grade in GRADES}
        self.missing: list[str] = []

    def check(
        self, grade: str, names: tuple[str, ...], values: tuple[object, ...], test: Callable[[], bool], rule: Text
    ) -> None:
        absent = [name for name, value in zip(names, values, strict=True) if value is None]
        if absent:
            self.missing += [name for name in absent if name not in self.missing]
            return
        if test():
            self.found[grade].append(Text(en=f"{grade}: {rule.en}", zh=f"{grade}：{rule.zh}"))

    def hint(self, system: str, source: Text) -> BilagHint:
        grade = next((g for g in GRADES if self.found[g]), None)
        features = tuple(text for g in GRADES for text in self.found[g])
        return BilagHint(system=system, grade=grade, features=features, missing=tuple(self.missing), source=source)


def _n(name: str, value: Number | None) -> Decimal | None:
    return None if value is None else arguments.non_negative_exact(name, value)


def _flag(name: str, value: bool | None) -> bool | None:
    return None if value is None else arguments.flag(name, value)


def haematological_hint(
    *,
    haemoglobin_g_l: Number | None = None,
    wbc_10e9_l: Number | None = None,
    neutrophils_10e9_l: Number | None = None,
    lymphocytes_10e9_l: Number | None = None,
    platelets_10e9_l: Number | None = None,
    ttp: bool | None = None,
    active_haemolysis: bool | None = None,
    coombs_positive_isolated: bool | None = None,
) -> BilagHint:
    """HINT for the BILAG-2004 haematological grade (clinical-rules.md 4.6, [M] not verified).

    A: TTP, or Hb < 80 g/L (8 g/dL), or platelets < 25 × 10⁹/L. B: Hb 80-89 g/L, or WCC < 1.0, or neutrophils
    < 0.5, or platelets 25-49, or active haemolysis. C: Hb 90-109 g/L, or WCC 1.0-3.9, or neutrophils 0.5-1.9,
    or lymphocytes < 1.0, or platelets 50-149, or an isolated positive Coombs' test. Counts in × 10⁹/L. A
    cytopenia or anaemia counts only when due to SLE (not drugs): the physician judges that.
    """
    hb = _n("haemoglobin_g_l", haemoglobin_g_l)
    wbc = _n("wbc_10e9_l", wbc_10e9_l)
    neut = _n("neutrophils_10e9_l", neutrophils_10e9_l)
    lymph = _n("lymphocytes_10e9_l", lymphocytes_10e9_l)
    plt = _n("platelets_10e9_l", platelets_10e9_l)
    ttp_, haem, coombs = (
        _flag("ttp", ttp),
        _flag("active_haemolysis", active_haemolysis),
        _flag("coombs_positive_isolated", coombs_positive_isolated),
    )
    c = _Collector()
    c.check("A", ("ttp",), (ttp_,), lambda: ttp_ is True, Text(en="TTP", zh="血栓性血小板减少性紫癜"))
    c.check(
        "A",
        ("haemoglobin_g_l",),
        (hb,),
        lambda: hb is not None and hb < 80,
        Text(en=f"Hb {hb} g/L < 80 g/L (if due to SLE)", zh=f"血红蛋白 {hb} g/L < 80 g/L（如由狼疮所致）"),
    )
    c.check(
        "A",
        ("platelets_10e9_l",),
        (plt,),
        lambda: plt is not None and plt < 25,
        Text(en=f"platelets {plt} < 25 × 10⁹/L", zh=f"血小板 {plt} < 25 × 10⁹/L"),
    )
    c.check(
        "B",
        ("haemoglobin_g_l",),
        (hb,),
        lambda: hb is not None and 80 <= hb < 90,
        Text(en=f"Hb {hb} g/L in 80-89 g/L (if due to SLE)", zh=f"血红蛋白 {hb} g/L 在 80-89 g/L（如由狼疮所致）"),
    )
    c.check(
        "B",
        ("wbc_10e9_l",),
        (wbc,),
        lambda: wbc is not None and wbc < 1,
        Text(en=f"WCC {wbc} < 1.0 × 10⁹/L", zh=f"白细胞 {wbc} < 1.0 × 10⁹/L"),
    )
    c.check(
        "B",
        ("neutrophils_10e9_l",),
        (neut,),
        lambda: neut is not None and neut < Decimal("0.5"),
        Text(en=f"neutrophils {neut} < 0.5 × 10⁹/L", zh=f"中性粒细胞 {neut} < 0.5 × 10⁹/L"),
    )
    c.check(
        "B",
        ("platelets_10e9_l",),
        (plt,),
        lambda: plt is not None and 25 <= plt < 50,
        Text(en=f"platelets {plt} in 25-49 × 10⁹/L", zh=f"血小板 {plt} 在 25-49 × 10⁹/L"),
    )
    c.check(
        "B",
        ("active_haemolysis",),
        (haem,),
        lambda: haem is True,
        Text(en="evidence of active haemolysis", zh="有活动性溶血证据"),
    )
    c.check(
        "C",
        ("haemoglobin_g_l",),
        (hb,),
        lambda: hb is not None and 90 <= hb < 110,
        Text(en=f"Hb {hb} g/L in 90-109 g/L (if due to SLE)", zh=f"血红蛋白 {hb} g/L 在 90-109 g/L（如由狼疮所致）"),
    )
    c.check(
        "C",
        ("wbc_10e9_l",),
        (wbc,),
        lambda: wbc is not None and 1 <= wbc < 4,
        Text(en=f"WCC {wbc} in 1.0-3.9 × 10⁹/L", zh=f"白细胞 {wbc} 在 1.0-3.9 × 10⁹/L"),
    )
    c.check(
        "C",
        ("neutrophils_10e9_l",),
        (neut,),
        lambda: neut is not None and Decimal("0.5") <= neut < 2,
        Text(en=f"neutrophils {neut} in 0.5-1.9 × 10⁹/L", zh=f"中性粒细胞 {neut} 在 0.5-1.9 × 10⁹/L"),
    )
    c.check(
        "C",
        ("lymphocytes_10e9_l",),
        (lymph,),
        lambda: lymph is not None and lymph < 1,
        Text(en=f"lymphocytes {lymph} < 1.0 × 10⁹/L", zh=f"淋巴细胞 {lymph} < 1.0 × 10⁹/L"),
    )
    c.check(
        "C",
        ("platelets_10e9_l",),
        (plt,),
        lambda: plt is not None and 50 <= plt < 150,
        Text(en=f"platelets {plt} in 50-149 × 10⁹/L", zh=f"血小板 {plt} 在 50-149 × 10⁹/L"),
    )
    c.check(
        "C",
        ("coombs_positive_isolated",),
        (coombs,),
        lambda: coombs is True,
        Text(en="isolated positive Coombs' test", zh="单纯 Coombs 试验阳性"),
    )
    return c.hint("haematological", SOURCE_HAEM)


def renal_hint(
    *,
    upcr_g_g: Number | None = None,
    upcr_previous_g_g: Number | None = None,
    creatinine_umol_l: Number | None = None,
    creatinine_previous_umol_l: Number | None = None,
    egfr: Number | None = None,
    egfr_previous: Number | None = None,
    urine_rbc_hpf: Number | None = None,
    urine_wbc_hpf: Number | None = None,
    cellular_casts: bool | None = None,
    accelerated_hypertension: bool | None = None,
    active_nephritis_histology: bool | None = None,
    nephrotic_syndrome: bool | None = None,
) -> BilagHint:
    """HINT for the BILAG-2004 renal grade (clinical-rules.md 4.5, [M] not verified). "Previous" = the previous
    assessment's value (the services pass the previous visit's labs).

    Grade A features: (1) UPCR > 100 mg/mmol not decreased by >= 25 % from the previous value; (2) accelerated
    hypertension; (3) creatinine > 130 µmol/L and >= 130 % of previous, or eGFR < 80 and <= 67 % of previous, or
    eGFR < 50 when previous > 50; (4) active sediment (> 5 RBC/HPF, > 5 WBC/HPF, or RBC/cellular casts); (5)
    active nephritis on histology within 3 months; (6) nephrotic syndrome. A = >= 2 features including 1, 4 or
    5; B = one feature, or UPCR >= 50 mg/mmol not decreased by >= 25 %, or creatinine > 130 µmol/L at 115-130 %
    of previous; C = UPCR > 25 mg/mmol. UPCR g/g → mg/mmol × 113.12. The blood-pressure rise of grade C and the
    dipstick/24-h alternatives are not evaluated (give the physician's grade).
    """
    upcr = _n("upcr_g_g", upcr_g_g)
    upcr_prev = _n("upcr_previous_g_g", upcr_previous_g_g)
    creat = _n("creatinine_umol_l", creatinine_umol_l)
    creat_prev = _n("creatinine_previous_umol_l", creatinine_previous_umol_l)
    gfr, gfr_prev = _n("egfr", egfr), _n("egfr_previous", egfr_previous)
    rbc, wbc = _n("urine_rbc_hpf", urine_rbc_hpf), _n("urine_wbc_hpf", urine_wbc_hpf)
    casts = _flag("cellular_casts", cellular_casts)
    hypertension = _flag("accelerated_hypertension", accelerated_hypertension)
    histology = _flag("active_nephritis_histology", active_nephritis_histology)
    nephrotic = _flag("nephrotic_syndrome", nephrotic_syndrome)
    upcr_mg = None if upcr is None else upcr * MG_MMOL_PER_G_G

    def not_improved() -> bool:  # not decreased by >= 25 % from the previous value
        return upcr is not None and upcr_prev is not None and upcr * 100 > upcr_prev * 75

    features = _Collector()  # collects the A features as "A"
    features.check(
        "A",
        ("upcr_g_g", "upcr_previous_g_g"),
        (upcr, upcr_prev),
        lambda: upcr_mg is not None and upcr_mg > 100 and not_improved(),
        Text(
            en="(1) UPCR > 100 mg/mmol, not decreased by ≥ 25 %", zh="(1) 尿蛋白/肌酐比值 > 100 mg/mmol，未下降 ≥ 25%"
        ),
    )
    features.check(
        "A",
        ("accelerated_hypertension",),
        (hypertension,),
        lambda: hypertension is True,
        Text(en="(2) accelerated hypertension", zh="(2) 急进性高血压"),
    )
    function = Text(en="(3) deteriorating renal function", zh="(3) 肾功能恶化")
    features.check(
        "A",
        ("creatinine_umol_l", "creatinine_previous_umol_l"),
        (creat, creat_prev),
        lambda: creat is not None and creat_prev is not None and creat > 130 and creat * 100 >= creat_prev * 130,
        function,
    )
    features.check(
        "A",
        ("egfr", "egfr_previous"),
        (gfr, gfr_prev),
        lambda: (
            gfr is not None
            and gfr_prev is not None
            and ((gfr < 80 and gfr * 100 <= gfr_prev * 67) or gfr < 50 < gfr_prev)
        ),
        function,
    )
    sediment = Text(en="(4) active urinary sediment", zh="(4) 活动性尿沉渣")
    features.check("A", ("urine_rbc_hpf",), (rbc,), lambda: rbc is not None and rbc > 5, sediment)
    features.check("A", ("urine_wbc_hpf",), (wbc,), lambda: wbc is not None and wbc > 5, sediment)
    features.check("A", ("cellular_casts",), (casts,), lambda: casts is True, sediment)
    features.check(
        "A",
        ("active_nephritis_histology",),
        (histology,),
        lambda: histology is True,
        Text(en="(5) active nephritis on histology", zh="(5) 组织学示活动性肾炎"),
    )
    features.check(
        "A",
        ("nephrotic_syndrome",),
        (nephrotic,),
        lambda: nephrotic is True,
        Text(en="(6) nephrotic syndrome", zh="(6) 肾病综合征"),
    )
    found = list({text.en: text for text in features.found["A"]}.values())  # one entry per feature
    keys = {text.en.split(" ")[1] for text in found}
    c = _Collector()
    c.missing = list(features.missing)
    if len(keys) >= 2 and keys & {"(1)", "(4)", "(5)"}:
        c.found["A"] = list(found)
    elif found:
        c.found["B"] = [Text(en=f"B: one A feature, {t.en[3:]}", zh=f"B：一项 A 级表现，{t.zh[2:]}") for t in found]
    c.check(
        "B",
        ("upcr_g_g", "upcr_previous_g_g"),
        (upcr, upcr_prev),
        lambda: upcr_mg is not None and upcr_mg >= 50 and not_improved(),
        Text(en="UPCR ≥ 50 mg/mmol, not decreased by ≥ 25 %", zh="尿蛋白/肌酐比值 ≥ 50 mg/mmol，未下降 ≥ 25%"),
    )
    c.check(
        "B",
        ("creatinine_umol_l", "creatinine_previous_umol_l"),
        (creat, creat_prev),
        lambda: (
            creat is not None
            and creat_prev is not None
            and creat > 130
            and creat_prev * 115 <= creat * 100 < creat_prev * 130
        ),
        Text(en="creatinine > 130 µmol/L at 115-130 % of previous", zh="肌酐 > 130 µmol/L，为前次的 115%-130%"),
    )
    c.check(
        "C",
        ("upcr_g_g",),
        (upcr,),
        lambda: upcr_mg is not None and upcr_mg > 25,
        Text(en="UPCR > 25 mg/mmol", zh="尿蛋白/肌酐比值 > 25 mg/mmol"),
    )
    return c.hint("renal", SOURCE_RENAL)
