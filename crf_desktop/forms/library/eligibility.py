"""Eligibility (screening): the 7 inclusion and 12 exclusion criteria of the registry record, one item each.

Investigator-confirmed criteria are typed (Yes/No; for an exclusion "Yes" means it applies). Data-decided
criteria (and the data part of the mixed ones) are derived: :func:`crf_desktop.forms.trial.eligibility.
evaluate_eligibility` decides them from the other forms and shows the evidence; its
:meth:`~crf_desktop.forms.trial.eligibility.EligibilityResult.form_context` holds the values of this form's
derived fields. They reach the form through the validation context (names in :mod:`crf_desktop.forms.trial.
context`); until the engine passes those names, the derived items stay empty. The result is derived, never typed.
"""

from __future__ import annotations

from collections.abc import Callable

from crf_desktop.forms.model import Choice, Derived, DerivedInputs, Field, FieldType, Form, Section, Text, Value
from crf_desktop.forms.trial.context import eligibility_input
from crf_desktop.forms.trial.criteria import EXCLUSION, INCLUSION, Criterion, Decider
from crf_desktop.forms.trial.eligibility import NOT_APPLICABLE_ANSWER, Overall, Status

FORM_ID = "inclusion_exclusion"  # CDISC IE; "eligibility" is kept free (a test uses it as an unknown id)

STATUS_CHOICES = (
    Choice(code=Status.MET.value, label=Text(en="Met", zh="符合")),
    Choice(code=Status.NOT_MET.value, label=Text(en="Not met", zh="不符合")),
    Choice(code=Status.NOT_EVALUABLE.value, label=Text(en="Not evaluable (data missing)", zh="无法判定（数据缺失）")),
)
RESULT_CHOICES = (
    Choice(code=Overall.ELIGIBLE.value, label=Text(en="Eligible", zh="符合入选条件")),
    Choice(code=Overall.NOT_ELIGIBLE.value, label=Text(en="Not eligible", zh="不符合入选条件")),
    Choice(code=Overall.NOT_EVALUABLE.value, label=Text(en="Not evaluable (data missing)", zh="无法判定（数据缺失）")),
)


def _from_context(name: str) -> Callable[[DerivedInputs], Value | None]:
    def value(values: DerivedInputs) -> Value | None:
        found = values.get(name)
        return found if isinstance(found, str) and found else None

    return value


def _derived(field_id: str, label: Text, field_type: FieldType, description: Text,
             choices: tuple[Choice, ...] = ()) -> Field:
    name = eligibility_input(field_id.removeprefix("elig_"))
    return Field(
        id=field_id,
        label=label,
        type=field_type,
        choices=choices,
        required=False,
        derived=Derived(inputs=(), context=(name,), function=_from_context(name), description=description),
    )


_EVALUATED = Text(
    en="evaluated by the application from the recorded data (evaluate_eligibility); see the evidence",
    zh="由系统根据已记录的数据判定（evaluate_eligibility），见判定依据",
)


def _status(criterion: Criterion) -> Field:
    what = Text(en="applies", zh="适用") if not criterion.inclusion else Text(en="met", zh="符合")
    return _derived(criterion.id, Text(en=f"{criterion.short.en}: {criterion.text.en}",
                                       zh=f"{criterion.short.zh}：{criterion.text.zh}"),
                    FieldType.CHOICE, Text(en=f"{_EVALUATED.en} ({what.en} = Met)",
                                           zh=f"{_EVALUATED.zh}（{what.zh}即“符合”）"), STATUS_CHOICES)


_QUESTIONS: dict[str, Text] = {
    "inc5": Text(en="Woman of childbearing potential agrees to effective contraception during the trial",
                 zh="有生育能力的女性同意在试验期间采取有效避孕措施"),
    "inc7": Text(en="Consent signed voluntarily; the subject will comply with the protocol",
                 zh="受试者自愿签署知情同意书，并能遵守研究方案"),
    "exc12": Text(en="Subject is pregnant or breastfeeding (investigator's assessment)",
                  zh="受试者处于妊娠期或哺乳期（研究者判断）"),
}


def _typed(criterion: Criterion) -> tuple[Field, ...]:
    label = Text(en=f"{criterion.short.en}: {criterion.text.en}", zh=f"{criterion.short.zh}：{criterion.text.zh}")
    if criterion.decider is Decider.INVESTIGATOR:
        help_text = None if criterion.inclusion else Text(en="Yes = the criterion applies (the subject is excluded)",
                                                          zh="“是”表示符合该排除标准（受试者应排除）")
        return (Field(id=criterion.id, label=label, type=FieldType.YES_NO, help=help_text),)
    question = _QUESTIONS[criterion.id]
    answer_label = Text(en=f"{criterion.short.en} (investigator): {question.en}",
                        zh=f"{criterion.short.zh}（研究者）：{question.zh}")
    if criterion.id == "inc5":
        answer = Field(
            id="inc5_inv", label=answer_label, type=FieldType.CHOICE,
            choices=(
                Choice(code="Y", label=Text(en="Yes", zh="是")),
                Choice(code="N", label=Text(en="No", zh="否")),
                Choice(code=NOT_APPLICABLE_ANSWER, label=Text(en="Not applicable (male, or not of childbearing "
                                                                 "potential)", zh="不适用（男性或无生育能力）")),
            ),
        )
    else:
        answer = Field(id=f"{criterion.id}_inv", label=answer_label, type=FieldType.YES_NO)
    return answer, _status(criterion)


def _item(criterion: Criterion) -> tuple[Field, ...]:
    if criterion.decider is Decider.DATA:
        return (_status(criterion),)
    return _typed(criterion)


FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Eligibility", zh="入选/排除标准"),
    sections=(
        Section(
            id="assessment",
            title=Text(en="Assessment", zh="评估"),
            fields=(
                Field(id="elig_date", label=Text(en="Date of eligibility assessment", zh="入选/排除标准评估日期"),
                      type=FieldType.DATE, not_before_consent=True),
                Field(id="elig_rand_date", label=Text(en="Planned randomisation date", zh="计划随机日期"),
                      type=FieldType.DATE, allow_future=True, not_before=("elig_date",),
                      help=Text(en="Inclusion 3 and exclusion 1 count 12 weeks back from this date",
                                zh="入选标准 3 及排除标准 1 自此日期向前计算 12 周")),
            ),
        ),
        Section(
            id="inclusion",
            title=Text(en="Inclusion criteria (all must be met)", zh="入选标准（须全部符合）"),
            fields=tuple(f for c in INCLUSION for f in _item(c)),
        ),
        Section(
            id="exclusion",
            title=Text(en="Exclusion criteria (none may apply)", zh="排除标准（均不得符合）"),
            fields=tuple(f for c in EXCLUSION for f in _item(c)),
        ),
        Section(
            id="result",
            title=Text(en="Result", zh="结论"),
            fields=(
                _derived("elig_result", Text(en="Eligibility result", zh="入选结论"), FieldType.CHOICE,
                         Text(en="eligible only when every inclusion is met, no exclusion applies and nothing is "
                                 "not evaluable", zh="全部入选标准符合、无排除标准适用且无无法判定项时方为符合"),
                         RESULT_CHOICES),
                _derived("elig_failed", Text(en="Criteria not satisfied", zh="未满足的标准"), FieldType.TEXT,
                         Text(en="inclusions not met and exclusions that apply",
                              zh="不符合的入选标准及适用的排除标准")),
                _derived("elig_missing", Text(en="Criteria not evaluable", zh="无法判定的标准"), FieldType.TEXT,
                         Text(en="criteria whose data are missing", zh="数据缺失的标准")),
            ),
        ),
    ),
)
