"""Figures and how they are timed: medians over several rounds, interleaved with their bare baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One measured figure next to its budget and the bare baseline measured in the same run.

    ``budget`` is seconds (or MB when ``unit`` is "MB"). ``missing`` says why a figure could not be measured;
    such a figure is never ok. Informational figures (``budget`` None) are ok when measured.
    """

    name: str
    budget: float | None
    median: float | None = None
    baseline: float | None = None
    unit: str = "s"
    budget_text: str = ""  # how the budget was set, e.g. "1.5 x bare window"
    missing: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline:
            return None
        return self.median / self.baseline

    @property
    def ok(self) -> bool:
        if self.missing is not None or self.median is None:
            return False
        return self.budget is None or self.median <= self.budget

    def as_json(self) -> dict[str, object]:
        suffix = "_s" if self.unit == "s" else "_mb"
        found: dict[str, object] = {f"median{suffix}": self.median, f"budget{suffix}": self.budget,
                                    f"baseline{suffix}": self.baseline, "ratio": self.ratio, "ok": self.ok}
        if self.budget_text:
            found["budget_rule"] = self.budget_text
        if self.missing is not None:
            found["not_measured"] = self.missing
        found.update(self.extra)
        return found


def not_measured(name: str, budget: float | None, what_is_missing: str, *, unit: str = "s") -> Figure:
    return Figure(name=name, budget=budget, unit=unit, missing=what_is_missing)


def times(action: Callable[[], object], rounds: int) -> list[float]:
    found = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        found.append(time.perf_counter() - start)
    return found


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    return statistics.median(times(action, rounds))


def paired_medians(action: Callable[[], object], baseline: Callable[[], object],
                   rounds: int) -> tuple[float, float, float, float]:
    """Medians of ``action`` and ``baseline`` run alternately, so a busy moment of the machine hits both:
    (wall, baseline wall, CPU, baseline CPU). CPU time (user + system) shows the work done even when another
    program's disk traffic makes every fsync slow and hides it in the wall time."""
    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(rounds):
        bare.append(_wall_and_cpu(baseline))
        ours.append(_wall_and_cpu(action))
    return (statistics.median(w for w, _ in ours), statistics.median(w for w, _ in bare),
            statistics.median(c for _, c in ours), statistics.median(c for _, c in bare))


def _wall_and_cpu(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu
