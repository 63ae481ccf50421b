"""The one check every service that changes a subject calls first: is the subject's casebook locked?

Kept apart from :mod:`services.locks` (locking and unlocking, which need signatures and subjects) so that the
subject and randomisation services can use it without an import cycle.
"""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.session import Session
from crf_desktop.store import locks


class CasebookLocked(UserInputError):
    """A change to a locked casebook was refused."""


def refuse_if_locked(session: Session, subject_id: str, what: str) -> None:
    """Raise CasebookLocked naming the lock when ``subject_id``'s casebook is locked."""
    db = session.site.db
    lock = session.site.reads.get(("casebook lock", subject_id), lambda: locks.current(db, subject_id))
    if lock is not None:
        raise CasebookLocked(f"the casebook of {subject_id} is locked (by {lock.by} at {lock.at}), so {what} cannot "
                             "be changed; a data manager or investigator must unlock it with a reason first")
