"""The coordinating centre (issue 8): its database and keys, enrolling sites, importing packages, queries.

The centre's data directory is built like a site's (SQLCipher database, key file, recovery key, users, audit
trail), marked as a centre, with the centre's own tables (``store/centre.py``). Its first user is the
administrator; at the centre the administrator also holds the data manager's work (import, enrol, queries),
which a site's administrator never does. Data managers and monitors of the centre raise and close queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.errors import CrfError, DataDirError, StorageError, UserInputError
from crf_desktop.core.ids import STUDY, site_id, username
from crf_desktop.core.passwords import check_password
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.services.centre_access import MANAGE, QUERY, centre_keys, require_centre
from crf_desktop.services.centre_dataset import build_dataset
from crf_desktop.services.centre_queries import CentreQuery as CentreQuery
from crf_desktop.services.centre_queries import close_query as close_query
from crf_desktop.services.centre_queries import list_queries as list_queries
from crf_desktop.services.centre_queries import raise_query as raise_query
from crf_desktop.services.centre_queries import reopen_query as reopen_query
from crf_desktop.services.centre_unblinding import (
    check_enrolment_list,
    data_after_lock,
    keep_enrolment_list,
    refuse_after_lock,
)
from crf_desktop.services.session import Session, login
from crf_desktop.store import audit
from crf_desktop.store import centre as store
from crf_desktop.store.datadir import DB_FILE, KEY_FILE, is_site, write_atomic
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.store.site import create_site
from crf_desktop.store.site_identity import CENTRE_SITE_ID, read_site_identity
from crf_desktop.store.users import get as get_user
from crf_desktop.sync import enrolment as enrolment_file
from crf_desktop.sync.centre_import import ImportReport as ImportReport  # re-exported for the UI and CLI
from crf_desktop.sync.centre_import import SiteReport as SiteReport
from crf_desktop.sync.centre_import import import_folder
from crf_desktop.sync.dataset import TrialDataset
from crf_desktop.sync.folder import TO_CENTRE, check_central_folder, ensure_folder
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.messages import write_messages

CentreSession = Session  # a Session whose data directory is a centre
def is_centre_dir(session: Session) -> bool:
    return store.is_centre(session.site.db)


def holds_centre(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds the coordinating centre, read from its key file without unlocking anything.

    ``init_centre`` names the centre's key file for :data:`CENTRE_SITE_ID`, a name no site can have (a site is a
    number); once logged in, :func:`is_centre_dir` asks the database. A folder that is no data directory, or whose
    key file cannot be read, is not a centre (the command that opens it then says what is wrong)."""
    if not data_dir.is_dir() or not is_site(data_dir):
        return False
    try:
        return read_site_identity(data_dir)[0] == CENTRE_SITE_ID
    except CrfError:
        return False


def refuse_existing_data(data_dir: Path, *, making: str) -> None:
    """DataDirError naming what ``data_dir`` already holds (the coordinating centre, or site NN), before ``making``
    (a sentence's subject: ``A coordinating centre``, ``Site 02``) is created there; call it before anything is
    asked or written."""
    if not data_dir.is_dir() or not is_site(data_dir):
        return  # a new, empty or foreign folder: creating the site or centre says what is wrong with it, if anything
    try:
        site, study = read_site_identity(data_dir)
    except CrfError:
        held, opened = "crf-desktop data", f"check it with: crf-desktop verify --data-dir {data_dir}"
    else:
        if site == CENTRE_SITE_ID:
            held = f"the coordinating centre of study {study}"
            opened = f"it is used with the centre commands, e.g. crf-desktop centre sites --data-dir {data_dir}"
        else:
            held, opened = f"site {site} of study {study}", f"it opens with: crf-desktop --data-dir {data_dir}"
    raise DataDirError(f"{data_dir} already holds {held}; nothing was created. {making} needs an empty folder of its "
                       f"own: choose another --data-dir ({opened})")


# -- set-up -------------------------------------------------------------------------------------------------
def init_centre(data_dir: Path, *, admin: str, admin_name: str, password: str,
                out_key: Path) -> tuple[Session, str]:
    """Create the centre's database and keys; write its public key file to ``out_key``; returns the recovery key."""
    refuse_existing_data(data_dir, making="A coordinating centre")
    name = username(admin)
    check_password(password, username=name)
    if out_key.is_dir():
        raise UserInputError(f"--out-key {out_key} is a folder; give a file name, e.g. centre-key.json")
    if not out_key.parent.is_dir():
        raise UserInputError(f"the folder of --out-key {out_key} does not exist")
    if out_key.exists():
        raise UserInputError(f"--out-key {out_key} already exists (another centre's key file?); nothing was created. "
                             "Give a new file name, or move the old file away first")
    opened, recovery_key = create_site(data_dir, site=CENTRE_SITE_ID, study=STUDY, admin=name,
                                       admin_name=admin_name.strip() or name, password=password)
    keys = KeyPairs.generate()
    db = opened.db
    with db.atomic():
        store.mark_centre(db)
        store.save_keys(db, sign_key=keys.sign_key, box_key=keys.box_key)
        audit.append(db, user=name, action="centre created", new_value=f"study {STUDY}",
                     reason=f"centre key {keys.fingerprint}")
    user = get_user(db, name)
    assert user is not None  # noqa: S101
    session = Session(site=opened, user=user)
    write_key_file(session, out_key)
    return session, recovery_key


def write_key_file(session: Session, out: Path) -> Path:
    """The centre's public key file (any site may read it: it holds no secret)."""
    keys = centre_keys(session)
    data, _code = enrolment_file.make(keys, study=session.study_id, site=None, issued_at=iso(utcnow()))
    write_atomic(out, data)
    return out


def centre_fingerprint(session: Session) -> str:
    return centre_keys(session).fingerprint


def issue_enrolment(session: Session, *, site: str, out: Path, config: StudyConfiguration | None = None,
                    randomisation_list: list[ListEntry] | None = None,
                    on_code: Callable[[str], None] | None = None) -> Path:
    """Enrol ``site`` and write its signed enrolment file to ``out``.

    With a randomisation list, the list is sealed with a one-time enrolment code, handed to ``on_code`` (which
    must show it to the person who gives it to the site admin by another way than the file).
    """
    require_centre(session, MANAGE, "enrol sites")
    number = site_id(site)
    refuse_after_lock(session, f"no site can be enrolled or have its enrolment file re-issued (site {number})")
    if randomisation_list and on_code is None:
        raise UserInputError("a randomisation list needs its enrolment code shown: nothing was written")
    if randomisation_list:
        check_enrolment_list(session, number, randomisation_list)
    keys = centre_keys(session)
    data, code = enrolment_file.make(keys, study=session.study_id, site=number, issued_at=iso(utcnow()),
                                     configuration=config, randomisation=randomisation_list)
    write_atomic(out, data)
    db = session.site.db
    with db.atomic():
        new = store.enrol(db, number, session.user.username)
        audit.append(db, user=session.user.username, action="site enrolled" if new else "enrolment re-issued",
                     field=f"site {number}", new_value=out.name,
                     reason=f"{len(randomisation_list or [])} randomisation entries; "
                            f"configuration {'included' if config else 'default'}")
        if randomisation_list:  # the centre keeps the list for unblinding the study at database lock
            keep_enrolment_list(session, number, randomisation_list, source=out.name)
    if code is not None and on_code is not None:
        on_code(code)
    return out


def _sites_folder(folder: Path, *, given_as: str) -> Path:
    """``folder`` resolved when it is the central folder the sites export to (it has ``to-centre/``), else
    UserInputError saying so; nothing is read or written."""
    folder = check_central_folder(folder, given_as=given_as)
    if not (folder / TO_CENTRE).is_dir():
        raise UserInputError(f"{folder} has no {TO_CENTRE}/ folder: it is not the central folder, or no site has "
                             "exported into it yet. Choose the folder the sites export to; nothing was written")
    return folder


# -- import -------------------------------------------------------------------------------------------------
def import_packages(session: Session, folder: Path, *,
                    progress: Callable[[int, int], object] | None = None) -> ImportReport:
    """Apply every site's new packages from ``folder``, then write acknowledgements and queries back."""
    require_centre(session, MANAGE, "import site packages")
    folder = _sites_folder(folder, given_as="the folder to import from")
    keys = centre_keys(session)
    db = session.site.db
    report = import_folder(db, folder, study=session.study_id, centre=keys, user=session.user.username,
                           progress=progress)
    # after the database lock the packages still apply (nothing a site sends is lost), said per site, audited
    problems = data_after_lock(session, [(s.site, s.applied) for s in report.sites])
    try:
        written = send_messages(session, folder)
    except StorageError as exc:
        written = []
        problems.append(f"acknowledgements and queries could not be written to the sites ({exc}); they go with "
                        "the next import")
    audit.append(db, user=session.user.username, action="import run", new_value=str(folder),
                 reason=f"{report.applied} package(s) applied; {len(written)} message(s) to sites")
    return replace(report, messages=tuple(p.name for p in written), problems=tuple(problems))


def send_messages(session: Session, folder: Path) -> list[Path]:
    """Acknowledgements and query changes for every site, under ``from-centre/<site>/``; only into the central
    folder the sites export to (a message written anywhere else would never reach them)."""
    require_centre(session, QUERY, "send messages to sites")
    folder = _sites_folder(folder, given_as="the folder to send to")
    ensure_folder(folder)
    return write_messages(session.site.db, folder, study=session.study_id, centre=centre_keys(session))


@dataclass(frozen=True, kw_only=True)
class PinnedSite:
    site: str
    fingerprint: str | None  # None until the first package arrives
    pinned_at: str | None
    last_seq: int
    last_import_at: str | None


def pinned_sites(session: Session) -> list[PinnedSite]:
    require_centre(session, QUERY, "see the sites")
    return [PinnedSite(site=s.site, fingerprint=s.fingerprint, pinned_at=s.pinned_at, last_seq=s.last_seq,
                       last_import_at=s.last_import_at) for s in store.sites(session.site.db)]


def trial_dataset(session: Session) -> TrialDataset:
    """Everything imported, as the CSV and ODM writers read it (arms only once the study is unblinded)."""
    require_centre(session, MANAGE, "export the trial's data")
    return build_dataset(session.site.db, study=session.study_id, user=session.user.username)


def open_centre(data_dir: Path, user: str, password: str) -> Session:
    """Log in to a centre's data directory (refuses a site's)."""
    if not data_dir.exists():  # the site's own message would say to create a site (crf-desktop init)
        raise DataDirError(f"the centre's data directory {data_dir} does not exist; check --data-dir, or create "
                           "the coordinating centre there with: crf-desktop centre init")
    if data_dir.is_dir() and not is_site(data_dir):
        raise DataDirError(f"{data_dir} is not a crf-desktop data directory (it has no {DB_FILE} or {KEY_FILE}); "
                           "check --data-dir (a coordinating centre is created in an empty folder with: "
                           "crf-desktop centre init)")
    session = login(data_dir, user, password)
    if not store.is_centre(session.site.db):
        session.close()
        raise UserInputError(f"{data_dir} is a site, not the coordinating centre; check --data-dir")
    return session
