"""Registering subjects and changing their status (screen failure, withdrawal, completion)."""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.services.lock_guard import refuse_if_locked
from crf_desktop.services.session import Session
from crf_desktop.store import audit, subjects
from crf_desktop.store.subjects import Subject as Subject  # re-exported for the UI
from crf_desktop.store.subjects import SubjectStatus as SubjectStatus

_INITIALS_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ-")


def register_subject(session: Session, *, initials: str, birth_year: int | None, sex: str) -> Subject:
    """Give a newly consented person the next screening number of the site (01-001, 01-002, ...)."""
    session.require(Permission.ENTER_DATA)
    cleaned = initials.strip().upper()
    if not 2 <= len(cleaned) <= 4 or not set(cleaned) <= _INITIALS_CHARS:
        raise UserInputError(f"initials {initials!r}: use 2-4 letters (A-Z or '-' for a missing name part), "
                             "e.g. ZSF or Z-F")
    if sex not in ("F", "M"):
        raise UserInputError(f"sex {sex!r}: use F or M")
    this_year = int(session.today().year)
    if birth_year is not None and not this_year - 100 <= birth_year <= this_year:
        raise UserInputError(f"year of birth {birth_year}: must be between {this_year - 100} and {this_year}")
    db = session.site.db
    with db.atomic():
        subject = subjects.insert(db, site=session.site_id, initials=cleaned, birth_year=birth_year, sex=sex,
                                  created_by=session.user.username)
        audit.append(db, user=session.user.username, action="subject registered", subject=subject.subject_id,
                     new_value=f"{cleaned}, born {birth_year or 'unknown'}, {sex}")
    return subject


def list_subjects(session: Session) -> list[Subject]:
    session.require(Permission.VIEW_DATA)
    return subjects.all_subjects(session.site.db)


def get_subject(session: Session, subject_id: str) -> Subject:
    session.require(Permission.VIEW_DATA)
    subject = subjects.get(session.site.db, subject_id)
    if subject is None:
        raise UserInputError(f"there is no subject {subject_id!r} at site {session.site_id}")
    return subject


_ALLOWED = {
    SubjectStatus.SCREENING: {SubjectStatus.SCREEN_FAILURE, SubjectStatus.ON_STUDY, SubjectStatus.WITHDRAWN},
    SubjectStatus.ON_STUDY: {SubjectStatus.COMPLETED, SubjectStatus.WITHDRAWN},
    SubjectStatus.SCREEN_FAILURE: set(),
    SubjectStatus.COMPLETED: set(),
    SubjectStatus.WITHDRAWN: set(),
}


def allowed_status_changes(status: SubjectStatus) -> frozenset[SubjectStatus]:
    """The statuses a subject in ``status`` may move to (screen failure, withdrawal and completion are final)."""
    return frozenset(_ALLOWED[status])


def change_subject_status(session: Session, subject_id: str, status: SubjectStatus, reason: str) -> Subject:
    """Screen failure, withdrawal (reason required), start on study, completion; final states are final."""
    session.require(Permission.ENTER_DATA)
    subject = get_subject(session, subject_id)
    refuse_if_locked(session, subject_id, "the subject's status")
    if status not in _ALLOWED[subject.status]:
        raise UserInputError(f"subject {subject_id} is {subject.status.value} and cannot become {status.value}")
    if status in (SubjectStatus.SCREEN_FAILURE, SubjectStatus.WITHDRAWN) and not reason.strip():
        raise UserInputError(f"give the reason for {status.value} of {subject_id}; it is reported to the centre")
    db = session.site.db
    with db.atomic():
        subjects.set_status(db, subject_id, status, reason.strip() or None)
        audit.append(db, user=session.user.username, action="subject status changed", subject=subject_id,
                     old_value=subject.status.value, new_value=status.value, reason=reason.strip() or None)
    return get_subject(session, subject_id)
