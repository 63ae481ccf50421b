"""MMF / placebo dosing (baseline and every follow-up visit) and the study-drug kit accountability form.

Registry record: oral MMF 2.0 g/day or its placebo (double-dummy, blinded). Per visit: the prescribed dose
(shown), whether it was taken as prescribed, interruptions and dose changes with their reasons, and the
glucocorticoid dose (prednisone-equivalent mg/day, :func:`crf_desktop.forms.trial.compliance.prednisone_equivalent`).

Per kit (``drug_kits``, a repeating form held by the visit that dispensed the kit, one record per kit; its return
is filled in at the next visit): the tablet count dispensed and returned and the compliance % of that interval
(:func:`crf_desktop.forms.trial.compliance.compliance_percent`). Outside 80-120 % a reason is required
(decision: a derived flag plus a required explanation, so the record cannot be saved without it). More tablets
returned than dispensed is refused by a form rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from crf_desktop.forms.conditions import P
from crf_desktop.forms.instruments.dosing import MMF_DOSE_G_PER_DAY
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
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
from crf_desktop.forms.trial.compliance import compliance_outside, compliance_percent, prednisone_equivalent

FORM_ID = "mmf_dosing"
KITS_FORM_ID = "drug_kits"
G_DAY = Text(en="g/day", zh="g/天")
MG_DAY = Text(en="mg/day", zh="mg/天")
TABLETS = Text(en="tablets/capsules", zh="片/粒")


def _prescribed(values: DerivedInputs) -> Value | None:
    return MMF_DOSE_G_PER_DAY


def _pred_eq(values: DerivedInputs) -> Value | None:
    drug, dose = values["gc_drug"], values["gc_dose_mg_day"]
    if drug == "NONE":
        return Decimal("0.00")
    if not isinstance(drug, str) or not isinstance(dose, Decimal):
        return None
    return prednisone_equivalent(drug, dose)


_REASONS = (
    Choice(code="AE", label=Text(en="Adverse event", zh="不良事件")),
    Choice(code="LAB", label=Text(en="Laboratory abnormality", zh="实验室检查异常")),
    Choice(code="INFECTION", label=Text(en="Infection", zh="感染")),
    Choice(code="SURGERY", label=Text(en="Surgery or procedure", zh="手术或操作")),
    Choice(code="NONCOMPLIANCE", label=Text(en="Subject's decision / missed doses", zh="受试者自行停药/漏服")),
    Choice(code="OTHER", label=Text(en="Other, specify", zh="其他，请注明")),
)

_dose = Section(
    id="study_drug",
    title=Text(en="MMF / placebo since the last visit", zh="自上次访视以来的吗替麦考酚酯/安慰剂服用情况"),
    fields=(
        Field(id="mmf_prescribed_g_day", label=Text(en="Prescribed dose (MMF or placebo)",
                                                    zh="处方剂量（吗替麦考酚酯或安慰剂）"),
              type=FieldType.DECIMAL, precision=1, unit=G_DAY, required=False,
              derived=Derived(inputs=(), function=_prescribed, description=Text(
                  en="fixed by the protocol: 2.0 g/day orally", zh="方案规定：口服 2.0 g/天"))),
        Field(id="mmf_as_prescribed", label=Text(en="Taken as prescribed since the last visit",
                                                 zh="自上次访视以来是否按处方服药"), type=FieldType.YES_NO),
        Field(id="mmf_interrupted", label=Text(en="Dosing interrupted", zh="是否中断服药"), type=FieldType.YES_NO),
        Field(id="mmf_interrupt_start", label=Text(en="Interruption start date", zh="中断开始日期"),
              type=FieldType.DATE, relevant=P("mmf_interrupted", "eq", "Y")),
        Field(id="mmf_interrupt_stop", label=Text(en="Interruption end date (dosing resumed)",
                                                  zh="中断结束日期（恢复服药）"),
              type=FieldType.DATE, required=False, not_before=("mmf_interrupt_start",),
              relevant=P("mmf_interrupted", "eq", "Y"),
              help=Text(en="Leave empty while still interrupted", zh="仍在中断中则留空")),
        Field(id="mmf_interrupt_reason", label=Text(en="Reason for the interruption", zh="中断原因"),
              type=FieldType.CHOICE, choices=_REASONS, relevant=P("mmf_interrupted", "eq", "Y")),
        Field(id="mmf_changed", label=Text(en="Dose changed", zh="是否调整剂量"), type=FieldType.YES_NO),
        Field(id="mmf_new_dose_g_day", label=Text(en="New dose", zh="调整后剂量"), type=FieldType.DECIMAL,
              precision=2, unit=G_DAY, hard_range=Range.of(0, 3), relevant=P("mmf_changed", "eq", "Y")),
        Field(id="mmf_change_date", label=Text(en="Date of the dose change", zh="剂量调整日期"),
              type=FieldType.DATE, relevant=P("mmf_changed", "eq", "Y")),
        Field(id="mmf_change_reason", label=Text(en="Reason for the dose change", zh="剂量调整原因"),
              type=FieldType.CHOICE, choices=_REASONS, relevant=P("mmf_changed", "eq", "Y")),
        Field(id="mmf_reason_other", label=Text(en="Other reason, specify", zh="其他原因，请注明"),
              type=FieldType.TEXT, max_length=200,
              relevant=P("mmf_interrupt_reason", "eq", "OTHER") | P("mmf_change_reason", "eq", "OTHER")),
    ),
)

_steroid = Section(
    id="glucocorticoid",
    title=Text(en="Glucocorticoid (current daily dose)", zh="糖皮质激素（目前每日剂量）"),
    fields=(
        Field(id="gc_drug", label=Text(en="Glucocorticoid", zh="糖皮质激素"), type=FieldType.CHOICE, choices=(
            Choice(code="NONE", label=Text(en="None", zh="未使用")),
            Choice(code="PREDNISONE", label=Text(en="Prednisone", zh="泼尼松")),
            Choice(code="PREDNISOLONE", label=Text(en="Prednisolone", zh="泼尼松龙")),
            Choice(code="METHYLPRED", label=Text(en="Methylprednisolone", zh="甲泼尼龙")),
            Choice(code="HYDROCORT", label=Text(en="Hydrocortisone", zh="氢化可的松")),
            Choice(code="DEXAMETH", label=Text(en="Dexamethasone", zh="地塞米松")),
        )),
        Field(id="gc_dose_mg_day", label=Text(en="Daily dose", zh="每日剂量"), type=FieldType.DECIMAL, precision=2,
              unit=MG_DAY, hard_range=Range.of(0, 1000), expected_range=Range.of(0, 80),
              relevant=P("gc_drug", "ne", "NONE"),
              help=Text(en="The dose of the drug chosen, in mg per day (pulse doses: record on the "
                           "concomitant medication log)",
                        zh="所选药物的每日剂量（mg/天）；冲击治疗请记录于合并用药记录")),
        Field(id="gc_pred_eq_mg_day", label=Text(en="Prednisone-equivalent dose", zh="折合泼尼松剂量"),
              type=FieldType.DECIMAL, precision=2, unit=MG_DAY, required=False,
              derived=Derived(inputs=("gc_drug", "gc_dose_mg_day"), function=_pred_eq, description=Text(
                  en="prednisone 5 mg = prednisolone 5 mg = methylprednisolone 4 mg = hydrocortisone 20 mg "
                     "= dexamethasone 0.75 mg",
                  zh="泼尼松 5 mg = 泼尼松龙 5 mg = 甲泼尼龙 4 mg = 氢化可的松 20 mg = 地塞米松 0.75 mg"))),
    ),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="MMF / placebo dosing and glucocorticoid", zh="吗替麦考酚酯/安慰剂服药及糖皮质激素"),
    sections=(_dose, _steroid),
)


def _compliance(values: DerivedInputs) -> Value | None:
    dispensed, returned = values["kit_dispensed_n"], values["kit_returned_n"]
    dispensed_on, returned_on = values["kit_dispensed_date"], values["kit_returned_date"]
    per_day = values["kit_units_per_day"]
    if not (isinstance(dispensed, int) and isinstance(returned, int) and isinstance(per_day, int)
            and isinstance(dispensed_on, date) and isinstance(returned_on, date)) or returned > dispensed:
        return None  # more returned than dispensed is refused by _returned_not_more
    return compliance_percent(dispensed=dispensed, returned=returned, dispensed_on=dispensed_on,
                              returned_on=returned_on, units_per_day=per_day)


def _outside(values: DerivedInputs) -> Value | None:
    percent = values["kit_compliance_pct"]
    if not isinstance(percent, Decimal):
        return None
    return "Y" if compliance_outside(percent) else "N"


def _returned_not_more(values: Mapping[str, Value | None]) -> list[Issue]:
    """No more tablets can come back than were dispensed: refused like a value outside its possible range."""
    dispensed, returned = values.get("kit_dispensed_n"), values.get("kit_returned_n")
    if not isinstance(dispensed, int) or not isinstance(returned, int) or returned <= dispensed:
        return []
    return [make_issue(IssueCode.HARD_RANGE, field="kit_returned_n", label=RETURNED_LABEL, value=str(returned),
                       amount_en=f"{returned} {TABLETS.en}", amount_zh=f"{returned} {TABLETS.zh}",
                       range_en=f"0–{dispensed} {TABLETS.en} (the number dispensed)",
                       range_zh=f"0–{dispensed} {TABLETS.zh}（发放数量）")]


RETURNED_LABEL = Text(en="Tablets/capsules returned", zh="回收数量")
_RETURNED = P("kit_returned", "eq", "Y")

KITS_FORM = Form(
    id=KITS_FORM_ID,
    version="1.0",
    title=Text(en="Study drug kits (MMF / placebo accountability)", zh="研究药物发放与回收（吗替麦考酚酯/安慰剂）"),
    repeating=True,
    rules=(_returned_not_more,),
    sections=(
        Section(
            id="dispensing",
            title=Text(en="Dispensing", zh="发放"),
            fields=(
                Field(id="kit_number", label=Text(en="Kit number", zh="药物编号"), type=FieldType.TEXT,
                      max_length=30, help=Text(en="Checked against the subject's assignment",
                                               zh="系统将与受试者的分配结果核对")),
                Field(id="kit_dispensed_date", label=Text(en="Date dispensed", zh="发放日期"), type=FieldType.DATE,
                      not_before_consent=True),
                Field(id="kit_dispensed_n", label=Text(en="Tablets/capsules dispensed", zh="发放数量"),
                      type=FieldType.INTEGER, unit=TABLETS, hard_range=Range.of(1, 2000)),
                Field(id="kit_units_per_day", label=Text(en="Prescribed tablets/capsules per day",
                                                         zh="处方每日服用数量"),
                      type=FieldType.INTEGER, unit=TABLETS, hard_range=Range.of(1, 16), expected_range=Range.of(4, 8),
                      help=Text(en="2.0 g/day: 4 × 500 mg tablets or 8 × 250 mg capsules",
                                zh="2.0 g/天：500 mg 片剂 4 片或 250 mg 胶囊 8 粒")),
            ),
        ),
        Section(
            id="return",
            title=Text(en="Return and compliance", zh="回收及依从性"),
            fields=(
                Field(id="kit_returned", label=Text(en="Kit returned", zh="药物是否已回收"), type=FieldType.YES_NO),
                Field(id="kit_returned_date", label=Text(en="Date returned", zh="回收日期"), type=FieldType.DATE,
                      not_before=("kit_dispensed_date",), relevant=_RETURNED),
                Field(id="kit_returned_n", label=RETURNED_LABEL,
                      type=FieldType.INTEGER, unit=TABLETS, hard_range=Range.of(0, 2000), relevant=_RETURNED,
                      help=Text(en="Not more than were dispensed", zh="不得多于发放数量")),
                Field(id="kit_compliance_pct", label=Text(en="Compliance", zh="服药依从性"), type=FieldType.DECIMAL,
                      precision=1, unit=same("%"), required=False,
                      derived=Derived(
                          inputs=("kit_dispensed_n", "kit_returned_n", "kit_dispensed_date", "kit_returned_date",
                                  "kit_units_per_day"),
                          function=_compliance,
                          description=Text(en="(dispensed − returned) / (days × tablets per day) × 100",
                                           zh="（发放数 − 回收数）/（天数 × 每日片数）× 100"))),
                Field(id="kit_compliance_outside", label=Text(en="Compliance outside 80-120 %",
                                                              zh="依从性超出 80%～120%"),
                      type=FieldType.YES_NO, required=False,
                      derived=Derived(inputs=("kit_compliance_pct",), function=_outside, description=Text(
                          en="Yes when compliance < 80 % or > 120 %", zh="依从性 < 80% 或 > 120% 时为“是”"))),
                Field(id="kit_compliance_reason", label=Text(en="Reason for compliance outside 80-120 %",
                                                             zh="依从性超出 80%～120% 的原因"),
                      type=FieldType.TEXT, max_length=300, relevant=P("kit_compliance_outside", "eq", "Y")),
            ),
        ),
    ),
)
