"""A logged-in user's session on a site: role checks, users, passwords, the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crf_desktop.core.errors import (
    AuthenticationError,
    CrfError,
    DatabaseCorruptError,
    PasswordChangeRequired,
    PermissionDenied,
    UserInputError,
)
from crf_desktop.core.ids import site_id, study_id
from crf_desktop.core.ids import username as parse_username
from crf_desktop.core.passwords import check_password
from crf_desktop.core.roles import Permission, Role, can
from crf_desktop.forms.validation import local_today
from crf_desktop.services.site_identity import SiteInfo as SiteInfo  # re-exported
from crf_desktop.services.site_identity import site_info as site_info  # re-exported
from crf_desktop.store import audit, users
from crf_desktop.store.audit import AuditEntry as AuditEntry  # re-exported for the UI
from crf_desktop.store.backup import BackupFile, backup_taken_today, list_backups, take_backup
from crf_desktop.store.database import DatabaseError, connect_keyed
from crf_desktop.store.keyfile import MAX_FAILURES
from crf_desktop.store.lock import DataDirLock
from crf_desktop.store.site import (
    OpenSite,
    attempts_left_message,
    create_site,
    read_site_identity,
    recover_admin,
    restore_site,
    unlock_site,
)
from crf_desktop.store.sync_state import data_position
from crf_desktop.store.users import User

DAILY = "daily"


@dataclass
class Session:
    """What the UI and CLI hold after a successful login. Close it to release the data directory."""

    site: OpenSite
    user: User

    # -- identity --------------------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self.site.data_dir

    @property
    def site_id(self) -> str:
        return self.site.site_id

    @property
    def study_id(self) -> str:
        return self.site.study_id

    @property
    def warnings(self) -> list[str]:
        return self.site.warnings

    def today(self) -> date:
        """The site's current date (local time of this computer)."""
        return local_today()

    def can(self, permission: Permission) -> bool:
        return can(self.user.role, permission)

    def require(self, permission: Permission) -> None:
        """Refuse (and audit the refusal) when the user's role lacks ``permission``."""
        if self.user.must_change_password:
            raise PasswordChangeRequired(
                f"{self.user.username!r} still has a temporary password (given by the site admin); change it before "
                f"anything else: crf-desktop user passwd --data-dir {self.data_dir} --user {self.user.username}"
            )
        if not self.can(permission):
            audit.append(self.site.db, user=self.user.username, action="refused", new_value=permission.value)
            raise PermissionDenied(
                f"{self.user.username!r} is a {self.user.role.label.lower()} and may not {permission.value}"
            )

    def _reload_user(self) -> None:
        fresh = users.get(self.site.db, self.user.username)
        assert fresh is not None  # noqa: S101 - the logged-in user cannot vanish while the site is locked
        self.user = fresh

    # -- passwords -------------------------------------------------------------------------------------
    def check_password(self, password: str) -> None:
        """Re-authenticate the logged-in user (idle lock, signatures).

        Raises AuthenticationError saying how many attempts are left; failures count towards the lockout
        and are audited at once (the database is open).
        """
        name = self.user.username
        seconds = self.site.keyfile.seconds_locked(name)
        if seconds:
            raise AuthenticationError(f"account {name!r} is locked for {seconds} more seconds after "
                                      f"{MAX_FAILURES} failed attempts")
        if self.site.password_matches(name, password):
            self.site.keyfile.record_success(name)
            return
        self.site.keyfile.record_failure(name, "re-authentication failed", "wrong password")
        events, _dropped = self.site.keyfile.take_pending_events()
        for event in events:
            audit.append(self.site.db, user=event["user"], action=event["action"],
                         new_value=f"at {event['time']}: {event['detail']}")
        self.site.keyfile.save()
        raise AuthenticationError(attempts_left_message(self.site.keyfile, name).replace(
            "the user name or password is wrong", "the password is wrong"))

    def change_own_password(self, old_password: str, new_password: str) -> None:
        if not self.site.password_matches(self.user.username, old_password):
            raise AuthenticationError("the current password is wrong")
        check_password(new_password, username=self.user.username)
        if new_password == old_password:
            raise UserInputError("the new password must differ from the current one")
        self.site.set_password(self.user.username, new_password)
        with self.site.db.atomic():
            users.update(self.site.db, self.user.username, must_change_password=False)
            audit.append(self.site.db, user=self.user.username, action="password changed",
                         field=self.user.username)
        self._reload_user()

    # -- user management (admin) -----------------------------------------------------------------------
    def list_users(self) -> list[User]:
        self.require(Permission.MANAGE_USERS)
        return users.all_users(self.site.db)

    def add_user(self, *, username: str, full_name: str, role: Role, password: str) -> User:
        """Create a user with a temporary password that must be changed at first login."""
        self.require(Permission.MANAGE_USERS)
        name = parse_username(username)
        if not full_name.strip():
            raise UserInputError("the full name is empty; it is printed on signatures and in the audit trail")
        if users.get(self.site.db, name) is not None:
            raise UserInputError(f"user {name!r} already exists; user names are never re-used")
        check_password(password, username=name)
        self.site.set_password(name, password)
        try:
            with self.site.db.atomic():
                users.insert(self.site.db, username=name, full_name=full_name.strip(), role=role,
                             created_by=self.user.username, must_change_password=True)
                audit.append(self.site.db, user=self.user.username, action="user created", field=name,
                             new_value=f"{full_name.strip()} ({role.value})")
        except BaseException:
            del self.site.keyfile.users[name]
            self.site.keyfile.save()
            raise
        created = users.get(self.site.db, name)
        assert created is not None  # noqa: S101
        return created

    def _other_user(self, username: str) -> User:
        user = users.get(self.site.db, username)
        if user is None:
            raise UserInputError(f"there is no user {username!r} at this site")
        return user

    def reset_password(self, username: str, temporary_password: str) -> None:
        """Admin reset: a temporary password, changed at next login; re-enables a disabled user."""
        self.require(Permission.MANAGE_USERS)
        target = self._other_user(username)
        check_password(temporary_password, username=username)
        if username in self.site.keyfile.disabled:
            self.site.keyfile.disabled.remove(username)
        self.site.set_password(username, temporary_password)
        with self.site.db.atomic():
            users.update(self.site.db, username, must_change_password=True, active=True)
            audit.append(self.site.db, user=self.user.username, action="password reset", field=username)
            if not target.active:
                audit.append(self.site.db, user=self.user.username, action="user enabled", field=username,
                             old_value="disabled", new_value="active")

    def disable_user(self, username: str, reason: str) -> None:
        self.require(Permission.MANAGE_USERS)
        target = self._other_user(username)
        if username == self.user.username:
            raise UserInputError("you cannot disable your own account; ask another admin")
        if not target.active:
            raise UserInputError(f"user {username!r} is already disabled")
        if not reason.strip():
            raise UserInputError("give a reason for disabling the account; it goes into the audit trail")
        # Removing the wrapped key is what really stops the login; the flag records why.
        self.site.keyfile.users.pop(username, None)
        if username not in self.site.keyfile.disabled:
            self.site.keyfile.disabled.append(username)
        self.site.keyfile.save()
        with self.site.db.atomic():
            users.update(self.site.db, username, active=False)
            audit.append(self.site.db, user=self.user.username, action="user disabled", field=username,
                         old_value="active", new_value="disabled", reason=reason.strip())

    # -- audit trail -----------------------------------------------------------------------------------
    def audit_trail(self, *, limit: int = 200, subject: str | None = None) -> list[AuditEntry]:
        self.require(Permission.VIEW_AUDIT)
        return audit.entries(self.site.db, subject=subject, limit=limit)

    def record(self, action: str, **target: str | None) -> None:
        """Audit an action that changes nothing in the database (print, export started, screen locked)."""
        audit.append(self.site.db, user=self.user.username, action=action, **target)

    @property
    def closed(self) -> bool:
        return self.site.closed

    def close(self, *, audit_logout: bool = True) -> None:
        """Log out and release the data directory; closing twice does nothing."""
        if self.closed:
            return
        if audit_logout:
            try:
                audit.append(self.site.db, user=self.user.username, action="logout")
            finally:
                self.site.close()
        else:
            self.site.close()


def site_in_use(data_dir: Path) -> str | None:
    """Who has the data directory open right now ("process 123 on ward-pc since ..."), or ``None``."""
    return DataDirLock(data_dir).holder()


def _session(site: OpenSite, username: str) -> Session:
    user = users.get(site.db, username)
    assert user is not None  # noqa: S101 - unlock_site checked it
    return Session(site=site, user=user)


def login(data_dir: Path, username: str, password: str) -> Session:
    """Log in; raises AuthenticationError, AccountLockedError, DataDirError, KeyFileError, ...

    The first login of each day also takes the daily backup; a backup that fails is a warning, never a
    refused login.
    """
    session = _session(unlock_site(data_dir, username.strip(), password), username.strip())
    _daily_backup(session)
    return session


def _daily_backup(session: Session) -> None:
    if backup_taken_today(session.data_dir, DAILY, local_today().isoformat()):
        return
    try:
        taken = take_backup(session.site.db.conn, session.data_dir, session.site.db_key, DAILY)
    except (OSError, CrfError, DatabaseError) as exc:
        session.site.warnings.append(f"today's backup could not be written ({exc}); check the free disk space")
        return
    session.record("backup taken", new_value=taken.name)


def backups(data_dir: Path) -> list[BackupFile]:
    """The backups kept in a data directory, newest first (no login needed: they are encrypted)."""
    read_site_identity(data_dir)
    return list_backups(data_dir)


def restore(data_dir: Path, *, username: str, password: str, backup: str,
            force: bool = False) -> tuple[Session, Path]:
    """An admin puts a backup (a name from :func:`backups` or a path) in place of the live database.

    Refused, unless ``force``, when the live database holds changes the backup lacks (issue 8).
    """
    candidates = [b.path for b in list_backups(data_dir) if b.name == backup]
    path = candidates[0] if candidates else Path(backup).expanduser()
    if not force:
        _refuse_newer_data(data_dir, username.strip(), password, path)
    opened, kept = restore_site(data_dir, username.strip(), password, path)
    return _session(opened, username.strip()), kept


def _refuse_newer_data(data_dir: Path, username: str, password: str, backup: Path) -> None:
    """Refuse to put ``backup`` over a live database that has changes the backup lacks (they would be lost, and
    the centre would see the site re-use package numbers). A live database that no longer opens is not checked."""
    try:
        opened = unlock_site(data_dir, username, password)
    except DatabaseCorruptError:
        return
    try:
        user = users.get(opened.db, username)
        if user is None or user.role is not Role.ADMIN or not backup.is_file():
            return  # restore_site refuses these with its own message
        live = data_position(opened.db.conn)
        try:
            conn = connect_keyed(backup, opened.db_key)
            try:
                old = data_position(conn)
            finally:
                conn.close()
        except DatabaseError:
            return  # not a backup of this site: restore_site says so
        if live.last_change <= old.last_change:
            return
        lost = live.last_change - old.last_change
        first, last = old.last_package + 1, live.last_package
        which = f"package {last} was" if first == last else f"packages {first}-{last} were"
        sent = (f"; {which} sent to the centre after it, so the centre will see this site's history fork"
                if last >= first else "")
        audit.append(opened.db, user=username, action="restore refused", new_value=backup.name,
                     reason=f"the live database has {lost} newer change(s)")
        raise UserInputError(
            f"the live database has {lost} change(s) newer than the backup {backup.name} (the latest at "
            f"{live.last_change_at}){sent}. Restoring would lose them. If the live data really is lost or wrong, "
            "restore anyway with --force and tell the coordinating centre")
    finally:
        opened.close()


def init_site(data_dir: Path, *, site: str, study: str, admin: str, admin_name: str,
              password: str) -> tuple[Session, str]:
    """Create a site; returns the admin's session and the recovery key (to be shown exactly once)."""
    name = parse_username(admin)
    check_password(password, username=name)
    opened, recovery_key = create_site(data_dir, site=site_id(site), study=study_id(study), admin=name,
                                       admin_name=admin_name.strip() or name, password=password)
    return _session(opened, name), recovery_key


def recover(data_dir: Path, *, recovery_key: str, admin: str, new_password: str) -> Session:
    check_password(new_password, username=admin)
    return _session(recover_admin(data_dir, recovery_key=recovery_key, admin=admin, new_password=new_password),
                    admin)
