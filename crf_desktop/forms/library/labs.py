"""Laboratory tests at screening, baseline and every follow-up visit (issue 4 item 5; registry outcomes:
24-h urine protein, UPCR, serum albumin, serum creatinine, eGFR, C3, C4, ANA, anti-dsDNA; the safety labs of
exclusions 7 and 8).

Each numeric value keeps what was entered: for analytes with several units, a unit choice and one value field
per unit (so each unit has its own hard range, which refuses impossible values, and expected range, which
catches unit mix-ups, with a hint about the unit in the field's help); a derived field holds the canonical
value (:mod:`crf_desktop.forms.library.lab_units`). eGFR (CKD-EPI 2009, the study default; DESIGN.md section 9)
and the Cockcroft-Gault creatinine clearance use the calculators, with the equation's name stored next to the
value; both need the subject's age and sex from demographics (cross-form context, see
:mod:`crf_desktop.forms.trial.context`) and say "cannot be calculated" until the engine passes them. The eGFR
equation is the study configuration's (context ``study_egfr_equation``: CKD-EPI 2009 or 2021).
The pregnancy test is its own form (:mod:`crf_desktop.forms.library.pregnancy_test`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from crf_desktop.forms.calculators import cockcroft_gault, egfr_ckd_epi_2009, egfr_ckd_epi_2021
from crf_desktop.forms.conditions import P
from crf_desktop.forms.context_names import STUDY_EGFR_EQUATION
from crf_desktop.forms.instruments.egfr import CKD_EPI_2009, CKD_EPI_2021, COCKCROFT_GAULT
from crf_desktop.forms.library import lab_units as lu
from crf_desktop.forms.library.units import KG
from crf_desktop.forms.model import (
    Choice,
    Derived,
    DerivedInputs,
    Field,
    FieldType,
    Form,
    Range,
    Section,
    Text,
    Value,
    same,
)
from crf_desktop.forms.trial.context import SUBJECT_AGE, SUBJECT_SEX

FORM_ID = "labs"
EGFR_UNIT = same("mL/min/1.73 m²")
CCR_UNIT = same("mL/min")
_SUBJECT = (SUBJECT_AGE, SUBJECT_SEX)
_EGFR_CONTEXT = (SUBJECT_AGE, SUBJECT_SEX, STUDY_EGFR_EQUATION)
_NEEDS_SUBJECT = ("the subject's age and sex from Demographics are needed (not yet passed to this form) / "
                  "需要人口学资料中的年龄和性别（尚未传入本表）")


def _canonical(analyte: lu.Analyte) -> Callable[[DerivedInputs], Value | None]:
    def convert(values: DerivedInputs) -> Value | None:
        unit = values.get(analyte.unit_field)
        if not isinstance(unit, str):
            return None
        entered = values.get(analyte.entered_field(analyte.unit(unit)))
        if not isinstance(entered, Decimal):
            return None
        return analyte.to_canonical(entered, unit)

    return convert


def analyte_fields(analyte: lu.Analyte) -> tuple[Field, ...]:
    """The fields of one analyte: a value field (one unit), or a unit choice, a value per unit and the canonical
    value (several units). All optional: a test not done is left empty."""
    if len(analyte.units) == 1:
        unit = analyte.canonical
        return (Field(id=analyte.canonical_field, label=analyte.label, type=FieldType.DECIMAL,
                      precision=unit.precision, unit=unit.symbol, required=False, hard_range=unit.hard,
                      expected_range=unit.expected, help=unit.hint),)
    unit_choice = Field(
        id=analyte.unit_field,
        label=Text(en=f"{analyte.label.en}: unit", zh=f"{analyte.label.zh}：单位"),
        type=FieldType.CHOICE,
        choices=analyte.unit_choices(),
        required=False,
        help=Text(en="Choose the unit printed on the laboratory report; leave empty when not done",
                  zh="请选择化验单上的单位；未检测则留空"),
    )
    entered = tuple(
        Field(
            id=analyte.entered_field(unit),
            label=Text(en=f"{analyte.label.en} ({unit.symbol.en})", zh=f"{analyte.label.zh}（{unit.symbol.zh}）"),
            type=FieldType.DECIMAL,
            precision=unit.precision,
            unit=unit.symbol,
            hard_range=unit.hard,
            expected_range=unit.expected,
            relevant=P(analyte.unit_field, "eq", unit.code),
            help=unit.hint,
        )
        for unit in analyte.units
    )
    canonical = Field(
        id=analyte.canonical_field,
        label=Text(en=f"{analyte.label.en} ({analyte.canonical.symbol.en}, converted)",
                   zh=f"{analyte.label.zh}（{analyte.canonical.symbol.zh}，换算值）"),
        type=FieldType.DECIMAL,
        precision=analyte.canonical_precision,
        unit=analyte.canonical.symbol,
        required=False,
        derived=Derived(
            inputs=(analyte.unit_field, *(analyte.entered_field(u) for u in analyte.units)),
            function=_canonical(analyte),
            description=Text(
                en="the entered value converted exactly to " + analyte.canonical.symbol.en + ": "
                + "; ".join(f"{u.symbol.en} × {u.factor}" for u in analyte.units[1:]),
                zh="录入值精确换算为 " + analyte.canonical.symbol.zh + "：" + "；".join(
                    f"{u.symbol.zh} × {u.factor}" for u in analyte.units[1:]),
            ),
        ),
    )
    return (unit_choice, *entered, canonical)


def _subject(values: DerivedInputs) -> tuple[int, str]:
    age, sex = values.get(SUBJECT_AGE), values.get(SUBJECT_SEX)
    if not isinstance(age, int) or isinstance(age, bool) or sex not in ("F", "M") or not isinstance(sex, str):
        raise ValueError(_NEEDS_SUBJECT)
    return age, sex


def egfr_equation_of(values: DerivedInputs) -> str:
    """The study configuration's eGFR equation (context ``study_egfr_equation``), CKD-EPI 2009 by default."""
    named = values.get(STUDY_EGFR_EQUATION)
    if named is None:
        return CKD_EPI_2009
    if named not in (CKD_EPI_2009, CKD_EPI_2021):
        raise ValueError(f"the study configuration names an unknown eGFR equation {named!r}")
    return str(named)


def _egfr(values: DerivedInputs) -> Value | None:
    scr = values.get(lu.CREATININE.canonical_field)
    if not isinstance(scr, Decimal):
        return None
    age, sex = _subject(values)
    if egfr_equation_of(values) == CKD_EPI_2021:
        egfr = egfr_ckd_epi_2021(float(scr), age, sex)
    else:
        egfr = egfr_ckd_epi_2009(float(scr), age, sex)
    return Decimal(repr(egfr)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _egfr_equation(values: DerivedInputs) -> Value | None:
    return egfr_equation_of(values) if _egfr(values) is not None else None


def _ccr(values: DerivedInputs) -> Value | None:
    scr, weight = values.get(lu.CREATININE.canonical_field), values.get("weight_kg")
    if not isinstance(scr, Decimal) or not isinstance(weight, Decimal):
        return None
    age, sex = _subject(values)
    ccr = cockcroft_gault(float(scr), age, float(weight), sex)
    return Decimal(repr(ccr)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _ccr_equation(values: DerivedInputs) -> Value | None:
    return COCKCROFT_GAULT if _ccr(values) is not None else None


_SCR = lu.CREATININE.canonical_field

_sample = Section(
    id="sample",
    title=Text(en="Sample", zh="标本"),
    fields=(
        Field(id="lab_date", label=Text(en="Sample date", zh="采样日期"), type=FieldType.DATE,
              not_before_consent=False),
        Field(id="lab_name", label=Text(en="Laboratory", zh="检测实验室"), type=FieldType.TEXT, max_length=80,
              help=Text(en="The laboratory whose reference ranges (LLN/ULN) apply",
                        zh="适用其参考范围（正常值上下限）的实验室")),
    ),
)

_urine = Section(
    id="urine",
    title=Text(en="Urine", zh="尿液检查"),
    fields=(
        *analyte_fields(lu.PROTEIN_24H),
        *analyte_fields(lu.UPCR),
        Field(id="urine_rbc_hpf", label=Text(en="Urine red blood cells", zh="尿红细胞"), type=FieldType.INTEGER,
              unit=Text(en="/HPF", zh="个/HP"), required=False, hard_range=Range.of(0, 1000),
              expected_range=Range.of(0, 200),
              help=Text(en="Microscopic haematuria: > 5 red blood cells per high-power field",
                        zh="镜下血尿：红细胞 > 5 个/高倍视野")),
        Field(id="urine_wbc_hpf", label=Text(en="Urine white blood cells", zh="尿白细胞"), type=FieldType.INTEGER,
              unit=Text(en="/HPF", zh="个/HP"), required=False, hard_range=Range.of(0, 1000),
              expected_range=Range.of(0, 200),
              help=Text(en="Pyuria: > 5 white blood cells per high-power field (SLEDAI-2K, infection excluded)",
                        zh="脓尿：白细胞 > 5 个/高倍视野（SLEDAI-2K，需排除感染）")),
        Field(id="urine_infection", label=Text(en="Urinary tract infection at the time of the sample",
                                               zh="采样时存在泌尿系感染"),
              type=FieldType.YES_NO, required=False, relevant=P("urine_wbc_hpf", "gt", 5),
              help=Text(en="Culture-proven or clinically diagnosed; pyuria due to infection does not count in "
                           "SLEDAI-2K",
                        zh="经培养证实或临床诊断；感染所致脓尿不计入 SLEDAI-2K")),
        Field(id="urine_casts", label=Text(en="Urinary casts", zh="尿管型"), type=FieldType.YES_NO, required=False),
        Field(id="urine_cast_types", label=Text(en="Cast types", zh="管型类型"), type=FieldType.MULTI_CHOICE,
              choices=(
                  Choice(code="RBC", label=Text(en="Red blood cell casts", zh="红细胞管型")),
                  Choice(code="WBC", label=Text(en="White blood cell casts", zh="白细胞管型")),
                  Choice(code="GRANULAR", label=Text(en="Granular casts", zh="颗粒管型")),
                  Choice(code="HYALINE", label=Text(en="Hyaline casts", zh="透明管型")),
                  Choice(code="HEME", label=Text(en="Haem-granular (haemoglobin) casts", zh="血红蛋白管型")),
                  Choice(code="OTHER", label=Text(en="Other", zh="其他")),
              ),
              relevant=P("urine_casts", "eq", "Y")),
    ),
)

_kidney = Section(
    id="kidney",
    title=Text(en="Kidney function and albumin", zh="肾功能及白蛋白"),
    fields=(
        *analyte_fields(lu.ALBUMIN),
        *analyte_fields(lu.CREATININE),
        Field(
            id="egfr", label=Text(en="Estimated glomerular filtration rate (eGFR)", zh="估算肾小球滤过率（eGFR）"),
            type=FieldType.DECIMAL, precision=1, unit=EGFR_UNIT, required=False,
            derived=Derived(inputs=(_SCR,), context=_EGFR_CONTEXT, function=_egfr, description=Text(
                en="the study configuration's equation (CKD-EPI 2009 by default: creatinine, non-Black coefficient; "
                   "or CKD-EPI 2021), one decimal; its name is stored in the next field",
                zh="按研究配置的公式（默认 CKD-EPI 2009：肌酐，非黑人系数；或 CKD-EPI 2021），保留一位小数；"
                   "公式名称记录于下一项")),
        ),
        Field(
            id="egfr_equation", label=Text(en="eGFR equation", zh="eGFR 计算公式"), type=FieldType.TEXT,
            required=False,
            derived=Derived(inputs=(_SCR,), context=_EGFR_CONTEXT, function=_egfr_equation, description=Text(
                en="the name of the equation used for eGFR", zh="eGFR 所用公式名称")),
        ),
        Field(
            id="weight_kg", label=Text(en="Body weight on the sample date", zh="采样当日体重"), type=FieldType.DECIMAL,
            precision=1, unit=KG, required=False, hard_range=Range.of(20, 250), expected_range=Range.of(35, 120),
            help=Text(en="Needed at screening for the creatinine clearance (exclusion 7)",
                      zh="筛选期计算肌酐清除率（排除标准 7）时需要"),
        ),
        Field(
            id="ccr", label=Text(en="Creatinine clearance (Ccr)", zh="肌酐清除率（Ccr）"), type=FieldType.DECIMAL,
            precision=1, unit=CCR_UNIT, required=False,
            derived=Derived(inputs=(_SCR, "weight_kg"), context=_SUBJECT, function=_ccr, description=Text(
                en="Cockcroft-Gault: (140 − age) × weight × 0.85 [female] / (72 × creatinine mg/dL)",
                zh="Cockcroft-Gault 公式：(140 − 年龄) × 体重 × 0.85［女性］/ (72 × 血肌酐 mg/dL)")),
        ),
        Field(
            id="ccr_equation", label=Text(en="Ccr equation", zh="肌酐清除率计算公式"), type=FieldType.TEXT,
            required=False,
            derived=Derived(inputs=(_SCR, "weight_kg"), context=_SUBJECT, function=_ccr_equation,
                            description=Text(en="the name of the equation used for Ccr", zh="肌酐清除率所用公式名称")),
        ),
    ),
)

ANA_TITRES = ("80", "100", "160", "320", "640", "1000", "1280", "2560", "3200")

_immunology = Section(
    id="immunology",
    title=Text(en="Complement and autoantibodies", zh="补体及自身抗体"),
    fields=(
        *analyte_fields(lu.C3),
        *analyte_fields(lu.C4),
        Field(id="ana_titre", label=Text(en="Antinuclear antibody (ANA) titre", zh="抗核抗体（ANA）滴度"),
              type=FieldType.CHOICE, required=False,
              choices=(Choice(code="NEG", label=Text(en="Negative", zh="阴性")),
                       *(Choice(code=f"T{t}", label=same(f"1:{t}")) for t in ANA_TITRES),
                       Choice(code="GT3200", label=same("> 1:3200")))),
        Field(id="dsdna_result", label=Text(en="Anti-dsDNA antibody", zh="抗双链DNA抗体"), type=FieldType.CHOICE,
              required=False,
              choices=(Choice(code="NEG", label=Text(en="Negative", zh="阴性")),
                       Choice(code="BORDER", label=Text(en="Borderline", zh="临界")),
                       Choice(code="POS", label=Text(en="Positive", zh="阳性"))),
              help=Text(en="As interpreted by the laboratory's cut-off", zh="按实验室判定界值")),
        Field(id="dsdna_value", label=Text(en="Anti-dsDNA antibody, quantitative", zh="抗双链DNA抗体定量"),
              type=FieldType.DECIMAL, precision=1, required=False, hard_range=Range.of(0, 100000),
              help=Text(en="Leave empty for a qualitative test (e.g. Crithidia immunofluorescence)",
                        zh="定性检测（如短膜虫免疫荧光法）时留空")),
        Field(id="dsdna_unit", label=Text(en="Anti-dsDNA antibody: unit", zh="抗双链DNA抗体：单位"),
              type=FieldType.CHOICE,
              choices=(Choice(code="IU_ML", label=same("IU/mL")), Choice(code="U_ML", label=same("U/mL")),
                       Choice(code="OTHER", label=Text(en="Other", zh="其他"))),
              relevant=P("dsdna_value", "filled"),
              help=Text(en="Assays differ: values in different units are not converted",
                        zh="不同检测方法的结果不可换算")),
    ),
)

_blood = Section(
    id="haematology",
    title=Text(en="Complete blood count", zh="血常规"),
    fields=tuple(f for a in (lu.WBC, lu.NEUTROPHILS, lu.LYMPHOCYTES, lu.HAEMOGLOBIN, lu.PLATELETS)
                 for f in analyte_fields(a)),
)

_liver = Section(
    id="liver",
    title=Text(en="Liver function", zh="肝功能"),
    fields=tuple(f for a in (lu.ALT, lu.AST, lu.BILIRUBIN) for f in analyte_fields(a)),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Laboratory tests", zh="实验室检查"),
    sections=(_sample, _urine, _kidney, _immunology, _blood, _liver),
)
