"""The demo site's fictitious subjects, spread over every stage of the study.

Dates are relative to today so the dashboard always shows visits due, overdue and done. The random source is
seeded: every demo site holds the same story. Every visit a subject attended holds every form of the visit,
except the story's deliberate exceptions: two visits in progress (a value missing), one overdue visit, one
missed visit. Renal courses by week 12/24 (KDIGO 2012): complete, partial and no response.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from random import Random

from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import records
from crf_desktop.services.adverse_events import sae_report_prefill
from crf_desktop.services.demo_clinical import LAB_NAME
from crf_desktop.services.demo_course import COMPLETE, NONE, PARTIAL
from crf_desktop.services.demo_logs import SAE_REPORTS, adverse_event, conmeds, lab_graded_event, sae_report
from crf_desktop.services.demo_values import GENERATORS, DemoSubject, Occasion
from crf_desktop.services.lab_adverse_events import grading_of, verbatim
from crf_desktop.services.lab_ranges import set_reference_range
from crf_desktop.services.queries import raise_query
from crf_desktop.services.randomisation import randomise
from crf_desktop.services.session import Session
from crf_desktop.services.subject_context import form_context
from crf_desktop.services.subjects import change_subject_status, register_subject
from crf_desktop.store import records as stored
from crf_desktop.store.subjects import SubjectStatus

FOLLOW_UPS = ("week4", "week8", "week12", "week16", "week20", "week24")
EARLY_TERMINATION = "early_termination"
AE_LOG, CONMED_LOG = "adverse_events", "concomitant_medications"
#: Where a visit in progress has its gap: the form and the required value left empty.
GAPS = {"screening": ("inclusion_exclusion", "exc12_inv"), "week8": ("mmf_dosing", "gc_dose_mg_day")}
#: The demo laboratory's reference ranges (analyte, LLN, ULN, unit): the ones the trial rules need, and more.
#: Blood counts: the Chinese adult reference intervals (WS/T 405-2012; haemoglobin for women); total bilirubin: a
#: common adult range (3.4-20.5 µmol/L). The CTCAE grading of lab values needs their LLN / ULN.
REFERENCE_RANGES = (("alt", None, "40", "U_L"), ("ast", None, "40", "U_L"), ("c3", "0.90", "1.80", "G_L"),
                    ("c4", "0.10", "0.40", "G_L"), ("scr", "45", "104", "UMOL_L"), ("alb", "35", "52", "G_L"),
                    ("wbc", "3.5", "9.5", "E9_L"), ("neut", "1.8", "6.3", "E9_L"), ("lymph", "1.1", "3.2", "E9_L"),
                    ("plt", "125", "350", "E9_L"), ("hb", "115", "150", "G_L"), ("tbil", "3.4", "20.5", "UMOL_L"))
#: Lab-graded terms the demo records as AEs at a story's ``lab_graded`` visits: the cytopenias.
CYTOPENIAS = ("wbc", "neut", "lymph", "plt", "hb")


@dataclass(frozen=True, kw_only=True)
class Story:
    """How far a demo subject got: days since baseline (None: still screening), and how it ended."""

    profile: DemoSubject
    baseline_days_ago: int | None
    visits_done: int = 0  # follow-up visits reached (attended or missed)
    ending: SubjectStatus | None = None
    ending_reason: str = ""
    gap_at: str | None = None  # a visit with one required value missing (in progress)
    missed: str | None = None  # a visit that did not take place
    events: dict[str, frozenset[str]] = field(default_factory=dict)  # story events by visit (see Occasion)
    adverse_events: tuple[str, ...] = ()  # keys of demo_logs.ADVERSE_EVENTS
    lab_graded: tuple[str, ...] = ()  # visits whose cytopenias (CTCAE grade >= 1) are recorded as AEs too


def demo_profile(rng: Random, today: date, initials: str, sex: str, age: int) -> DemoSubject:
    birth = today - timedelta(days=age * 365 + rng.randint(0, 300))
    height = rng.uniform(152, 170) if sex == "F" else rng.uniform(162, 182)
    return DemoSubject(initials=initials, sex=sex, birth=birth, childbearing=sex == "F" and age < 48,
                       height_cm=round(height, 1), weight_kg=round(rng.uniform(45, 75), 1),
                       upcr0=round(rng.uniform(1.8, 4.8), 2), scr0=round(rng.uniform(62, 118), 1))


def stories(today: date) -> list[Story]:
    rng = Random(3580291)
    randomised = iter(range(1, 100))

    def p(initials: str, sex: str, age: int, response: str = NONE, *, number: bool = True,
          scr: float | None = None) -> DemoSubject:
        profile = demo_profile(rng, today, initials, sex, age)
        return replace(profile, response=response, screen_fail_scr=scr, number=next(randomised) if number else 0)

    return [
        Story(profile=p("ZXF", "F", 28, number=False), baseline_days_ago=None, gap_at="screening"),
        Story(profile=p("LHM", "F", 35, number=False, scr=301.0), baseline_days_ago=None,
              ending=SubjectStatus.SCREEN_FAILURE, ending_reason="Exclusion 7: serum creatinine 301 µmol/L"),
        Story(profile=p("WJ", "M", 41, COMPLETE), baseline_days_ago=30, visits_done=1, adverse_events=("uri",)),
        Story(profile=p("CYL", "F", 24, PARTIAL), baseline_days_ago=62, visits_done=2, gap_at="week8"),
        Story(profile=p("HQ", "F", 52, NONE), baseline_days_ago=95, visits_done=2),  # week 12 overdue
        Story(profile=p("ZM", "F", 31, NONE), baseline_days_ago=120, visits_done=4, missed="week8",
              events={"week12": frozenset({"hospitalised"})}, adverse_events=("pneumonia",)),
        Story(profile=p("SLY", "F", 45, PARTIAL), baseline_days_ago=70, visits_done=2, ending=SubjectStatus.WITHDRAWN,
              ending_reason="Withdrew consent (moved to another city)"),
        Story(profile=p("GXH", "M", 38, COMPLETE), baseline_days_ago=175, visits_done=6,
              ending=SubjectStatus.COMPLETED, ending_reason="Completed week 24",
              events={"baseline": frozenset({"reaction"})}, adverse_events=("infusion_reaction", "uri")),
        Story(profile=p("LN", "F", 29, PARTIAL), baseline_days_ago=180, visits_done=6, ending=SubjectStatus.COMPLETED,
              ending_reason="Completed week 24", events={"week8": frozenset({"leukopenia"})},
              adverse_events=("leukopenia", "zoster"), lab_graded=("week8",)),
        Story(profile=p("YT", "F", 33, COMPLETE), baseline_days_ago=8),
    ]


def _save(session: Session, subject_id: str, visit: str, form_id: str, raw: dict[str, str],
          repeat_no: int = 0) -> None:
    outcome = records.save_record(session, subject_id=subject_id, visit=visit, form_id=form_id, raw=raw,
                                  repeat_no=repeat_no)
    if not outcome.saved:
        # Demo values may land outside an expected range: confirm them as a coordinator would.
        confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
        outcome = records.save_record(session, subject_id=subject_id, visit=visit, form_id=form_id, raw=raw,
                                      confirmed=confirmed, repeat_no=repeat_no)
    if not outcome.saved:
        problems = "; ".join(f"{i.field}: {i.message.en}" for i in outcome.refused)
        raise RuntimeError(f"demo data for {form_id} at {visit} of {subject_id} is invalid: {problems}")


def fill_occasion(session: Session, subject_id: str, profile: DemoSubject, occasion: Occasion, rng: Random,
          *, gap: tuple[str, str] | None = None) -> None:
    context = {SUBJECT_SEX: profile.sex, SUBJECT_CHILDBEARING: "Y" if profile.childbearing else "N"}
    for form_id in REGISTRY.schedule.visit(occasion.visit).forms_for(context):  # no pregnancy test for a man
        form = REGISTRY.form(form_id)
        raw = GENERATORS[form.id](profile, occasion, rng)
        if gap is not None and gap[0] == form.id:
            raw.pop(gap[1])
        _save(session, subject_id, occasion.visit, form.id, raw)


def _visits(story: Story, baseline: date, today: date, rng: Random) -> list[tuple[str, date, int]]:
    """The follow-up visits reached (code, date, week), and the early termination of a subject who withdrew."""
    found = []
    for index, visit in enumerate(FOLLOW_UPS[: story.visits_done]):
        day = baseline + timedelta(days=28 * (index + 1) + rng.randint(-3, 3))
        found.append((visit, min(day, today), 4 * (index + 1)))
    if story.ending is SubjectStatus.WITHDRAWN:
        day = min(today, found[-1][1] + timedelta(days=9)) if found else today
        found.append((EARLY_TERMINATION, day, (day - baseline).days // 7))
    return found


def fill_study(session: Session, sid: str, story: Story, baseline: date, today: date, rng: Random) -> None:
    """Baseline and the follow-up visits; each kit comes back at the next visit attended."""
    visits = _visits(story, baseline, today, rng)
    attended = [(code, day) for code, day, _ in visits if code != story.missed]
    plan = [("baseline", baseline, 0), *visits]
    for code, day, week in plan:
        if code == story.missed:
            _save(session, sid, code, "visit_info", {"visit_done": "N", "missed_reason": "ILLNESS"})
            continue
        later = [d for c, d in attended if d > day]
        next_day = later[0] if later else (day if code == FOLLOW_UPS[-1] else None)
        occasion = Occasion(visit=code, day=day, week=week, baseline=baseline, next_day=next_day,
                            events=story.events.get(code, frozenset()))
        fill_occasion(session, sid, story.profile, occasion, rng, gap=GAPS.get(code) if story.gap_at == code else None)


def fill_logs(session: Session, sid: str, story: Story, baseline: date, rng: Random) -> None:
    db = session.site.db
    for raw in conmeds(story.profile, baseline, rng):
        _save(session, sid, CONMED_LOG, "conmed", raw,
              repeat_no=stored.next_repeat_no(db, subject_id=sid, visit=CONMED_LOG, form="conmed"))
    for key in story.adverse_events:
        number = stored.next_repeat_no(db, subject_id=sid, visit=AE_LOG, form="adverse_event")
        _save(session, sid, AE_LOG, "adverse_event", adverse_event(key, baseline), repeat_no=number)
        if key in SAE_REPORTS:
            _save(session, sid, AE_LOG, "sae_report",
                  {**sae_report_prefill(session, sid, number), **sae_report(key, baseline)}, repeat_no=number)
    for visit in story.lab_graded:
        labs_record = stored.get(db, subject_id=sid, visit=visit, form="labs")
        if labs_record is None:
            continue
        # the same grading the lab entry offers: the cytopenias the labs show and the log does not hold yet
        logged = {r.data.get("ae_term") for r in stored.for_subject(db, sid) if r.form == "adverse_event"}
        day = date.fromisoformat(labs_record.data["lab_date"])
        for found in grading_of(session, sid, visit, labs_record.data).suggestions:
            if found.analyte not in CYTOPENIAS or found.term.meddra_code in logged:
                continue
            raw = lab_graded_event(found.analyte, found.grade, found.term.meddra_code, verbatim(found, day), day,
                                   visit)
            _save(session, sid, AE_LOG, "adverse_event", raw,
                  repeat_no=stored.next_repeat_no(db, subject_id=sid, visit=AE_LOG, form="adverse_event"))


def populate_coordinator(coordinator: Session) -> list[str]:
    """Create the demo subjects, their visits and logs; returns the subject ids."""
    today = coordinator.today()
    rng = Random(20180801)
    for analyte, lln, uln, unit in REFERENCE_RANGES:
        set_reference_range(coordinator, lab_name=LAB_NAME, analyte=analyte, lln=lln, uln=uln, unit=unit,
                            valid_from=today - timedelta(days=3 * 365))
    created = []
    for story in stories(today):
        profile = story.profile
        subject = register_subject(coordinator, initials=profile.initials, birth_year=profile.birth.year,
                                   sex=profile.sex)
        sid = subject.subject_id
        created.append(sid)
        if story.baseline_days_ago is None:
            screening_day = today - timedelta(days=rng.randint(3, 10))
            baseline = screening_day + timedelta(days=21)  # planned
        else:
            baseline = today - timedelta(days=story.baseline_days_ago)
            screening_day = baseline - timedelta(days=rng.randint(7, 20))
        screening = Occasion(visit="screening", day=screening_day, baseline=baseline)
        fill_occasion(coordinator, sid, profile, screening, rng,
                      gap=GAPS["screening"] if story.gap_at == "screening" else None)
        if story.baseline_days_ago is not None:
            # eligible by the recorded screening data; kits MSC-000n / MMF-000n; randomised on the baseline day
            randomise(coordinator, sid, on=min(baseline, today))
            fill_study(coordinator, sid, story, baseline, today, rng)
        if story.ending is not SubjectStatus.SCREEN_FAILURE:
            fill_logs(coordinator, sid, story, min(baseline, today), rng)
        if story.ending is not None:
            change_subject_status(coordinator, sid, story.ending, story.ending_reason)
    return created


#: Visits the monitor has verified form by form: (index of the subject in the story, visit).
VERIFIED_VISITS = ((2, "screening"), (7, "screening"), (7, "baseline"))


def populate_monitor(monitor: Session, created: list[str]) -> None:
    """The monitor's part of the story: source-data verification of whole visits, and a query."""
    for index, visit in VERIFIED_VISITS:
        expected = REGISTRY.schedule.visit(visit).forms_for(form_context(monitor.site.db, created[index]))
        for form_id in expected:
            records.verify_record(monitor, subject_id=created[index], visit=visit, form_id=form_id)
    raise_query(monitor, subject_id=created[3], visit="screening", form_id="demographics", field_id="weight_kg",
                question="Source document (clinic note) gives a different weight; please check.")
