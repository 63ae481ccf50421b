"""The site's side of sync (issue 8): enrolment with the centre, export to the central folder, its status.

``export_to_centre`` first reads what the centre sent (acknowledgements, queries), writes again any package the
centre has not acknowledged that is missing from the folder, then writes one package with every change since
the last one. The package, its audit entry and the site's record of it commit in one transaction; the file is
written to a hidden ``.partial`` first and renamed only after that commit, so a killed export leaves either no
visible package and nothing recorded (the next export carries the changes), or a recorded package that the
next export puts in the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from crf_desktop.core.clock import iso, parse_iso, utcnow
from crf_desktop.core.errors import CrfError, DatabaseCorruptError, StorageError, UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.services.randomisation import load_randomisation_list
from crf_desktop.services.session import Session, init_site
from crf_desktop.services.study_config import install_configuration
from crf_desktop.store import audit
from crf_desktop.store import sync_state as state
from crf_desktop.store.backup import BACKUP_DIR, take_backup
from crf_desktop.store.centre import is_centre
from crf_desktop.store.database import DatabaseError, connect_keyed
from crf_desktop.store.datadir import DB_FILE
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.sync import enrolment as enrolment_file
from crf_desktop.sync import outbox_check
from crf_desktop.sync.enrolment import Enrolment as Enrolment  # re-exported for the UI and CLI
from crf_desktop.sync.folder import (
    central_folder_problem,
    check_central_folder,
    ensure_folder,
    package_name,
    publish,
    remove_stale_partials,
    site_outbox,
    write_file,
    write_partial,
)
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.messages import read_messages
from crf_desktop.sync.site_export import build, pending
from crf_desktop.sync.tables import present

REMINDER_AFTER = timedelta(days=7)
EXPORT_BACKUP = "export"
_FOLDER_KEY = "sync.central_folder"
_LAST_EXPORT_KEY = "sync.last_export_at"


@dataclass(frozen=True, kw_only=True)
class ExportResult:
    package: Path | None
    seq: int | None
    change_count: int
    message: str
    queries_received: int = 0
    acks_received: int = 0
    acked_seq: int = 0  # the last package the centre said it applied
    republished: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()  # centre messages refused, package not yet in the folder: the export succeeded
    folder: Path | None = None  # the central folder used
    remembered: bool = False  # no folder was given: the one remembered from the last export was used
    previous_folder: Path | None = None  # the remembered folder, when this export went elsewhere (now remembered)

    @property
    def folder_notice(self) -> str | None:
        """Which central folder was used, when the person did not name it or named another than before."""
        if self.previous_folder is not None:
            return (f"The central folder changed: this site sent to {self.previous_folder} until now and sends to "
                    f"{self.folder} from now on (the centre imports from that folder; give --to again to change it)")
        if self.remembered:
            return f"Central folder (remembered from the last export): {self.folder}"
        return None

    @property
    def needs_backup(self) -> bool:
        """A package was written: :func:`backup_after_export` follows (issue 8: a backup after each export)."""
        return self.package is not None


@dataclass(frozen=True, kw_only=True)
class BackupResult:
    name: str | None  # the backup file's name, None when it could not be written
    problem: str | None = None


@dataclass(frozen=True, kw_only=True)
class SyncStatus:
    last_export_at: datetime | None
    unsent_changes: int
    central_folder: Path | None
    reminder: bool
    last_package_seq: int = 0
    acked_seq: int = 0
    enrolled: bool = False


# -- enrolment ----------------------------------------------------------------------------------------------
def read_enrolment(path: Path, *, site: str, study: str) -> Enrolment:
    """Read a centre key or enrolment file and check it is for this site and study."""
    found = enrolment_file.read(path)
    if found.study != study:
        raise UserInputError(f"the centre key file {path} is for study {found.study}, not {study}")
    if found.site is not None and found.site != site:
        raise UserInputError(f"the enrolment file {path} was issued for site {found.site}, not site {site}; ask "
                             "the centre for this site's file")
    return found


def _pairs(identity: state.Identity) -> KeyPairs:
    """The site's own key pairs, as its identity keeps them."""
    return KeyPairs(sign_key=identity.sign_key, box_key=identity.box_key)


def _keys(session: Session) -> tuple[state.Identity, KeyPairs]:
    found = state.identity(session.site.db)
    if found is None:
        raise UserInputError(f"site {session.site_id} is not enrolled with a coordinating centre yet: the site "
                             "admin enrols it with the centre's key file (crf-desktop enrol --centre-key FILE)")
    return found, _pairs(found)


def enrol_site(session: Session, enrolment: Enrolment, *, source: str,
               randomisation: list[ListEntry] | None = None) -> str:
    """Keep the centre's keys (making this site's keys the first time), install what the file carries.

    Returns this site's key fingerprint, which the centre confirms at the first import. A site enrolled with
    one centre refuses a file from another centre key (a changed centre key is the centre's decision, made
    with a new site).
    """
    session.require(Permission.CONFIGURE_STUDY)
    if is_centre(session.site.db):
        raise UserInputError("this data directory is the coordinating centre, not a site")
    db = session.site.db
    current = state.identity(db)
    if current is not None and current.centre_sign_public != enrolment.centre_sign_public:
        raise UserInputError(f"site {session.site_id} is already enrolled with the centre key "
                             f"{current.centre_fingerprint}; this file has key {enrolment.centre_fingerprint}. "
                             "Check with the centre: a site keeps its centre for the whole study")
    keys = _pairs(current) if current else KeyPairs.generate()
    with db.atomic():
        state.save_identity(db, state.Identity(
            sign_key=keys.sign_key, box_key=keys.box_key, centre_box_public=enrolment.centre_box_public,
            centre_sign_public=enrolment.centre_sign_public, centre_fingerprint=enrolment.centre_fingerprint,
            enrolled_at=current.enrolled_at if current else iso(utcnow()), enrolment_sha256=enrolment.sha256))
        audit.append(db, user=session.user.username, action="enrolled with centre", new_value=source,
                     reason=f"centre key {enrolment.centre_fingerprint}; site key {keys.fingerprint}")
    if enrolment.configuration is not None:
        install_configuration(session, enrolment.configuration, source=source)
    if randomisation:
        load_randomisation_list(session, randomisation)
    return keys.fingerprint


def init_enrolled_site(data_dir: Path, *, site: str, study: str, admin: str, admin_name: str, password: str,
                       centre_key: Path, enrolment_code: Callable[[Enrolment], str]) -> tuple[Session, str, Enrolment]:
    """``init --centre-key``: everything in the file is checked (and the list opened) before the site is made."""
    found = read_enrolment(centre_key, site=site, study=study.upper())
    entries = found.randomisation_list(enrolment_code(found)) if found.sealed_list else []
    session, recovery_key = init_site(data_dir, site=site, study=study, admin=admin, admin_name=admin_name,
                                      password=password)
    try:
        enrol_site(session, found, source=centre_key.name, randomisation=entries)
    except BaseException:
        session.close()
        raise
    return session, recovery_key, found


def site_key_fingerprint(session: Session) -> str:
    """This site's signing-key fingerprint (the centre confirms it by phone), or a sentence when not enrolled."""
    found = state.identity(session.site.db)
    if found is None:
        return "not enrolled with a coordinating centre yet"
    return _pairs(found).fingerprint


def centre_key_fingerprint(session: Session) -> str | None:
    found = state.identity(session.site.db)
    return None if found is None else found.centre_fingerprint


# -- export -------------------------------------------------------------------------------------------------
def _set_meta(session: Session, key: str, value: str) -> None:
    session.site.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def _meta(session: Session, key: str) -> str | None:
    row = session.site.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _republish(session: Session, outbox: Path, acked: int) -> list[Path]:
    """Packages the centre has not acknowledged and the folder lacks (lost, or an export killed after commit).

    Only a missing package's bytes are read: the first package of a full trial is megabytes, and the centre
    may not have acknowledged it yet when the next export runs."""
    written = []
    for seq in state.package_seqs_after(session.site.db, acked):
        path = outbox / package_name(session.study_id, session.site_id, seq)
        if not path.exists():
            write_file(path, state.package_content(session.site.db, seq))
            written.append(path)
    return written


def remembered_folder(session: Session) -> Path | None:
    """The central folder of the last export (None before the first)."""
    found = _meta(session, _FOLDER_KEY)
    return Path(found) if found else None


def remembered_folder_problem(session: Session) -> str | None:
    """Why the remembered central folder would be refused now (e.g. a data directory remembered before this
    check existed, or a drive not connected), or None. It touches the folder: not for a status bar's timer."""
    remembered = remembered_folder(session)
    if remembered is None:
        return None
    problem = central_folder_problem(remembered, given_as="remembered from the last export")
    return None if problem is None else f"{problem}; the next export needs --to FOLDER"


def _central_folder(session: Session, given: Path | None) -> tuple[Path, bool, Path | None]:
    """(the checked folder, whether it is the remembered one, the remembered one when ``given`` differs)."""
    remembered = remembered_folder(session)
    if given is None:
        if remembered is None:
            raise UserInputError(f"site {session.site_id} has not exported yet, so it has no central folder to "
                                 "remember: give the central folder (--to FOLDER), the shared folder holding "
                                 "to-centre/ and from-centre/")
        return check_central_folder(remembered, given_as="remembered from the last export"), True, None
    folder = check_central_folder(given, given_as="the folder to export to")
    return folder, False, remembered if remembered is not None and remembered != folder else None


def _next_package_name(session: Session) -> str:
    last = state.last_package(session.site.db)
    return package_name(session.study_id, session.site_id, (last.seq if last else 0) + 1)


def _outbox_ahead(session: Session, outbox: Path, keys: KeyPairs) -> list[outbox_check.Ahead]:
    return outbox_check.ahead_of(session.site.db, outbox, study=session.study_id, site=session.site_id,
                                 sign_public=keys.sign_public)


def export_to_centre(session: Session, folder: Path | None, *,
                     progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Send every change since the last package to ``folder``, or to the remembered central folder when it is
    None (see the module docstring). A folder that is not a central folder is refused before anything is
    written, and the remembered folder stays as it was. Files in the site's folder numbered above its last package
    are read first (``sync/outbox_check.py``), before the centre's messages are applied, so a refused export
    changes nothing: a package this site signed and has no record of refuses it as a restore from an older backup;
    a stray file (a copy of its own package under another number, another site's package, a damaged file) refuses
    it when it holds the name the next package needs, and is otherwise a warning; each is named as what it is."""
    session.require(Permission.EXPORT)
    db = session.site.db
    if is_centre(db):
        raise UserInputError("this data directory is the coordinating centre: sites export, the centre imports "
                             "(crf-desktop centre import)")
    identity, keys = _keys(session)
    folder, remembered, previous = _central_folder(session, folder)
    outbox = site_outbox(folder, session.site_id)
    ensure_folder(outbox)
    remove_stale_partials(outbox, f"{session.study_id}_{session.site_id}_")
    ahead = _outbox_ahead(session, outbox, keys)
    refused = outbox_check.refusal(ahead, next_name=_next_package_name(session))
    if refused is not None:  # before the centre's messages are applied: a refused export changes nothing
        audit.append(db, user=session.user.username, action="export failed", new_value=str(folder),
                     reason=refused.message)
        raise refused
    inbox = read_messages(db, folder, study=session.study_id, site=session.site_id, keys=keys,
                          centre_sign_public=identity.centre_sign_public, user=session.user.username)
    acked = max(inbox.acked_seq, state.acked_seq(db))
    republished = _republish(session, outbox, acked)
    try:
        with db.atomic():
            todo = pending(db, progress)
            _set_meta(session, _FOLDER_KEY, str(folder))
            _set_meta(session, _LAST_EXPORT_KEY, iso(utcnow()))
            if todo.change_count == 0:
                last = todo.seq - 1
                message = (f"Nothing to send: no changes since package {last}" if last
                           else "Nothing to send: no data has been entered yet")
                audit.append(db, user=session.user.username, action="export: nothing to send",
                             new_value=str(folder),
                             reason=None if previous is None else f"central folder changed from {previous}")
                return ExportResult(package=None, seq=None, change_count=0, message=message,
                                    queries_received=inbox.queries_changed, acks_received=inbox.messages,
                                    acked_seq=acked, republished=tuple(republished),
                                    problems=(*inbox.problems, *outbox_check.warnings(ahead)),
                                    folder=folder, remembered=remembered, previous_folder=previous)
            path = outbox / package_name(session.study_id, session.site_id, todo.seq)
            if path.exists():  # e.g. a folder of that name
                raise UserInputError(f"{path} already exists and is not a package file: move it out of the folder. "
                                     "Nothing was written")
            audit.append(db, user=session.user.username, action="package exported", new_value=path.name,
                         reason=f"{todo.change_count} changes to {folder}"
                                + ("" if previous is None else f" (central folder changed from {previous})"))
            built = build(db, todo, study=session.study_id, site=session.site_id, keys=keys,
                          centre_box_public=identity.centre_box_public)
            partial = write_partial(path, built.data)
            state.record_package(db, seq=built.seq, sha256=built.sha256, user=session.user.username,
                                 change_to=built.change_to, audit_to=built.audit_to,
                                 change_count=built.change_count, folder=str(folder), content=built.data)
    except CrfError as exc:  # the folder refused, or the site's history forked: audited, nothing recorded
        audit.append(db, user=session.user.username, action="export failed", new_value=str(folder),
                     reason=exc.message)
        raise
    problems = [*inbox.problems, *outbox_check.warnings(ahead)]
    try:
        publish(partial, path)
    except (StorageError, FileExistsError) as exc:
        problems.append(f"package {built.seq} is saved at the site but could not be put in the folder ({exc}); "
                        "the next export writes it")
    if progress is not None:
        steps = len(present(db)) + 1  # one step per replicated table, then sealing and writing
        progress(steps, steps)
    return ExportResult(package=path, seq=built.seq, change_count=built.change_count,
                        message=f"Sent package {built.seq} with {built.change_count} "
                                f"{'change' if built.change_count == 1 else 'changes'} to {path}",
                        queries_received=inbox.queries_changed, acks_received=inbox.messages, acked_seq=acked,
                        republished=tuple(republished), problems=tuple(problems),
                        folder=folder, remembered=remembered, previous_folder=previous)


def take_export_backup(session: Session) -> BackupResult:
    """Copy the database into ``backups/`` after an export, through a connection of its own.

    It writes nothing through the session's connection (the database is in WAL mode: the copy reads the last
    committed state while the person goes on working), so the GUI runs it on a worker thread;
    :func:`record_export_backup` then audits it. A failure is returned, not raised: the export is complete.
    """
    session.require(Permission.EXPORT)
    try:
        conn = connect_keyed(session.data_dir / DB_FILE, session.site.db_key)
        try:
            taken = take_backup(conn, session.data_dir, session.site.db_key, EXPORT_BACKUP)
        finally:
            conn.close()
    except (OSError, CrfError, DatabaseError, DatabaseCorruptError) as exc:
        return BackupResult(name=None, problem=f"the backup after the export could not be written to "
                            f"{session.data_dir / BACKUP_DIR} ({exc}); check the free disk space. The export "
                            "itself is complete")
    return BackupResult(name=taken.name)


def record_export_backup(session: Session, result: BackupResult) -> None:
    """Audit the backup after an export (taken or failed), through the session's connection."""
    if result.name is not None:
        session.record("backup taken", new_value=result.name)
    else:
        session.record("backup failed", new_value=EXPORT_BACKUP, reason=result.problem)


def backup_after_export(session: Session) -> BackupResult:
    """The encrypted online backup that follows each export (issue 8), as its own step.

    It copies the whole database, so it costs O(database); the export itself costs O(changes) and is complete
    (package written, recorded, in the folder) before this starts. The CLI runs it right after printing the
    export's result; the GUI runs :func:`take_export_backup` in the background, then :func:`record_export_backup`.
    A failure does not undo the export: it is reported and audited; the next export or the daily backup tries
    again.
    """
    result = take_export_backup(session)
    record_export_backup(session, result)
    return result


def sync_status(session: Session) -> SyncStatus:
    """For the status bar: last export, unsent changes, the folder, and whether to remind (7 days)."""
    db = session.site.db
    unsent = state.unsent_changes(db, [r.table for r in present(db)])
    stamp = _meta(session, _LAST_EXPORT_KEY)
    last_at = parse_iso(stamp) if stamp else None
    folder = remembered_folder(session)
    stale = last_at is None or utcnow() - last_at > REMINDER_AFTER
    last = state.last_package(db)
    return SyncStatus(last_export_at=last_at, unsent_changes=unsent, central_folder=folder,
                      reminder=bool(unsent) and stale, last_package_seq=last.seq if last else 0,
                      acked_seq=state.acked_seq(db), enrolled=state.identity(db) is not None)


@dataclass(frozen=True, kw_only=True)
class NextExport:
    """What the next export sends and whether it can (``export --status``)."""

    changes: int  # the rows the next package carries
    from_centre: int  # of them, the rows the centre's waiting messages change (the export applies those first)
    folder: Path | None = None  # the central folder it would use
    folder_problem: str | None = None  # why that folder would be refused
    refused: str | None = None  # why the export would stop (a restore from backup, a stray file under the next name)
    warnings: tuple[str, ...] = ()  # stray files the export would name and go on


class _RolledBack(Exception):
    def __init__(self, found: NextExport) -> None:
        super().__init__("the preview of the next export is rolled back")
        self.found = found


def next_export(session: Session, folder: Path | None = None) -> NextExport:
    """What the next export to ``folder`` (None: the remembered central folder) sends, and whether it would stop.

    The changes: those made here since the last package, and the query changes the centre's messages waiting in
    the folder bring (the export applies those first, and the site's copies of those queries travel back in the
    package); the messages are checked and applied in a transaction that is rolled back, so nothing is kept. The
    site's own folder is read as the export reads it (``sync/outbox_check.py``). It reads the folder: for
    ``export --status``, not for a status bar's timer."""
    db = session.site.db
    tables = [r.table for r in present(db)]
    here = state.unsent_changes(db, tables)
    identity = state.identity(db)
    chosen = folder if folder is not None else remembered_folder(session)
    problem = (central_folder_problem(folder, given_as="the folder to export to") if folder is not None
               else remembered_folder_problem(session))
    if identity is None or chosen is None or problem is not None:  # the export could not read the folder
        return NextExport(changes=here, from_centre=0, folder=chosen, folder_problem=problem)
    keys = _pairs(identity)
    next_name = _next_package_name(session)
    ahead = _outbox_ahead(session, site_outbox(chosen, session.site_id), keys)
    found = NextExport(changes=here, from_centre=0, folder=chosen,
                       refused=outbox_check.would_stop(ahead, next_name=next_name),
                       warnings=tuple(outbox_check.warnings(outbox_check.not_stopping(ahead, next_name=next_name))))
    try:
        with db.atomic():
            read_messages(db, chosen, study=session.study_id, site=session.site_id, keys=keys,
                          centre_sign_public=identity.centre_sign_public, user=session.user.username)
            total = state.unsent_changes(db, tables)
            raise _RolledBack(replace(found, changes=total, from_centre=total - here))
    except _RolledBack as preview:
        return preview.found
    except (OSError, CrfError):  # the folder cannot be read now: the export will say why; count what is here
        return found
