"""A real centre and site 01 for the study unblinding tests (issue 8), built once and copied for each test.

The centre enrols site 01 with a randomisation list of two entries (kept by the centre from then on); the
site's admin later loads an extension of two more entries locally (as a site enrolled before the centre kept
lists would have it: the centre never saw them). A coordinator randomises three eligible subjects (sequences
1, 2, 3), exports, and the centre imports. So the centre knows the arms of the first two subjects and not of the
third until its list is given as a CSV file.

Building the world costs about 2 s (every password is wrapped with Argon2id): :func:`fresh_world` builds it once
per test process and gives each test a copy of its own, like ``tests/conftest.py``'s ``SiteTemplates``.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from crf_desktop.core import clock
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.centre_unblinding import unblind_study
from crf_desktop.services.randomisation import ARM_MMF, ARM_MSC, load_randomisation_list, randomise
from crf_desktop.services.session import Session, init_site, login
from crf_desktop.store import users
from crf_desktop.store.centre_unblinding import StudyUnblinding
from crf_desktop.store.randomisation import ListEntry
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from tests.services.test_eligibility_service import lab_ranges, screen
from tests.sync.conftest import save_consent

CENTRE_PASSWORD = "centre-pass-789"
STUDY = "NCT03580291"
#: Site 01's list as the centre made it: sequence, randomisation number, both kits, arm (A: MSC, B: MMF).
LIST = [ListEntry(seq=n, rand_no=f"R01-{n:03d}", msc_kit=f"MSC-{n:04d}", mmf_kit=f"MMF-{n:04d}",
                  arm=ARM_MSC if n in (1, 4) else ARM_MMF) for n in range(1, 5)]
ENROLMENT_LIST = LIST[:2]  # sealed into the enrolment file, so kept by the centre
LOCAL_EXTENSION = LIST[2:]  # loaded at the site only
#: The reason a data manager gives for the unblinding (the database lock) unless a test gives another.
LOCK_REASON = "Database locked on 2026-11-20 for the final analysis"


@dataclass(frozen=True)
class World:
    root: Path
    subjects: tuple[str, str, str]  # randomised with sequences 1, 2, 3

    @property
    def centre_dir(self) -> Path:
        return self.root / "centre"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def folder(self) -> Path:
        return self.root / "central"

    def centre(self, user: str = "dm", password: str = CENTRE_PASSWORD) -> Session:
        return login(self.centre_dir, user, password)

    def coordinator(self) -> Session:
        return login(self.site_dir, "coordinator", USER_PASSWORD)

    def add_centre_user(self, username: str, full_name: str, role: Role) -> None:
        """The centre's admin adds a user with the centre password, ready to log in (no change asked)."""
        admin = self.centre()
        try:
            admin.add_user(username=username, full_name=full_name, role=role, password=CENTRE_PASSWORD)
            users.update(admin.site.db, username, must_change_password=False)
        finally:
            admin.close()

    def full_list(self) -> Path:
        """Site 01's whole list (the enrolment's entries and the site's extension) as the CSV file the centre's
        statistician gives at unblinding."""
        return write_list(self.root / "site-01.csv", LIST)

    def lock(self) -> StudyUnblinding:
        """The data manager unblinds the study (the database lock) with site 01's whole list."""
        centre = self.centre()
        try:
            return unblind_the_study(centre, [self.full_list()])
        finally:
            centre.close()

    def send_consent_change(self) -> sync_service.ExportResult:
        """The coordinator corrects the first subject's consent (now obtained by Dr Li) and exports the change."""
        site = self.coordinator()
        try:
            save_consent(site, self.subjects[0], "Dr Li", reason="name of the person corrected")
            return sync_service.export_to_centre(site, self.folder)
        finally:
            site.close()


def unblind_the_study(session: Session, files: list[Path] | None = None, **changes: str) -> StudyUnblinding:
    """``unblind_study`` as the data manager fills it in (the centre password, :data:`LOCK_REASON`, the study id
    typed exactly), with ``changes`` to any of these."""
    values = {"password": CENTRE_PASSWORD, "reason": LOCK_REASON, "confirm_study_id": STUDY, **changes}
    return unblind_study(session, randomisation_files=files, **values)


def write_list(path: Path, entries: list[ListEntry]) -> Path:
    """A list as the centre's statistician gives it: CSV with a header, UTF-8 with a byte-order mark."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["seq", "rand_no", "msc_kit", "mmf_kit", "arm"])
        writer.writerows([e.seq, e.rand_no, e.msc_kit, e.mmf_kit, e.arm] for e in entries)
    return path


def build_world(root: Path) -> World:
    root.mkdir(parents=True, exist_ok=True)
    centre, _recovery = centre_service.init_centre(root / "centre", admin="dm", admin_name="Dana Manager",
                                                   password=CENTRE_PASSWORD, out_key=root / "centre-key.json")
    codes: list[str] = []
    try:
        centre_service.issue_enrolment(centre, site="01", out=root / "enrol-01.json",
                                       randomisation_list=ENROLMENT_LIST, on_code=codes.append)
    finally:
        centre.close()
    admin, _key = init_site(root / "site", site="01", study=STUDY, admin="admin", admin_name="Ada Admin",
                            password=ADMIN_PASSWORD)
    try:
        found = sync_service.read_enrolment(root / "enrol-01.json", site="01", study=STUDY)
        sync_service.enrol_site(admin, found, source="enrol-01.json", randomisation=found.randomisation_list(codes[0]))
        load_randomisation_list(admin, LOCAL_EXTENSION)
        admin.add_user(username="coordinator", full_name="Cora Coordinator", role=Role.COORDINATOR,
                       password="temporary-1")
    finally:
        admin.close()
    first = login(root / "site", "coordinator", "temporary-1")
    first.change_own_password("temporary-1", USER_PASSWORD)
    first.close()
    (root / "central").mkdir()
    world = World(root=root, subjects=("", "", ""))
    session = world.coordinator()
    try:
        lab_ranges(session)
        subjects = tuple(screen(session, initials=initials) for initials in ("AA", "BB", "CC"))
        for subject in subjects:
            randomise(session, subject)
        sync_service.export_to_centre(session, world.folder)
    finally:
        session.close()
    centre = world.centre()
    try:
        assert centre_service.import_packages(centre, world.folder).ok
    finally:
        centre.close()
    return World(root=root, subjects=(subjects[0], subjects[1], subjects[2]))


def copy_world(template: World, target: Path) -> World:
    shutil.copytree(template.root, target, ignore=shutil.ignore_patterns("site.lock"))
    return World(root=target, subjects=template.subjects)


_templates: dict[Path, World] = {}  # per test session (its base temporary folder): the world built once


def fresh_world(tmp_path_factory: pytest.TempPathFactory, target: Path) -> World:
    """A copy at ``target`` of the world this test process built first (building it if none has yet)."""
    base = tmp_path_factory.getbasetemp()
    if base not in _templates:
        test_clock = clock._clock  # noqa: SLF001 - built on the real clock, whatever the first test has set
        clock.set_clock(None)
        try:
            _templates[base] = build_world(tmp_path_factory.mktemp("unblinding-world") / "world")
        finally:
            clock.set_clock(test_clock)
    return copy_world(_templates[base], target)
