"""More demo sites for the demo centre: ``crf-desktop demo --site 02 --join-centre DIR`` (issue 8).

The demo centre enrols the new site as a real centre does: a signed enrolment file with the study configuration
and a sealed randomisation list of the site's own, its enrolment code handed over in memory (the demo's stand-in
for the phone call). The site is initialised from that file, gets the demo users and the demo's subjects (with
the site's own ids: 02-001, ...), and sends its first package to the demo's central folder, beside site 01's.

Everything that can be checked is checked before anything is written. The site is built in a hidden folder beside
``--data-dir`` and renamed into place only once complete and exported, so a failure leaves no data directory
behind. The centre's enrolment comes first (the site is made from it); if the site then cannot be built, that
enrolment is unused and the same command may simply be run again: a site the demo enrolled that never sent a
package is enrolled afresh, any other enrolled site number is taken.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.errors import AuthenticationError, UserInputError
from crf_desktop.core.ids import site_id
from crf_desktop.forms.study_config import DEFAULT_STUDY_CONFIGURATION
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.demo import (
    PASSWORD_FILE,
    add_demo_users,
    demo_passwords,
    demo_randomisation_list,
    fill_demo,
    read_demo_passwords,
)
from crf_desktop.services.demo_centre import CENTRE_KEY_FILE, DemoCentre
from crf_desktop.services.session import Session, login
from crf_desktop.store.datadir import fsync_dir, is_site
from crf_desktop.sync.folder import ensure_folder, site_outbox

CENTRE_SUFFIX, EXCHANGE_SUFFIX = "-centre", "-exchange"  # as demo_centre.demo_centre_paths names them
CENTRE_ADMIN = "admin"


@dataclass(frozen=True, kw_only=True)
class JoinedSite:
    data_dir: Path
    site: str
    centre: DemoCentre
    passwords: dict[str, str]
    subjects: tuple[str, ...]
    fingerprint: str  # the new site's key fingerprint, pinned by the centre at its next import
    centre_passwords: Path  # the file with the demo centre's users' passwords
    export: sync_service.ExportResult


def demo_centre_at(centre_dir: Path) -> DemoCentre:
    """The demo centre in ``centre_dir`` (its central folder beside it), or a UserInputError saying why not."""
    hint = ("give the demo centre's folder, the one crf-desktop demo made beside the first demo site (named "
            f"<demo>{CENTRE_SUFFIX})")
    if not centre_dir.exists():
        raise UserInputError(f"--join-centre {centre_dir} does not exist; {hint}")
    if not centre_dir.is_dir():
        raise UserInputError(f"--join-centre {centre_dir} is a file, not a folder; {hint}")
    if not is_site(centre_dir):
        raise UserInputError(f"--join-centre {centre_dir} is not a crf-desktop data directory; {hint}")
    if not centre_dir.name.endswith(CENTRE_SUFFIX) or not (centre_dir / CENTRE_KEY_FILE).is_file():
        raise UserInputError(f"--join-centre {centre_dir} is not a demo centre (it has no {CENTRE_KEY_FILE}, or its "
                             f"name does not end in {CENTRE_SUFFIX}); {hint}. A real centre enrols a site with "
                             "crf-desktop centre enrol, and the site starts with crf-desktop init --centre-key")
    demo = centre_dir.name.removesuffix(CENTRE_SUFFIX)
    return DemoCentre(data_dir=centre_dir, folder=centre_dir.with_name(f"{demo}{EXCHANGE_SUFFIX}"),
                      key_file=centre_dir / CENTRE_KEY_FILE)


def _centre_password(centre: DemoCentre) -> tuple[str, Path]:
    """The demo centre admin's password, and the file it is in."""
    # demo centres made before the centre kept its own password file share site 01's (the demo beside it)
    for where in (centre.data_dir, centre.data_dir.with_name(centre.data_dir.name.removesuffix(CENTRE_SUFFIX))):
        found = read_demo_passwords(where).get(CENTRE_ADMIN)
        if found:
            return found, where / PASSWORD_FILE
    raise UserInputError(f"--join-centre {centre.data_dir} is not a demo centre: it keeps no demo passwords "
                         "(demo-passwords.txt); only a centre made by crf-desktop demo can enrol demo sites")


def _taken(session: Session, centre: DemoCentre, number: str) -> str | None:
    """Why ``number`` cannot be the new site's, or None."""
    outbox = site_outbox(centre.folder, number)
    sent = outbox.is_dir() and any(outbox.iterdir())
    for known in centre_service.pinned_sites(session):
        if known.site != number:
            continue
        by_demo = (centre.data_dir / _enrolment_name(number)).is_file()
        if known.fingerprint is not None or known.last_seq or sent or not by_demo:
            return (f"site {number} is already enrolled at the demo centre {centre.data_dir}; choose another "
                    "--site number")
    if sent:
        return (f"the central folder {centre.folder} already holds packages from a site {number}; choose another "
                "--site number")
    return None


def _enrolment_name(number: str) -> str:
    return f"enrolment-{number}.json"


def _enrol(centre: DemoCentre, number: str, password: str) -> tuple[Path, str, str]:
    """Enrol ``number`` at the demo centre: its enrolment file, the list's enrolment code and the study."""
    try:
        session = login(centre.data_dir, CENTRE_ADMIN, password)
    except AuthenticationError as exc:
        raise UserInputError(f"the demo centre {centre.data_dir} did not accept its demo admin password ({exc}); "
                             "was its password changed? Nothing was written") from None
    try:
        if not centre_service.is_centre_dir(session):
            raise UserInputError(f"--join-centre {centre.data_dir} is a site, not a coordinating centre; give the "
                                 f"demo centre's folder (named <demo>{CENTRE_SUFFIX})")
        why = _taken(session, centre, number)
        if why is not None:
            raise UserInputError(why)
        ensure_folder(centre.folder)
        codes: list[str] = []
        out = centre_service.issue_enrolment(
            session, site=number, out=centre.data_dir / _enrolment_name(number), config=DEFAULT_STUDY_CONFIGURATION,
            randomisation_list=demo_randomisation_list(number), on_code=codes.append)
        return out, codes[0], session.study_id
    finally:
        session.close()


def _build(staging: Path, *, number: str, study: str, enrolment: Path, code: str,
           passwords: dict[str, str], folder: Path) -> tuple[list[str], str, sync_service.ExportResult]:
    admin, _recovery, _found = sync_service.init_enrolled_site(
        staging, site=number, study=study, admin=CENTRE_ADMIN, admin_name="Demo Admin", password=passwords["admin"],
        centre_key=enrolment, enrolment_code=lambda _enrolment: code)
    try:
        fingerprint = sync_service.site_key_fingerprint(admin)
        add_demo_users(admin, passwords)
    finally:
        admin.close()
    subjects = fill_demo(staging, passwords)
    coordinator = login(staging, "coordinator", passwords["coordinator"])
    try:
        sent = sync_service.export_to_centre(coordinator, folder)
    finally:
        coordinator.close()
    return subjects, fingerprint, sent


def join_demo_centre(data_dir: Path, *, site: str, centre_dir: Path, shared_password: str | None = None) -> JoinedSite:
    """Enrol demo site ``site`` at the demo centre in ``centre_dir``, create it in ``data_dir``, export once."""
    number = site_id(site.strip())
    if data_dir.exists() or data_dir.is_symlink():
        raise UserInputError(f"{data_dir} already exists: a new demo site needs a new folder, choose another "
                             f"--data-dir (an existing demo site opens with: crf-desktop demo --data-dir {data_dir})")
    if not data_dir.parent.is_dir():
        raise UserInputError(f"the folder {data_dir.parent} of --data-dir {data_dir} does not exist")
    centre = demo_centre_at(centre_dir)
    if data_dir.resolve() in (centre.data_dir.resolve(), centre.folder.resolve()):
        raise UserInputError(f"--data-dir {data_dir} is the demo centre's own folder; choose a new one")
    centre_password, password_file = _centre_password(centre)
    passwords = demo_passwords(shared_password)
    enrolment, code, study = _enrol(centre, number, centre_password)
    staging = data_dir.with_name(f".{data_dir.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)  # a run killed before its rename
    try:
        subjects, fingerprint, sent = _build(staging, number=number, study=study, enrolment=enrolment, code=code,
                                             passwords=passwords, folder=centre.folder)
        staging.rename(data_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_dir(data_dir.parent)
    return JoinedSite(data_dir=data_dir, site=number, centre=centre, passwords=passwords, subjects=tuple(subjects),
                      fingerprint=fingerprint, centre_passwords=password_file, export=sent)
