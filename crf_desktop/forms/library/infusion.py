"""MSC / placebo infusion (baseline, day 0): one pulse infusion of 2 × 10⁶ MSC per kg body weight (registry
record, interventions; DESIGN.md section 9), blinded double-dummy: nothing here shows the arm.

The dose comes from the weight recorded on the day through :func:`crf_desktop.forms.calculators.msc_dose_cells`.
The kit number is checked against the subject's assignment by the services. Vital signs are recorded before,
during and after the infusion. A reaction is also recorded as an adverse event on the AE log.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from decimal import ROUND_HALF_UP, Decimal

from crf_desktop.forms.calculators import msc_dose_cells
from crf_desktop.forms.conditions import P
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
from crf_desktop.forms.library.units import KG
from crf_desktop.forms.model import (
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

FORM_ID = "msc_infusion"
START_LABEL = Text(en="Start time", zh="开始时间")
STOP_LABEL = Text(en="Stop time", zh="结束时间")
ML = same("mL")
MINUTES = Text(en="min", zh="分钟")

#: (suffix, label, unit, precision, hard range, expected range) of each vital sign.
VITALS: tuple[tuple[str, Text, Text, int | None, Range, Range], ...] = (
    ("sbp", Text(en="Systolic blood pressure", zh="收缩压"), same("mmHg"), None, Range.of(50, 260), Range.of(90, 160)),
    ("dbp", Text(en="Diastolic blood pressure", zh="舒张压"), same("mmHg"), None, Range.of(20, 160),
     Range.of(50, 100)),
    ("pulse", Text(en="Pulse", zh="脉搏"), Text(en="beats/min", zh="次/分"), None, Range.of(20, 250),
     Range.of(50, 110)),
    ("temp", Text(en="Temperature", zh="体温"), same("°C"), 1, Range.of(30, 43), Range.of("35.5", "37.5")),
    ("rr", Text(en="Respiratory rate", zh="呼吸频率"), Text(en="breaths/min", zh="次/分"), None, Range.of(4, 60),
     Range.of(10, 24)),
    ("spo2", Text(en="Oxygen saturation (SpO₂)", zh="血氧饱和度（SpO₂）"), same("%"), None, Range.of(50, 100),
     Range.of(94, 100)),
)

TIMEPOINTS: tuple[tuple[str, Text], ...] = (
    ("pre", Text(en="Before the infusion", zh="输注前")),
    ("mid", Text(en="During the infusion", zh="输注中")),
    ("post", Text(en="After the infusion (within 30 minutes of the end)", zh="输注后（结束后 30 分钟内）")),
)


def _dose(values: DerivedInputs) -> Value | None:
    weight = values["inf_weight_kg"]
    return msc_dose_cells(float(weight)) if isinstance(weight, Decimal) else None


def _dose_millions(values: DerivedInputs) -> Value | None:
    cells = _dose(values)
    if not isinstance(cells, int):
        return None
    return (Decimal(cells) / Decimal(10**6)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _duration(values: DerivedInputs) -> Value | None:
    start, stop = values["inf_start_time"], values["inf_stop_time"]
    if not isinstance(start, time) or not isinstance(stop, time):
        return None
    if stop < start:
        return None  # refused by _time_order
    return (stop.hour * 60 + stop.minute) - (start.hour * 60 + start.minute)


def _time_order(values: Mapping[str, Value | None]) -> list[Issue]:
    """The stop time may not precede the start time (one infusion, one day): an error, like a date order."""
    start, stop = values.get("inf_start_time"), values.get("inf_stop_time")
    if not isinstance(start, time) or not isinstance(stop, time) or stop >= start:
        return []
    return [make_issue(IssueCode.DATE_ORDER, field="inf_stop_time", label=STOP_LABEL, value=f"{stop:%H:%M}",
                       other_en=START_LABEL.en, other_zh=START_LABEL.zh, other_value=f"{start:%H:%M}")]


def _vitals(timepoint: str, title: Text) -> Section:
    fields: list[Field] = [
        Field(id=f"inf_{timepoint}_time", label=Text(en=f"{title.en}: time measured", zh=f"{title.zh}：测量时间"),
              type=FieldType.TIME, relevant=P("inf_given", "eq", "Y")),
    ]
    for suffix, label, unit, precision, hard, expected in VITALS:
        fields.append(Field(
            id=f"inf_{timepoint}_{suffix}",
            label=Text(en=f"{label.en} ({title.en.lower()})", zh=f"{label.zh}（{title.zh}）"),
            type=FieldType.DECIMAL if precision else FieldType.INTEGER,
            precision=precision,
            unit=unit,
            hard_range=hard,
            expected_range=expected,
            relevant=P("inf_given", "eq", "Y"),
        ))
    return Section(id=f"vitals_{timepoint}", title=Text(en=f"Vital signs: {title.en.lower()}",
                                                         zh=f"生命体征：{title.zh}"), fields=tuple(fields))


_GIVEN = P("inf_given", "eq", "Y")

_infusion = Section(
    id="infusion",
    title=Text(en="Infusion", zh="输注"),
    fields=(
        Field(id="inf_given", label=Text(en="Was the study infusion (MSC or placebo) given?",
                                         zh="是否进行了研究输注（间充质干细胞或安慰剂）？"), type=FieldType.YES_NO),
        Field(id="inf_not_given_reason", label=Text(en="Reason not given", zh="未输注原因"), type=FieldType.TEXT,
              max_length=200, relevant=P("inf_given", "eq", "N")),
        Field(id="inf_date", label=Text(en="Infusion date", zh="输注日期"), type=FieldType.DATE,
              not_before_consent=True, relevant=_GIVEN),
        Field(id="inf_weight_kg", label=Text(en="Body weight on the infusion day", zh="输注当日体重"),
              type=FieldType.DECIMAL, precision=1, unit=KG, hard_range=Range.of(20, 250),
              expected_range=Range.of(35, 120), relevant=_GIVEN),
        Field(id="inf_dose_cells", label=Text(en="Dose (2 × 10⁶ cells/kg)", zh="剂量（2 × 10⁶ 个细胞/kg）"),
              type=FieldType.INTEGER, unit=Text(en="cells", zh="个细胞"), required=False,
              derived=Derived(inputs=("inf_weight_kg",), function=_dose, description=Text(
                  en="2 × 10⁶ cells × body weight in kg (msc_dose_cells)",
                  zh="2 × 10⁶ 个细胞 × 体重（kg）（msc_dose_cells）"))),
        Field(id="inf_dose_1e6", label=Text(en="Cells to prepare (× 10⁶)", zh="需制备细胞数（× 10⁶）"),
              type=FieldType.DECIMAL, precision=1, unit=Text(en="× 10⁶ cells", zh="× 10⁶ 个细胞"), required=False,
              derived=Derived(inputs=("inf_weight_kg",), function=_dose_millions, description=Text(
                  en="the dose in millions of cells, one decimal", zh="以百万个细胞计的剂量，保留一位小数"))),
        Field(id="inf_kit", label=Text(en="Kit number", zh="药物编号"), type=FieldType.TEXT, max_length=30,
              relevant=_GIVEN, help=Text(en="As printed on the kit label; checked against the subject's assignment",
                                         zh="以药盒标签为准；系统将与受试者的分配结果核对")),
        Field(id="inf_lot", label=Text(en="Product lot number", zh="产品批号"), type=FieldType.TEXT, max_length=30,
              relevant=_GIVEN),
        Field(id="inf_volume_ml", label=Text(en="Volume infused", zh="输注体积"), type=FieldType.DECIMAL,
              precision=1, unit=ML, hard_range=Range.of(0, 1000), expected_range=Range.of(10, 250),
              relevant=_GIVEN),
        Field(id="inf_start_time", label=START_LABEL, type=FieldType.TIME, relevant=_GIVEN),
        Field(id="inf_stop_time", label=STOP_LABEL, type=FieldType.TIME, relevant=_GIVEN,
              help=Text(en="Not before the start time", zh="不得早于开始时间")),
        Field(id="inf_duration_min", label=Text(en="Duration", zh="输注时长"), type=FieldType.INTEGER,
              unit=MINUTES, required=False,
              derived=Derived(inputs=("inf_start_time", "inf_stop_time"), function=_duration, description=Text(
                  en="stop time − start time, in minutes (same day)", zh="结束时间 − 开始时间（分钟，同一天）"))),
        Field(id="inf_premed", label=Text(en="Premedication given", zh="是否预防性用药"), type=FieldType.YES_NO,
              relevant=_GIVEN),
        Field(id="inf_premed_details", label=Text(en="Premedication: drug, dose, route",
                                                  zh="预防性用药：药物、剂量、途径"),
              type=FieldType.TEXT, max_length=200, relevant=P("inf_premed", "eq", "Y"),
              help=Text(en="Also record it in the concomitant medication log", zh="同时记录于合并用药记录")),
    ),
)

_events = Section(
    id="events",
    title=Text(en="Interruptions and reactions", zh="中断及输注反应"),
    fields=(
        Field(id="inf_interrupted", label=Text(en="Infusion interrupted or stopped early",
                                               zh="输注是否中断或提前终止"),
              type=FieldType.YES_NO, relevant=_GIVEN),
        Field(id="inf_interrupted_details", label=Text(en="Interruption: reason and duration",
                                                       zh="中断：原因及时长"),
              type=FieldType.TEXT, max_length=300, relevant=P("inf_interrupted", "eq", "Y")),
        Field(id="inf_reaction", label=Text(en="Infusion reaction", zh="是否发生输注反应"), type=FieldType.YES_NO,
              relevant=_GIVEN),
        Field(id="inf_reaction_details", label=Text(en="Reaction: symptoms, onset, treatment",
                                                    zh="输注反应：症状、发生时间、处理"),
              type=FieldType.TEXT, max_length=300, relevant=P("inf_reaction", "eq", "Y")),
        Field(id="inf_reaction_ae", label=Text(en="Recorded as an adverse event on the AE log",
                                               zh="已在不良事件记录中登记"),
              type=FieldType.YES_NO, relevant=P("inf_reaction", "eq", "Y"),
              help=Text(en="Every infusion reaction is an adverse event (CTCAE: Infusion related reaction): "
                           "record it on the adverse event log",
                        zh="所有输注反应均为不良事件（CTCAE：输注相关反应），请在不良事件记录中登记")),
    ),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="MSC / placebo infusion", zh="间充质干细胞/安慰剂输注"),
    sections=(_infusion, *(_vitals(tp, title) for tp, title in TIMEPOINTS), _events),
    rules=(_time_order,),
)
