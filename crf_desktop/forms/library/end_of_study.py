"""End of study / early termination: when and why the subject's participation ended, and the last doses."""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Section, Text

FORM_ID = "end_of_study"

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="End of study", zh="研究结束"),
    sections=(
        Section(
            id="end",
            title=Text(en="End of study / early termination", zh="研究结束/提前终止"),
            fields=(
                Field(id="eos_date", label=Text(en="Date of completion or termination", zh="完成或终止日期"),
                      type=FieldType.DATE, not_before_consent=True),
                Field(id="eos_status", label=Text(en="Status", zh="结束情况"), type=FieldType.CHOICE, choices=(
                    Choice(code="COMPLETED", label=Text(en="Completed the study (week 24)", zh="完成研究（第 24 周）")),
                    Choice(code="WITHDREW", label=Text(en="Withdrew consent", zh="撤回知情同意")),
                    Choice(code="AE", label=Text(en="Adverse event", zh="不良事件")),
                    Choice(code="LOST", label=Text(en="Lost to follow-up", zh="失访")),
                    Choice(code="INVESTIGATOR", label=Text(en="Investigator's decision", zh="研究者决定")),
                    Choice(code="DEATH", label=Text(en="Death", zh="死亡")),
                    Choice(code="OTHER", label=Text(en="Other, specify", zh="其他，请注明")),
                )),
                Field(id="eos_ae_term", label=Text(en="Adverse event leading to termination (term)",
                                                   zh="导致终止的不良事件（名称）"),
                      type=FieldType.TEXT, max_length=100, relevant=P("eos_status", "eq", "AE"),
                      help=Text(en="As recorded on the adverse event log", zh="与不良事件记录一致")),
                Field(id="eos_death_date", label=Text(en="Date of death", zh="死亡日期"), type=FieldType.DATE,
                      not_before_consent=True, relevant=P("eos_status", "eq", "DEATH"),
                      help=Text(en="Report the death as a serious adverse event", zh="死亡须作为严重不良事件报告")),
                Field(id="eos_other", label=Text(en="Other reason, specify", zh="其他原因，请注明"),
                      type=FieldType.TEXT, max_length=200,
                      relevant=P("eos_status", "in", ("INVESTIGATOR", "OTHER"))),
                Field(id="eos_msc_given",
                      label=Text(en="MSC / placebo infusion given", zh="是否已进行干细胞/安慰剂输注"),
                      type=FieldType.YES_NO),
                Field(id="eos_msc_date", label=Text(en="MSC / placebo infusion date", zh="干细胞/安慰剂输注日期"),
                      type=FieldType.DATE, relevant=P("eos_msc_given", "eq", "Y")),
                Field(id="eos_mmf_taken", label=Text(en="MMF / placebo taken", zh="是否服用过吗替麦考酚酯/安慰剂"),
                      type=FieldType.YES_NO),
                Field(id="eos_last_mmf_date", label=Text(en="Last MMF / placebo dose date",
                                                         zh="末次服用吗替麦考酚酯/安慰剂日期"),
                      type=FieldType.DATE, relevant=P("eos_mmf_taken", "eq", "Y")),
            ),
        ),
    ),
)
