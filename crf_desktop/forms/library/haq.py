"""HAQ-DI: the Stanford Health Assessment Questionnaire Disability Index, with aids/devices, help from another
person, the pain VAS and the patient-global VAS.

The items, categories, answers, aids and their category mapping come from the scoring module
:mod:`crf_desktop.forms.instruments.haq` (clinical-rules.md sections 1.1-1.2); this module adds only the
Chinese wording and the layout of the Stanford 20-item form (part 1: items 1-9, aids and help; part 2: items
10-20, aids and help). Scoring (clinical-rules.md section 1.3, DESIGN.md section 9): the derived HAQ-DI is
``haq_di_exact`` of the answers with the categories raised by the aids and help ticked, rounded half up to 3
decimals; fewer than 6 of 8 categories scored → no HAQ-DI, and ``haq_di_status`` says "not calculable".

Decision: the items are not required. The questionnaire is completed by the patient and a skipped item is a
legitimate answer the Stanford 6-of-8 rule is made for; the derived number of categories scored shows how
complete it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from crf_desktop.forms.conditions import P
from crf_desktop.forms.instruments import haq as scoring
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Range, Section, Text, Value

FORM_ID = "haq"
VAS_UNIT = Text(en="mm", zh="毫米")
DI_PRECISION = 3
NOT_CALCULABLE = "NC"
CALCULATED = "OK"

#: Simplified Chinese wording of each item, by Stanford item number (English: ``scoring.HAQ_ITEMS``).
ITEM_ZH: Final[dict[int, str]] = {
    1: "自己穿衣，包括系鞋带和扣纽扣？",
    2: "自己洗头？",
    3: "从没有扶手的直背椅上站起来？",
    4: "上床和下床？",
    5: "切肉？",
    6: "把一满杯水（或饮料）端到嘴边？",
    7: "打开一盒新的纸盒牛奶？",
    8: "在户外平地上行走？",
    9: "登上五级台阶？",
    10: "洗澡并擦干全身？",
    11: "在浴缸里洗澡（盆浴）？",
    12: "坐上和离开坐便器？",
    13: "从略高于头顶处够到并取下约 5 磅（约 2.3 千克）重的物品（如一袋糖）？",
    14: "弯腰从地上拾起衣服？",
    15: "打开车门？",
    16: "拧开已经开过的瓶罐盖子？",
    17: "开关水龙头？",
    18: "外出办事和购物？",
    19: "上下汽车？",
    20: "做吸尘、打理庭院等家务？",
}
CATEGORY_ZH: Final[dict[str, str]] = {
    "dressing": "穿衣与梳洗",
    "arising": "起身",
    "eating": "进食",
    "walking": "行走",
    "hygiene": "个人卫生",
    "reach": "伸手取物",
    "grip": "握物",
    "activities": "日常活动",
}
RESPONSE_ZH: Final[dict[int, str]] = {0: "无任何困难", 1: "有些困难", 2: "很困难", 3: "无法完成"}
AID_ZH: Final[dict[str, str]] = {
    "cane": "手杖",
    "walker": "助行器",
    "crutches": "拐杖",
    "wheelchair": "轮椅",
    "dressing_devices": "穿衣辅助用具（纽扣钩、拉链拉环、长柄鞋拔等）",
    "built_up_utensils": "加粗或特制的餐具",
    "special_chair": "特制或加高的椅子",
    "other_part1": "其他（请注明）",
    "raised_toilet_seat": "加高的坐便器座圈",
    "bathtub_seat": "浴缸座椅",
    "bathtub_bar": "浴缸扶手",
    "long_handled_reach": "长柄取物器",
    "long_handled_bathroom": "浴室用长柄用具",
    "jar_opener": "开瓶器（用于已开过的瓶罐）",
    "other_part2": "其他（请注明）",
}
#: The Stanford form's two parts: categories 1-4 (items 1-9) and 5-8 (items 10-20).
PART_CATEGORIES: Final = (scoring.HAQ_CATEGORIES[:4], scoring.HAQ_CATEGORIES[4:])
_OTHER_AIDS: Final = ("other_part1", "other_part2")


def item_field_id(number: int) -> str:
    """The field id of item ``number`` (1-20): ``haq_dressing_1``, ``haq_arising_3``, ... ``haq_activities_20``."""
    item = scoring.HAQ_ITEMS[number - 1]
    return f"haq_{item.category}_{item.number}"


def aid_field_id(key: str) -> str:
    """The field id of an aid or device: ``haq_aid_cane``."""
    return f"haq_aid_{key}"


def help_field_id(category: str) -> str:
    """The field id of "help from another person" for a category: ``haq_help_dressing``."""
    return f"haq_help_{category}"


def other_category_field_id(key: str) -> str:
    """The field id of the category the scorer assigns to an "Other (specify)" aid."""
    return f"haq_aid_{key}_category"


def other_text_field_id(key: str) -> str:
    """The field id of the text of an "Other (specify)" aid."""
    return f"haq_aid_{key}_text"


ITEM_FIELDS: Final = tuple(item_field_id(item.number) for item in scoring.HAQ_ITEMS)
AID_FIELDS: Final = tuple(aid_field_id(aid.key) for aid in scoring.HAQ_AIDS)
HELP_FIELDS: Final = tuple(help_field_id(category) for category in scoring.HAQ_CATEGORIES)
OTHER_CATEGORY_FIELDS: Final = tuple(other_category_field_id(key) for key in _OTHER_AIDS)

_ANSWERS: Final = tuple(
    Choice(code=str(score), label=Text(en=text, zh=RESPONSE_ZH[score])) for score, text in scoring.HAQ_RESPONSES.items()
)
_CATEGORY_CHOICES: Final = tuple(
    Choice(code=category, label=Text(en=scoring.HAQ_CATEGORY_LABELS[category], zh=CATEGORY_ZH[category]))
    for category in scoring.HAQ_CATEGORIES
)


def category_text(category: str) -> Text:
    """The category's name in both languages."""
    return Text(en=scoring.HAQ_CATEGORY_LABELS[category], zh=CATEGORY_ZH[category])


# ---------------------------------------------------------------------------------------------------------
# Derived values


def answers_from(values: DerivedInputs) -> dict[int, int | None]:
    """The item answers as ``haq_di`` takes them: {1..20: 0-3 or None}."""
    answers: dict[int, int | None] = {}
    for item in scoring.HAQ_ITEMS:
        code = values.get(item_field_id(item.number))
        answers[item.number] = int(code) if isinstance(code, str) else None
    return answers


def raised_from(values: DerivedInputs) -> frozenset[str]:
    """The categories raised by the aids/devices and help ticked (``scoring.raised_categories_from``)."""
    aids = [aid.key for aid in scoring.HAQ_AIDS if values.get(aid_field_id(aid.key)) is True]
    helped = [category for category in scoring.HAQ_CATEGORIES if values.get(help_field_id(category)) is True]
    others = [
        category
        for key in _OTHER_AIDS
        if values.get(aid_field_id(key)) is True
        and isinstance(category := values.get(other_category_field_id(key)), str)
    ]
    return scoring.raised_categories_from(aids=aids, help_categories=helped, other_aid_categories=others)


def _categories_scored(values: DerivedInputs) -> Value | None:
    scores = scoring.haq_category_scores(answers_from(values), raised_from(values))
    return sum(1 for score in scores.values() if score is not None)


def _haq_di(values: DerivedInputs) -> Value | None:
    exact = scoring.haq_di_exact(answers_from(values), raised_from(values))
    if exact is None:
        return None
    quantum = Decimal(1).scaleb(-DI_PRECISION)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


def _haq_status(values: DerivedInputs) -> Value | None:
    scored = values.get("haq_categories_scored")
    if not isinstance(scored, int):
        return None
    return CALCULATED if scored >= scoring.MIN_SCORED_CATEGORIES else NOT_CALCULABLE


def _vas_to_scale(field_id: str) -> Derived:
    def convert(values: DerivedInputs) -> Value | None:
        mm = values.get(field_id)
        if not isinstance(mm, int):
            return None
        return Decimal(repr(scoring.vas_mm_to_haq_scale(mm, argument=field_id))).quantize(Decimal("0.01"))

    return Derived(
        inputs=(field_id,),
        function=convert,
        description=Text(en="mm × 3/100 (0-3 scale, Stanford convention)", zh="毫米数 × 3/100（0-3 分制，斯坦福惯例）"),
    )


# ---------------------------------------------------------------------------------------------------------
# Declaration


def _item_fields(categories: Iterable[str]) -> list[Section]:
    sections: list[Section] = []
    for category in categories:
        fields = tuple(
            Field(
                id=item_field_id(number),
                label=Text(en=f"{number}. {scoring.HAQ_ITEMS[number - 1].text}", zh=f"{number}. {ITEM_ZH[number]}"),
                type=FieldType.CHOICE,
                choices=_ANSWERS,
                required=False,
            )
            for number in scoring.HAQ_CATEGORY_ITEMS[category]
        )
        sections.append(Section(id=f"haq_{category}", title=category_text(category), fields=fields))
    return sections


def _aid_fields(part: int) -> tuple[Field, ...]:
    categories = PART_CATEGORIES[part]
    other = _OTHER_AIDS[part]
    fields: list[Field] = []
    for aid in scoring.HAQ_AIDS:
        if aid.category not in categories and aid.key != other:
            continue
        fields.append(
            Field(
                id=aid_field_id(aid.key),
                label=Text(en=aid.label, zh=AID_ZH[aid.key]),
                type=FieldType.CHECKBOX,
                required=False,
            )
        )
    ticked = P(aid_field_id(other), "eq", True)
    fields += [
        Field(
            id=other_text_field_id(other),
            label=Text(en="Other aid or device, specify", zh="其他辅助用具，请注明"),
            type=FieldType.TEXT,
            max_length=100,
            relevant=ticked,
        ),
        Field(
            id=other_category_field_id(other),
            label=Text(en="Category the other aid or device is used for", zh="该其他辅助用具所用于的类别"),
            type=FieldType.CHOICE,
            choices=_CATEGORY_CHOICES,
            relevant=ticked,
            help=Text(
                en="Assigned by the scorer from what the patient wrote; the aid raises that category's score to 2",
                zh="由评分者根据患者填写的内容判定；该辅助用具使此类别的得分至少为 2 分",
            ),
        ),
    ]
    return tuple(fields)


def _help_fields(part: int) -> tuple[Field, ...]:
    return tuple(
        Field(id=help_field_id(category), label=category_text(category), type=FieldType.CHECKBOX, required=False)
        for category in PART_CATEGORIES[part]
    )


def _aid_section(part: int) -> Section:
    return Section(
        id=f"haq_aids_part{part + 1}",
        title=Text(
            en="Aids or devices usually used for any of the activities above",
            zh="在上述活动中通常使用的辅助用具或器械",
        ),
        fields=_aid_fields(part),
    )


def _help_section(part: int) -> Section:
    return Section(
        id=f"haq_help_part{part + 1}",
        title=Text(
            en="Categories for which help from another person is usually needed",
            zh="通常需要他人帮助的类别",
        ),
        fields=_help_fields(part),
    )


def _vas_field(field_id: str, en: str, zh: str, anchors: Text) -> Field:
    return Field(
        id=field_id,
        label=Text(en=en, zh=zh),
        type=FieldType.INTEGER,
        unit=VAS_UNIT,
        hard_range=Range.of(0, scoring.VAS_MM_MAX),
        required=False,
        help=anchors,
    )


_vas = Section(
    id="haq_vas",
    title=Text(en="Pain and patient global assessment (100-mm lines)", zh="疼痛与患者总体评估（100 毫米直线）"),
    fields=(
        _vas_field(
            "haq_pain_vas_mm",
            "How much pain have you had because of your illness in the past week?",
            "在过去一周中，您因疾病感到的疼痛有多严重？",
            Text(en="0 = no pain, 100 = severe pain", zh="0 = 无痛，100 = 剧烈疼痛"),
        ),
        Field(
            id="haq_pain_vas_0_3",
            label=Text(en="Pain VAS on the 0-3 scale", zh="疼痛评分（0-3 分制）"),
            type=FieldType.DECIMAL,
            precision=2,
            required=False,
            derived=_vas_to_scale("haq_pain_vas_mm"),
        ),
        _vas_field(
            "haq_global_vas_mm",
            "Considering all the ways that your illness affects you, rate how you are doing",
            "综合考虑疾病对您各方面的影响，请评价您目前的状况",
            Text(en="0 = very well, 100 = very poorly", zh="0 = 非常好，100 = 非常差"),
        ),
        Field(
            id="haq_global_vas_0_3",
            label=Text(en="Patient global VAS on the 0-3 scale", zh="患者总体评估（0-3 分制）"),
            type=FieldType.DECIMAL,
            precision=2,
            required=False,
            derived=_vas_to_scale("haq_global_vas_mm"),
        ),
    ),
)

_SCORE_INPUTS: Final = (*ITEM_FIELDS, *AID_FIELDS, *OTHER_CATEGORY_FIELDS, *HELP_FIELDS)

_score = Section(
    id="haq_score",
    title=Text(en="HAQ Disability Index", zh="HAQ 残疾指数"),
    fields=(
        Field(
            id="haq_categories_scored",
            label=Text(en="Categories scored (of 8)", zh="有评分的类别数（共 8 个）"),
            type=FieldType.INTEGER,
            required=False,
            derived=Derived(
                inputs=_SCORE_INPUTS,
                function=_categories_scored,
                description=Text(en="categories with at least one item answered", zh="至少回答了一个条目的类别数"),
            ),
        ),
        Field(
            id="haq_di",
            label=Text(en="HAQ-DI (0-3)", zh="HAQ-DI（0-3）"),
            type=FieldType.DECIMAL,
            precision=DI_PRECISION,
            required=False,
            derived=Derived(
                inputs=_SCORE_INPUTS,
                function=_haq_di,
                description=Text(
                    en="mean of the category scores (highest item per category; raised to 2 by an aid, device or "
                    "help from another person); not calculable with fewer than 6 of 8 categories scored",
                    zh="各类别得分的平均值（每类取最高条目得分；使用辅助用具或需他人帮助时该类别至少计 2 分）；"
                    "有评分的类别少于 6 个时无法计算",
                ),
            ),
        ),
        Field(
            id="haq_di_status",
            label=Text(en="HAQ-DI status", zh="HAQ-DI 计算状态"),
            type=FieldType.CHOICE,
            choices=(
                Choice(code=CALCULATED, label=Text(en="calculated", zh="已计算")),
                Choice(
                    code=NOT_CALCULABLE,
                    label=Text(en="not calculable: fewer than 6 categories", zh="无法计算：有评分的类别少于 6 个"),
                ),
            ),
            required=False,
            derived=Derived(
                inputs=("haq_categories_scored",),
                function=_haq_status,
                description=Text(
                    en="calculated when at least 6 of 8 categories are scored", zh="至少 6 个类别有评分时计算"
                ),
            ),
        ),
    ),
)

#: What the form shows above its first section (see the report: ``Form`` has no instructions attribute yet).
INSTRUCTIONS = Text(
    en="Over the past week, are you able to … ? Tick the one answer that best describes your usual abilities. "
    "Then tick any aids or devices you usually use and the activities for which you usually need help from "
    "another person.",
    zh="在过去一周中，您能否……？请为每个问题选择一个最能反映您平时能力的答案。然后勾选您平时使用的辅助用具或器械，"
    "以及您通常需要他人帮助的活动。",
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Health Assessment Questionnaire (HAQ-DI)", zh="健康评估问卷（HAQ-DI）"),
    instructions=INSTRUCTIONS,
    sections=(
        *_item_fields(PART_CATEGORIES[0]),
        _aid_section(0),
        _help_section(0),
        *_item_fields(PART_CATEGORIES[1]),
        _aid_section(1),
        _help_section(1),
        _vas,
        _score,
    ),
)
