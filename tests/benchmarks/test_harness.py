"""The benchmark harness (issue 10 item 1): its figures, its report, and a smoke run. No timing assertions:
the figures themselves are judged by ``python -m benchmarks`` against DESIGN.md section 10."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import report, site_figures
from benchmarks.dataset import build_trial_site, login_coordinator
from benchmarks.timing import Figure, not_measured
from crf_desktop.store import audit

ROOT = Path(__file__).resolve().parents[2]


def test_a_figure_reports_its_ratio_and_verdict_in_the_json_shape_of_the_issue() -> None:
    within = Figure(name="save_form", median=0.2, baseline=0.1, budget=0.3, budget_text="2 x bare")
    assert within.as_json() == {"median_s": 0.2, "budget_s": 0.3, "baseline_s": 0.1, "ratio": 2.0, "ok": True,
                                "budget_rule": "2 x bare"}
    over = Figure(name="casebook_pdf_en", median=1.5, baseline=0.5, budget=1.0)
    assert over.ok is False and over.ratio == 3.0
    memory = Figure(name="gui_peak_rss", median=180.0, baseline=120.0, budget=300.0, unit="MB")
    assert set(memory.as_json()) == {"median_mb", "budget_mb", "baseline_mb", "ratio", "ok"}


def test_a_figure_not_measured_fails_the_run_and_says_what_is_missing() -> None:
    missing = not_measured("odm_export_full_trial", 5.0, "sync.odm_export is not there yet")
    assert missing.ok is False and missing.median is None
    assert missing.as_json()["not_measured"] == "sync.odm_export is not there yet"
    table = report.table([Figure(name="open_form", median=0.01, budget=0.1), missing], "test machine")
    lines = table.splitlines()
    assert lines[0] == "machine: test machine"
    assert any(line.startswith("open_form") and line.rstrip().endswith(" ok") for line in lines)
    assert any("not measured: sync.odm_export is not there yet  FAIL" in line for line in lines)
    assert lines[-1] == "FAILED: odm_export_full_trial"
    smoke = report.table([Figure(name="open_form", median=0.5, budget=0.1), missing], "test machine", smoke=True)
    assert smoke.splitlines()[-1] == "smoke run, NOT MEASURED: odm_export_full_trial"
    over = report.table([Figure(name="open_form", median=0.5, budget=0.1)], "test machine", smoke=True)
    assert over.splitlines()[-1].startswith("smoke run: every figure was measured")
    shown = json.loads(report.as_json([missing], "test machine"))
    assert shown["_machine"] == "test machine" and shown["odm_export_full_trial"]["ok"] is False


def test_the_trial_site_is_entered_through_the_services_on_a_clock_that_never_runs_back(tmp_path: Path) -> None:
    built = build_trial_site(tmp_path / "site", n_subjects=3, seed=7)
    assert built.subjects == 3
    assert built.records > 3 * 8  # every form of every visit reached, plus logs
    session = login_coordinator(built.folder)
    try:
        chain = audit.verify_chain(session.site.db)
        assert chain.problems == [] and chain.warnings == []  # no "clock set back" in the history
        versions_before = session.site.db.execute("SELECT count(*) FROM record_versions").fetchone()[0]
        figure = site_figures.save_form(session, tmp_path, rounds=3)
        versions_after = session.site.db.execute("SELECT count(*) FROM record_versions").fetchone()[0]
    finally:
        session.close()
    assert figure.median is not None and figure.baseline is not None and figure.ratio is not None
    assert figure.budget == pytest.approx(2 * figure.baseline)
    # the warm-up save and each timed round saved a real change; so did the 1 + 40 saves whose pages were counted,
    # the saves that drove the log past its first checkpoint and the rounds timed after it
    driven = figure.extra["saves_to_first_checkpoint"]
    assert isinstance(driven, int) and driven > 1000 / 20  # a save writes fewer than 20 pages
    assert versions_after - versions_before == 1 + 3 + 1 + 40 + driven + 3
    assert isinstance(figure.extra["pages_per_save"], float) and figure.extra["pages_per_save"] >= 5
    assert isinstance(figure.extra["same_pages_bare_commit_s"], float)
    assert isinstance(figure.extra["after_first_checkpoint_s"], float)
    assert "(after the first log checkpoint)" in report.table([figure], "test machine")


@pytest.mark.slow
def test_a_quick_run_prints_every_figure_as_json_and_its_exit_status_follows_the_verdicts() -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--json"], cwd=ROOT, capture_output=True,
                          text=True, timeout=900, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    figures = json.loads(done.stdout)
    machine = figures.pop("_machine")
    assert "cores" in machine
    for name in ("app_start_to_login", "save_form", "open_form", "casebook_pdf_en", "site_export_full_trial",
                 "export_after_1_change", "export_after_10_changes", "odm_export_full_trial"):
        assert name in figures, name
    assert any(name.startswith("dashboard_") for name in figures)
    assert any(name.startswith("gui_peak_rss_") for name in figures)
    assert any(name.startswith("centre_import_") for name in figures)
    for name, figure in figures.items():
        assert isinstance(figure["ok"], bool), name
        if "not_measured" in figure:
            assert figure["ok"] is False
            continue
        unit = "_mb" if "median_mb" in figure else "_s"
        assert figure[f"median{unit}"] > 0, name
        assert figure["ratio"] is None or figure["ratio"] > 0, name
    # a smoke run: exit 0 when every figure was measured, whatever the budgets say (QA: it said FAILED and exit 1)
    assert done.returncode == (0 if all("not_measured" not in f for f in figures.values()) else 1)
    assert "smoke run (--quick)" in done.stderr
