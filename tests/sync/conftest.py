"""Fixtures for sync: a real centre, a site enrolled with it, a central folder, and edits a coordinator makes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.records import save_record
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import register_subject
from crf_desktop.store.backup import list_backups
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture

CENTRE_PASSWORD = "centre-pass-789"


@dataclass
class CentreFixture:
    data_dir: Path
    key_file: Path

    def login(self) -> Session:
        return login(self.data_dir, "dm", CENTRE_PASSWORD)


@pytest.fixture(scope="session")
def centre_template(tmp_path_factory: pytest.TempPathFactory) -> CentreFixture:
    """One centre per test process, copied for each test (its set-up wraps a password with Argon2id)."""
    folder = tmp_path_factory.mktemp("centre-template")
    key_file = folder / "centre-key.json"
    session, _recovery = centre_service.init_centre(folder / "centre", admin="dm", admin_name="Dana Manager",
                                                    password=CENTRE_PASSWORD, out_key=key_file)
    session.close()
    return CentreFixture(folder / "centre", key_file)


@pytest.fixture
def centre(tmp_path: Path, centre_template: CentreFixture) -> CentreFixture:
    """A fresh centre of the test's own (a copy of the template), with its public key file beside it."""
    shutil.copytree(centre_template.data_dir, tmp_path / "centre")
    shutil.copyfile(centre_template.key_file, tmp_path / "centre-key.json")
    return CentreFixture(tmp_path / "centre", tmp_path / "centre-key.json")


def enrol(site: SiteFixture, centre: CentreFixture, site_id: str = "01") -> str:
    """The centre enrols the site; the site admin enrols with the centre's key file. Returns the site key print."""
    session = centre.login()
    try:
        centre_service.issue_enrolment(session, site=site_id, out=centre.key_file.with_name(f"enrol-{site_id}.json"))
    finally:
        session.close()
    admin = site.login("admin", ADMIN_PASSWORD)
    try:
        found = sync_service.read_enrolment(centre.key_file.with_name(f"enrol-{site_id}.json"), site=site_id,
                                            study="NCT03580291")
        return sync_service.enrol_site(admin, found, source="enrol.json")
    finally:
        admin.close()


@pytest.fixture
def enrolled(site_with_users: SiteFixture, centre: CentreFixture) -> SiteFixture:
    enrol(site_with_users, centre)
    return site_with_users


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "central"
    path.mkdir()
    return path


def coordinator(site: SiteFixture) -> Session:
    return login(site.data_dir, "coordinator", USER_PASSWORD)


def add_subject(session: Session, initials: str = "AB") -> str:
    """Register a subject and save its consent form: two replicated rows and their versions."""
    sid = register_subject(session, initials=initials, birth_year=1990, sex="F").subject_id
    save_consent(session, sid, "Dr Wang")
    return sid


def save_consent(session: Session, sid: str, by: str, reason: str | None = None) -> None:
    day = (session.today() - timedelta(days=3)).isoformat()
    outcome = save_record(session, subject_id=sid, visit="screening", form_id="consent", raw={
        "consent_version": "2.1", "consent_version_date": "2018-06-01", "consent_date": day,
        "consent_obtained_by": by, "consent_copy_given": "Y"}, reason=reason)
    assert outcome.saved, outcome.refused


def subject_at_centre(site: SiteFixture, folder: Path, centre_session: Session) -> str:
    """A new subject with its consent, exported by the site and imported at the centre (which writes its
    acknowledgement back into ``folder``); its id."""
    session = coordinator(site)
    try:
        sid = add_subject(session)
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    centre_service.import_packages(centre_session, folder)
    return sid


def export(site: SiteFixture, folder: Path) -> sync_service.ExportResult:
    session = coordinator(site)
    try:
        return sync_service.export_to_centre(session, folder)
    finally:
        session.close()


def import_all(centre: CentreFixture, folder: Path) -> centre_service.ImportReport:
    session = centre.login()
    try:
        return centre_service.import_packages(session, folder)
    finally:
        session.close()


@pytest.fixture
def centre_session(centre: CentreFixture) -> Iterator[Session]:
    session = centre.login()
    yield session
    session.close()


def two_packages_and_the_backup_between(site: SiteFixture, folder: Path, tmp_path: Path) -> Path:
    """Package 1 (a subject and its consent), the backup taken after it (copied aside and returned), then
    package 2 (the consent corrected): the start of every story of a site restored from an older backup."""
    session = coordinator(site)
    try:
        sid = add_subject(session)
        sync_service.export_to_centre(session, folder)
        sync_service.backup_after_export(session)  # the step that follows each export (CLI, GUI)
        (after_first,) = [b for b in list_backups(site.data_dir) if b.reason == "export"]
        kept = tmp_path / "after-package-1.db"
        shutil.copy(after_first.path, kept)
        save_consent(session, sid, "Dr Li", reason="corrected")
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    return kept
