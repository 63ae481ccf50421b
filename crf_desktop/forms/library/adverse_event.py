"""Adverse-event log (a repeating, subject-level form): CTCAE v4.03 term and grade, dates, seriousness (ICH
E2A criteria), relationship and action per blinded product, outcome, and the SAE details.

The term is stored as its MedDRA v12.0 code in a text field (790 terms are chosen through the term search of
:mod:`crf_desktop.forms.ctcae`, not a drop-down); the term name, its SOC and whether it is an "Other, specify"
term are derived, read-only fields, so exports carry them. What the engine cannot declare yet (the code must be
a CTCAE code; the grades offered depend on the term; grade 5 <-> fatal outcome; the "death" criterion <->
fatal outcome; ongoing <-> outcome) is checked by :func:`crf_desktop.forms.ctcae.ae_rules.ae_consistency_issues`,
which the services call after ``validate()``.

Decisions: onset may be a partial date and is required for every event (so an SAE always has one); the
resolution date applies only when the event is not ongoing and may not precede onset; AEs are collected from
informed consent (an onset certainly before consent is refused); expectedness is asked only when the event is
at least possibly related to a product (it matters for adverse reactions: SUSARs); the SAE awareness date and
hospital dates are asked only for serious events; the narrative, history, tests, concomitant medications,
causality reasoning and reporter are on the event's own SAE report (:mod:`crf_desktop.forms.library.sae_report`).
Relationship and expectedness are assessed blind: per product pair (MSC or placebo infusion; MMF or placebo),
never per arm.
"""

from __future__ import annotations

from collections.abc import Mapping

from crf_desktop.forms.conditions import P
from crf_desktop.forms.ctcae.labels import soc_text, term_text
from crf_desktop.forms.ctcae.terms import terminology
from crf_desktop.forms.issues import Issue
from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Section, Text, Value

FORM_ID = "adverse_event"
CTCAE_TERMINOLOGY = "CTCAE v4.03"

GRADE_CHOICES = (
    Choice(code="1", label=Text(en="Grade 1 (mild)", zh="1 级（轻度）")),
    Choice(code="2", label=Text(en="Grade 2 (moderate)", zh="2 级（中度）")),
    Choice(code="3", label=Text(en="Grade 3 (severe)", zh="3 级（重度）")),
    Choice(code="4", label=Text(en="Grade 4 (life-threatening)", zh="4 级（危及生命）")),
    Choice(code="5", label=Text(en="Grade 5 (death)", zh="5 级（死亡）")),
)

DEATH, LIFE_THREATENING, HOSPITALISATION = "DEATH", "LIFE_THREAT", "HOSP"
SERIOUSNESS_CHOICES = (
    Choice(code=DEATH, label=Text(en="Results in death", zh="导致死亡")),
    Choice(code=LIFE_THREATENING, label=Text(en="Life-threatening", zh="危及生命")),
    Choice(code=HOSPITALISATION, label=Text(
        en="Requires hospitalisation or prolongation of existing hospitalisation", zh="导致住院或住院时间延长")),
    Choice(code="DISABILITY", label=Text(
        en="Results in persistent or significant disability/incapacity", zh="导致永久或显著的残疾/功能丧失")),
    Choice(code="CONGENITAL", label=Text(en="Congenital anomaly/birth defect", zh="导致先天性异常/出生缺陷")),
    Choice(code="IME", label=Text(en="Important medical event", zh="其他重要医学事件")),
)

RELATED = ("POSSIBLE", "PROBABLE", "DEFINITE")
RELATIONSHIP_CHOICES = (
    Choice(code="NOT_RELATED", label=Text(en="Not related", zh="无关")),
    Choice(code="UNLIKELY", label=Text(en="Unlikely", zh="可能无关")),
    Choice(code="POSSIBLE", label=Text(en="Possible", zh="可能有关")),
    Choice(code="PROBABLE", label=Text(en="Probable", zh="很可能有关")),
    Choice(code="DEFINITE", label=Text(en="Definite", zh="肯定有关")),
)

ACTION_CHOICES = (
    Choice(code="NONE", label=Text(en="None (dose not changed)", zh="无（剂量未改变）")),
    Choice(code="INTERRUPTED", label=Text(en="Interrupted", zh="暂停用药")),
    Choice(code="REDUCED", label=Text(en="Dose reduced", zh="减量")),
    Choice(code="WITHDRAWN", label=Text(en="Permanently withdrawn", zh="永久停药")),
    Choice(code="NA", label=Text(en="Not applicable", zh="不适用")),
)

FATAL = "FATAL"
OUTCOME_CHOICES = (
    Choice(code="RECOVERED", label=Text(en="Recovered/resolved", zh="痊愈")),
    Choice(code="RECOVERING", label=Text(en="Recovering/resolving", zh="好转")),
    Choice(code="NOT_RECOVERED", label=Text(en="Not recovered/not resolved", zh="未好转")),
    Choice(code="SEQUELAE", label=Text(en="Recovered/resolved with sequelae", zh="痊愈伴后遗症")),
    Choice(code=FATAL, label=Text(en="Fatal", zh="死亡")),
    Choice(code="UNKNOWN", label=Text(en="Unknown", zh="不详")),
)
#: Outcomes that say the event has ended, and those that say it has not.
ENDED_OUTCOMES = ("RECOVERED", "SEQUELAE", FATAL)
CONTINUING_OUTCOMES = ("RECOVERING", "NOT_RECOVERED")

#: The visits of :data:`crf_desktop.forms.visits.SCHEDULE` (a test keeps them in step; a choice code has at most
#: 16 characters, so early termination is ``early_term``).
EARLY_TERMINATION_CHOICE = "early_term"
VISIT_CHOICES = (
    Choice(code="screening", label=Text(en="Screening", zh="筛选期")),
    Choice(code="baseline", label=Text(en="Baseline (day 0)", zh="基线（第 0 天）")),
    *(Choice(code=f"week{w}", label=Text(en=f"Week {w}", zh=f"第 {w} 周")) for w in (4, 8, 12, 16, 20, 24)),
    Choice(code="unscheduled", label=Text(en="Unscheduled visit", zh="计划外访视")),
    Choice(code=EARLY_TERMINATION_CHOICE, label=Text(en="Early termination", zh="提前终止")),
)

MSC_PRODUCT = Text(en="MSC or placebo infusion", zh="MSC 或安慰剂输注")
MMF_PRODUCT = Text(en="MMF or placebo (oral)", zh="MMF 或安慰剂（口服）")


def _term_attribute(values: DerivedInputs, attribute: str) -> Value | None:
    code = values["ae_term"]
    if not isinstance(code, str):
        return None
    term = terminology().by_code.get(code)
    if term is None:
        return None  # reported as an error by ae_consistency_issues, not as an uncomputable value
    if attribute == "soc":
        return term.soc
    if attribute == "other":
        return "Y" if term.is_other_specify else "N"
    return term.term


def _term_name(values: DerivedInputs) -> Value | None:
    return _term_attribute(values, "term")


def _soc(values: DerivedInputs) -> Value | None:
    return _term_attribute(values, "soc")


def _is_other(values: DerivedInputs) -> Value | None:
    return _term_attribute(values, "other")


def _term_name_text(name: str) -> Text | None:
    """A stored CTCAE term name in each language (the name is derived and kept in English)."""
    term = terminology().find(name)
    return term_text(term) if term is not None else None



_event = Section(
    id="event",
    title=Text(en="Adverse event", zh="不良事件"),
    fields=(
        Field(
            id="ae_term",
            label=Text(en="CTCAE v4.03 term (MedDRA code)", zh="CTCAE v4.03 术语（MedDRA 编码）"),
            type=FieldType.TEXT,
            max_length=8,
            terminology=CTCAE_TERMINOLOGY,
            help=Text(
                en="Search the CTCAE v4.03 term list by name, Chinese name, synonym or MedDRA v12.0 code; the "
                "8-digit MedDRA code is stored",
                zh="按术语名称、中文名、同义词或 MedDRA v12.0 编码检索 CTCAE v4.03 术语表；保存 8 位 MedDRA 编码",
            ),
        ),
        Field(
            id="ae_term_name",
            label=Text(en="CTCAE term", zh="CTCAE 术语"),
            type=FieldType.TEXT,
            required=False,
            derived=Derived(inputs=("ae_term",), function=_term_name, description=Text(
                en="the CTCAE v4.03 term of the MedDRA code", zh="该 MedDRA 编码对应的 CTCAE v4.03 术语")),
            value_text=_term_name_text,
        ),
        Field(
            id="ae_soc",
            label=Text(en="System organ class", zh="系统器官分类"),
            type=FieldType.TEXT,
            required=False,
            derived=Derived(inputs=("ae_term",), function=_soc, description=Text(
                en="the MedDRA system organ class of the term", zh="该术语所属的 MedDRA 系统器官分类")),
            value_text=soc_text,
        ),
        Field(
            id="ae_is_other",
            label=Text(en="“Other, specify” term", zh="“其他（请注明）”术语"),
            type=FieldType.YES_NO,
            required=False,
            derived=Derived(inputs=("ae_term",), function=_is_other, description=Text(
                en="Yes when the term is a “<SOC> - Other, specify” term",
                zh="术语为“<系统器官分类> - 其他（请注明）”时为是",
            )),
        ),
        Field(
            id="ae_other_specify",
            label=Text(en="Other, specify", zh="其他，请注明"),
            type=FieldType.TEXT,
            relevant=P("ae_is_other", "eq", "Y"),
            help=Text(en="Name the event, e.g. Herpes zoster", zh="写明事件名称，如 带状疱疹"),
        ),
        Field(
            id="ae_verbatim",
            label=Text(en="Verbatim description", zh="不良事件描述（原始记录）"),
            type=FieldType.TEXT,
            max_length=500,
        ),
        Field(
            id="ae_visit",
            label=Text(en="Visit or infusion at which it was noticed", zh="发现时的访视或输注"),
            type=FieldType.CHOICE,
            choices=VISIT_CHOICES,
            required=False,
            help=Text(en="Leave empty when it was reported between visits", zh="如在两次访视之间报告，可不填"),
        ),
    ),
)

_dates = Section(
    id="dates",
    title=Text(en="Onset and resolution", zh="发生与结束"),
    fields=(
        Field(
            id="ae_onset",
            label=Text(en="Onset date", zh="发生日期"),
            type=FieldType.PARTIAL_DATE,
            not_before_consent=True,
        ),
        Field(id="ae_ongoing", label=Text(en="Ongoing", zh="是否持续"), type=FieldType.YES_NO),
        Field(
            id="ae_end",
            label=Text(en="Resolution date", zh="结束日期"),
            type=FieldType.PARTIAL_DATE,
            relevant=P("ae_ongoing", "eq", "N"),
            not_before=("ae_onset",),
        ),
    ),
)

_severity = Section(
    id="severity",
    title=Text(en="Grade and seriousness", zh="分级与严重性"),
    fields=(
        Field(
            id="ae_grade",
            label=Text(en="CTCAE grade", zh="CTCAE 分级"),
            type=FieldType.CHOICE,
            choices=GRADE_CHOICES,
            help=Text(en="Only the grades the chosen term has can be recorded; its grade texts are shown",
                      zh="只能选择该术语具有的分级；显示该术语各级的描述"),
        ),
        Field(id="ae_serious", label=Text(en="Serious adverse event", zh="严重不良事件"), type=FieldType.YES_NO),
        Field(
            id="sae_criteria",
            label=Text(en="Seriousness criteria", zh="严重性标准"),
            type=FieldType.MULTI_CHOICE,
            choices=SERIOUSNESS_CHOICES,
            relevant=P("ae_serious", "eq", "Y"),
        ),
        Field(
            id="sae_awareness_date",
            label=Text(en="Date the site became aware of the SAE", zh="分中心获知严重不良事件的日期"),
            type=FieldType.DATE,
            relevant=P("ae_serious", "eq", "Y"),
            not_before=("ae_onset",),
        ),
        Field(
            id="sae_admission_date",
            label=Text(en="Hospital admission date", zh="入院日期"),
            type=FieldType.DATE,
            relevant=P("ae_serious", "eq", "Y") & P("sae_criteria", "has", HOSPITALISATION),
        ),
        Field(
            id="sae_discharge_date",
            label=Text(en="Hospital discharge date", zh="出院日期"),
            type=FieldType.DATE,
            required=False,
            relevant=P("ae_serious", "eq", "Y") & P("sae_criteria", "has", HOSPITALISATION),
            not_before=("sae_admission_date",),
        ),
    ),
)

_causality = Section(
    id="causality",
    title=Text(en="Relationship and action taken", zh="相关性与采取的措施"),
    fields=(
        Field(
            id="ae_rel_msc",
            label=Text(en=f"Relationship to {MSC_PRODUCT.en}", zh=f"与{MSC_PRODUCT.zh}的相关性"),
            type=FieldType.CHOICE,
            choices=RELATIONSHIP_CHOICES,
        ),
        Field(
            id="ae_rel_mmf",
            label=Text(en=f"Relationship to {MMF_PRODUCT.en}", zh=f"与{MMF_PRODUCT.zh}的相关性"),
            type=FieldType.CHOICE,
            choices=RELATIONSHIP_CHOICES,
        ),
        Field(
            id="ae_expected",
            label=Text(en="Expectedness (reference safety information)", zh="预期性（参考安全性信息）"),
            type=FieldType.CHOICE,
            choices=(
                Choice(code="EXPECTED", label=Text(en="Expected", zh="预期")),
                Choice(code="UNEXPECTED", label=Text(en="Unexpected", zh="非预期")),
            ),
            relevant=P("ae_rel_msc", "in", RELATED) | P("ae_rel_mmf", "in", RELATED),
        ),
        Field(
            id="ae_action_msc",
            label=Text(en=f"Action taken with {MSC_PRODUCT.en}", zh=f"对{MSC_PRODUCT.zh}采取的措施"),
            type=FieldType.CHOICE,
            choices=ACTION_CHOICES,
        ),
        Field(
            id="ae_action_mmf",
            label=Text(en=f"Action taken with {MMF_PRODUCT.en}", zh=f"对{MMF_PRODUCT.zh}采取的措施"),
            type=FieldType.CHOICE,
            choices=ACTION_CHOICES,
        ),
        Field(id="ae_treated", label=Text(en="Treatment given", zh="是否给予治疗"), type=FieldType.YES_NO),
        Field(
            id="ae_treatment",
            label=Text(en="Treatment", zh="治疗措施"),
            type=FieldType.TEXT,
            max_length=500,
            relevant=P("ae_treated", "eq", "Y"),
        ),
    ),
)

_outcome = Section(
    id="outcome",
    title=Text(en="Outcome", zh="转归"),
    fields=(
        Field(id="ae_outcome", label=Text(en="Outcome", zh="转归"), type=FieldType.CHOICE, choices=OUTCOME_CHOICES),
        Field(
            id="ae_death_date",
            label=Text(en="Date of death", zh="死亡日期"),
            type=FieldType.DATE,
            relevant=P("ae_outcome", "eq", FATAL),
            not_before=("ae_onset",),
        ),
    ),
)

def _consistency(values: Mapping[str, Value | None]) -> list[Issue]:
    """The cross-field rules (grade 5 ⇔ fatal, grades the term allows, ...): :mod:`..ctcae.ae_rules`."""
    # Imported here: ae_rules reads this module's FORM for its labels.
    from crf_desktop.forms.ctcae.ae_rules import ae_consistency_issues

    return ae_consistency_issues(values)


FORM = Form(
    id=FORM_ID,
    version="1.1",  # 1.1: the SAE narrative moved to the SAE report form
    title=Text(en="Adverse event", zh="不良事件"),
    sections=(_event, _dates, _severity, _causality, _outcome),
    repeating=True,
    rules=(_consistency,),
)
