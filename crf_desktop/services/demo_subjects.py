"""The demo site's fictitious subjects, spread over every stage of the study.

Dates are relative to today so the dashboard always shows visits due, overdue and done. The random source is
seeded: every demo site holds the same story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import records
from crf_desktop.services.demo_values import GENERATORS, DemoSubject
from crf_desktop.services.queries import raise_query
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import change_subject_status, register_subject
from crf_desktop.store.subjects import SubjectStatus

FOLLOW_UPS = ("week4", "week8", "week12", "week16", "week20", "week24")


@dataclass(frozen=True, kw_only=True)
class Story:
    """How far a demo subject got: days since baseline (None: still screening), and how it ended."""

    profile: DemoSubject
    baseline_days_ago: int | None
    visits_done: int = 0  # follow-up visits entered
    ending: SubjectStatus | None = None
    ending_reason: str = ""
    gap_at: str | None = None  # a visit whose last form is saved with one value missing (in progress)


def _profile(rng: Random, today: date, initials: str, sex: str, age: int) -> DemoSubject:
    birth = today - timedelta(days=age * 365 + rng.randint(0, 300))
    height = rng.uniform(152, 170) if sex == "F" else rng.uniform(162, 182)
    return DemoSubject(initials=initials, sex=sex, birth=birth, childbearing=sex == "F" and age < 48,
                       height_cm=round(height, 1), weight_kg=round(rng.uniform(45, 75), 1))


def stories(today: date) -> list[Story]:
    rng = Random(3580291)

    def p(initials: str, sex: str, age: int) -> DemoSubject:
        return _profile(rng, today, initials, sex, age)

    return [
        Story(profile=p("ZXF", "F", 28), baseline_days_ago=None, gap_at="screening"),
        Story(profile=p("LHM", "F", 35), baseline_days_ago=None, ending=SubjectStatus.SCREEN_FAILURE,
              ending_reason="Exclusion 7: serum creatinine 301 µmol/L"),
        Story(profile=p("WJ", "M", 41), baseline_days_ago=30, visits_done=1),
        Story(profile=p("CYL", "F", 24), baseline_days_ago=62, visits_done=2, gap_at="week8"),
        Story(profile=p("HQ", "F", 52), baseline_days_ago=95, visits_done=2),  # week 12 overdue
        Story(profile=p("ZM", "F", 31), baseline_days_ago=120, visits_done=4),
        Story(profile=p("SLY", "F", 45), baseline_days_ago=70, visits_done=2, ending=SubjectStatus.WITHDRAWN,
              ending_reason="Withdrew consent (moved to another city)"),
        Story(profile=p("GXH", "M", 38), baseline_days_ago=175, visits_done=6, ending=SubjectStatus.COMPLETED,
              ending_reason="Completed week 24"),
        Story(profile=p("LN", "F", 29), baseline_days_ago=180, visits_done=6, ending=SubjectStatus.COMPLETED,
              ending_reason="Completed week 24"),
        Story(profile=p("YT", "F", 33), baseline_days_ago=8),
    ]


def _fill(session: Session, subject_id: str, profile: DemoSubject, visit: str, day: date, rng: Random,
          *, leave_gap: bool = False) -> None:
    forms = [form for form in REGISTRY.forms_for_visit(visit) if form.id in GENERATORS]
    for form in forms:
        raw = GENERATORS[form.id](profile, day, rng)
        if leave_gap and form is forms[-1]:
            raw.pop(next(key for key in reversed(list(raw)) if key != "visit_done"))
        confirmed: dict[str, str] = {}
        outcome = records.save_record(session, subject_id=subject_id, visit=visit, form_id=form.id, raw=raw)
        if not outcome.saved:
            # Demo values may land outside an expected range: confirm them as a coordinator would.
            confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
            outcome = records.save_record(session, subject_id=subject_id, visit=visit, form_id=form.id, raw=raw,
                                          confirmed=confirmed)
        if not outcome.saved:
            problems = "; ".join(i.message.en for i in outcome.refused)
            raise RuntimeError(f"demo data for {form.id} at {visit} of {subject_id} is invalid: {problems}")


def populate_coordinator(coordinator: Session) -> list[str]:
    """Create the demo subjects and their visits; returns the subject ids."""
    today = coordinator.today()
    rng = Random(20180801)
    created = []
    for story in stories(today):
        profile = story.profile
        subject = register_subject(coordinator, initials=profile.initials, birth_year=profile.birth.year,
                                   sex=profile.sex)
        sid = subject.subject_id
        created.append(sid)
        screening_day = today - timedelta(days=(story.baseline_days_ago or 0) + rng.randint(7, 20))
        _fill(coordinator, sid, profile, "screening", screening_day, rng, leave_gap=story.gap_at == "screening")
        if story.baseline_days_ago is not None:
            baseline = today - timedelta(days=story.baseline_days_ago)
            change_subject_status(coordinator, sid, SubjectStatus.ON_STUDY, "randomised")
            _fill(coordinator, sid, profile, "baseline", baseline, rng)
            for index, visit in enumerate(FOLLOW_UPS[: story.visits_done]):
                day = baseline + timedelta(days=28 * (index + 1) + rng.randint(-3, 3))
                _fill(coordinator, sid, profile, visit, min(day, today), rng, leave_gap=story.gap_at == visit)
        if story.ending is not None:
            change_subject_status(coordinator, sid, story.ending, story.ending_reason)
    return created


def populate_monitor(monitor: Session, created: list[str]) -> None:
    """The monitor's part of the story: source-data verification and a query."""
    # The monitor has verified the first on-study subject's screening forms and raised one query.
    for form_id in ("visit_info", "consent", "demographics"):
        records.verify_record(monitor, subject_id=created[2], visit="screening", form_id=form_id)
    raise_query(monitor, subject_id=created[3], visit="screening", form_id="demographics", field_id="weight_kg",
                question="Source document (clinic note) gives a different weight; please check.")
