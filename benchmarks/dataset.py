"""The measured sites: a realistic full trial (230 subjects) entered through the app's services, and a
1,000-subject site for the dashboard and the GUI's memory.

The full trial reuses the demo's stories and value generators (``services/demo_*``): every visit a subject
reached holds every form of the visit with plausible values, plus concomitant medications and adverse events,
a monitor's source-data verification and open queries. Each record is saved by ``records.save_record``
(validation, versions, audit), so the database holds what a site that entered the trial by hand would hold.
Only durability is relaxed while building (``synchronous=OFF``; the figures are measured with the app's own
``synchronous=FULL`` on a fresh login).

The 1,000-subject site is the full trial copied and then grown with clones of its subjects written straight
to the store (versions and change sequence, no audit): it is there for the dashboard's status grid.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from pathlib import Path
from random import Random

from crf_desktop.core.clock import set_clock
from crf_desktop.core.roles import Role
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.validation import local_today
from crf_desktop.services import records as record_service
from crf_desktop.services.demo_clinical import LAB_NAME
from crf_desktop.services.demo_course import COMPLETE, NONE, PARTIAL, kit_numbers
from crf_desktop.services.demo_logs import ADVERSE_EVENTS
from crf_desktop.services.demo_subjects import (
    REFERENCE_RANGES,
    Story,
    demo_profile,
    fill_logs,
    fill_occasion,  # the demo's own way of entering a visit: one way of doing it
    fill_study,
)
from crf_desktop.services.demo_values import Occasion
from crf_desktop.services.lab_ranges import set_reference_range
from crf_desktop.services.queries import raise_query
from crf_desktop.services.randomisation import ARM_MMF, ARM_MSC, load_randomisation_list, randomise
from crf_desktop.services.session import Session, init_site, login
from crf_desktop.services.subjects import change_subject_status, register_subject
from crf_desktop.services.sync import enrol_site, read_enrolment
from crf_desktop.store import records, subjects, users
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.store.subjects import SubjectStatus

PASSWORD = "benchmark-password-1"  # noqa: S105 - a fictitious site in a temporary folder
STUDY = "NCT03580291"
TRIAL_SUBJECTS = 230
_BLOCKS = ("ABBA", "BAAB", "ABAB", "BABA", "AABB", "BBAA")
_INITIALS = ("ZXF", "LHM", "WJ", "CYL", "HQ", "ZM", "SLY", "GXH", "LN", "YT", "WLM", "CHY", "ZQ", "LXY")


@dataclass(frozen=True, kw_only=True)
class BuiltSite:
    folder: Path
    site: str
    subjects: int
    records: int
    audit_entries: int


def _randomisation_list(site: str, size: int) -> list[ListEntry]:
    arms = "".join(_BLOCKS[i % len(_BLOCKS)] for i in range(size // 4 + 1))
    return [ListEntry(seq=seq, rand_no=f"R{site}-{seq:03d}", msc_kit=kit_numbers(seq)[0],
                      mmf_kit=kit_numbers(seq)[1], arm=ARM_MSC if arms[seq - 1] == "A" else ARM_MMF)
            for seq in range(1, size + 1)]


def _stories(n_subjects: int, today: date, rng: Random) -> list[Story]:
    """A trial's mix: mostly randomised subjects spread over 0-200 days since baseline, some still screening,
    some screen failures and withdrawals, a few missed visits, and the demo's adverse events where the course
    reached them."""
    found: list[Story] = []
    for index in range(n_subjects):
        sex = "F" if rng.random() < 0.88 else "M"  # lupus nephritis: mostly women
        initials = _INITIALS[index % len(_INITIALS)]
        profile = demo_profile(rng, today, initials, sex, rng.randint(19, 58))
        roll = rng.random()
        if roll < 0.04:
            found.append(Story(profile=profile, baseline_days_ago=None))
            continue
        if roll < 0.10:
            found.append(Story(profile=replace(profile, screen_fail_scr=301.0), baseline_days_ago=None,
                               ending=SubjectStatus.SCREEN_FAILURE,
                               ending_reason="Exclusion 7: serum creatinine 301 µmol/L"))
            continue
        days = rng.randint(0, 200)
        done = min(6, max(0, (days - 3) // 28))
        response = rng.choice((COMPLETE, PARTIAL, NONE))
        events: dict[str, frozenset[str]] = {}
        aes: list[str] = []
        if rng.random() < 0.15:
            events["baseline"] = frozenset({"reaction"})
            aes.append("infusion_reaction")
        if days >= 25 and rng.random() < 0.4:
            aes.append("uri")
        if done >= 2 and days >= 70 and rng.random() < 0.15:
            events["week8"] = frozenset({"leukopenia"})
            aes.append("leukopenia")
        if done >= 3 and days >= 62 and rng.random() < 0.1:
            events["week12"] = frozenset({"hospitalised"})
            aes.append("pneumonia")
        if days >= 88 and rng.random() < 0.1:
            aes.append("zoster")
        missed = None
        if done >= 3 and rng.random() < 0.05:
            missed = "week8" if "week8" not in events else "week16"
        ending, reason = None, ""
        if done >= 2 and rng.random() < 0.05:
            ending, reason = SubjectStatus.WITHDRAWN, "Withdrew consent (moved to another city)"
            missed = None
        elif done == 6:
            ending, reason = SubjectStatus.COMPLETED, "Completed week 24"
        found.append(Story(profile=replace(profile, response=response), baseline_days_ago=days,
                           visits_done=done, ending=ending, ending_reason=reason, missed=missed, events=events,
                           adverse_events=tuple(key for key in aes if key in ADVERSE_EVENTS)))
    return found


@dataclass(frozen=True, kw_only=True)
class _Plan:
    story: Story
    screening_day: date
    baseline: date  # planned, for a subject still in screening


def _plans(stories: list[Story], today: date, rng: Random) -> list[_Plan]:
    """Each story's dates, in the order the site met the subjects (randomisation numbers follow that order)."""
    plans = []
    for story in stories:
        if story.baseline_days_ago is None:
            screening_day = today - timedelta(days=rng.randint(3, 10))
            baseline = screening_day + timedelta(days=21)
        else:
            baseline = today - timedelta(days=story.baseline_days_ago)
            screening_day = baseline - timedelta(days=rng.randint(7, 20))
        plans.append(_Plan(story=story, screening_day=screening_day, baseline=baseline))
    plans.sort(key=lambda plan: _first_day(plan, today))
    numbered, number = [], 0
    for plan in plans:
        if plan.story.baseline_days_ago is not None:
            number += 1
            profile = replace(plan.story.profile, number=number)
            plan = replace(plan, story=replace(plan.story, profile=profile))
        numbered.append(plan)
    return numbered


def _first_day(plan: _Plan, today: date) -> date:
    """The day screening is entered: the randomisation day for a randomised subject, else the screening day."""
    return plan.baseline if plan.story.baseline_days_ago is not None else min(plan.screening_day, today)


def _at(day: date) -> None:
    """Set the clock to 09:00 UTC of ``day``, moving on a microsecond per reading (never backwards)."""
    start = datetime.combine(day, time(9), tzinfo=UTC)
    ticks = count()
    set_clock(lambda: start + timedelta(microseconds=next(ticks)))


def _screen(session: Session, plan: _Plan, rng: Random) -> str:
    """Register and screen the subject, and randomise them, on their randomisation day (screening's day for the
    others): the randomisation rules judge "today"."""
    profile = plan.story.profile
    subject = register_subject(session, initials=profile.initials, birth_year=profile.birth.year, sex=profile.sex)
    occasion = Occasion(visit="screening", day=plan.screening_day, baseline=plan.baseline)
    fill_occasion(session, subject.subject_id, profile, occasion, rng)
    if plan.story.baseline_days_ago is not None:
        randomise(session, subject.subject_id)
    return subject.subject_id


def _follow(session: Session, sid: str, plan: _Plan, today: date, rng: Random) -> None:
    """The visits from baseline on, the logs and the ending, entered today."""
    story = plan.story
    if story.baseline_days_ago is not None:
        fill_study(session, sid, story, plan.baseline, today, rng)
    if story.ending is not SubjectStatus.SCREEN_FAILURE:
        fill_logs(session, sid, story, min(plan.baseline, today), rng)
    if story.ending is not None:
        change_subject_status(session, sid, story.ending, story.ending_reason)


def build_trial_site(folder: Path, *, site: str = "01", n_subjects: int = TRIAL_SUBJECTS,
                     seed: int = 3580291, enrolment: Path | None = None) -> BuiltSite:
    """A closed site in ``folder`` holding ``n_subjects`` subjects entered through the services; enrolled with
    the centre first when ``enrolment`` (the centre's enrolment file for ``site``) is given.

    The site's history runs on a clock that only moves forward: set up the day before the first subject,
    screening and randomisation on each subject's day (the randomisation rules judge "today"), then today the
    visits, logs and endings, and the monitor's verification and queries (a site that transcribes its visits).
    """
    rng = Random(seed)
    today = local_today()
    plans = _plans(_stories(n_subjects, today, rng), today, rng)
    try:
        _at(min((_first_day(plan, today) for plan in plans), default=today) - timedelta(days=1))
        _set_up(folder, site, n_subjects, enrolment)
        coordinator = login(folder, "coordinator", PASSWORD)
        try:
            coordinator.site.db.execute("PRAGMA synchronous = OFF")  # building only; see the module docstring
            for analyte, lln, uln, unit in REFERENCE_RANGES:
                set_reference_range(coordinator, lab_name=LAB_NAME, analyte=analyte, lln=lln, uln=uln, unit=unit,
                                    valid_from=today - timedelta(days=3 * 365))
            created = []
            for plan in plans:
                _at(_first_day(plan, today))
                created.append(_screen(coordinator, plan, rng))
            set_clock(None)
            for sid, plan in zip(created, plans, strict=True):
                _follow(coordinator, sid, plan, today, rng)
        finally:
            coordinator.close()
    finally:
        set_clock(None)
    monitor = login(folder, "monitor", PASSWORD)
    try:
        monitor.site.db.execute("PRAGMA synchronous = OFF")
        _monitor(monitor, created)
        db = monitor.site.db
        counts = (int(db.execute("SELECT count(*) FROM records").fetchone()[0]),
                  int(db.execute("SELECT count(*) FROM audit").fetchone()[0]))
    finally:
        monitor.close()
    return BuiltSite(folder=folder, site=site, subjects=len(created), records=counts[0], audit_entries=counts[1])


def _set_up(folder: Path, site: str, n_subjects: int, enrolment: Path | None) -> None:
    session, _recovery = init_site(folder, site=site, study=STUDY, admin="admin", admin_name="Admin",
                                   password=PASSWORD)
    try:
        if enrolment is not None:
            enrol_site(session, read_enrolment(enrolment, site=site, study=STUDY), source=enrolment.name)
        for name, role in (("coordinator", Role.COORDINATOR), ("monitor", Role.MONITOR),
                           ("investigator", Role.INVESTIGATOR)):
            session.add_user(username=name, full_name=name.title(), role=role, password=PASSWORD)
            users.update(session.site.db, name, must_change_password=False)
        load_randomisation_list(session, _randomisation_list(site, n_subjects))
    finally:
        session.close()


def _monitor(monitor: Session, created: list[str]) -> None:
    """Source-data verification of every fifth subject's screening; a query on every tenth subject."""
    for sid in created[::5]:
        for found in record_service.subject_records(monitor, sid):
            if found.visit == "screening" and found.status is RecordStatus.COMPLETE:
                record_service.verify_record(monitor, subject_id=sid, visit="screening", form_id=found.form)
    for sid in created[3::10]:
        raise_query(monitor, subject_id=sid, visit="screening", form_id="demographics", field_id="weight_kg",
                    question="Source document (clinic note) gives a different weight; please check.")


def grow_site(source: Path, folder: Path, *, n_subjects: int) -> BuiltSite:
    """A copy of the closed site ``source`` grown to ``n_subjects`` with clones of its subjects' records."""
    shutil.copytree(source, folder)
    session = login(folder, "coordinator", PASSWORD)
    site = session.site_id
    try:
        db = session.site.db
        db.execute("PRAGMA synchronous = OFF")
        templates = subjects.all_subjects(db)
        by_subject: dict[str, list[records.Record]] = {}
        for record in records.all_records(db):
            by_subject.setdefault(record.subject_id, []).append(record)
        with db.atomic():
            for index in range(len(templates), n_subjects):
                template = templates[index % len(templates)]
                clone = subjects.insert(db, site=site, initials=template.initials,
                                        birth_year=template.birth_year, sex=template.sex, created_by="coordinator")
                subjects.set_status(db, clone.subject_id, template.status, template.status_reason)
                for record in by_subject.get(template.subject_id, []):
                    records.write(db, current=None, subject_id=clone.subject_id, visit=record.visit,
                                  form=record.form, repeat_no=record.repeat_no, form_version=record.form_version,
                                  status=record.status, data=record.data, confirmations=record.confirmations,
                                  user="coordinator", reason=None)
        count = int(db.execute("SELECT count(*) FROM records").fetchone()[0])
        audit_count = int(db.execute("SELECT count(*) FROM audit").fetchone()[0])
    finally:
        session.close()
    return BuiltSite(folder=folder, site=site, subjects=n_subjects, records=count,
                     audit_entries=audit_count)


def login_as(folder: Path, user: str) -> Session:
    return login(folder, user, PASSWORD)


def login_coordinator(folder: Path) -> Session:
    return login(folder, "coordinator", PASSWORD)
