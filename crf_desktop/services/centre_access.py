"""Who may do what at the centre, and the centre's keys.

The centre's administrator also does the data manager's work (import, enrol, queries); monitors raise and close
queries. A site's data directory is refused with a message that says so.
"""

from __future__ import annotations

from crf_desktop.core.errors import PasswordChangeRequired, PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as store
from crf_desktop.sync.keys import KeyPairs

MANAGE = frozenset({Role.ADMIN, Role.DATA_MANAGER})
QUERY = frozenset({Role.ADMIN, Role.DATA_MANAGER, Role.MONITOR})


def require_centre(session: Session, roles: frozenset[Role], what: str) -> None:
    """Refuse (audited) unless this is a centre and the user's role is one of ``roles``."""
    if not store.is_centre(session.site.db):
        raise UserInputError(f"{session.data_dir} is a site, not the coordinating centre; use the centre's data "
                             "directory (--data-dir)")
    if session.user.must_change_password:
        raise PasswordChangeRequired(f"{session.user.username!r} still has a temporary password; change it first: "
                                     f"crf-desktop user passwd --data-dir {session.data_dir} "
                                     f"--user {session.user.username}")
    if session.user.role not in roles:
        audit.append(session.site.db, user=session.user.username, action="refused", new_value=what)
        raise PermissionDenied(f"{session.user.username!r} is a {session.user.role.label.lower()} and may not {what} "
                               "at the centre")


def centre_keys(session: Session) -> KeyPairs:
    found = store.keys(session.site.db)
    if found is None:
        raise UserInputError(f"{session.data_dir} has no centre keys; it was not made by crf-desktop centre init")
    return KeyPairs(sign_key=found[0], box_key=found[1])
