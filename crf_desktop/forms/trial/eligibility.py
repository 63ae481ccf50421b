"""Eligibility of one subject for NCT03580291 (issue 4 item 1): every criterion met, not met or not evaluable,
with the evidence in English and Chinese, and the overall result. Pure: the services gather the inputs.

Boundaries exactly as the registry writes them (criteria text: :mod:`crf_desktop.forms.trial.criteria`):
age 18-60 inclusive at consent; biopsy class III, IV, V, III+V or IV+V dated 0-84 days (12 weeks) before the
planned randomisation; UPCR > 1.0 g/g or 24-h protein > 1.0 g; glomerulosclerosis ≥ 50 %; necrosis /
microthrombi / cellular crescents in ≥ 50 % of glomeruli; total bilirubin > 14 mg/L (= 23.94 µmol/L);
AST or ALT > 1.5 × ULN; Ccr (Cockcroft-Gault) < 30 mL/min; Scr ≥ 265.2 µmol/L; WBC < 3.0 × 10⁹/L (3000/µL);
Hb < 80 g/L (8 g/dL); platelets < 50 × 10⁹/L (50000/µL); prohibited medication taken in the 84 days up to the
planned randomisation date.

Laboratory values come with their unit and are converted exactly (:mod:`crf_desktop.forms.library.lab_units`).
A criterion built of alternatives ("AST or ALT ...") applies as soon as one alternative applies, even when
another is missing; otherwise missing data make it not evaluable, naming what is missing. For inclusion 4 the
two measurements are alternatives: met when either is > 1.0; not met when every recorded one is ≤ 1.0 (the
evidence says which one was not recorded); not evaluable when neither is recorded.

Overall: not eligible when any inclusion is not met or any exclusion applies (the failed criteria listed);
otherwise not evaluable while anything is not evaluable; otherwise eligible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Final

from crf_desktop.forms.dates import PartialDate
from crf_desktop.forms.instruments.egfr import cockcroft_gault
from crf_desktop.forms.library.lab_units import ANALYTES
from crf_desktop.forms.model import Text
from crf_desktop.forms.trial.context import eligibility_input
from crf_desktop.forms.trial.criteria import BY_ID, CRITERIA, Criterion
from crf_desktop.forms.trial.prohibited import prohibited_medication

AGE_MIN: Final = 18
AGE_MAX: Final = 60
BIOPSY_WINDOW_DAYS: Final = 84
PROHIBITED_WINDOW_DAYS: Final = 84
ACR_MINIMUM: Final = 4
QUALIFYING_CLASSES: Final = frozenset({"III", "IV", "V", "III_V", "IV_V"})
PROTEINURIA_LIMIT: Final = Decimal("1.0")  # UPCR g/g and 24-h protein g, both "> 1.0"
SCLEROSIS_LIMIT: Final = Decimal(50)  # ≥
NECROSIS_CRESCENT_LIMIT: Final = Decimal(50)  # ≥
BILIRUBIN_LIMIT_UMOL_L: Final = ANALYTES["tbil"].to_canonical(Decimal(14), "MG_L")  # > 14 mg/L = 23.94 µmol/L
TRANSAMINASE_ULN_TIMES: Final = Decimal("1.5")  # >
CCR_LIMIT: Final = Decimal(30)  # <
CREATININE_LIMIT_UMOL_L: Final = Decimal("265.2")  # ≥
WBC_LIMIT_E9_L: Final = ANALYTES["wbc"].to_canonical(Decimal(3000), "PER_UL")  # < 3000/µL = 3.0 × 10⁹/L
HB_LIMIT_G_L: Final = ANALYTES["hb"].to_canonical(Decimal(8), "G_DL")  # < 8 g/dL = 80 g/L
PLATELET_LIMIT_E9_L: Final = ANALYTES["plt"].to_canonical(Decimal(50000), "PER_UL")  # < 50000/µL

#: The eligibility form's fields holding the investigator's answers (keys of ``EligibilityInputs.investigator``).
INVESTIGATOR_FIELDS: Final = ("inc5_inv", "inc7_inv", "exc2", "exc3", "exc6", "exc9", "exc10", "exc11", "exc12_inv")
NOT_APPLICABLE_ANSWER: Final = "NA"


class Status(StrEnum):
    """A criterion's status; for an exclusion, ``MET`` means it applies (the subject is excluded)."""

    MET = "Y"
    NOT_MET = "N"
    NOT_EVALUABLE = "NE"


class Overall(StrEnum):
    """The overall result."""

    ELIGIBLE = "ELIGIBLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    NOT_EVALUABLE = "NOT_EVALUABLE"


@dataclass(frozen=True, kw_only=True)
class Measurement:
    """A laboratory value as entered: the value and the code of its unit (see ``lab_units``, e.g. ``MG_DL``)."""

    value: Decimal
    unit: str


@dataclass(frozen=True, kw_only=True)
class ConmedRecord:
    """One concomitant-medication log record (form ``conmed``: ``cm_name``, ``cm_start``, ``cm_stop``,
    ``cm_ongoing`` as True/False/None)."""

    name: str
    start: date | PartialDate | None = None
    stop: date | PartialDate | None = None
    ongoing: bool | None = None


@dataclass(frozen=True, kw_only=True)
class EligibilityInputs:
    """Everything the criteria need, gathered by the services from the subject's forms (field ids in brackets).

    Demographics: ``age_years`` (age_years), ``sex`` (sex), ``childbearing`` (childbearing; None for men),
    ``acr_count`` (acr_count). Consent: ``consent_date``. Eligibility form: ``randomisation_date``
    (elig_rand_date) and ``investigator`` (the answers in :data:`INVESTIGATOR_FIELDS`). Screening labs form:
    ``weight_kg`` (lab weight_kg, else demographics weight_kg), each value with its unit, ``alt_uln``/``ast_uln``
    (U/L, from the lab's reference range). Renal biopsy: ``biopsy_date``, ``biopsy_class``, ``sclerosis_pct``,
    ``necrosis_crescent_pct``. Pregnancy test: ``pregnancy_test`` (``NEG``/``POS``). Conmed log: ``conmeds``.
    """

    age_years: int | None = None
    sex: str | None = None
    childbearing: str | None = None
    acr_count: int | None = None
    consent_date: date | None = None
    randomisation_date: date | None = None
    investigator: Mapping[str, str | None] = field(default_factory=dict)
    weight_kg: Decimal | None = None
    upcr: Measurement | None = None
    protein_24h: Measurement | None = None
    creatinine: Measurement | None = None
    total_bilirubin: Measurement | None = None
    alt: Measurement | None = None
    alt_uln: Decimal | None = None
    ast: Measurement | None = None
    ast_uln: Decimal | None = None
    wbc: Measurement | None = None
    haemoglobin: Measurement | None = None
    platelets: Measurement | None = None
    biopsy_date: date | None = None
    biopsy_class: str | None = None
    sclerosis_pct: Decimal | None = None
    necrosis_crescent_pct: Decimal | None = None
    pregnancy_test: str | None = None
    conmeds: tuple[ConmedRecord, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CriterionResult:
    """One criterion's status, the evidence, and (when not evaluable) what is missing."""

    criterion: Criterion
    status: Status
    evidence: Text
    missing: tuple[Text, ...] = ()

    @property
    def failed(self) -> bool:
        """An inclusion not met, or an exclusion that applies."""
        bad = Status.NOT_MET if self.criterion.inclusion else Status.MET
        return self.status is bad


@dataclass(frozen=True, kw_only=True)
class EligibilityResult:
    """Every criterion's result, in registry order, and the overall result."""

    criteria: tuple[CriterionResult, ...]
    overall: Overall

    def criterion(self, criterion_id: str) -> CriterionResult:
        """The result of ``inc1`` .. ``exc12``."""
        for result in self.criteria:
            if result.criterion.id == criterion_id:
                return result
        raise KeyError(f"no criterion {criterion_id!r}")

    @property
    def failed(self) -> tuple[str, ...]:
        """Ids of the failed criteria."""
        return tuple(r.criterion.id for r in self.criteria if r.failed)

    @property
    def not_evaluable(self) -> tuple[str, ...]:
        """Ids of the criteria that could not be evaluated."""
        return tuple(r.criterion.id for r in self.criteria if r.status is Status.NOT_EVALUABLE)

    def summary(self) -> Text:
        """``Not eligible: Inclusion 4, Exclusion 7`` / ``不符合入选条件：入选标准 4、排除标准 7``."""
        if self.overall is Overall.ELIGIBLE:
            return Text(en="Eligible", zh="符合入选条件")
        if self.overall is Overall.NOT_ELIGIBLE:
            names = [BY_ID[c].short for c in self.failed]
            return Text(en="Not eligible: " + ", ".join(n.en for n in names),
                        zh="不符合入选条件：" + "、".join(n.zh for n in names))
        names = [BY_ID[c].short for c in self.not_evaluable]
        return Text(en="Not evaluable: " + ", ".join(n.en for n in names),
                    zh="无法判定：" + "、".join(n.zh for n in names))

    def form_context(self) -> dict[str, str]:
        """The values of the eligibility form's derived fields (context names from ``trial.context``)."""
        values = {eligibility_input(r.criterion.id): r.status.value for r in self.criteria}
        values[eligibility_input("result")] = self.overall.value
        values[eligibility_input("failed")] = ", ".join(self.failed)
        values[eligibility_input("missing")] = ", ".join(self.not_evaluable)
        return values


@dataclass(frozen=True)
class _Part:
    """One alternative of a criterion: True (holds), False, or None (missing data, named in ``missing``)."""

    holds: bool | None
    evidence: Text
    missing: Text | None = None


def _t(en: str, zh: str) -> Text:
    return Text(en=en, zh=zh)


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _join(parts: list[_Part]) -> Text:
    return _t("; ".join(p.evidence.en for p in parts), "；".join(p.evidence.zh for p in parts))


def _result(criterion_id: str, status: Status, parts: list[_Part]) -> CriterionResult:
    missing = tuple(p.missing for p in parts if p.missing is not None) if status is Status.NOT_EVALUABLE else ()
    return CriterionResult(criterion=BY_ID[criterion_id], status=status, evidence=_join(parts), missing=missing)


def _any(criterion_id: str, parts: list[_Part]) -> CriterionResult:
    """Met when any part holds; else not evaluable when any part is missing; else not met."""
    if any(p.holds is True for p in parts):
        status = Status.MET
    elif any(p.holds is None for p in parts):
        status = Status.NOT_EVALUABLE
    else:
        status = Status.NOT_MET
    return _result(criterion_id, status, parts)


def _all(criterion_id: str, parts: list[_Part]) -> CriterionResult:
    """Not met when any part fails; else not evaluable when any part is missing; else met."""
    if any(p.holds is False for p in parts):
        status = Status.NOT_MET
    elif any(p.holds is None for p in parts):
        status = Status.NOT_EVALUABLE
    else:
        status = Status.MET
    return _result(criterion_id, status, parts)


def _missing(name: Text) -> _Part:
    return _Part(None, _t(f"{name.en} not recorded", f"{name.zh}未记录"), name)


def _lab(measurement: Measurement | None, analyte_id: str) -> tuple[Decimal | None, Text]:
    """The canonical value and how to show it: ``Total bilirubin 15 mg/L (= 25.65 µmol/L)``."""
    analyte = ANALYTES[analyte_id]
    if measurement is None:
        return None, analyte.label
    canonical = analyte.to_canonical(measurement.value, measurement.unit)
    unit = analyte.unit(measurement.unit)
    shown = f"{_num(measurement.value)} {unit.symbol.en}"
    shown_zh = f"{_num(measurement.value)} {unit.symbol.zh}"
    if unit.code != analyte.canonical.code:
        shown += f" (= {_num(canonical)} {analyte.canonical.symbol.en})"
        shown_zh += f"（= {_num(canonical)} {analyte.canonical.symbol.zh}）"
    return canonical, _t(f"{analyte.label.en} {shown}", f"{analyte.label.zh} {shown_zh}")


def _compare(measurement: Measurement | None, analyte_id: str, op: str, limit: Decimal, limit_text: str) -> _Part:
    value, shown = _lab(measurement, analyte_id)
    if value is None:
        return _missing(shown)
    holds = {">": value > limit, "≥": value >= limit, "<": value < limit}[op]
    negated = {">": "≤", "≥": "<", "<": "≥"}[op]
    sign = op if holds else negated
    return _Part(holds, _t(f"{shown.en} {sign} {limit_text}", f"{shown.zh} {sign} {limit_text}"))


# ---------------------------------------------------------------------------------------------- women of CBP
def _wocbp(inputs: EligibilityInputs) -> tuple[bool | None, _Part]:
    """Whether the subject is a woman of childbearing potential, and the evidence."""
    if inputs.sex is None:
        return None, _missing(_t("Sex (demographics)", "性别（人口学资料）"))
    if inputs.sex == "M":
        return False, _Part(True, _t("not applicable: male", "不适用：男性"))
    if inputs.childbearing is None:
        return None, _missing(_t("Childbearing potential (demographics)", "有无生育能力（人口学资料）"))
    if inputs.childbearing == "N":
        return False, _Part(True, _t("not applicable: not of childbearing potential", "不适用：无生育能力"))
    return True, _Part(True, _t("woman of childbearing potential", "有生育能力的女性"))


def _answer(inputs: EligibilityInputs, field_id: str, criterion: Criterion) -> _Part:
    answer = inputs.investigator.get(field_id)
    if answer is None:
        return _missing(_t(f"Investigator's answer ({criterion.short.en})", f"研究者判断（{criterion.short.zh}）"))
    shown = {"Y": ("Yes", "是"), "N": ("No", "否"), NOT_APPLICABLE_ANSWER: ("Not applicable", "不适用")}
    en, zh = shown.get(answer, (answer, answer))
    return _Part(answer == "Y", _t(f"Investigator: {en}", f"研究者：{zh}"))


# ------------------------------------------------------------------------------------------------ inclusion
def _inc1(inputs: EligibilityInputs) -> CriterionResult:
    if inputs.acr_count is None:
        return _all("inc1", [_missing(_t("ACR 1997 criteria (demographics)", "ACR 1997 分类标准（人口学资料）"))])
    holds = inputs.acr_count >= ACR_MINIMUM
    sign = "≥" if holds else "<"
    return _all("inc1", [_Part(holds, _t(f"{inputs.acr_count} of 11 ACR 1997 criteria {sign} {ACR_MINIMUM}",
                                         f"符合 ACR 1997 标准 {inputs.acr_count} 条 {sign} {ACR_MINIMUM}"))])


def _inc2(inputs: EligibilityInputs) -> CriterionResult:
    if inputs.age_years is None:
        return _all("inc2", [_missing(_t("Age at consent (demographics)", "签署知情同意时年龄（人口学资料）"))])
    age = inputs.age_years
    holds = AGE_MIN <= age <= AGE_MAX
    where = "within" if holds else "outside"
    where_zh = "在" if holds else "不在"
    return _all("inc2", [_Part(holds, _t(f"Age {age} years at consent, {where} 18-60",
                                         f"签署知情同意时年龄 {age} 岁，{where_zh} 18～60 岁范围内"))])


_CLASS_NAMES = {"I": "I", "II": "II", "III": "III", "IV": "IV", "V": "V", "III_V": "III+V", "IV_V": "IV+V", "VI": "VI"}


def _inc3(inputs: EligibilityInputs) -> CriterionResult:
    parts: list[_Part] = []
    if inputs.biopsy_class is None:
        parts.append(_missing(_t("ISN/RPS class (renal biopsy)", "ISN/RPS 病理分型（肾活检）")))
    else:
        name = _CLASS_NAMES.get(inputs.biopsy_class, inputs.biopsy_class)
        holds = inputs.biopsy_class in QUALIFYING_CLASSES
        parts.append(_Part(holds, _t(f"ISN/RPS class {name}" + ("" if holds else " (not III, IV, V, III+V or IV+V)"),
                                     f"ISN/RPS {name} 型" + ("" if holds else "（非 III、IV、V、III+V 或 IV+V 型）"))))
    if inputs.biopsy_date is None:
        parts.append(_missing(_t("Biopsy date (renal biopsy)", "肾活检日期（肾活检）")))
    elif inputs.randomisation_date is None:
        parts.append(_missing(_t("Planned randomisation date (eligibility)", "计划随机日期（入选/排除标准）")))
    else:
        days = (inputs.randomisation_date - inputs.biopsy_date).days
        holds = 0 <= days <= BIOPSY_WINDOW_DAYS
        when = f"biopsy {inputs.biopsy_date.isoformat()}, {days} days before randomisation " \
               f"{inputs.randomisation_date.isoformat()}"
        when_zh = (f"肾活检 {inputs.biopsy_date.isoformat()}，距随机日期 {inputs.randomisation_date.isoformat()} "
                   f"{days} 天")
        if holds:
            parts.append(_Part(True, _t(f"{when} (within 12 weeks)", f"{when_zh}（12 周内）")))
        elif days < 0:
            parts.append(_Part(False, _t(f"biopsy {inputs.biopsy_date.isoformat()} is after randomisation "
                                         f"{inputs.randomisation_date.isoformat()}",
                                         f"肾活检日期 {inputs.biopsy_date.isoformat()} 晚于随机日期 "
                                         f"{inputs.randomisation_date.isoformat()}")))
        else:
            parts.append(_Part(False, _t(f"{when} (more than 12 weeks = 84 days)", f"{when_zh}（超过 12 周即 84 天）")))
    return _all("inc3", parts)


def _inc4(inputs: EligibilityInputs) -> CriterionResult:
    parts = [
        _compare(inputs.upcr, "upcr", ">", PROTEINURIA_LIMIT, "1.0 g/g"),
        _compare(inputs.protein_24h, "prot24h", ">", PROTEINURIA_LIMIT, "1.0 g/24 h"),
    ]
    if any(p.holds is True for p in parts):
        status = Status.MET
    elif all(p.holds is None for p in parts):
        status = Status.NOT_EVALUABLE
    else:
        status = Status.NOT_MET
    return _result("inc4", status, parts)


def _inc5(inputs: EligibilityInputs) -> CriterionResult:
    criterion = BY_ID["inc5"]
    answer = _answer(inputs, "inc5_inv", criterion)
    if answer.holds is True:
        return _all("inc5", [answer])
    wocbp, evidence = _wocbp(inputs)
    if wocbp is False:
        return _all("inc5", [evidence])
    if wocbp is None:
        return _all("inc5", [answer, evidence] if answer.holds is None else [evidence])
    if inputs.investigator.get("inc5_inv") == NOT_APPLICABLE_ANSWER:
        answer = _Part(False, _t("Investigator: not applicable, but the subject is a woman of childbearing potential",
                                 "研究者：不适用，但受试者为有生育能力的女性"))
    return _all("inc5", [evidence, answer])


def _pregnancy(inputs: EligibilityInputs) -> tuple[bool | None, _Part]:
    """Whether the pregnancy test is positive (None: not known), for a woman of childbearing potential."""
    result = inputs.pregnancy_test
    if result is None:
        return None, _missing(_t("Pregnancy test (screening)", "妊娠试验（筛选期）"))
    if result == "POS":
        return True, _Part(True, _t("pregnancy test positive", "妊娠试验阳性"))
    return False, _Part(False, _t("pregnancy test negative", "妊娠试验阴性"))


def _inc6(inputs: EligibilityInputs) -> CriterionResult:
    wocbp, evidence = _wocbp(inputs)
    if wocbp is not True:
        return _all("inc6", [evidence])
    positive, test = _pregnancy(inputs)
    holds = None if positive is None else not positive
    return _all("inc6", [evidence, _Part(holds, test.evidence, test.missing)])


def _inc7(inputs: EligibilityInputs) -> CriterionResult:
    answer = _answer(inputs, "inc7_inv", BY_ID["inc7"])
    if inputs.consent_date is None:
        signed = _missing(_t("Informed consent date (consent)", "知情同意日期（知情同意）"))
    else:
        day = inputs.consent_date.isoformat()
        signed = _Part(True, _t(f"consent signed {day}", f"知情同意书签署于 {day}"))
    return _all("inc7", [signed, answer])


# ------------------------------------------------------------------------------------------------ exclusion
def _span(value: date | PartialDate | None) -> tuple[date, date]:
    if value is None:
        return date.min, date.max
    if isinstance(value, PartialDate):
        return value.earliest(), value.latest()
    return value, value


def _exc1(inputs: EligibilityInputs) -> CriterionResult:
    flagged = [(record, match) for record in inputs.conmeds
               if (match := prohibited_medication(record.name)) is not None]
    if not flagged:
        return _any("exc1", [_Part(False, _t("no prohibited medication in the concomitant medication log",
                                             "合并用药记录中无禁用药物"))])
    end = inputs.randomisation_date
    if end is None:
        return _any("exc1", [_missing(_t("Planned randomisation date (eligibility)", "计划随机日期（入选/排除标准）"))])
    start = end - timedelta(days=PROHIBITED_WINDOW_DAYS)
    window = f"{start.isoformat()} – {end.isoformat()}"
    parts: list[_Part] = []
    for record, match in flagged:
        first_lo, first_hi = _span(record.start)
        last_lo, last_hi = (date.max, date.max) if record.ongoing else _span(record.stop)
        name = f"{record.name} ({match.agent.name.en})"
        name_zh = f"{record.name}（{match.agent.name.zh}）"
        if first_hi <= end and last_lo >= start:
            parts.append(_Part(True, _t(f"{name} taken within 12 weeks ({window})",
                                        f"{name_zh} 在近 12 周内使用（{window}）")))
        elif first_lo > end or last_hi < start:
            parts.append(_Part(False, _t(f"{name} not taken within 12 weeks ({window})",
                                         f"{name_zh} 近 12 周内未使用（{window}）")))
        else:
            parts.append(_missing(_t(f"Start/stop dates of {name}", f"{name_zh}的起止日期")))
    return _any("exc1", parts)


def _investigator_only(inputs: EligibilityInputs, criterion_id: str) -> CriterionResult:
    return _all(criterion_id, [_answer(inputs, criterion_id, BY_ID[criterion_id])]) if BY_ID[
        criterion_id].inclusion else _any(criterion_id, [_answer(inputs, criterion_id, BY_ID[criterion_id])])


def _percent(value: Decimal | None, name: Text, limit: Decimal) -> _Part:
    if value is None:
        return _missing(name)
    holds = value >= limit
    sign = "≥" if holds else "<"
    return _Part(holds, _t(f"{name.en} {_num(value)} % {sign} {_num(limit)} %",
                           f"{name.zh} {_num(value)}% {sign} {_num(limit)}%"))


def _exc4(inputs: EligibilityInputs) -> CriterionResult:
    name = _t("Glomerulosclerosis (renal biopsy)", "肾小球硬化比例（肾活检）")
    return _any("exc4", [_percent(inputs.sclerosis_pct, name, SCLEROSIS_LIMIT)])


def _exc5(inputs: EligibilityInputs) -> CriterionResult:
    name = _t("Glomeruli with necrosis, microthrombi or cellular crescents (renal biopsy)",
              "伴坏死、微血栓或细胞性新月体的肾小球比例（肾活检）")
    return _any("exc5", [_percent(inputs.necrosis_crescent_pct, name, NECROSIS_CRESCENT_LIMIT)])


def _transaminase(measurement: Measurement | None, uln: Decimal | None, analyte_id: str) -> _Part:
    value, shown = _lab(measurement, analyte_id)
    if value is None:
        return _missing(shown)
    label = ANALYTES[analyte_id].label
    if uln is None:
        return _missing(_t(f"Upper limit of normal of {label.en} (laboratory reference range)",
                           f"{label.zh}正常值上限（实验室参考范围）"))
    limit = uln * TRANSAMINASE_ULN_TIMES
    holds = value > limit
    sign = ">" if holds else "≤"
    return _Part(holds, _t(f"{shown.en} {sign} 1.5 × ULN {_num(uln)} = {_num(limit)} U/L",
                           f"{shown.zh} {sign} 1.5 × 正常值上限 {_num(uln)} = {_num(limit)} U/L"))


def _ccr(inputs: EligibilityInputs) -> _Part:
    scr, _ = _lab(inputs.creatinine, "scr")
    needed = {
        "creatinine": (scr, _t("Serum creatinine (screening labs)", "血肌酐（筛选期实验室检查）")),
        "age": (inputs.age_years, _t("Age (demographics)", "年龄（人口学资料）")),
        "weight": (inputs.weight_kg, _t("Body weight", "体重")),
        "sex": (inputs.sex, _t("Sex (demographics)", "性别（人口学资料）")),
    }
    for value, name in needed.values():
        if value is None:
            return _Part(None, _t(f"Ccr not calculable: {name.en} not recorded",
                                  f"无法计算肌酐清除率：{name.zh}未记录"), name)
    assert scr is not None and inputs.age_years is not None and inputs.weight_kg is not None  # noqa: S101
    assert inputs.sex is not None  # noqa: S101
    ccr = cockcroft_gault(float(scr), inputs.age_years, float(inputs.weight_kg), inputs.sex)
    # compared after rounding to 10⁻⁶ mL/min, which removes binary floating-point noise only
    value = Decimal(repr(ccr)).quantize(Decimal("0.000001"))
    holds = value < CCR_LIMIT
    sign = "<" if holds else "≥"
    shown = _num(value.quantize(Decimal("0.01")))
    return _Part(holds, _t(f"Ccr (Cockcroft-Gault) {shown} mL/min {sign} 30 mL/min",
                           f"肌酐清除率（Cockcroft-Gault）{shown} mL/min {sign} 30 mL/min"))


def _exc7(inputs: EligibilityInputs) -> CriterionResult:
    return _any("exc7", [
        _compare(inputs.total_bilirubin, "tbil", ">", BILIRUBIN_LIMIT_UMOL_L, "14 mg/L (23.94 µmol/L)"),
        _transaminase(inputs.ast, inputs.ast_uln, "ast"),
        _transaminase(inputs.alt, inputs.alt_uln, "alt"),
        _ccr(inputs),
        _compare(inputs.creatinine, "scr", "≥", CREATININE_LIMIT_UMOL_L, "265.2 µmol/L"),
    ])


def _exc8(inputs: EligibilityInputs) -> CriterionResult:
    return _any("exc8", [
        _compare(inputs.wbc, "wbc", "<", WBC_LIMIT_E9_L, "3000/µL (3.0 ×10⁹/L)"),
        _compare(inputs.haemoglobin, "hb", "<", HB_LIMIT_G_L, "8 g/dL (80 g/L)"),
        _compare(inputs.platelets, "plt", "<", PLATELET_LIMIT_E9_L, "50000/µL (50 ×10⁹/L)"),
    ])


def _exc12(inputs: EligibilityInputs) -> CriterionResult:
    parts = [_answer(inputs, "exc12_inv", BY_ID["exc12"])]
    wocbp, evidence = _wocbp(inputs)
    if wocbp is True:
        parts.append(_pregnancy(inputs)[1])
    elif wocbp is None:
        parts.append(evidence)
    else:
        parts.append(_Part(False, evidence.evidence))
    return _any("exc12", parts)


def evaluate_eligibility(inputs: EligibilityInputs) -> EligibilityResult:
    """Evaluate every criterion (registry order) and the overall result; see the module docstring for the rules.

    ``ValueError`` when a laboratory unit is not one the analyte allows (a programming error in the caller).
    """
    evaluators = {
        "inc1": _inc1, "inc2": _inc2, "inc3": _inc3, "inc4": _inc4, "inc5": _inc5, "inc6": _inc6, "inc7": _inc7,
        "exc1": _exc1, "exc4": _exc4, "exc5": _exc5, "exc7": _exc7, "exc8": _exc8, "exc12": _exc12,
    }
    results: list[CriterionResult] = []
    for criterion in CRITERIA:
        evaluate = evaluators.get(criterion.id)
        results.append(evaluate(inputs) if evaluate else _investigator_only(inputs, criterion.id))
    return EligibilityResult(criteria=tuple(results), overall=overall(results))


def overall(results: list[CriterionResult] | tuple[CriterionResult, ...]) -> Overall:
    """Not eligible when anything failed; else not evaluable when anything is; else eligible."""
    if any(r.failed for r in results):
        return Overall.NOT_ELIGIBLE
    if any(r.status is Status.NOT_EVALUABLE for r in results):
        return Overall.NOT_EVALUABLE
    return Overall.ELIGIBLE
