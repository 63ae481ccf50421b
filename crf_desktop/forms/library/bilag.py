"""BILAG-2004: the physician's grade (A-E) for each of the 9 systems, an optional note per system, and the
numerical score derived from the grades.

Systems, grades, their meanings and the scores come from :mod:`crf_desktop.forms.instruments.bilag`
(Isenberg DA et al. Rheumatology 2005;44:902-6; numerical scoring Yee CS et al. Rheumatology 2010;49:1665-9:
A = 12, B = 8, C = 1, D = E = 0; clinical-rules.md section 4). DESIGN.md section 9: the physician records each
system grade; the app computes the numerical score and the overall (highest) grade. The item → grade algorithm
is not implemented (clinical-rules.md sections 4.5-4.8: not verified); lab-based hints for the renal and
haematological grades are in :mod:`crf_desktop.forms.outcomes.bilag_hints` and are never written here.
"""

from __future__ import annotations

from typing import Final

from crf_desktop.forms.instruments import bilag as scoring
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Section, Text, Value

FORM_ID = "bilag"
NUMERIC_FIELD = "bilag_numeric"
OVERALL_FIELD = "bilag_overall"

SYSTEM_ZH: Final[dict[str, str]] = {
    "constitutional": "全身症状",
    "mucocutaneous": "皮肤黏膜",
    "neuropsychiatric": "神经精神",
    "musculoskeletal": "肌肉骨骼",
    "cardiorespiratory": "心肺",
    "gastrointestinal": "消化系统",
    "ophthalmic": "眼部",
    "renal": "肾脏",
    "haematological": "血液系统",
}
GRADE_MEANING_ZH: Final[dict[str, str]] = {
    "A": "重度疾病活动，需要改变病情的治疗",
    "B": "中度疾病活动，需要较低剂量糖皮质激素、外用糖皮质激素、抗疟药或非甾体抗炎药",
    "C": "轻度、稳定的疾病",
    "D": "目前无活动，既往曾受累",
    "E": "该系统从未受累",
}
GRADE_CHOICES: Final = tuple(
    Choice(
        code=grade,
        label=Text(en=f"{grade}: {scoring.BILAG_GRADE_MEANINGS[grade]}", zh=f"{grade}：{GRADE_MEANING_ZH[grade]}"),
    )
    for grade in scoring.BILAG_GRADES
)


def grade_field_id(system: str) -> str:
    """The field id of a system's grade: ``bilag_<system>`` (``bilag_renal``)."""
    return f"bilag_{system}"


def notes_field_id(system: str) -> str:
    """The field id of a system's notes: ``bilag_<system>_notes``."""
    return f"bilag_{system}_notes"


GRADE_FIELDS: Final = tuple(grade_field_id(system) for system in scoring.BILAG_SYSTEMS)


def system_name(system: str) -> Text:
    """The system's name in both languages."""
    return Text(en=scoring.BILAG_SYSTEM_LABELS[system], zh=SYSTEM_ZH[system])


def grades_from(values: DerivedInputs) -> dict[str, str] | None:
    """{system: grade} from the form's values; ``None`` while any system is ungraded."""
    grades: dict[str, str] = {}
    for system in scoring.BILAG_SYSTEMS:
        grade = values.get(grade_field_id(system))
        if not isinstance(grade, str):
            return None
        grades[system] = grade
    return grades


def _numeric(values: DerivedInputs) -> Value | None:
    grades = grades_from(values)
    return None if grades is None else scoring.bilag_2004_numeric(grades)


def _overall(values: DerivedInputs) -> Value | None:
    grades = grades_from(values)
    return None if grades is None else scoring.bilag_overall_grade(grades)


INSTRUCTIONS: Final = Text(
    en="Grade each system by the BILAG-2004 index and glossary. Record only features due to SLE disease activity "
    "(not damage, infection or other conditions) over the last 4 weeks compared with the previous 4 weeks.",
    zh="请按照 BILAG-2004 指数及其术语表为每个系统评级。仅记录由系统性红斑狼疮疾病活动引起的表现（不包括损害、感染"
    "或其他疾病），评估最近 4 周并与之前 4 周比较。",
)


def _system_section(system: str) -> Section:
    name = system_name(system)
    return Section(
        id=f"bilag_{system}",
        title=name,
        fields=(
            Field(
                id=grade_field_id(system),
                label=Text(en=f"{name.en}: BILAG-2004 grade", zh=f"{name.zh}：BILAG-2004 分级"),
                type=FieldType.CHOICE,
                choices=GRADE_CHOICES,
                help=INSTRUCTIONS,
            ),
            Field(
                id=notes_field_id(system),
                label=Text(en=f"{name.en}: notes", zh=f"{name.zh}：备注"),
                type=FieldType.TEXT,
                required=False,
                max_length=500,
            ),
        ),
    )


_score = Section(
    id="bilag_score",
    title=Text(en="BILAG-2004 score", zh="BILAG-2004 评分"),
    fields=(
        Field(
            id=NUMERIC_FIELD,
            label=Text(en="BILAG-2004 numerical score (0-108)", zh="BILAG-2004 数值评分（0-108）"),
            type=FieldType.INTEGER,
            required=False,
            derived=Derived(
                inputs=GRADE_FIELDS,
                function=_numeric,
                description=Text(
                    en="sum over the 9 systems of A = 12, B = 8, C = 1, D = 0, E = 0 (Yee 2010)",
                    zh="9 个系统得分之和：A = 12，B = 8，C = 1，D = 0，E = 0（Yee 2010）",
                ),
            ),
        ),
        Field(
            id=OVERALL_FIELD,
            label=Text(
                en="Overall BILAG-2004 grade (highest in any system)", zh="BILAG-2004 总体分级（各系统中最高者）"
            ),
            type=FieldType.CHOICE,
            choices=GRADE_CHOICES,
            required=False,
            derived=Derived(
                inputs=GRADE_FIELDS,
                function=_overall,
                description=Text(
                    en="the most active grade in any system (Yee 2007)", zh="各系统中活动度最高的分级（Yee 2007）"
                ),
            ),
        ),
    ),
)

FORM: Final = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="BILAG-2004 index", zh="BILAG-2004 指数"),
    sections=(*(_system_section(system) for system in scoring.BILAG_SYSTEMS), _score),
    instructions=INSTRUCTIONS,
)
