"""Casebook locks (issue 7 item 8): a data manager or investigator locks a signed casebook; locked data cannot
change until someone with the same right unlocks it, giving a reason. Both are audited.

Every service that changes a subject's records calls :func:`refuse_if_locked` first.
"""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.services.lock_guard import CasebookLocked as CasebookLocked  # re-exported
from crf_desktop.services.lock_guard import refuse_if_locked as refuse_if_locked  # re-exported
from crf_desktop.services.session import Session
from crf_desktop.services.signatures import SignTarget, latest_for, signature_problems_of
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, locks
from crf_desktop.store import signatures as signature_store
from crf_desktop.store.locks import LockEvent as LockEvent  # re-exported for the UI


def lock_state(session: Session, subject_id: str) -> LockEvent | None:
    """The casebook's current lock, or ``None`` when it is not locked."""
    session.require(Permission.VIEW_DATA)
    return locks.current(session.site.db, subject_id)


def lock_casebook(session: Session, subject_id: str) -> None:
    """Lock a casebook that carries a valid casebook signature matching its data; audited."""
    session.require(Permission.LOCK_CASEBOOK)
    get_subject(session, subject_id)
    db = session.site.db
    if locks.current(db, subject_id) is not None:
        raise UserInputError(f"the casebook of {subject_id} is already locked")
    signature = latest_for(signature_store.signatures_of(db, subject_id), SignTarget(subject_id=subject_id))
    if signature is None or not signature.valid:
        state = "has no casebook signature" if signature is None else "has a casebook signature that is invalid"
        raise UserInputError(f"the casebook of {subject_id} {state}; an investigator must sign the whole casebook "
                             "(Sign casebook…) before it can be locked")
    problems = signature_problems_of(db, [signature])
    if problems:
        raise UserInputError(f"the casebook of {subject_id} cannot be locked: {problems[0]}; run verify")
    with db.atomic():
        locks.add(db, subject_id=subject_id, action="lock", user=session.user.username, reason=None)
        audit.append(db, user=session.user.username, action="casebook locked", subject=subject_id,
                     old_value="unlocked", new_value="locked",
                     reason=f"casebook signature {signature.id} by {signature.printed_name} at {signature.signed_at}")


def unlock_casebook(session: Session, subject_id: str, reason: str) -> None:
    """Unlock a locked casebook; the reason is required and audited."""
    session.require(Permission.LOCK_CASEBOOK)
    get_subject(session, subject_id)
    db = session.site.db
    if locks.current(db, subject_id) is None:
        raise UserInputError(f"the casebook of {subject_id} is not locked")
    why = reason.strip()
    if not why:
        raise UserInputError(f"give a reason for unlocking the casebook of {subject_id}; it goes into the audit "
                             "trail")
    with db.atomic():
        locks.add(db, subject_id=subject_id, action="unlock", user=session.user.username, reason=why)
        audit.append(db, user=session.user.username, action="casebook unlocked", subject=subject_id,
                     old_value="locked", new_value="unlocked", reason=why)


def lock_history(session: Session, subject_id: str) -> list[LockEvent]:
    session.require(Permission.VIEW_AUDIT)
    return locks.history(session.site.db, subject_id)
