"""Cross-field rules of the AE log that the forms engine cannot declare yet; the services call
:func:`ae_consistency_issues` on ``Result.values`` after ``validate()`` and add its issues to the result.

Rules (clinical-rules.md section 8; ICH E2A):

* the term is a CTCAE v4.03 MedDRA code (the field is free text until the engine knows terminologies);
* the grade is one the term has (a grade marked "-" cannot be chosen: :func:`grade_problem`);
* grade 5 (death) <-> outcome fatal, both ways; a fatal event is serious with the criterion "results in
  death", and the criterion "results in death" needs a fatal outcome;
* an ongoing event has not ended (outcome recovering, not recovered or unknown) and an event that is not
  ongoing has (recovered, recovered with sequelae, fatal or unknown).

What the engine already declares is not repeated: the SAE criteria and the onset date are required, the date
of death is required when the outcome is fatal, the resolution date and date of death may not precede onset,
the "Other, specify" text is required for "Other, specify" terms only.

Every issue uses an existing catalogue code: ``CRF-CHOICE`` (the answer is not one the other answers allow,
and the message says which are), the severity an error. A dedicated ``CRF-INCONSISTENT`` code is proposed
for the catalogue (see the AE report to the lead) so exports can tell these from typing errors.
"""

from __future__ import annotations

from collections.abc import Mapping

from crf_desktop.forms.ctcae.grading import grade_problem
from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.ctcae.terms import CTCAE_VERSION, MEDDRA_VERSION, terminology
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
from crf_desktop.forms.library.adverse_event import (
    CONTINUING_OUTCOMES,
    DEATH,
    ENDED_OUTCOMES,
    FATAL,
    FORM,
)
from crf_desktop.forms.model import Text, Value
from crf_desktop.forms.parsing import to_text

GRADE_DEATH = "5"


def _not_allowed(field_id: str, value: Value | None, allowed: Text) -> Issue:
    """A ``CRF-CHOICE`` error on ``field_id``: its answer is not one of ``allowed`` (worded with the reason)."""
    return make_issue(
        IssueCode.CHOICE, field=field_id, label=FORM.field(field_id).label, value=to_text(value),
        choices_en=allowed.en, choices_zh=allowed.zh,
    )


def _codes(field_id: str, codes: tuple[str, ...]) -> Text:
    field = FORM.field(field_id)
    options = [field.choice(code) for code in codes]
    return Text(
        en=", ".join(f"{o.code} = {o.label.en}" for o in options if o is not None),
        zh="，".join(f"{o.code} = {o.label.zh}" for o in options if o is not None),
    )


def _because(reason: Text, choices: Text) -> Text:
    return Text(en=f"{reason.en}: {choices.en}", zh=f"{reason.zh}：{choices.zh}")


def _term_issues(values: Mapping[str, Value | None]) -> list[Issue]:
    code, grade = values.get("ae_term"), values.get("ae_grade")
    if not isinstance(code, str):
        return []
    term = terminology().by_code.get(code)
    if term is None:
        wanted = Text(
            en=f"a CTCAE v{CTCAE_VERSION} term: its 8-digit MedDRA v{MEDDRA_VERSION} code, chosen from the term list",
            zh=f"CTCAE v{CTCAE_VERSION} 术语：从术语列表中选择，保存其 8 位 MedDRA v{MEDDRA_VERSION} 编码",
        )
        return [_not_allowed("ae_term", code, wanted)]
    if isinstance(grade, str) and grade.isdigit() and grade_problem(code, int(grade)) is not None:
        names = term_text(term)
        allowed = ", ".join(str(g) for g in term.allowed_grades)
        reason = Text(
            en=f"{names.en} has grades {allowed} in CTCAE v{CTCAE_VERSION}",
            zh=f"CTCAE v{CTCAE_VERSION} 中{names.zh}的分级为 {allowed} 级",
        )
        return [_not_allowed("ae_grade", grade, reason)]
    return []


def _death_issues(values: Mapping[str, Value | None]) -> list[Issue]:
    grade, outcome = values.get("ae_grade"), values.get("ae_outcome")
    serious, criteria = values.get("ae_serious"), values.get("sae_criteria")
    found: list[Issue] = []
    if grade == GRADE_DEATH and outcome is not None and outcome != FATAL:
        reason = Text(en="a grade 5 event is fatal", zh="5 级事件的转归为死亡")
        found.append(_not_allowed("ae_outcome", outcome, _because(reason, _codes("ae_outcome", (FATAL,)))))
    if outcome == FATAL and grade is not None and grade != GRADE_DEATH:
        reason = Text(en="a fatal event is grade 5", zh="转归为死亡的事件为 5 级")
        found.append(_not_allowed("ae_grade", grade, _because(reason, _codes("ae_grade", (GRADE_DEATH,)))))
    fatal = outcome == FATAL or grade == GRADE_DEATH
    if fatal and serious == "N":
        reason = Text(en="a fatal event is serious", zh="导致死亡的事件为严重不良事件")
        found.append(_not_allowed("ae_serious", serious, _because(reason, _codes("ae_serious", ("Y",)))))
    if fatal and isinstance(criteria, tuple) and DEATH not in criteria:
        reason = Text(en="a fatal event has the criterion", zh="导致死亡的事件须选择标准")
        found.append(_not_allowed("sae_criteria", criteria, _because(reason, _codes("sae_criteria", (DEATH,)))))
    if isinstance(criteria, tuple) and DEATH in criteria and outcome is not None and outcome != FATAL:
        reason = Text(en="the seriousness criterion is death", zh="严重性标准为导致死亡")
        found.append(_not_allowed("ae_outcome", outcome, _because(reason, _codes("ae_outcome", (FATAL,)))))
    return found


def _ongoing_issues(values: Mapping[str, Value | None]) -> list[Issue]:
    ongoing, outcome = values.get("ae_ongoing"), values.get("ae_outcome")
    if not isinstance(outcome, str):
        return []
    if ongoing == "Y" and outcome in ENDED_OUTCOMES:
        reason = Text(en="the event is ongoing", zh="事件仍在持续")
        allowed = _codes("ae_outcome", (*CONTINUING_OUTCOMES, "UNKNOWN"))
        return [_not_allowed("ae_outcome", outcome, _because(reason, allowed))]
    if ongoing == "N" and outcome in CONTINUING_OUTCOMES:
        reason = Text(en="the event has ended (not ongoing)", zh="事件已结束（非持续）")
        allowed = _codes("ae_outcome", (*ENDED_OUTCOMES, "UNKNOWN"))
        return [_not_allowed("ae_outcome", outcome, _because(reason, allowed))]
    return []


def ae_consistency_issues(values: Mapping[str, Value | None]) -> list[Issue]:
    """The cross-field problems of one AE record (``Result.values`` of the AE form), as error issues.

    Empty answers are left to the engine's required checks: a rule fires only when the answers it compares
    are given. The issues block saving like any error.
    """
    return [*_term_issues(values), *_death_issues(values), *_ongoing_issues(values)]
