"""A real centre and site 01 for the study unblinding tests (issue 8), built once and copied for each test.

The centre enrols site 01 with a randomisation list of two entries (kept by the centre from then on); the
site's admin later loads an extension of two more entries locally (as a site enrolled before the centre kept
lists would have it: the centre never saw them). A coordinator randomises three eligible subjects (sequences
1, 2, 3), exports, and the centre imports. So the centre knows the arms of the first two subjects and not of the
third until its list is given as a CSV file.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.randomisation import ARM_MMF, ARM_MSC, load_randomisation_list, randomise
from crf_desktop.services.session import Session, init_site, login
from crf_desktop.store.randomisation import ListEntry
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD
from tests.services.test_eligibility_service import lab_ranges, screen

CENTRE_PASSWORD = "centre-pass-789"
STUDY = "NCT03580291"
#: Site 01's list as the centre made it: sequence, randomisation number, both kits, arm (A: MSC, B: MMF).
LIST = [ListEntry(seq=n, rand_no=f"R01-{n:03d}", msc_kit=f"MSC-{n:04d}", mmf_kit=f"MMF-{n:04d}",
                  arm=ARM_MSC if n in (1, 4) else ARM_MMF) for n in range(1, 5)]
ENROLMENT_LIST = LIST[:2]  # sealed into the enrolment file, so kept by the centre
LOCAL_EXTENSION = LIST[2:]  # loaded at the site only


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
