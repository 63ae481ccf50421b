"""Serious adverse event (SAE) report: one per serious adverse event, linked to its entry of the AE log.

The report holds what the AE record does not: when exactly the site became aware (the AE record gives the date,
this form the time), when the report went to the sponsor, the narrative, relevant history and tests, the
concomitant medications at the time of the event (pulled from the subject's log when the report is opened, then
edited by the investigator), the investigator's causality assessment for each blinded product (the relationship
category itself is on the AE record), and the reporter. The report content as printed and exported combines the
AE record and this form (:func:`crf_desktop.forms.ctcae.sae_report.sae_report`).

Link: the report of AE entry *n* is entry *n* of this form in the same subject-level log (the adverse-event log),
and ``sr_ae_no`` states *n* so exports carry the link explicitly; the service refuses a report whose entry is
not a serious adverse event (:mod:`crf_desktop.services.adverse_events`). A follow-up report updates the same
record (its versions keep the initial one).
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Range, Section, Text

FORM_ID = "sae_report"

REPORT_TYPE_CHOICES = (
    Choice(code="INITIAL", label=Text(en="Initial report", zh="首次报告")),
    Choice(code="FOLLOW_UP", label=Text(en="Follow-up report", zh="随访报告")),
)
REPORTER_ROLE_CHOICES = (
    Choice(code="PI", label=Text(en="Principal investigator", zh="主要研究者")),
    Choice(code="SUB_I", label=Text(en="Sub-investigator", zh="协助研究者")),
    Choice(code="COORDINATOR", label=Text(en="Study coordinator", zh="研究协调员")),
)

_report = Section(
    id="report",
    title=Text(en="Report", zh="报告"),
    fields=(
        Field(
            id="sr_ae_no",
            label=Text(en="Adverse event log entry number", zh="不良事件记录编号"),
            type=FieldType.INTEGER,
            hard_range=Range.of(1, 9999),
            help=Text(en="The number (#) of the serious adverse event on the subject's adverse event log",
                      zh="该严重不良事件在受试者不良事件记录中的编号（#）"),
        ),
        Field(id="sr_type", label=Text(en="Report type", zh="报告类型"), type=FieldType.CHOICE,
              choices=REPORT_TYPE_CHOICES),
        Field(
            id="sr_aware_time",
            label=Text(en="Time the site became aware (on the awareness date of the adverse event)",
                       zh="分中心获知的时间（不良事件记录中的获知日期当天）"),
            type=FieldType.TIME,
            help=Text(en="24-hour clock, local time, e.g. 14:30; the 24-hour reporting clock starts here",
                      zh="24 小时制，当地时间，如 14:30；24 小时报告时限由此开始计算"),
        ),
        Field(
            id="sr_sent_date",
            label=Text(en="Date the report was sent to the sponsor", zh="报告递交申办方的日期"),
            type=FieldType.DATE,
            required=False,
            help=Text(en="Leave empty until the report is sent", zh="递交前请留空"),
        ),
        Field(
            id="sr_sent_time",
            label=Text(en="Time the report was sent", zh="报告递交时间"),
            type=FieldType.TIME,
            relevant=P("sr_sent_date", "filled"),
        ),
    ),
)

_description = Section(
    id="description",
    title=Text(en="Description", zh="描述"),
    fields=(
        Field(
            id="sr_narrative",
            label=Text(en="Narrative", zh="事件经过"),
            type=FieldType.TEXT,
            max_length=4000,
            help=Text(en="Course of the event: presentation, investigations, treatment, outcome, with dates",
                      zh="事件经过：表现、检查、治疗、转归，注明日期"),
        ),
        Field(
            id="sr_history",
            label=Text(en="Relevant medical history", zh="相关病史"),
            type=FieldType.TEXT,
            max_length=2000,
            help=Text(en="Pre-existing conditions, allergies, risk factors that bear on the event",
                      zh="与事件相关的既往疾病、过敏史及危险因素"),
        ),
        Field(
            id="sr_tests",
            label=Text(en="Relevant tests and laboratory data", zh="相关检查及实验室数据"),
            type=FieldType.TEXT,
            max_length=2000,
            help=Text(en="Results with dates and units, e.g. CRP 120 mg/L on 12-Apr-2024",
                      zh="结果需注明日期和单位，如 2024-04-12 CRP 120 mg/L"),
        ),
        Field(
            id="sr_conmeds",
            label=Text(en="Concomitant medications at the time of the event", zh="事件发生时的合并用药"),
            type=FieldType.TEXT,
            max_length=2000,
            help=Text(en="Pulled from the concomitant medication log (medications taken on the onset date); "
                         "check and complete",
                      zh="取自合并用药记录（发生日期当天使用的药物）；请核对并补充"),
        ),
    ),
)

_causality = Section(
    id="causality",
    title=Text(en="Causality assessment", zh="因果关系评估"),
    fields=(
        Field(
            id="sr_causality_msc",
            label=Text(en="Causality: MSC or placebo infusion (the investigator's reasoning)",
                       zh="因果关系：MSC 或安慰剂输注（研究者的判断依据）"),
            type=FieldType.TEXT,
            max_length=1000,
        ),
        Field(
            id="sr_causality_mmf",
            label=Text(en="Causality: MMF or placebo (the investigator's reasoning)",
                       zh="因果关系：MMF 或安慰剂（研究者的判断依据）"),
            type=FieldType.TEXT,
            max_length=1000,
        ),
        Field(
            id="sr_other_causes",
            label=Text(en="Other possible causes (disease, other medication, procedures)",
                       zh="其他可能原因（疾病、其他药物、操作）"),
            type=FieldType.TEXT,
            max_length=1000,
            required=False,
        ),
    ),
)

_reporter = Section(
    id="reporter",
    title=Text(en="Reporter", zh="报告人"),
    fields=(
        Field(id="sr_reporter", label=Text(en="Reporter's name", zh="报告人姓名"), type=FieldType.TEXT,
              max_length=100),
        Field(id="sr_reporter_role", label=Text(en="Reporter's role", zh="报告人角色"), type=FieldType.CHOICE,
              choices=REPORTER_ROLE_CHOICES),
        Field(id="sr_reporter_contact", label=Text(en="Reporter's telephone or e-mail", zh="报告人电话或电子邮箱"),
              type=FieldType.TEXT, max_length=100, required=False),
    ),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="SAE report", zh="严重不良事件报告"),
    sections=(_report, _description, _causality, _reporter),
    repeating=True,
)
