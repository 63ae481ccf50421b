"""Creating a site and unlocking it: the data directory, its key file, its lock and its database together."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import (
    AccountLockedError,
    AuthenticationError,
    DataDirError,
    KeyFileError,
    PermissionDenied,
)
from crf_desktop.core.roles import Role
from crf_desktop.store import audit, users
from crf_desktop.store.backup import check_backup, replace_database
from crf_desktop.store.database import connect_keyed, open_database
from crf_desktop.store.datadir import DB_FILE, KEY_FILE, LOCK_FILE, RECOVERY_FILE, is_site, network_filesystem
from crf_desktop.store.keyfile import (
    MAX_FAILURES,
    KeyFile,
    UserEntry,
    key_id,
    read_recovery_file,
    recovery_context,
    user_context,
    write_recovery_file,
)
from crf_desktop.store.keywrap import (
    format_recovery_key,
    new_database_key,
    new_recovery_secret,
    parse_recovery_key,
    unwrap_with_password,
    unwrap_with_recovery,
    wrap_with_password,
    wrap_with_recovery,
)
from crf_desktop.store.lock import DataDirLock
from crf_desktop.store.read_cache import ReadCache
from crf_desktop.store.site_identity import read_site_identity as read_site_identity  # re-exported
from crf_desktop.store.site_identity import require_site as _require_site


@dataclass
class OpenSite:
    """An unlocked site: the database, the key file and the lock that keeps other writers out."""

    data_dir: Path
    db: sqlite_utils.Database
    keyfile: KeyFile
    db_key: bytes
    lock: DataDirLock
    warnings: list[str] = field(default_factory=list)
    reads: ReadCache = field(init=False, repr=False)  # what the save and the live check read again and again

    def __post_init__(self) -> None:
        self.reads = ReadCache(self.db)

    @property
    def site_id(self) -> str:
        return self.keyfile.site

    @property
    def study_id(self) -> str:
        return self.keyfile.study

    def set_password(self, username: str, password: str) -> None:
        """(Re)wrap the database key for ``username``; clears any lockout."""
        wrapped = wrap_with_password(self.db_key, password, user_context(self.site_id, username))
        self.keyfile.users[username] = UserEntry(wrapped=wrapped)
        self.keyfile.save()

    def password_matches(self, username: str, password: str) -> bool:
        entry = self.keyfile.users.get(username)
        if entry is None:
            return False
        return unwrap_with_password(entry.wrapped, password, user_context(self.site_id, username)) is not None

    @property
    def closed(self) -> bool:
        return self.lock.released

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.conn.close()
        self.lock.release()


def storage_warnings(data_dir: Path) -> list[str]:
    kind = network_filesystem(data_dir)
    if kind is None:
        return []
    return [
        f"the data directory {data_dir} is on a network filesystem ({kind}). SQLite's locking is unreliable "
        "there and a dropped connection can damage the database: keep the site database on this computer's "
        "own disk and use the central folder only for exports."
    ]


def create_site(data_dir: Path, *, site: str, study: str, admin: str, admin_name: str,
                password: str) -> tuple[OpenSite, str]:
    """Create a new site with its first (admin) user; returns the open site and the recovery key to show once."""
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirError(f"{data_dir} is a file, not a folder; choose an empty folder for the new site")
    if data_dir.exists() and is_site(data_dir):
        raise DataDirError(f"{data_dir} already holds crf-desktop data (a site or the coordinating centre); choose "
                           "an empty folder")
    if data_dir.exists() and any(not p.name.startswith(".") and p.name != LOCK_FILE for p in data_dir.iterdir()):
        raise DataDirError(f"{data_dir} is not empty and is not a crf-desktop site; choose an empty folder")
    data_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(data_dir, 0o700)  # a shared ward PC: other accounts have no business in here
    lock = DataDirLock(data_dir)
    lock.acquire()
    created = [data_dir / name for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", RECOVERY_FILE, KEY_FILE,
                                            LOCK_FILE)]
    db: sqlite_utils.Database | None = None
    try:
        db_key = new_database_key()
        secret = new_recovery_secret()
        db = open_database(data_dir / DB_FILE, db_key, create=True)
        with db.atomic():
            db.table("meta").insert_all([
                {"key": "site", "value": site}, {"key": "study", "value": study},
                {"key": "created_at", "value": iso(utcnow())},
            ])
            users.insert(db, username=admin, full_name=admin_name, role=Role.ADMIN, created_by=admin,
                         must_change_password=False)
            audit.append(db, user=admin, action="site created", new_value=f"site {site}, study {study}")
            audit.append(db, user=admin, action="user created", field=admin,
                         new_value=f"{admin_name} ({Role.ADMIN.value})")
        recovery = wrap_with_recovery(db_key, secret, recovery_context(site))
        kid = key_id(db_key)
        write_recovery_file(data_dir, site=site, study=study, key_id_=kid, wrapped=recovery)
        keyfile = KeyFile(path=data_dir / KEY_FILE, site=site, study=study, key_id=kid, users={},
                          recovery=recovery)
        opened = OpenSite(data_dir=data_dir, db=db, keyfile=keyfile, db_key=db_key, lock=lock,
                          warnings=storage_warnings(data_dir))
        opened.set_password(admin, password)
    except BaseException:
        if db is not None:
            db.conn.close()
        lock.release()
        for path in created:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return opened, format_recovery_key(secret)


def attempts_left_message(keyfile: KeyFile, username: str) -> str:
    entry = keyfile.users.get(username)
    if entry is None:
        return "the user name or password is wrong"
    left = MAX_FAILURES - len(entry.failures)
    if keyfile.seconds_locked(username):
        return (f"the password is wrong: account {username!r} is now locked for 5 minutes after "
                f"{MAX_FAILURES} failed attempts")
    return f"the user name or password is wrong ({left} attempt{'s' if left != 1 else ''} left before a 5-minute lock)"


def _unwrap_for(keyfile: KeyFile, username: str, password: str) -> bytes:
    """The database key for ``username``; counts failures and enforces the lockout."""
    locked = keyfile.seconds_locked(username)
    if locked:
        keyfile.record_failure(username, "login refused", "account locked")
        minutes, seconds = divmod(locked, 60)
        raise AccountLockedError(
            f"account {username!r} is locked after {MAX_FAILURES} failed logins; try again in "
            f"{minutes} min {seconds:02d} s, or ask the site admin to reset the password",
            seconds_left=locked,
        )
    entry = keyfile.users.get(username)
    if entry is None and username in keyfile.disabled:
        keyfile.record_failure(username, "login refused", "account disabled")
        raise AuthenticationError(f"the account {username!r} is disabled; ask the site admin to enable it "
                                  "(a password reset enables it again)")
    db_key = None
    if entry is not None:
        db_key = unwrap_with_password(entry.wrapped, password, user_context(keyfile.site, username))
    if db_key is None:
        detail = "wrong password" if entry is not None else "unknown user"
        keyfile.record_failure(username, "login failed", detail)
        raise AuthenticationError(attempts_left_message(keyfile, username))
    if key_id(db_key) != keyfile.key_id:
        raise KeyFileError(f"the key file {keyfile.path} does not belong to this database (key id differs); "
                           "restore the matching key file from the backup")
    return db_key


def _finish_login(opened: OpenSite, username: str, *, action: str = "login", detail: str | None = None) -> None:
    """Check the user is active, audit queued failed attempts and the login itself."""
    db, keyfile = opened.db, opened.keyfile
    user = users.get(db, username)
    if user is None or not user.active:
        keyfile.record_failure(username, "login failed", "user disabled")
        raise AuthenticationError(f"user {username!r} is disabled; ask the site admin")
    events, dropped = keyfile.take_pending_events()
    with db.atomic():
        for event in events:
            audit.append(db, user=event["user"], action=event["action"],
                         new_value=f"at {event['time']}: {event['detail']}")
        if dropped:
            audit.append(db, user=username, action="failed logins not recorded",
                         new_value=f"{dropped} older failed attempts exceeded the queue")
        audit.append(db, user=username, action=action, new_value=detail)
    keyfile.record_success(username)
    if events or dropped:
        keyfile.save()


def unlock_site(data_dir: Path, username: str, password: str) -> OpenSite:
    """Check the password, open the database and audit the login (and any failed attempts queued since)."""
    _require_site(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        keyfile = KeyFile.load(data_dir)
        db_key = _unwrap_for(keyfile, username, password)
        db = open_database(data_dir / DB_FILE, db_key)
        opened = OpenSite(data_dir=data_dir, db=db, keyfile=keyfile, db_key=db_key, lock=lock,
                          warnings=storage_warnings(data_dir))
        try:
            _finish_login(opened, username)
        except BaseException:
            db.conn.close()
            raise
        return opened
    except BaseException:
        lock.release()
        raise


def reconcile_keyfile(opened: OpenSite) -> tuple[list[str], list[str]]:
    """Make the key file agree with the users of the database (after a restore or a rebuilt key file).

    Keys of users the database does not know, or knows as disabled, are removed (they must not open it);
    returns (removed, active users without a key, who need a password reset).
    """
    known = {u.username: u for u in users.all_users(opened.db)}
    removed = sorted(name for name in opened.keyfile.users if name not in known or not known[name].active)
    for name in removed:
        del opened.keyfile.users[name]
    opened.keyfile.disabled = sorted(name for name, user in known.items() if not user.active)
    opened.keyfile.save()
    need_reset = sorted(name for name, user in known.items() if user.active and name not in opened.keyfile.users)
    return removed, need_reset


def restore_site(data_dir: Path, username: str, password: str, backup: Path) -> tuple[OpenSite, Path]:
    """Replace the live database by ``backup`` (an admin's act; works when the live one no longer opens).

    Returns the opened site and where the replaced database files were kept.
    """
    _require_site(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        keyfile = KeyFile.load(data_dir)
        db_key = _unwrap_for(keyfile, username, password)
        check_backup(backup, db_key)
        conn = connect_keyed(backup, db_key)
        try:
            row = conn.execute("SELECT role, active FROM users WHERE username = ?", [username]).fetchone()
        finally:
            conn.close()
        if row is None or row[0] != Role.ADMIN.value or not row[1]:
            raise PermissionDenied(f"{username!r} is not an active site admin in that backup; only the site admin "
                                   "restores a backup")
        kept = replace_database(data_dir, backup)
        db = open_database(data_dir / DB_FILE, db_key)
        opened = OpenSite(data_dir=data_dir, db=db, keyfile=keyfile, db_key=db_key, lock=lock,
                          warnings=storage_warnings(data_dir))
        try:
            removed, need_reset = reconcile_keyfile(opened)
            detail = f"{backup.name}; the replaced database was kept as {kept.name}"
            if removed:
                detail += f"; keys removed for users not in the backup or disabled there: {', '.join(removed)}"
                opened.warnings.append("these users do not exist (or are disabled) in the backup and can no longer "
                                       f"log in: {', '.join(removed)}; the admin adds them again if needed")
            if need_reset:
                opened.warnings.append("these users of the backup have no key and need a password reset by the "
                                       f"admin: {', '.join(need_reset)}")
            _finish_login(opened, username, action="database restored from backup", detail=detail)
        except BaseException:
            db.conn.close()
            raise
        return opened, kept
    except BaseException:
        lock.release()
        raise


def recover_admin(data_dir: Path, *, recovery_key: str, admin: str, new_password: str) -> OpenSite:
    """Set a new password for an admin with the recovery key; rebuilds a missing or damaged key file."""
    _require_site(data_dir)
    secret = parse_recovery_key(recovery_key)
    if secret is None:
        raise AuthenticationError("the recovery key is not well-formed: it has 32 letters and digits in groups "
                                  "of four, e.g. ABCD-EFGH-...")
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        info, wrapped = read_recovery_file(data_dir)
        db_key = unwrap_with_recovery(wrapped, secret, recovery_context(info["site"]))
        if db_key is None:
            raise AuthenticationError("the recovery key is wrong for this site")
        if key_id(db_key) != info["key_id"]:
            raise KeyFileError("the recovery file does not belong to this database; restore it from a backup")
        db = open_database(data_dir / DB_FILE, db_key)
        try:
            user = users.get(db, admin)
            if user is None or user.role is not Role.ADMIN:
                raise AuthenticationError(f"{admin!r} is not an admin of this site; the recovery key can only "
                                          "set an admin's password")
            rebuilt = False
            try:
                keyfile = KeyFile.load(data_dir)
            except KeyFileError:
                damaged = data_dir / KEY_FILE
                if damaged.exists():  # keep what was there, as restore keeps a replaced database
                    os.replace(damaged, data_dir / f"{KEY_FILE}.damaged-{utcnow().strftime('%Y%m%d-%H%M%S')}")
                keyfile = KeyFile(path=data_dir / KEY_FILE, site=info["site"], study=info["study"],
                                  key_id=info["key_id"], users={}, recovery=wrapped)
                rebuilt = True
            opened = OpenSite(data_dir=data_dir, db=db, keyfile=keyfile, db_key=db_key, lock=lock,
                              warnings=storage_warnings(data_dir))
            opened.set_password(admin, new_password)
            with db.atomic():
                if not user.active:
                    users.update(db, admin, active=True)
                users.update(db, admin, must_change_password=False)
                audit.append(db, user=admin, action="password reset with recovery key", field=admin,
                             reason="key file rebuilt; other users need a password reset" if rebuilt else None)
            _removed, need_reset = reconcile_keyfile(opened)
            if need_reset:
                opened.warnings.append("the key file was rebuilt: these users cannot log in until the admin resets "
                                       f"their password: {', '.join(need_reset)}")
        except BaseException:
            db.conn.close()
            raise
        return opened
    except BaseException:
        lock.release()
        raise
