"""Printing the figures: a table for people, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from benchmarks.timing import Figure


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(figures: Sequence[Figure], machine: str, *, smoke: bool = False) -> str:
    """The figures as a table for people; ``smoke`` (``--quick``): the last line says whether every figure could
    be measured, not whether it is within budget (tiny sizes say nothing about that)."""
    lines = [f"machine: {machine}", "",
             f"{'figure':34} {'median':>10} {'budget':>10} {'baseline':>10} {'ratio':>7}  result"]
    for f in figures:
        if f.missing is not None:
            lines.append(f"{f.name:34} not measured: {f.missing}  FAIL")
            continue
        ratio = f"{f.ratio:7.2f}" if f.ratio is not None else " " * 7
        verdict = "info" if f.budget is None else ("ok" if f.ok else "OVER BUDGET")
        rule = f"  ({f.budget_text})" if f.budget_text else ""
        lines.append(f"{f.name:34} {_amount(f.median, f.unit):>10} {_amount(f.budget, f.unit):>10} "
                     f"{_amount(f.baseline, f.unit):>10} {ratio}  {verdict}{rule}")
        in_folder, size = f.extra.get("to_package_in_folder_s"), f.extra.get("package_bytes")
        if isinstance(in_folder, float) and isinstance(size, int):
            lines.append(f"{'  (package in the folder; its size)':34} {_amount(in_folder, 's'):>10} "
                         f"{size:>10,} bytes")
        cpu, bare = f.extra.get("cpu_s"), f.extra.get("baseline_cpu_s")
        if isinstance(cpu, float) and isinstance(bare, float) and bare > 0:
            lines.append(f"{'  (CPU time, no disk waits)':34} {_amount(cpu, 's'):>10} {'':>10} "
                         f"{_amount(bare, 's'):>10} {cpu / bare:7.2f}")
        pages, floor = f.extra.get("pages_per_save"), f.extra.get("same_pages_bare_commit_s")
        if isinstance(pages, float) and isinstance(floor, float) and f.baseline:
            lines.append(f"{'  (bare commit of as many pages)':34} {_amount(floor, 's'):>10} {'':>10} "
                         f"{_amount(f.baseline, 's'):>10} {floor / f.baseline:7.2f}  {pages:.1f} pages a save")
        steady = f.extra.get("after_first_checkpoint_s")
        steady_bare = f.extra.get("after_first_checkpoint_baseline_s")
        if isinstance(steady, float) and isinstance(steady_bare, float) and steady_bare > 0:
            lines.append(f"{'  (after the first log checkpoint)':34} {_amount(steady, 's'):>10} {'':>10} "
                         f"{_amount(steady_bare, 's'):>10} {steady / steady_bare:7.2f}  a long session, information")
    if smoke:
        missing = [f.name for f in figures if f.missing is not None or f.median is None]
        lines += ["", "smoke run: every figure was measured (the verdicts above mean nothing at these sizes)"
                  if not missing else f"smoke run, NOT MEASURED: {', '.join(missing)}"]
        return "\n".join(lines)
    failed = [f.name for f in figures if not f.ok]
    lines += ["", "all figures within budget" if not failed else f"FAILED: {', '.join(failed)}"]
    return "\n".join(lines)


def as_json(figures: Sequence[Figure], machine: str) -> str:
    found: dict[str, object] = {f.name: f.as_json() for f in figures}
    found["_machine"] = machine
    return json.dumps(found, indent=1, ensure_ascii=False)
