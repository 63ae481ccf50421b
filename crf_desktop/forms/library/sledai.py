"""SLEDAI-2K: the 24 descriptors as yes/no items, with their weights and definitions, and the derived total.

Descriptors, weights, definitions and the default window come from :mod:`crf_desktop.forms.instruments.sledai`
(Gladman DD et al. J Rheumatol 2002;29:288-91; clinical-rules.md section 3); this module adds the Chinese
wording and the layout (one section per weight, in the published order). The assessment window (DESIGN.md
section 9: 10 days by default, configurable; the 30-day window of Touma 2010 is the alternative) is stated in
:data:`INSTRUCTIONS` and recorded with every form as the derived field ``sledai_window_days``, so the total
is never separated from the window it was scored with. :func:`sledai_form` builds the form for another window.

Lab-decidable descriptors can be suggested from the same visit's lab values by
:func:`crf_desktop.forms.outcomes.sledai_suggestions.suggest_sledai_descriptors`; the physician confirms them.
"""

from __future__ import annotations

from typing import Final

from crf_desktop.forms.instruments import sledai as scoring
from crf_desktop.forms.model import Derived, DerivedInputs, Field, FieldType, Form, Section, Text, Value

FORM_ID = "sledai"
TOTAL_FIELD = "sledai_total"
WINDOW_FIELD = "sledai_window_days"

#: Simplified Chinese name and definition of each descriptor (English: ``scoring.SLEDAI_DESCRIPTORS``).
DESCRIPTOR_ZH: Final[dict[str, tuple[str, str]]] = {
    "seizure": ("癫痫发作", "近期发作。除外代谢、感染或药物所致。"),
    "psychosis": (
        "精神病",
        "因严重的现实感知障碍导致正常活动能力改变。包括幻觉、思维不连贯、明显的联想松弛、思维内容贫乏、"
        "明显的逻辑思维障碍，以及怪异、紊乱或紧张症样行为。除外尿毒症和药物所致。",
    ),
    "organic_brain_syndrome": (
        "器质性脑病综合征",
        "精神功能改变，伴定向力、记忆力或其他智能障碍，起病急，临床表现波动。包括意识模糊伴注意力集中能力下降、"
        "不能持续注意周围环境，并至少伴以下 2 项：知觉障碍、言语不连贯、失眠或日间嗜睡、精神运动性活动增多或减少。"
        "除外代谢、感染或药物所致。",
    ),
    "visual_disturbance": (
        "视觉障碍",
        "系统性红斑狼疮的视网膜病变。包括细胞样小体（棉絮斑）、视网膜出血、脉络膜浆液性渗出或出血，或视神经炎。"
        "除外高血压、感染或药物所致。",
    ),
    "cranial_nerve_disorder": ("脑神经病变", "新出现的累及脑神经的感觉或运动神经病变。"),
    "lupus_headache": ("狼疮性头痛", "严重、持续性头痛，可呈偏头痛样，但麻醉性镇痛药无效。"),
    "cva": ("脑血管意外", "新出现的脑血管意外。除外动脉硬化所致。"),
    "vasculitis": ("血管炎", "溃疡、坏疽、痛性指端结节、甲周梗死、裂片状出血，或经活检或血管造影证实的血管炎。"),
    "arthritis": ("关节炎", "≥2 个关节疼痛并有炎症体征（即压痛、肿胀或积液）。"),
    "myositis": ("肌炎", "近端肌肉疼痛或无力，伴肌酸激酶或醛缩酶升高，或肌电图改变，或活检证实为肌炎。"),
    "urinary_casts": ("管型尿", "血红素-颗粒管型或红细胞管型。"),
    "hematuria": ("血尿", "红细胞 >5 个/高倍视野。除外结石、感染或其他原因。"),
    "proteinuria": ("蛋白尿", ">0.5 g/24 小时。"),
    "pyuria": ("脓尿", "白细胞 >5 个/高倍视野。除外感染。"),
    "rash": ("皮疹", "炎症性皮疹。"),
    "alopecia": ("脱发", "异常的斑片状或弥漫性脱发。"),
    "mucosal_ulcers": ("黏膜溃疡", "口腔或鼻腔溃疡。"),
    "pleurisy": ("胸膜炎", "胸膜炎性胸痛，伴胸膜摩擦音或胸腔积液，或胸膜增厚。"),
    "pericarditis": ("心包炎", "心包性疼痛，伴以下至少 1 项：心包摩擦音、心包积液，或心电图或超声心动图证实。"),
    "low_complement": ("低补体", "CH50、C3 或 C4 低于检测实验室正常值下限。"),
    "increased_dna_binding": ("抗 dsDNA 抗体升高", "DNA 结合（抗 dsDNA 抗体）高于检测实验室正常范围。"),
    "fever": ("发热", "体温 >38 °C。除外感染所致。"),
    "thrombocytopenia": ("血小板减少", "血小板 <100 × 10⁹/L。除外药物所致。"),
    "leukopenia": ("白细胞减少", "白细胞 <3 × 10⁹/L。除外药物所致。"),
}
WEIGHTS: Final = tuple(sorted({d.weight for d in scoring.SLEDAI_DESCRIPTORS}, reverse=True))


def descriptor_field_id(key: str) -> str:
    """The field id of a descriptor: ``sledai_<descriptor key>`` (``sledai_low_complement``)."""
    return f"sledai_{key}"


DESCRIPTOR_FIELDS: Final = tuple(descriptor_field_id(d.key) for d in scoring.SLEDAI_DESCRIPTORS)


def descriptor_name(key: str) -> Text:
    """The descriptor's name in both languages."""
    english = next(d.name for d in scoring.SLEDAI_DESCRIPTORS if d.key == key)
    return Text(en=english, zh=DESCRIPTOR_ZH[key][0])


def instructions(window_days: int = scoring.SLEDAI_WINDOW_DAYS_DEFAULT) -> Text:
    """The form's instructions, naming the assessment window."""
    return Text(
        en=f"Answer Yes if the descriptor is present at the time of the visit or in the preceding {window_days} "
        "days, and only if it is attributed to SLE activity. The weight of each descriptor is shown with it; the "
        "total (0-105) is the sum of the weights of the descriptors present.",
        zh=f"如该描述项在本次访视时或访视前 {window_days} 天内出现，且归因于系统性红斑狼疮活动，则选“是”。"
        "每个描述项的权重标注于其后；总分（0-105）为所有“是”的描述项权重之和。",
    )


INSTRUCTIONS: Final = instructions()


def present_from(values: DerivedInputs) -> dict[str, bool] | None:
    """{descriptor key: present} from the form's values; ``None`` while any descriptor is unanswered."""
    present: dict[str, bool] = {}
    for descriptor in scoring.SLEDAI_DESCRIPTORS:
        answer = values.get(descriptor_field_id(descriptor.key))
        if not isinstance(answer, str):
            return None
        present[descriptor.key] = answer == "Y"
    return present


def _total(values: DerivedInputs) -> Value | None:
    present = present_from(values)
    return None if present is None else scoring.sledai_2k(present)


def _descriptor_field(descriptor: scoring.SledaiDescriptor) -> Field:
    name_zh, definition_zh = DESCRIPTOR_ZH[descriptor.key]
    return Field(
        id=descriptor_field_id(descriptor.key),
        label=Text(en=f"{descriptor.name} (weight {descriptor.weight})", zh=f"{name_zh}（权重 {descriptor.weight}）"),
        type=FieldType.YES_NO,
        help=Text(en=descriptor.definition, zh=definition_zh),
    )


def sledai_form(window_days: int = scoring.SLEDAI_WINDOW_DAYS_DEFAULT) -> Form:
    """The SLEDAI-2K form for an assessment window of ``window_days`` days (default 10, DESIGN.md section 9)."""
    if window_days < 1:
        raise ValueError(f"window_days must be at least 1, not {window_days}")
    guide = instructions(window_days)
    window = Field(
        id=WINDOW_FIELD,
        label=Text(en="Assessment window (days before the visit)", zh="评估时间窗（访视前天数）"),
        type=FieldType.INTEGER,
        unit=Text(en="days", zh="天"),
        required=False,
        help=guide,
        derived=Derived(
            inputs=(),
            function=lambda _values: window_days,
            description=Text(
                en=f"the study's SLEDAI-2K window: {window_days} days",
                zh=f"本研究的 SLEDAI-2K 评估时间窗：{window_days} 天",
            ),
        ),
    )
    sections = [
        Section(id="sledai_window", title=Text(en="Assessment window", zh="评估时间窗"), fields=(window,)),
        *(
            Section(
                id=f"sledai_weight_{weight}",
                title=Text(en=f"Descriptors with weight {weight}", zh=f"权重为 {weight} 的描述项"),
                fields=tuple(_descriptor_field(d) for d in scoring.SLEDAI_DESCRIPTORS if d.weight == weight),
            )
            for weight in WEIGHTS
        ),
    ]
    total = Field(
        id=TOTAL_FIELD,
        label=Text(en="SLEDAI-2K total (0-105)", zh="SLEDAI-2K 总分（0-105）"),
        type=FieldType.INTEGER,
        required=False,
        derived=Derived(
            inputs=DESCRIPTOR_FIELDS,
            function=_total,
            description=Text(
                en="sum of the weights of the descriptors present (Gladman 2002); empty until all 24 are answered",
                zh="所有“是”的描述项权重之和（Gladman 2002）；24 项全部回答后计算",
            ),
        ),
    )
    sections.append(Section(id="sledai_score", title=Text(en="SLEDAI-2K score", zh="SLEDAI-2K 评分"), fields=(total,)))
    return Form(
        id=FORM_ID,
        version="1.0",
        title=Text(en="SLEDAI-2K disease activity index", zh="SLEDAI-2K 疾病活动指数"),
        sections=tuple(sections),
        instructions=instructions(window_days),
    )


FORM: Final = sledai_form()
