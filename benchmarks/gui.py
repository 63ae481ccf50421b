"""Figures that need a GUI process: app start to the login window, and the GUI's peak memory.

Each start is a fresh Python process (:mod:`benchmarks.gui_probe`), timed from launch to the window being
shown, with Qt's ``offscreen`` platform (the benchmark machine has no display; the platform plugin is loaded
either way, and the selftest checks the real one).

Both windows start from compiled bytecode, as an installed app does (pip compiles every module when it installs
a wheel, PyInstaller bundles ``.pyc`` files). The probes write their bytecode to a cache folder of their own
(``PYTHONPYCACHEPREFIX``) in the warm-up round, even where the environment says ``PYTHONDONTWRITEBYTECODE``:
otherwise every start would compile the app's modules from source, a cost the bare window, which imports
almost no Python source, does not share, and no installed app pays.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import Figure

START_BUDGET = 1.5  # x a bare PySide6 window (DESIGN.md section 10)
RSS_BUDGET_MB = 300.0
_ROOT = Path(__file__).resolve().parent.parent


class ProbeFailed(RuntimeError):
    pass


def _probe(pycache: Path, *args: str) -> tuple[float, float]:
    """(seconds from launch to the window shown, peak RSS in MB) of one probe process whose bytecode is kept
    in ``pycache``."""
    path = os.pathsep.join(p for p in (str(_ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=path, PYTHONPYCACHEPREFIX=str(pycache))
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-m", "benchmarks.gui_probe", *args], stdout=subprocess.PIPE,  # noqa: S603
                          stderr=subprocess.PIPE, text=True, cwd=_ROOT, env=env) as process:
        assert process.stdout is not None  # noqa: S101 - PIPE was asked for
        for line in process.stdout:
            if line.startswith("READY "):
                elapsed = time.perf_counter() - start
                process.wait(timeout=30)
                return elapsed, int(line.split()[1]) / 1024
        process.wait(timeout=30)
        error = process.stderr.read() if process.stderr else ""
    raise ProbeFailed(f"the {args[0]} probe ended without showing its window: {error.strip()[-400:]}")


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def app_start(data_dir: Path, rounds: int) -> Figure:
    ours: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory(prefix="crf-bench-pyc-") as folder:
        pycache = Path(folder)
        _probe(pycache, "bare")  # compile the bytecode and warm the file cache for both
        _probe(pycache, "app", str(data_dir))
        for _ in range(rounds):
            bare.append(_probe(pycache, "bare")[0])
            ours.append(_probe(pycache, "app", str(data_dir))[0])
    baseline = _median(bare)
    return Figure(name="app_start_to_login", median=_median(ours), baseline=baseline,
                  budget=START_BUDGET * baseline, budget_text="1.5 x a bare PySide6 window")


def gui_memory(data_dir: Path, subjects: int) -> Figure:
    """Peak RSS of the GUI logged in with the dashboard of ``subjects`` subjects (once: memory does not jitter
    like time)."""
    with tempfile.TemporaryDirectory(prefix="crf-bench-pyc-") as folder:
        _seconds, ours = _probe(Path(folder), "main", str(data_dir))
        _seconds, bare = _probe(Path(folder), "bare")
    return Figure(name=f"gui_peak_rss_{subjects}_subjects", median=ours, baseline=bare, budget=RSS_BUDGET_MB,
                  unit="MB", budget_text="300 MB")
