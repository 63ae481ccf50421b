"""The whole measured trial: a coordinating centre, the full trial entered at one site (the worst case for a
site's export), the same number of subjects spread over the centre's sites (whose packages the centre
imports), and the 1,000-subject dashboard site. Built once per run; the sites are built two at a time."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchmarks.dataset import PASSWORD, BuiltSite, build_trial_site, grow_site
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.store import users

FULL_SITE = "01"


@dataclass(frozen=True, kw_only=True)
class Trial:
    centre: Path
    full: BuiltSite  # the whole trial at one site
    sites: tuple[BuiltSite, ...]  # the trial spread over the centre's sites
    dashboard: BuiltSite


def site_numbers(count: int) -> list[str]:
    return [f"{number:02d}" for number in range(2, 2 + count)]


def _build_centre(folder: Path, sites: list[str]) -> dict[str, Path]:
    session, _recovery = centre_service.init_centre(folder / "centre", admin="admin", admin_name="Centre Admin",
                                                    password=PASSWORD, out_key=folder / "centre-key.json")
    try:
        session.add_user(username="datamanager", full_name="Data Manager", role=Role.DATA_MANAGER,
                         password=PASSWORD)
        users.update(session.site.db, "datamanager", must_change_password=False)
        enrolments = {}
        for site in sites:
            enrolments[site] = folder / f"enrolment-{site}.json"
            centre_service.issue_enrolment(session, site=site, out=enrolments[site])
    finally:
        session.close()
    return enrolments


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def _build_one(args: tuple[Path, str, int, int, Path]) -> BuiltSite:
    folder, site, subjects, seed, enrolment = args
    return build_trial_site(folder, site=site, n_subjects=subjects, seed=seed, enrolment=enrolment)


def build_trial(folder: Path, *, subjects: int, sites: int, dashboard_subjects: int) -> Trial:
    numbers = site_numbers(sites)
    folder.mkdir(parents=True, exist_ok=True)
    enrolments = _build_centre(folder, [FULL_SITE, *numbers])
    jobs = [(folder / "full", FULL_SITE, subjects, 3580291, enrolments[FULL_SITE])]
    jobs += [(folder / f"site-{site}", site, count, 1000 + index, enrolments[site])
             for index, (site, count) in enumerate(zip(numbers, _spread(subjects, sites), strict=True))]
    with ProcessPoolExecutor(max_workers=2) as pool:
        built = list(pool.map(_build_one, jobs))
    dashboard = grow_site(built[0].folder, folder / "dashboard", n_subjects=dashboard_subjects)
    return Trial(centre=folder / "centre", full=built[0], sites=tuple(built[1:]), dashboard=dashboard)
