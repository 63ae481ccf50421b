"""Randomisation and blinding (issue 4 item 2): double-dummy, MSC + placebo MMF versus placebo MSC + MMF.

The site's randomisation list (sequence → randomisation number, MSC kit, MMF kit, arm) comes from the centre's
study configuration and lives in the encrypted site database. Randomising an eligible subject assigns the next
free sequence number, its randomisation number and both kits, records who and when, and puts the subject on
study. The arm is read only by :func:`unblind`: no other function returns it, no audit entry names it, and
:class:`~crf_desktop.store.randomisation.Assignment` has no arm field, so no screen, PDF or export can show it.

Who: loading the list is study configuration (admin); randomising needs ``RANDOMISE`` (coordinator,
investigator); emergency unblinding needs ``UNBLIND`` (investigator only), a reason, and is audited and
recorded in ``unblindings`` (which travels to the centre with the change sequence).

Kit numbers are compared after NFKC normalisation, upper-casing and removing white space and hyphens, so a
kit typed "msc 0001" matches "MSC-0001".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Final

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.arms import ARM_LABELS, ARM_MMF, ARM_MSC
from crf_desktop.forms.model import Text
from crf_desktop.forms.trial.criteria import BY_ID
from crf_desktop.forms.trial.eligibility import Overall
from crf_desktop.services.lock_guard import refuse_if_locked
from crf_desktop.services.randomisation_timing import eligibility_today
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import change_subject_status, get_subject
from crf_desktop.store import audit
from crf_desktop.store import randomisation as store
from crf_desktop.store.randomisation import Assignment as Assignment  # re-exported for the UI
from crf_desktop.store.randomisation import ListEntry as ListEntry
from crf_desktop.store.randomisation import Unblinding as Unblinding
from crf_desktop.store.subjects import SubjectStatus

__all__ = [
    "ARM_MMF", "ARM_MSC", "Assignment", "ListEntry", "assignment", "kit_mismatch", "kit_problem",
    "list_problems", "load_randomisation_list", "normalise_kit", "randomisation_status",
    "refuse_list_problems", "randomise", "unblind", "unblinded",
]

#: Arm codes and labels of the centre's list (``forms.arms``). They never leave this module except as a label
#: through :func:`unblind`.
_ARM_LABELS: Final = ARM_LABELS


def list_problems(entries: Sequence[ListEntry], where: Callable[[int], str],
                  existing: Sequence[ListEntry] = ()) -> list[str]:
    """What is wrong with a randomisation list, at the site (loading it) and at the centre (enrolment, unblinding).

    A sequence below 1, an empty number or kit, an arm that is neither arm code, or a sequence, randomisation
    number or kit number given twice, within ``entries`` or with ``existing`` (the list already held). MSC and MMF
    kits share one namespace; numbers are compared as kits are (:func:`normalise_kit`). ``where(i)`` names the
    ``i``-th entry in the messages ("line 4" of a CSV file, "sequence 3").
    """
    problems: list[str] = []
    seen: dict[str, dict[str, str]] = {"sequence": {}, "randomisation number": {}, "kit number": {}}

    def numbers(entry: ListEntry) -> tuple[tuple[str, str], ...]:
        return (("sequence", str(entry.seq)), ("randomisation number", entry.rand_no),
                ("kit number", entry.msc_kit), ("kit number", entry.mmf_kit))

    for old in existing:
        for kind, value in numbers(old):
            seen[kind][normalise_kit(value)] = f"sequence {old.seq} of the list already held"
    for index, entry in enumerate(entries):
        here = where(index)
        if entry.seq < 1:
            problems.append(f"{here}: the sequence {entry.seq} must be a number from 1")
        if entry.arm not in _ARM_LABELS:
            problems.append(f"{here}: arm {entry.arm!r} is not an arm code of the study ({ARM_MSC} or {ARM_MMF})")
        for kind, value in numbers(entry):
            key = normalise_kit(value)
            if not key:
                problems.append(f"{here}: the {kind} is empty")
            elif key in seen[kind]:
                problems.append(f"{here}: {kind} {value} is also used at {seen[kind][key]}")
            else:
                seen[kind][key] = here
    return problems


def refuse_list_problems(problems: Sequence[str], what: str) -> None:
    """One UserInputError listing the first ten problems of ``what`` (e.g. "the randomisation list x.csv")."""
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise UserInputError(f"{what} was not used, nothing was written: {shown}. Correct it and try again")


def load_randomisation_list(session: Session, entries: Iterable[ListEntry]) -> int:
    """Load (or extend) the site's blinded list; all or nothing. Returns the number of entries added.

    Refused, naming each problem, when a sequence, randomisation number or kit number (MSC and MMF kits share
    one namespace) is empty or repeated (within the entries or with the list already loaded), or an arm is not
    one of the two arm codes. The audit entry gives the count and the sequence range, never an arm.
    """
    session.require(Permission.CONFIGURE_STUDY)
    wanted = list(entries)
    if not wanted:
        raise UserInputError("the randomisation list is empty; check the study configuration file from the centre")
    db = session.site.db
    existing = [ListEntry(seq=int(r[0]), rand_no=r[1], msc_kit=r[2], mmf_kit=r[3], arm="")
                for r in db.execute("SELECT seq, rand_no, msc_kit, mmf_kit FROM randomisation_list")]
    refuse_list_problems(list_problems(wanted, lambda i: f"sequence {wanted[i].seq}", existing),
                         "the randomisation list")
    with db.atomic():
        count = store.load_list(db, wanted)
        seqs = [e.seq for e in wanted]
        audit.append(db, user=session.user.username, action="randomisation list loaded",
                     new_value=f"{count} entries, sequence {min(seqs)}-{max(seqs)}")
    return count


def randomise(session: Session, subject_id: str, *, on: date | None = None) -> Assignment:
    """Randomise an eligible subject in screening: the next free entry of the list; the subject goes on study.

    Refused when the subject is already randomised, not in screening, not eligible today (the message lists the
    failed and not evaluable criteria, and what is missing; the criteria are evaluated with today as the
    randomisation date), when the renal biopsy is older than 12 weeks or the screening is outside its window
    (``services.randomisation_timing``, each named with its dates), or when the list is used up.

    ``on``: the randomisation date when it is recorded after the day it took place (a randomisation done on paper
    while the computer was not available; the demo's back-dated subjects); never in the future. The criteria and
    windows are then checked against that day, and the audit entry names it.
    """
    session.require(Permission.RANDOMISE)
    subject = get_subject(session, subject_id)
    refuse_if_locked(session, subject_id, "the randomisation")
    db = session.site.db
    already = store.assignment(db, subject_id)
    if already is not None:
        raise UserInputError(f"subject {subject_id} was already randomised ({already.rand_no}, "
                             f"{already.randomised_at} by {already.randomised_by}); a subject is randomised once")
    if subject.status is not SubjectStatus.SCREENING:
        raise UserInputError(f"subject {subject_id} is {subject.status.value}; only a subject in screening can be "
                             "randomised")
    today = session.today()
    if on is not None and on > today:
        raise UserInputError(f"the randomisation date {on.isoformat()} of {subject_id} is in the future (today is "
                             f"{today.isoformat()})")
    day = on or today
    result, timing = eligibility_today(session, subject_id, day)
    if timing:
        when = "today" if day == today else f"on {day.isoformat()}"
        raise UserInputError(f"subject {subject_id} cannot be randomised {when}: " + "; ".join(timing))
    if result.overall is not Overall.ELIGIBLE:
        shown = result.summary().en
        if result.failed and result.not_evaluable:
            shown += "; not evaluable: " + ", ".join(BY_ID[c].short.en for c in result.not_evaluable)
        missing = "; ".join(m.en for r in result.criteria for m in r.missing)
        shown += f" (missing: {missing})" if missing else ""
        raise UserInputError(f"subject {subject_id} cannot be randomised: {shown}. Complete or correct the "
                             "screening forms")
    with db.atomic():
        seq = store.next_free(db)
        if seq is None:
            total, used = store.list_size(db)
            raise UserInputError(f"the randomisation list is used up ({used} of {total} numbers assigned); ask the "
                                 f"coordinating centre for an extension before randomising {subject_id}")
        assigned = store.assign(db, subject_id=subject_id, seq=seq, user=session.user.username)
        change_subject_status(session, subject_id, SubjectStatus.ON_STUDY, "randomised")
        audit.append(db, user=session.user.username, action="randomised", subject=subject_id,
                     new_value=f"randomisation number {assigned.rand_no}, MSC/placebo kit {assigned.msc_kit}, "
                               f"MMF/placebo kit {assigned.mmf_kit}"
                               + ("" if day == today else f", randomisation date {day.isoformat()}"))
    return assigned


def assignment(session: Session, subject_id: str) -> Assignment | None:
    """The subject's randomisation number and kits (never the arm); ``None`` when not randomised."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    return store.assignment(session.site.db, subject_id)


def unblind(session: Session, subject_id: str, reason: str) -> Text:
    """Emergency unblinding by an investigator: returns the arm's label (en/zh), for the UI to show once.

    The reason is required. The unblinding is recorded (``unblindings``, flagged for the centre) and audited
    with the reason; the arm is written nowhere.
    """
    session.require(Permission.UNBLIND)
    get_subject(session, subject_id)
    why = reason.strip()
    if not why:
        raise UserInputError(f"give the medical reason for unblinding {subject_id}; it is reported to the centre")
    db = session.site.db
    arm = store.arm_of(db, subject_id)
    if arm is None:
        raise UserInputError(f"subject {subject_id} has not been randomised: there is nothing to unblind")
    with db.atomic():
        store.record_unblinding(db, subject_id=subject_id, user=session.user.username, reason=why)
        audit.append(db, user=session.user.username, action="emergency unblinding", subject=subject_id,
                     reason=why)
    return _ARM_LABELS[arm]


def unblinded(session: Session, subject_id: str) -> bool:
    """Whether the subject was ever unblinded (the subject page shows the flag)."""
    session.require(Permission.VIEW_DATA)
    return store.unblinded(session.site.db, subject_id)


def unblinding(session: Session, subject_id: str) -> store.Unblinding | None:
    """When and by whom the subject was first unblinded (never the arm), for the subject page's flag."""
    session.require(Permission.VIEW_DATA)
    return store.first_unblinding(session.site.db, subject_id)


def randomisation_status(session: Session) -> tuple[int, int]:
    """(entries in the site's list, entries assigned)."""
    if not session.can(Permission.CONFIGURE_STUDY):
        session.require(Permission.VIEW_DATA)
    return store.list_size(session.site.db)


def normalise_kit(kit: str) -> str:
    """A kit (or randomisation) number as compared: "msc 0001" and "MSC-0001" are both "MSC0001"."""
    return "".join(unicodedata.normalize("NFKC", kit).upper().replace("-", " ").split())


def kit_mismatch(session: Session, subject_id: str, *, msc_kit: str | None = None,
                 mmf_kit: str | None = None) -> Text | None:
    """Why a kit typed is not the subject's (English and Chinese), or ``None`` when it is (or none was typed)."""
    session.require(Permission.VIEW_DATA)
    typed = [(kind, kit) for kind, kit in (("MSC", msc_kit), ("MMF", mmf_kit)) if kit is not None and kit.strip()]
    if not typed:
        return None
    assigned = store.assignment(session.site.db, subject_id)
    if assigned is None:
        return Text(en=f"subject {subject_id} has not been randomised, so no kit is assigned yet: randomise the "
                       "subject before recording a kit",
                    zh=f"受试者 {subject_id} 尚未随机，尚无分配的药物编号：请先进行随机")
    for kind, kit in typed:
        expected = assigned.msc_kit if kind == "MSC" else assigned.mmf_kit
        if normalise_kit(kit) != normalise_kit(expected):
            return Text(en=f"kit {kit.strip()} is not the {kind}/placebo kit assigned to {subject_id} (expected "
                           f"{expected}); check the kit label",
                        zh=f"药物编号 {kit.strip()} 不是分配给受试者 {subject_id} 的 {kind}/安慰剂药物（应为 "
                           f"{expected}），请核对药盒标签")
    return None


def kit_problem(session: Session, subject_id: str, *, msc_kit: str | None = None,
                mmf_kit: str | None = None) -> str | None:
    """Why a kit typed is not the subject's assigned MSC (infusion) or MMF (dispensing) kit; ``None`` if it is."""
    problem = kit_mismatch(session, subject_id, msc_kit=msc_kit, mmf_kit=mmf_kit)
    return None if problem is None else problem.en
