"""Whether a subject can be randomised *today*: the renal biopsy and the screening visit must be recent enough.

Randomisation happens on the day it is done (the baseline visit, day 0), not on the date planned on the
eligibility form. So before a randomisation number is given out:

- the renal biopsy must be dated within 12 weeks (84 days) before today (inclusion 3, registry record:
  "renal biopsy within 12 weeks of the screening / randomisation"; ``forms.trial.eligibility.BIOPSY_WINDOW_DAYS``);
- the screening visit (its visit date, or the consent date while no visit date is recorded) must lie in the
  screening window before baseline (28 days by default; the study configuration may change it);
- and the whole eligibility is evaluated again with today as the randomisation date (the prohibited-medication
  look-back counts from today too).

Each problem is named with its dates and what to do; :func:`timing_problems` returns them in English for
``services.randomisation.randomise`` to refuse with.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from crf_desktop.forms.library import visit_info
from crf_desktop.forms.schedule import deviation_days, window_dates
from crf_desktop.forms.trial.eligibility import (
    BIOPSY_WINDOW_DAYS,
    EligibilityInputs,
    EligibilityResult,
    evaluate_eligibility,
)
from crf_desktop.forms.visits import SCREENING
from crf_desktop.services.eligibility import gather_eligibility_inputs
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import current_configuration
from crf_desktop.store import records


def _screening_date(session: Session, subject_id: str, inputs: EligibilityInputs) -> tuple[date | None, str]:
    found = records.get(session.site.db, subject_id=subject_id, visit=SCREENING.code, form=visit_info.FORM_ID)
    text = found.data.get(visit_info.DATE_FIELD) if found is not None else None
    if text:
        try:
            return date.fromisoformat(text), "screening visit"
        except ValueError:
            pass
    return inputs.consent_date, "informed consent (screening visit date not recorded)"


def timing_problems(session: Session, subject_id: str, inputs: EligibilityInputs, today: date) -> list[str]:
    """Why ``subject_id`` cannot be randomised on ``today`` (the randomisation date) for reasons of timing."""
    problems: list[str] = []
    if inputs.biopsy_date is not None:
        days = (today - inputs.biopsy_date).days
        if days > BIOPSY_WINDOW_DAYS:
            problems.append(
                f"the renal biopsy of {inputs.biopsy_date.isoformat()} was {days} days before randomisation "
                f"{_day(session, today)}; inclusion 3 needs a biopsy within 12 weeks ({BIOPSY_WINDOW_DAYS} days) "
                "before randomisation")
        elif days < 0:
            problems.append(f"the renal biopsy is dated {inputs.biopsy_date.isoformat()}, after the randomisation "
                            f"date {today.isoformat()}; correct the biopsy date")
    screened, what = _screening_date(session, subject_id, inputs)
    if screened is not None:
        schedule = current_configuration(session).schedule
        outside = deviation_days(SCREENING, screened, today, schedule)
        edges = window_dates(today, SCREENING, schedule)
        if outside and edges is not None:
            problems.append(
                f"the {what} on {screened.isoformat()} is outside the screening window for randomisation "
                f"{_day(session, today)} ({edges[0].isoformat()} to {edges[1].isoformat()}); repeat the screening")
    return problems


def _day(session: Session, day: date) -> str:
    return f"today ({day.isoformat()})" if day == session.today() else f"on {day.isoformat()}"


def eligibility_today(session: Session, subject_id: str,
                      day: date | None = None) -> tuple[EligibilityResult, list[str]]:
    """Eligibility evaluated with ``day`` (default today) as the randomisation date, and the timing problems of
    randomising on that day."""
    today = day or session.today()
    inputs = gather_eligibility_inputs(session, subject_id)
    result = evaluate_eligibility(replace(inputs, randomisation_date=today))
    return result, timing_problems(session, subject_id, inputs, today)
