"""The NCT03580291 visit schedule, declared once: visits, their windows, and which forms each visit holds.

Screening (day −28 to 0), Baseline / day 0 (randomisation, first infusion), weeks 4, 8, 12, 16, 20 and 24 (target
day 28·n, study-configured window, ±7 days by default), unscheduled visits, early termination, and the
subject-level logs (adverse events, concomitant medications).

Some forms apply only to some subjects (:data:`PREGNANCY_TEST_APPLIES`: women of childbearing potential), and
the study-drug kits are dispensed at baseline and weeks 4-20 only (nothing is dispensed at week 24, the end of
treatment, where the last kit comes back on the dosing form's accountability).

Extension points: later issues add their form ids to the tuples below (eligibility, medical history, pregnancy
test and laboratory forms at screening; randomisation and dosing at baseline; efficacy instruments and labs at
follow-up visits; the AE and concomitant-medication log forms). Nothing else needs to change: the registry
checks at start-up that every form named here is declared.
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.library import (
    adverse_event,
    bilag,
    biopsy,
    conmeds,
    consent,
    demographics,
    eligibility,
    end_of_study,
    haq,
    infusion,
    labs,
    mmf_dosing,
    phga,
    pregnancy_test,
    sae_report,
    sledai,
    visit_info,
)
from crf_desktop.forms.model import Text
from crf_desktop.forms.schedule import FormApplicability, SubjectLog, Visit, VisitKind, VisitSchedule, Window

FOLLOW_UP_WEEKS = (4, 8, 12, 16, 20, 24)

SCREENING_FORMS: tuple[str, ...] = (
    visit_info.FORM_ID, consent.FORM_ID, demographics.FORM_ID, biopsy.FORM_ID, labs.FORM_ID, pregnancy_test.FORM_ID,
    eligibility.FORM_ID,
)
#: Disease activity at baseline and every follow-up visit; PhGA first (clinical-rules.md section 2).
DISEASE_ACTIVITY_FORMS: tuple[str, ...] = (phga.FORM_ID, sledai.FORM_ID, bilag.FORM_ID, haq.FORM_ID)
BASELINE_FORMS: tuple[str, ...] = (
    visit_info.FORM_ID, labs.FORM_ID, pregnancy_test.FORM_ID, *DISEASE_ACTIVITY_FORMS, infusion.FORM_ID,
    mmf_dosing.FORM_ID, mmf_dosing.KITS_FORM_ID,
)
FOLLOW_UP_FORMS: tuple[str, ...] = (
    visit_info.FORM_ID, labs.FORM_ID, pregnancy_test.FORM_ID, *DISEASE_ACTIVITY_FORMS, mmf_dosing.FORM_ID,
    mmf_dosing.KITS_FORM_ID,
)
#: Forms no longer needed at the last follow-up visit: nothing is dispensed at the end of treatment.
NOT_AT_LAST_VISIT: tuple[str, ...] = (mmf_dosing.KITS_FORM_ID,)
#: The last follow-up visit also closes the study for subjects who complete it.
LAST_VISIT_FORMS: tuple[str, ...] = (end_of_study.FORM_ID,)
UNSCHEDULED_FORMS: tuple[str, ...] = (visit_info.FORM_ID, labs.FORM_ID)
EARLY_TERMINATION_FORMS: tuple[str, ...] = (visit_info.FORM_ID, labs.FORM_ID, end_of_study.FORM_ID)
ADVERSE_EVENT_FORMS: tuple[str, ...] = (adverse_event.FORM_ID, sae_report.FORM_ID)
#: Log forms whose entry *n* belongs to entry *n* of another form of the same log (an SAE report to its adverse
#: event): opened from that entry, never as a "New entry" of their own.
LINKED_FORMS: dict[str, str] = {sae_report.FORM_ID: adverse_event.FORM_ID}
CONMED_FORMS: tuple[str, ...] = (conmeds.FORM_ID,)

#: The pregnancy test (inclusion 6, exclusion 12) is expected of women of childbearing potential only. A man, or
#: a woman recorded as not of childbearing potential, has none to do; until demographics say so, it is expected.
PREGNANCY_TEST_APPLIES = FormApplicability(
    form=pregnancy_test.FORM_ID,
    applies_if=~P(SUBJECT_SEX, "eq", "M") & ~P(SUBJECT_CHILDBEARING, "eq", "N"),
    applies_to=Text(en="women of childbearing potential only", zh="仅限有生育能力的女性"),
)
SUBJECT_CONDITIONS: tuple[FormApplicability, ...] = (PREGNANCY_TEST_APPLIES,)


def week_code(week: int) -> str:
    """The visit code of a follow-up week: ``week4``."""
    return f"week{week}"


SCREENING = Visit(
    code="screening",
    label=Text(en="Screening", zh="筛选期"),
    kind=VisitKind.SCREENING,
    target_day=0,
    window=Window(before=28, after=0),
    forms=SCREENING_FORMS,
    conditional=SUBJECT_CONDITIONS,
)

BASELINE = Visit(
    code="baseline",
    label=Text(en="Baseline (day 0)", zh="基线（第 0 天）"),
    kind=VisitKind.BASELINE,
    target_day=0,
    window=Window(before=0, after=0),
    forms=BASELINE_FORMS,
    conditional=SUBJECT_CONDITIONS,
)

FOLLOW_UP = tuple(
    Visit(
        code=week_code(week),
        label=Text(en=f"Week {week}", zh=f"第 {week} 周"),
        kind=VisitKind.SCHEDULED,
        target_day=week * 7,
        forms=(tuple(f for f in FOLLOW_UP_FORMS if f not in NOT_AT_LAST_VISIT) + LAST_VISIT_FORMS
               if week == FOLLOW_UP_WEEKS[-1] else FOLLOW_UP_FORMS),
        conditional=SUBJECT_CONDITIONS,
    )
    for week in FOLLOW_UP_WEEKS
)

UNSCHEDULED = Visit(
    code="unscheduled",
    label=Text(en="Unscheduled visit", zh="计划外访视"),
    kind=VisitKind.UNSCHEDULED,
    forms=UNSCHEDULED_FORMS,
)

EARLY_TERMINATION = Visit(
    code="early_termination",
    label=Text(en="Early termination", zh="提前终止"),
    kind=VisitKind.EARLY_TERMINATION,
    forms=EARLY_TERMINATION_FORMS,
)

SCHEDULE = VisitSchedule(
    visits=(SCREENING, BASELINE, *FOLLOW_UP, UNSCHEDULED, EARLY_TERMINATION),
    logs=(
        SubjectLog(code="adverse_events", label=Text(en="Adverse events", zh="不良事件"), forms=ADVERSE_EVENT_FORMS),
        SubjectLog(
            code="concomitant_medications",
            label=Text(en="Concomitant medications", zh="合并用药"),
            forms=CONMED_FORMS,
        ),
    ),
)
