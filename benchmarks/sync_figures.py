"""Sync figures: the full-trial site export, how an export grows with the changes, the backup after an export,
the centre's import of the sites' packages, and the ODM export of the full trial. Each against a plain, fsynced
copy of the same bytes.

The export and the backup that follows it (issue 8) are separate steps and separate figures: the export is what
the person waits for and costs O(changes); the backup copies the whole database, O(database), and runs after the
export (in the GUI, in the background). Its figure is information, against a bare copy of the database file.

Exports and imports are one-shot (the second export of the same data sends nothing; a package imported
before is a no-op), so each round works on a fresh copy of the site or centre, copied outside the timing.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.baselines import file_copies, file_copy
from benchmarks.dataset import login_as
from benchmarks.timing import Figure, median_seconds
from benchmarks.trial import Trial
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import records as record_service
from crf_desktop.services.centre import import_packages, trial_dataset
from crf_desktop.services.sync import backup_after_export, export_to_centre
from crf_desktop.store.datadir import DB_FILE
from crf_desktop.sync.odm_export import write_odm

EXPORT_BUDGET = 3.0
ONE_CHANGE_SHARE = 0.10  # an export after one changed form: at most 10 % of the full export (O(changes))
IMPORT_BUDGET = 10.0
ODM_BUDGET = 5.0

Say = Callable[[str], None]


@dataclass(frozen=True, kw_only=True)
class Timed:
    to_folder: float  # seconds to the package in the folder
    export: float  # seconds for the whole export (what the person waits for)
    backup: float  # seconds for the backup after it
    package: Path


def _timed_export(site: Path, central: Path) -> Timed:
    session = login_as(site, "coordinator")
    try:
        marks: list[float] = []
        start = time.perf_counter()
        result = export_to_centre(session, central, progress=lambda done, total: marks.append(time.perf_counter()))
        export = time.perf_counter() - start
        if result.package is None:
            raise RuntimeError(f"the export of {site} sent nothing: {result.message}")
        backup_start = time.perf_counter()
        backup = backup_after_export(session)
        backed = time.perf_counter() - backup_start
    finally:
        session.close()
    if backup.name is None:
        raise RuntimeError(f"the backup after the export of {site} failed: {backup.problem}")
    return Timed(to_folder=marks[-1] - start, export=export, backup=backed, package=result.package)


def full_export(trial: Trial, folder: Path, rounds: int) -> tuple[Figure, Figure, Path]:
    """The first export of the whole trial at one site, and the backup after it; returns both figures and a site
    that has exported."""
    timed: list[Timed] = []
    site = folder  # set by the first round
    for number in range(max(1, rounds)):
        site = folder / f"site-{number}"
        shutil.copytree(trial.full.folder, site)
        (folder / f"central-{number}").mkdir(parents=True)
        timed.append(_timed_export(site, folder / f"central-{number}"))
    package = timed[-1].package
    bare = median_seconds(file_copy(package, folder), rounds)
    figure = Figure(name="site_export_full_trial", median=statistics.median(t.export for t in timed), baseline=bare,
                    budget=EXPORT_BUDGET, budget_text="3 s (the export; the backup after it is its own figure)",
                    extra={"package_bytes": package.stat().st_size, "to_package_in_folder_s":
                           statistics.median(t.to_folder for t in timed), "subjects": trial.full.subjects,
                           "records": trial.full.records, "audit_entries": trial.full.audit_entries})
    database = site / DB_FILE
    backup = Figure(name="backup_after_export", median=statistics.median(t.backup for t in timed),
                    baseline=median_seconds(file_copy(database, folder), rounds), budget=None,
                    budget_text="information: O(database), runs after the export (GUI: in the background)",
                    extra={"database_bytes": database.stat().st_size})
    return figure, backup, site


def _verify(site: Path, count: int) -> int:
    """Change ``count`` forms: the monitor's source-data verification (a new version and an audit entry each)."""
    session = login_as(site, "monitor")
    try:
        session.site.db.execute("PRAGMA synchronous = OFF")  # preparing the changes is not what is measured
        rows = session.site.db.execute(
            "SELECT subject_id, visit, form, repeat_no FROM records WHERE status = ? ORDER BY change_seq LIMIT ?",
            [RecordStatus.COMPLETE.value, count]).fetchall()
        for subject_id, visit, form, repeat_no in rows:
            record_service.verify_record(session, subject_id=subject_id, visit=visit, form_id=form,
                                         repeat_no=repeat_no)
    finally:
        session.close()
    return len(rows)


def growth(site: Path, folder: Path, sizes: tuple[int, ...], full: Figure, rounds: int, say: Say) -> list[Figure]:
    """Export after 1, 10, 100, 1,000 changed forms, on a site that has already exported everything."""
    central = folder / "central-growth"
    central.mkdir(parents=True)
    found = []
    for size in sizes:
        timed: list[Timed] = []
        for _ in range(rounds):
            changed = _verify(site, size)
            timed.append(_timed_export(site, central))
        wholes = [t.export for t in timed]
        say(f"export after {changed} changed forms: {statistics.median(wholes):.3f} s (backup after it: "
            f"{statistics.median(t.backup for t in timed):.3f} s)")
        bare = median_seconds(file_copy(timed[-1].package, folder), rounds)
        extra: dict[str, object] = {"changed_forms": changed, "package_bytes": timed[-1].package.stat().st_size,
                                    "to_package_in_folder_s": statistics.median(t.to_folder for t in timed),
                                    "package_copy_s": bare,
                                    "backup_after_export_s": statistics.median(t.backup for t in timed)}
        if size == 1 and full.median is not None:
            found.append(Figure(name="export_after_1_change", median=statistics.median(wholes),
                                baseline=full.median, budget=ONE_CHANGE_SHARE * full.median,
                                budget_text="10 % of the full-trial export: O(changes), not O(database)",
                                extra=extra))
        else:
            found.append(Figure(name=f"export_after_{size}_changes", median=statistics.median(wholes),
                                baseline=bare, budget=None, budget_text="growth (information)", extra=extra))
    return found


def centre_import(trial: Trial, folder: Path, rounds: int, say: Say) -> tuple[Figure, Path]:
    """The centre imports one package from each of its sites; returns the figure and a centre that has."""
    central = folder / "central-sites"
    central.mkdir(parents=True)
    packages = []
    for built in trial.sites:
        site = folder / f"export-{built.site}"
        shutil.copytree(built.folder, site)
        packages.append(_timed_export(site, central).package)
    say(f"{len(packages)} site packages written")
    times = []
    centre = folder
    for number in range(rounds):
        centre = folder / f"centre-{number}"
        shutil.copytree(trial.centre, centre)
        session = login_as(centre, "datamanager")
        try:
            start = time.perf_counter()
            report = import_packages(session, central)
            times.append(time.perf_counter() - start)
        finally:
            session.close()
        if report.applied != len(packages) or not report.ok:
            raise RuntimeError("the centre did not apply every package: " + "; ".join(report.lines()))
    copies = folder / "copies"
    copies.mkdir(parents=True)
    bare = median_seconds(file_copies(packages, copies), rounds)
    figure = Figure(name=f"centre_import_{len(packages)}_packages", median=statistics.median(times), baseline=bare,
                    budget=IMPORT_BUDGET, budget_text="10 s",
                    extra={"packages": len(packages), "bytes": sum(p.stat().st_size for p in packages),
                           "subjects": sum(s.subjects for s in trial.sites)})
    return figure, centre


def odm_export(centre: Path, folder: Path, rounds: int) -> Figure:
    """``centre export --format odm`` of the full trial: read the centre's data and write the ODM file."""
    counter = iter(range(1_000_000))
    outputs: list[Path] = []
    session = login_as(centre, "datamanager")
    try:
        def once() -> None:
            out = folder / f"trial-{next(counter)}.xml"
            write_odm(trial_dataset(session), out)
            outputs.append(out)

        ours = median_seconds(once, rounds)
    finally:
        session.close()
    bare = median_seconds(file_copy(outputs[-1], folder), rounds)
    return Figure(name="odm_export_full_trial", median=ours, baseline=bare, budget=ODM_BUDGET, budget_text="5 s",
                  extra={"bytes": outputs[-1].stat().st_size})


def measure(trial: Trial, folder: Path, sizes: tuple[int, ...], rounds: int, say: Say) -> list[Figure]:
    folder.mkdir(parents=True, exist_ok=True)
    full, backup, exported_site = full_export(trial, folder / "full", min(rounds, 3))
    say(f"full-trial export: {full.median:.3f} s; the backup after it: {backup.median:.3f} s")
    found = [full, backup, *growth(exported_site, folder / "full", sizes, full, min(rounds, 3), say)]
    imported, centre = centre_import(trial, folder / "centre", min(rounds, 3), say)
    found.append(imported)
    found.append(odm_export(centre, folder / "centre", min(rounds, 3)))
    return found
