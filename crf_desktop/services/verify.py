"""``verify``: is this site's data whole and its history untouched?"""

from __future__ import annotations

from dataclasses import dataclass, field

from crf_desktop.core.roles import Permission
from crf_desktop.services import paper_trail
from crf_desktop.services.session import Session
from crf_desktop.services.signatures import signature_problems
from crf_desktop.services.sync_verify import sync_problems
from crf_desktop.store import audit, users
from crf_desktop.store.database import DatabaseError, integrity_problems
from crf_desktop.store.keyfile import key_id, read_recovery_file
from crf_desktop.store.migrations import MIGRATIONS, schema_version


@dataclass
class Check:
    name: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class VerifyReport:
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def warnings(self) -> list[str]:
        return [w for check in self.checks for w in check.warnings]


def _database_check(session: Session) -> Check:
    check = Check("database integrity (SQLCipher page authentication and SQLite integrity_check)")
    try:
        check.problems = integrity_problems(session.site.db)
    except DatabaseError as exc:
        check.problems = [f"the database could not be read to the end: {exc}"]
    version = schema_version(session.site.db)
    check.detail = f"schema version {version} of {len(MIGRATIONS)}"
    if version != len(MIGRATIONS):
        check.problems.append(f"the schema is at version {version}, expected {len(MIGRATIONS)}")
    return check


def _audit_check(session: Session) -> Check:
    check = Check("audit trail (hash chain, sequence, clock)")
    try:
        report = audit.verify_chain(session.site.db)
    except DatabaseError as exc:
        check.problems = [f"the audit trail could not be read: {exc}"]
        return check
    check.problems, check.warnings = report.problems, report.warnings
    seq, head = audit.head(session.site.db)
    check.detail = f"{report.entries} entries, head {seq} {head[:16]}…"
    return check


def _keyfile_check(session: Session) -> Check:
    check = Check("key file and recovery file")
    keyfile = session.site.keyfile
    meta = dict(session.site.db.execute("SELECT key, value FROM meta").fetchall())
    if keyfile.key_id != key_id(session.site.db_key):
        check.problems.append("the key file's key id does not match the database key")
    if (meta.get("site"), meta.get("study")) != (keyfile.site, keyfile.study):
        check.problems.append(f"the key file is for site {keyfile.site} / {keyfile.study}, the database for "
                              f"site {meta.get('site')} / {meta.get('study')}")
    all_users = {u.username: u for u in users.all_users(session.site.db)}
    for name in sorted(keyfile.users):
        if name not in all_users:
            check.problems.append(f"the key file opens the database for {name!r}, who is not a user of this site")
        elif not all_users[name].active:
            check.problems.append(f"the key file still opens the database for disabled user {name!r}")
    for name, user in sorted(all_users.items()):
        if user.active and name not in keyfile.users:
            check.warnings.append(f"active user {name!r} has no key in the key file and cannot log in; "
                                  "reset the password")
    try:
        info, _wrapped = read_recovery_file(session.data_dir)
        if info["key_id"] != keyfile.key_id:
            check.problems.append("the recovery file belongs to another database")
    except Exception as exc:  # noqa: BLE001 - any failure here is reported, not raised
        check.problems.append(str(exc))
    count = len(keyfile.users)
    check.detail = f"{count} user key{'s' if count != 1 else ''}, recovery key present"
    return check


def _signature_check(session: Session) -> Check:
    check = Check("electronic signatures and attached scans (hashes recomputed)")
    try:
        count, check.problems = signature_problems(session)
        scans, scan_problems = paper_trail.scan_problems(session.site.db)
    except DatabaseError as exc:
        check.problems = [f"the signatures or scans could not be read: {exc}"]
        return check
    check.problems += scan_problems
    check.detail = f"{count} valid signature{'s' if count != 1 else ''}, {scans} scan{'s' if scans != 1 else ''}"
    return check


def _sync_check(session: Session) -> Check:
    check = Check("sync (exported packages, or the sites' histories at the centre)")
    try:
        check.detail, check.problems = sync_problems(session)
    except DatabaseError as exc:
        check.problems = [f"the sync records could not be read: {exc}"]
    return check


def verify_site(session: Session) -> VerifyReport:
    """Run every check; the report says what was checked and what failed. Audited."""
    session.require(Permission.VIEW_AUDIT)
    checks = [_database_check(session), _keyfile_check(session), _audit_check(session),
              _signature_check(session), _sync_check(session)]
    report = VerifyReport(checks)
    session.record("verify", new_value="ok" if report.ok else "problems found")
    return report
