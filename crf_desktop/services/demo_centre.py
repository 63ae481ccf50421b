"""The demo's coordinating centre, beside the demo site, so a new user can try the whole sync loop.

``crf-desktop demo`` without ``--centre-key`` creates ``<demo>-centre`` (the centre: users ``admin`` and
``datamanager``, same passwords as the demo site's) and ``<demo>-exchange`` (the central folder), enrols the demo
site with the centre and exports the demo's data once, so the centre can import it at once.
The centre keeps its demo passwords in ``demo-passwords.txt`` too: ``demo --join-centre`` reads them
there to enrol more demo sites (``services/demo_join.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import centre_unblinding
from crf_desktop.services import sync as sync_service
from crf_desktop.services.demo import demo_randomisation_list, write_demo_passwords
from crf_desktop.services.session import login
from crf_desktop.store import users

CENTRE_KEY_FILE = "centre-key.json"


@dataclass(frozen=True, kw_only=True)
class DemoCentre:
    data_dir: Path
    folder: Path
    key_file: Path


def demo_centre_paths(site_dir: Path) -> DemoCentre:
    centre_dir = site_dir.with_name(f"{site_dir.name}-centre")
    return DemoCentre(data_dir=centre_dir, folder=site_dir.with_name(f"{site_dir.name}-exchange"),
                      key_file=centre_dir / CENTRE_KEY_FILE)


def create_demo_centre(site_dir: Path, passwords: dict[str, str]) -> DemoCentre:
    """Create the demo centre (if missing) and its exchange folder; enrol site 01 there."""
    paths = demo_centre_paths(site_dir)
    if not paths.data_dir.exists():
        key_tmp = site_dir.with_name(f".{site_dir.name}-centre-key.json")
        key_tmp.unlink(missing_ok=True)  # left by an interrupted run; init_centre never writes over a key file
        session, _recovery = centre_service.init_centre(paths.data_dir, admin="admin", admin_name="Demo Centre Admin",
                                                        password=passwords["admin"], out_key=key_tmp)
        try:
            session.add_user(username="datamanager", full_name="Chen Jie (demo data manager)",
                             role=Role.DATA_MANAGER, password=passwords["datamanager"])
            users.update(session.site.db, "datamanager", must_change_password=False)
            # what makes it a demo centre that ``demo --join-centre`` may enrol more demo sites with
            write_demo_passwords(paths.data_dir, {name: passwords[name] for name in ("admin", "datamanager")})
            centre_service.write_key_file(session, paths.key_file)
            centre_service.issue_enrolment(session, site="01", out=paths.data_dir / "enrolment-01.json")
            # site 01 loads the same list itself (demo.py); the centre keeps its copy, as ``centre enrol
            # --randomisation`` would, so the demo study can be unblinded at database lock without a CSV
            with session.site.db.atomic():
                centre_unblinding.keep_enrolment_list(session, "01", demo_randomisation_list("01"),
                                                      source="enrolment-01.json")
        finally:
            session.close()
        key_tmp.unlink(missing_ok=True)
    paths.folder.mkdir(exist_ok=True)
    return paths


def enrol_and_export(site_dir: Path, centre_key: Path, passwords: dict[str, str], folder: Path | None) -> str:
    """Enrol the demo site with ``centre_key`` (admin), then export once (coordinator) when a folder is given."""
    admin = login(site_dir, "admin", passwords["admin"])
    try:
        found = sync_service.read_enrolment(centre_key, site=admin.site_id, study=admin.study_id)
        fingerprint = sync_service.enrol_site(admin, found, source=centre_key.name)
    finally:
        admin.close()
    if folder is not None:
        coordinator = login(site_dir, "coordinator", passwords["coordinator"])
        try:
            sync_service.export_to_centre(coordinator, folder)
        finally:
            coordinator.close()
    return fingerprint
