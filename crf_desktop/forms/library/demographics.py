"""Demographics and SLE history: date of birth or age, sex, childbearing potential, ethnicity, height, weight,
SLE diagnosis date, and the ACR 1997 classification criteria (inclusion criterion 1: at least 4 of 11).

ACR 1997: Hochberg MC, Arthritis Rheum 1997;40:1725 (revision of Tan EM et al., Arthritis Rheum 1982;25:1271).
Chinese wording follows the usual Chinese rheumatology translation of the criteria.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from crf_desktop.forms.conditions import P
from crf_desktop.forms.derivations import age_in_years, bmi, count_yes
from crf_desktop.forms.library.units import CM, KG, KG_M2, YEARS
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Range, Section, Text, Value

FORM_ID = "demographics"

#: (field id, label, definition) of the 11 ACR 1997 criteria, in the published order.
ACR_1997_CRITERIA: tuple[tuple[str, Text, Text], ...] = (
    ("acr_malar_rash", Text(en="Malar rash", zh="颊部红斑"), Text(
        en="Fixed erythema, flat or raised, over the malar eminences, tending to spare the nasolabial folds",
        zh="固定红斑，扁平或高起，在两颧突出部位，不累及鼻唇沟")),
    ("acr_discoid_rash", Text(en="Discoid rash", zh="盘状红斑"), Text(
        en="Raised erythematous patches with adherent keratotic scaling and follicular plugging; atrophic "
        "scarring may occur in older lesions",
        zh="片状高出皮肤的红斑，粘附有角质脱屑和毛囊栓；陈旧病变可发生萎缩性瘢痕")),
    ("acr_photosensitivity", Text(en="Photosensitivity", zh="光过敏"), Text(
        en="Skin rash as an unusual reaction to sunlight, by history or physician observation",
        zh="对日光有明显的反应，引起皮疹，从病史中得知或医生观察到")),
    ("acr_oral_ulcers", Text(en="Oral ulcers", zh="口腔溃疡"), Text(
        en="Oral or nasopharyngeal ulceration, usually painless, observed by a physician",
        zh="经医生观察到的口腔或鼻咽部溃疡，一般为无痛性")),
    ("acr_arthritis", Text(en="Arthritis", zh="关节炎"), Text(
        en="Non-erosive arthritis of 2 or more peripheral joints, with tenderness, swelling or effusion",
        zh="非侵蚀性关节炎，累及 2 个或更多的外周关节，有压痛、肿胀或积液")),
    ("acr_serositis", Text(en="Serositis", zh="浆膜炎"), Text(
        en="Pleuritis or pericarditis", zh="胸膜炎或心包炎")),
    ("acr_renal", Text(en="Renal disorder", zh="肾脏病变"), Text(
        en="Persistent proteinuria > 0.5 g/day or > 3+, or cellular casts",
        zh="尿蛋白持续 > 0.5 g/24 h 或 > +++，或管型（红细胞、血红蛋白、颗粒或混合管型）")),
    ("acr_neurologic", Text(en="Neurologic disorder", zh="神经病变"), Text(
        en="Seizures or psychosis, in the absence of offending drugs or known metabolic derangements",
        zh="癫痫发作或精神病，除外药物或已知的代谢紊乱")),
    ("acr_haematologic", Text(en="Haematologic disorder", zh="血液学疾病"), Text(
        en="Haemolytic anaemia with reticulocytosis, or leukopenia < 4.0 × 10⁹/L, or lymphopenia < 1.5 × 10⁹/L "
        "(on 2 or more occasions), or thrombocytopenia < 100 × 10⁹/L",
        zh="溶血性贫血伴网织红细胞增多，或白细胞减少 < 4.0 × 10⁹/L，或淋巴细胞减少 < 1.5 × 10⁹/L"
        "（2 次或以上），或血小板减少 < 100 × 10⁹/L")),
    ("acr_immunologic", Text(en="Immunologic disorder", zh="免疫学异常"), Text(
        en="Anti-dsDNA antibody, anti-Sm antibody, or antiphospholipid antibodies",
        zh="抗 dsDNA 抗体阳性，或抗 Sm 抗体阳性，或抗磷脂抗体阳性")),
    ("acr_ana", Text(en="Positive antinuclear antibody (ANA)", zh="抗核抗体阳性"), Text(
        en="Abnormal ANA titre by immunofluorescence or an equivalent assay, in the absence of drugs known to "
        "induce lupus",
        zh="免疫荧光法或其他相当方法检测抗核抗体滴度异常，并排除药物诱导的狼疮")),
)
ACR_FIELDS = tuple(field_id for field_id, _, _ in ACR_1997_CRITERIA)
ACR_MINIMUM = 4


def _age(values: DerivedInputs) -> Value | None:
    born, consent, reported = values["dob"], values["consent_date"], values["age_reported"]
    if isinstance(born, date) and isinstance(consent, date):
        return age_in_years(born, consent)
    if isinstance(reported, int):
        return reported
    return None


def _bmi(values: DerivedInputs) -> Value | None:
    height, weight = values["height_cm"], values["weight_kg"]
    if isinstance(height, Decimal) and isinstance(weight, Decimal):
        return bmi(height, weight)
    return None


def _acr_answers(values: DerivedInputs) -> list[str | None]:
    return [answer if isinstance(answer, str) else None for answer in (values[f] for f in ACR_FIELDS)]


def _acr_count(values: DerivedInputs) -> Value | None:
    return count_yes(_acr_answers(values))


def _acr_met(values: DerivedInputs) -> Value | None:
    count = count_yes(_acr_answers(values))
    if count is None:
        return None
    return "Y" if count >= ACR_MINIMUM else "N"


FEMALE = "F"

_birth = Section(
    id="birth",
    title=Text(en="Date of birth and age", zh="出生日期与年龄"),
    fields=(
        Field(
            id="dob_unknown",
            label=Text(en="Date of birth not known (record the age instead)", zh="出生日期不详（改填年龄）"),
            type=FieldType.CHECKBOX,
            required=False,
        ),
        Field(
            id="dob",
            label=Text(en="Date of birth", zh="出生日期"),
            type=FieldType.DATE,
            relevant=P("dob_unknown", "eq", False),
        ),
        Field(
            id="age_reported",
            label=Text(en="Age at consent (date of birth not known)", zh="签署知情同意时年龄（出生日期不详时填写）"),
            type=FieldType.INTEGER,
            unit=YEARS,
            hard_range=Range.of(0, 120),
            expected_range=Range.of(18, 60),
            relevant=P("dob_unknown", "eq", True),
        ),
        Field(
            id="age_years",
            label=Text(en="Age at consent", zh="签署知情同意时年龄"),
            type=FieldType.INTEGER,
            unit=YEARS,
            required=False,
            derived=Derived(
                inputs=("dob", "age_reported"),
                context=("consent_date",),
                function=_age,
                description=Text(
                    en="completed years from date of birth to the informed consent date; the recorded age when "
                    "the date of birth is not known",
                    zh="出生日期至知情同意日期的周岁；出生日期不详时取填写的年龄",
                ),
            ),
        ),
    ),
)

_person = Section(
    id="person",
    title=Text(en="Sex and ethnicity", zh="性别与民族"),
    fields=(
        Field(
            id="sex",
            label=Text(en="Sex", zh="性别"),
            type=FieldType.CHOICE,
            choices=(
                Choice(code=FEMALE, label=Text(en="Female", zh="女")),
                Choice(code="M", label=Text(en="Male", zh="男")),
            ),
        ),
        Field(
            id="childbearing",
            label=Text(en="Childbearing potential", zh="有生育能力"),
            type=FieldType.YES_NO,
            relevant=P("sex", "eq", FEMALE),
        ),
        Field(
            id="non_cbp_reason",
            label=Text(en="Reason not of childbearing potential", zh="无生育能力的原因"),
            type=FieldType.CHOICE,
            choices=(
                Choice(code="POSTMENO", label=Text(
                    en="Postmenopausal (no menses for at least 12 months)", zh="已绝经（停经至少 12 个月）")),
                Choice(code="STERILE", label=Text(
                    en="Surgically sterile (hysterectomy, bilateral oophorectomy or tubal ligation)",
                    zh="手术绝育（子宫切除、双侧卵巢切除或输卵管结扎）")),
                Choice(code="OTHER", label=Text(en="Other, specify", zh="其他，请注明")),
            ),
            relevant=P("sex", "eq", FEMALE) & P("childbearing", "eq", "N"),
        ),
        Field(
            id="non_cbp_other",
            label=Text(en="Other reason, specify", zh="其他原因，请注明"),
            type=FieldType.TEXT,
            max_length=100,
            relevant=P("non_cbp_reason", "eq", "OTHER"),
        ),
        Field(
            id="ethnicity",
            label=Text(en="Ethnicity", zh="民族"),
            type=FieldType.CHOICE,
            choices=(
                Choice(code="HAN", label=Text(en="Han", zh="汉族")),
                Choice(code="OTHER", label=Text(en="Other ethnic group, specify", zh="其他民族，请注明")),
            ),
        ),
        Field(
            id="ethnicity_other",
            label=Text(en="Other ethnic group, specify", zh="其他民族，请注明"),
            type=FieldType.TEXT,
            max_length=40,
            relevant=P("ethnicity", "eq", "OTHER"),
        ),
    ),
)

_body = Section(
    id="body",
    title=Text(en="Height and weight", zh="身高与体重"),
    fields=(
        Field(
            id="height_cm",
            label=Text(en="Height", zh="身高"),
            type=FieldType.DECIMAL,
            precision=1,
            unit=CM,
            hard_range=Range.of(100, 230),
            expected_range=Range.of(140, 190),
        ),
        Field(
            id="weight_kg",
            label=Text(en="Weight", zh="体重"),
            type=FieldType.DECIMAL,
            precision=1,
            unit=KG,
            hard_range=Range.of(20, 250),
            expected_range=Range.of(35, 120),
        ),
        Field(
            id="bmi",
            label=Text(en="Body-mass index", zh="体重指数"),
            type=FieldType.DECIMAL,
            precision=1,
            unit=KG_M2,
            required=False,
            derived=Derived(
                inputs=("height_cm", "weight_kg"),
                function=_bmi,
                description=Text(en="weight / height² (kg/m²), one decimal", zh="体重 / 身高²（kg/m²），保留一位小数"),
            ),
        ),
    ),
)

_history = Section(
    id="sle_history",
    title=Text(en="SLE history", zh="系统性红斑狼疮病史"),
    fields=(
        Field(
            id="sle_diagnosis_date",
            label=Text(en="SLE diagnosis date", zh="系统性红斑狼疮诊断日期"),
            type=FieldType.PARTIAL_DATE,
            not_before=("dob",),
            help=Text(
                en="Use UNK for an unknown day or month, e.g. UNK-Mar-2019", zh="日或月不详时填 UNK，如 UNK-Mar-2019"
            ),
        ),
    ),
)

_acr = Section(
    id="acr1997",
    title=Text(en="ACR 1997 classification criteria for SLE", zh="ACR 1997 系统性红斑狼疮分类标准"),
    fields=tuple(
        Field(id=field_id, label=label, type=FieldType.YES_NO, help=definition)
        for field_id, label, definition in ACR_1997_CRITERIA
    )
    + (
        Field(
            id="acr_count",
            label=Text(en="Number of ACR 1997 criteria met", zh="符合 ACR 1997 分类标准的条数"),
            type=FieldType.INTEGER,
            required=False,
            derived=Derived(
                inputs=ACR_FIELDS,
                function=_acr_count,
                description=Text(en="number of criteria answered Yes (of 11)", zh="回答“是”的标准条数（共 11 条）"),
            ),
        ),
        Field(
            id="acr_at_least_4",
            label=Text(
                en="At least 4 of the 11 criteria met (inclusion criterion 1)",
                zh="符合 11 条标准中至少 4 条（入选标准 1）",
            ),
            type=FieldType.YES_NO,
            required=False,
            derived=Derived(
                inputs=ACR_FIELDS,
                function=_acr_met,
                description=Text(en="Yes when at least 4 criteria are met", zh="符合至少 4 条标准时为“是”"),
            ),
        ),
    ),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Demographics", zh="人口学资料"),
    sections=(_birth, _person, _body, _history, _acr),
)
