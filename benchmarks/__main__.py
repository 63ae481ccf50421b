"""``python -m benchmarks [--json] [--subjects N]``: each figure's median, budget, bare baseline and ratio.

Figures measured so far (issue 3; the full harness of issue 10 extends this):
- dashboard of 1,000 subjects x 8 visits (service and Qt model): budget 150 ms;
- opening a form (validate the stored record and build the editor's values): budget 100 ms;
- saving a form (validate, write, audit, commit with synchronous=FULL) vs a bare SQLCipher commit of the same
  payload: budget 2 x the bare commit.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.dataset import build_site
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.store.database import connect_keyed

ROUNDS = 7


def median_seconds(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_commit(folder: Path, key: bytes, payload: str) -> Callable[[], None]:
    conn = connect_keyed(folder / "bare.db", key)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, data TEXT)")
    conn.commit()

    def once() -> None:
        conn.execute("INSERT INTO t (data) VALUES (?)", [payload])
        conn.commit()

    return once


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--subjects", type=int, default=1000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        session = build_site(folder / "site", n_subjects=args.subjects)
        try:
            results["dashboard_service"] = {
                "median_s": median_seconds(lambda: build_dashboard(session)), "budget_s": 0.150}

            from crf_desktop.ui.dashboard_model import DashboardModel
            from crf_desktop.ui.qt import QApplication

            app = QApplication.instance() or QApplication([])
            model = DashboardModel()

            def dashboard_with_model() -> None:
                model.set_dashboard(build_dashboard(session))

            results["dashboard_with_qt_model"] = {"median_s": median_seconds(dashboard_with_model),
                                                  "budget_s": 0.150}
            subject_id = "01-001"
            results["open_form"] = {"median_s": median_seconds(lambda: rec.check(
                session, subject_id=subject_id, form_id="visit_info",
                raw=dict(rec.get_record(session, subject_id=subject_id, visit="baseline",
                                        form_id="visit_info").data))), "budget_s": 0.100}  # type: ignore[union-attr]
            raw = {"visit_done": "Y", "visit_date": session.today().isoformat()}
            counter = iter(range(10_000))

            def save() -> None:
                number = next(counter)
                day = session.today().isoformat() if number % 2 else "2026-01-01"
                rec.save_record(session, subject_id="01-002", visit="unscheduled", form_id="visit_info",
                                raw={**raw, "visit_date": day}, reason="benchmark", repeat_no=0)

            del app
            bare = median_seconds(bare_commit(folder, session.site.db_key, json.dumps(raw)), rounds=21)
            results["save_form"] = {"median_s": median_seconds(save, rounds=21), "baseline_s": bare,
                                    "budget_s": 2 * bare}
        finally:
            session.close()
    for figures in results.values():
        figures["ok"] = float(figures["median_s"]) <= float(figures["budget_s"])  # type: ignore[arg-type]
        if "baseline_s" in figures:
            figures["ratio"] = float(figures["median_s"]) / float(figures["baseline_s"])  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"{'figure':28} {'median':>10} {'budget':>10} {'baseline':>10} {'ratio':>7}  ok")
        for name, f in results.items():
            baseline = f"{float(f['baseline_s']) * 1000:8.1f}ms" if "baseline_s" in f else " " * 10  # type: ignore[arg-type]
            ratio = f"{float(f['ratio']):7.2f}" if "ratio" in f else " " * 7  # type: ignore[arg-type]
            print(f"{name:28} {float(f['median_s']) * 1000:8.1f}ms {float(f['budget_s']) * 1000:8.1f}ms "  # type: ignore[arg-type]
                  f"{baseline} {ratio}  {'yes' if f['ok'] else 'NO'}")
    return 0 if all(f["ok"] for f in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
