"""``python -m benchmarks [--json] [--quick]``: every figure of DESIGN.md section 10 next to its budget, the
bare baseline measured in the same run, the ratio, and pass/fail. Exit status 0 when every figure was measured
and is within budget, 1 otherwise.

The datasets are built once per run in a temporary folder (:mod:`benchmarks.dataset`): a full trial of 230
subjects entered through the services (about half a minute), a 1,000-subject site for the dashboard, and the
sites whose packages the centre imports. ``--quick`` shrinks every size for a smoke run; its figures say
nothing about the budgets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import gui, machine, pdf_figures, report, site_figures, sync_figures
from benchmarks.dataset import TRIAL_SUBJECTS, login_coordinator
from benchmarks.timing import Figure
from benchmarks.trial import build_trial


@dataclass(frozen=True, kw_only=True)
class Sizes:
    trial_subjects: int
    dashboard_subjects: int
    centre_sites: int
    rounds: int
    save_rounds: int
    start_rounds: int
    growth: tuple[int, ...]


FULL = Sizes(trial_subjects=TRIAL_SUBJECTS, dashboard_subjects=1000, centre_sites=20, rounds=7, save_rounds=41,
             start_rounds=9, growth=(1, 10, 100, 1000))
QUICK = Sizes(trial_subjects=8, dashboard_subjects=20, centre_sites=2, rounds=2, save_rounds=5, start_rounds=1,
              growth=(1, 10))


def _say(started: float, text: str) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True)


def run(sizes: Sizes, folder: Path) -> list[Figure]:
    started = time.perf_counter()
    _say(started, f"building the trial: {sizes.trial_subjects} subjects at one site, the same spread over "
                  f"{sizes.centre_sites} sites, a centre, and a {sizes.dashboard_subjects}-subject site")
    trial = build_trial(folder / "trial", subjects=sizes.trial_subjects, sites=sizes.centre_sites,
                        dashboard_subjects=sizes.dashboard_subjects)
    _say(started, f"  full trial: {trial.full.records} records, {trial.full.audit_entries} audit entries; "
                  f"dashboard site: {trial.dashboard.records} records")
    figures: list[Figure] = []
    _say(started, "app start and GUI memory (subprocesses)")
    figures.append(_guarded("app_start_to_login", None,
                            lambda: gui.app_start(trial.full.folder, sizes.start_rounds)))
    figures.append(_guarded(f"gui_peak_rss_{trial.dashboard.subjects}_subjects", gui.RSS_BUDGET_MB,
                            lambda: gui.gui_memory(trial.dashboard.folder, trial.dashboard.subjects), unit="MB"))
    _say(started, "dashboard")
    session = login_coordinator(trial.dashboard.folder)
    try:
        figures += site_figures.dashboard(session, trial.dashboard.subjects, sizes.rounds)
    finally:
        session.close()
    _say(started, "open form, casebook PDF, save form")
    work = folder / "work"
    shutil.copytree(trial.full.folder, work)  # the save changes the site: keep the trial as built
    session = login_coordinator(work)
    try:
        figures.append(site_figures.open_form(session, sizes.rounds))
        figures += pdf_figures.measure(session, folder / "pdf", sizes.rounds)
        figures.append(site_figures.save_form(session, folder, sizes.save_rounds))
    finally:
        session.close()
    _say(started, "sync: site export, export growth, centre import, ODM export")
    figures += sync_figures.measure(trial, folder / "sync", sizes.growth, sizes.rounds,
                                    lambda text: _say(started, "  " + text))
    _say(started, "done")
    return figures


def _guarded(name: str, budget: float | None, measure: Callable[[], Figure], *, unit: str = "s") -> Figure:
    """A figure whose measurement can fail for a reason outside the benchmark (a GUI that cannot start):
    reported as not measured, with the reason, instead of ending the run."""
    try:
        return measure()
    except gui.ProbeFailed as exc:
        return Figure(name=name, budget=budget, unit=unit, missing=str(exc))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Every performance budget of the design (DESIGN.md section 10) measured on this computer: the "
                    "median, the budget, the bare baseline measured in the same run, the ratio and pass/fail. Exit "
                    "status 0 when every figure was measured and is within budget, 1 otherwise (with --quick: 0 "
                    "when every figure was measured).")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round: a smoke run, not a verdict")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.quick:
        print(SMOKE, file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="crf-bench-") as tmp:
        figures = run(QUICK if args.quick else FULL, Path(tmp))
    described = machine.describe()
    print(report.as_json(figures, described) if args.json else report.table(figures, described, smoke=args.quick))
    if args.quick:
        print(SMOKE, file=sys.stderr)
        return 0 if all(f.missing is None and f.median is not None for f in figures) else 1
    return 0 if all(f.ok for f in figures) else 1


SMOKE = ("smoke run (--quick): tiny datasets and one round each, to check that every figure can be measured; the "
         "figures say nothing about the budgets (run without --quick for that)")


if __name__ == "__main__":
    sys.exit(main())
