"""Concomitant medications log (a repeating form, subject level): every medication from 12 weeks before
randomisation to the end of the study. Each record flags a prohibited medication (exclusion 1) with
:func:`crf_desktop.forms.trial.prohibited.prohibited_medication`.
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Range, Section, Text, Value
from crf_desktop.forms.trial.prohibited import prohibited_medication

FORM_ID = "conmed"


def _prohibited(values: DerivedInputs) -> Value | None:
    name = values["cm_name"]
    if not isinstance(name, str):
        return None
    return "Y" if prohibited_medication(name) is not None else "N"


def _agent(values: DerivedInputs) -> Value | None:
    name = values["cm_name"]
    match = prohibited_medication(name) if isinstance(name, str) else None
    return None if match is None else f"{match.agent.name.en} / {match.agent.name.zh}"


_OTHER = Choice(code="OTHER", label=Text(en="Other, specify", zh="其他，请注明"))

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Concomitant medication", zh="合并用药"),
    repeating=True,
    sections=(
        Section(
            id="medication",
            title=Text(en="Medication", zh="药物"),
            fields=(
                Field(id="cm_name", label=Text(en="Drug name (generic or brand)", zh="药物名称（通用名或商品名）"),
                      type=FieldType.TEXT, max_length=100),
                Field(id="cm_prohibited", label=Text(en="Prohibited medication (exclusion 1)",
                                                     zh="禁用药物（排除标准 1）"),
                      type=FieldType.YES_NO, required=False,
                      derived=Derived(inputs=("cm_name",), function=_prohibited, description=Text(
                          en="the name matches MMF, CTX, cyclosporine, tacrolimus, Tripterygium wilfordii, "
                             "leflunomide, rituximab or another biologic",
                          zh="药名与吗替麦考酚酯、环磷酰胺、环孢素、他克莫司、雷公藤、来氟米特、利妥昔单抗或其他"
                             "生物制剂相符"))),
                Field(id="cm_prohibited_agent", label=Text(en="Prohibited agent recognised", zh="识别出的禁用药物"),
                      type=FieldType.TEXT, required=False,
                      derived=Derived(inputs=("cm_name",), function=_agent, description=Text(
                          en="the agent the name was matched to", zh="药名对应的禁用药物"))),
                Field(id="cm_indication", label=Text(en="Indication", zh="用药原因"), type=FieldType.TEXT,
                      max_length=100),
                Field(id="cm_dose", label=Text(en="Dose per administration", zh="单次剂量"), type=FieldType.DECIMAL,
                      precision=3, hard_range=Range.of(0, 100000)),
                Field(id="cm_unit", label=Text(en="Dose unit", zh="剂量单位"), type=FieldType.CHOICE, choices=(
                    Choice(code="MG", label=Text(en="mg", zh="mg")),
                    Choice(code="G", label=Text(en="g", zh="g")),
                    Choice(code="UG", label=Text(en="µg", zh="µg")),
                    Choice(code="IU", label=Text(en="IU", zh="IU")),
                    Choice(code="ML", label=Text(en="mL", zh="mL")),
                    Choice(code="MG_KG", label=Text(en="mg/kg", zh="mg/kg")),
                    Choice(code="MG_M2", label=Text(en="mg/m²", zh="mg/m²")),
                    Choice(code="TABLET", label=Text(en="tablet(s)", zh="片")),
                    Choice(code="CAPSULE", label=Text(en="capsule(s)", zh="粒")),
                    _OTHER,
                )),
                Field(id="cm_route", label=Text(en="Route", zh="给药途径"), type=FieldType.CHOICE, choices=(
                    Choice(code="PO", label=Text(en="Oral", zh="口服")),
                    Choice(code="IV", label=Text(en="Intravenous", zh="静脉")),
                    Choice(code="IM", label=Text(en="Intramuscular", zh="肌内注射")),
                    Choice(code="SC", label=Text(en="Subcutaneous", zh="皮下注射")),
                    Choice(code="TOP", label=Text(en="Topical", zh="外用")),
                    Choice(code="INH", label=Text(en="Inhaled", zh="吸入")),
                    Choice(code="PR", label=Text(en="Rectal", zh="直肠给药")),
                    _OTHER,
                )),
                Field(id="cm_frequency", label=Text(en="Frequency", zh="用药频次"), type=FieldType.CHOICE, choices=(
                    Choice(code="ONCE", label=Text(en="Once", zh="单次")),
                    Choice(code="QD", label=Text(en="Once daily", zh="每日 1 次")),
                    Choice(code="BID", label=Text(en="Twice daily", zh="每日 2 次")),
                    Choice(code="TID", label=Text(en="Three times daily", zh="每日 3 次")),
                    Choice(code="QID", label=Text(en="Four times daily", zh="每日 4 次")),
                    Choice(code="QOD", label=Text(en="Every other day", zh="隔日 1 次")),
                    Choice(code="QW", label=Text(en="Once weekly", zh="每周 1 次")),
                    Choice(code="Q4W", label=Text(en="Every 4 weeks", zh="每 4 周 1 次")),
                    Choice(code="PRN", label=Text(en="As needed", zh="必要时")),
                    _OTHER,
                )),
                Field(id="cm_other_specify", label=Text(en="Other unit, route or frequency, specify",
                                                        zh="其他剂量单位、途径或频次，请注明"),
                      type=FieldType.TEXT, max_length=100,
                      relevant=P("cm_unit", "eq", "OTHER") | P("cm_route", "eq", "OTHER")
                      | P("cm_frequency", "eq", "OTHER")),
                Field(id="cm_start", label=Text(en="Start date", zh="开始日期"), type=FieldType.PARTIAL_DATE,
                      help=Text(en="Use UNK for an unknown day or month, e.g. UNK-Mar-2019",
                                zh="日或月不详时填 UNK，如 UNK-Mar-2019")),
                Field(id="cm_ongoing", label=Text(en="Ongoing", zh="是否仍在使用"), type=FieldType.YES_NO),
                Field(id="cm_stop", label=Text(en="Stop date", zh="停止日期"), type=FieldType.PARTIAL_DATE,
                      not_before=("cm_start",), relevant=P("cm_ongoing", "eq", "N")),
            ),
        ),
    ),
)
