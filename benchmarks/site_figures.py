"""Figures of one site's everyday work: the dashboard, opening a form and saving one."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from benchmarks.baselines import bare_commit
from benchmarks.timing import Figure, median_seconds, paired_medians
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.session import Session
from crf_desktop.store.datadir import DB_FILE

DASHBOARD_BUDGET = 0.150
OPEN_FORM_BUDGET = 0.100
SAVE_BUDGET = 2.0  # x a bare SQLCipher commit of the same payload


def dashboard(session: Session, subjects: int, rounds: int) -> list[Figure]:
    found = [Figure(name=f"dashboard_{subjects}_subjects", budget=DASHBOARD_BUDGET, budget_text="150 ms",
                    median=median_seconds(lambda: build_dashboard(session), rounds))]
    try:
        from crf_desktop.ui.dashboard_model import DashboardModel
        from crf_desktop.ui.qt import QApplication
    except ImportError as exc:
        found.append(Figure(name=f"dashboard_{subjects}_subjects_qt_model", budget=DASHBOARD_BUDGET,
                            missing=f"PySide6 cannot be imported ({exc})"))
        return found
    app = QApplication.instance() or QApplication([])
    model = DashboardModel()
    found.append(Figure(name=f"dashboard_{subjects}_subjects_qt_model", budget=DASHBOARD_BUDGET,
                        budget_text="150 ms, service and Qt model",
                        median=median_seconds(lambda: model.set_dashboard(build_dashboard(session)), rounds)))
    del app
    return found


def _largest_record(session: Session) -> rec.Record:
    """The subject's biggest complete visit record (labs): the slowest form to open."""
    row = session.site.db.execute(
        "SELECT subject_id, visit, form, repeat_no FROM records WHERE repeat_no = 0 AND status = 'complete' "
        "ORDER BY length(data) DESC LIMIT 1").fetchone()
    found = rec.get_record(session, subject_id=row[0], visit=row[1], form_id=row[2])
    assert found is not None  # noqa: S101 - just selected
    return found


def open_form(session: Session, rounds: int) -> Figure:
    """Open the largest stored form: read it, re-validate it (the editor's checks), as the editor does."""
    record = _largest_record(session)

    def once() -> None:
        opened = rec.get_record(session, subject_id=record.subject_id, visit=record.visit, form_id=record.form)
        assert opened is not None  # noqa: S101
        rec.check(session, subject_id=record.subject_id, form_id=record.form, raw=dict(opened.data),
                  confirmed=dict(opened.confirmations))

    return Figure(name="open_form", budget=OPEN_FORM_BUDGET, budget_text="100 ms", median=median_seconds(once, rounds),
                  extra={"form": record.form, "fields": len(record.data)})


def save_form(session: Session, folder: Path, rounds: int) -> Figure:
    """Change the date of an unscheduled visit's record (validate, write the version, audit with a reason,
    commit with synchronous=FULL), against a bare SQLCipher commit of the same payload."""
    subject_id = session.site.db.execute(
        "SELECT subject_id FROM subjects WHERE status = 'on study' ORDER BY number LIMIT 1").fetchone()[0]
    today = session.today()
    days = [today.isoformat(), (today - timedelta(days=1)).isoformat()]
    counter = iter(range(1_000_000))

    def raw() -> dict[str, str]:
        return {"visit_done": "Y", "visit_date": days[next(counter) % 2]}

    def save() -> None:
        outcome = rec.save_record(session, subject_id=subject_id, visit="unscheduled", form_id="visit_info",
                                  raw=raw(), reason="benchmark: date corrected")
        assert outcome.saved and outcome.changed_fields, outcome.refused  # noqa: S101 - a real save, not a no-op

    payload = json.dumps(raw(), ensure_ascii=False, sort_keys=True)
    bare = bare_commit(folder, session.site.db_key, payload)
    save()
    bare()
    ours, baseline, cpu, bare_cpu = paired_medians(save, bare, rounds)
    # What the commit has to write, and the floor that sets: a bare commit of as many pages, no Python, no reads.
    pages = wal_frames_per_commit(session, save)
    floor = bare_commit(folder, session.site.db_key, payload, pages=max(1, round(pages)))
    floor()
    floor_s, floor_cpu = paired_medians(floor, bare, rounds)[::2]
    steady, steady_bare, driven = _after_first_checkpoint(save, bare, pages, rounds)
    return Figure(name="save_form", median=ours, baseline=baseline, budget=SAVE_BUDGET * baseline,
                  budget_text="2 x a bare SQLCipher commit",
                  extra={"cpu_s": cpu, "baseline_cpu_s": bare_cpu, "cpu_ratio": cpu / bare_cpu if bare_cpu else None,
                         "pages_per_save": round(pages, 1), "same_pages_bare_commit_s": floor_s,
                         "same_pages_bare_commit_cpu_s": floor_cpu,
                         "same_pages_ratio": floor_s / baseline if baseline else None,
                         "after_first_checkpoint_s": steady, "after_first_checkpoint_baseline_s": steady_bare,
                         "after_first_checkpoint_ratio": steady / steady_bare if steady_bare else None,
                         "saves_to_first_checkpoint": driven})


def _after_first_checkpoint(save: Callable[[], None], bare: Callable[[], None], pages: float,
                            rounds: int) -> tuple[float, float, int]:
    """The save and the bare commit again once both write-ahead logs went through their first checkpoint.

    The figure above is the first saves of a session: SQLite's log (deleted when the app closes) grows with every
    commit until about 1,000 pages, and each growth costs the file system a block allocation. After the first
    automatic checkpoint the log is written over from its start: a long session's saves. Both are driven past it
    (a save writes ``pages`` pages, the bare commit one or two); informational, the budget is the figure above.
    Also returns how many saves drove the log.
    """
    driven = round(_CHECKPOINT_PAGES / max(pages, 1.0)) + 10
    for _ in range(driven):
        save()
    for _ in range(_CHECKPOINT_PAGES + 10):
        bare()
    steady, steady_bare, _cpu, _bare_cpu = paired_medians(save, bare, rounds)
    return steady, steady_bare, driven


_CHECKPOINT_PAGES = 1000  # SQLite's default wal_autocheckpoint, which the app keeps


def wal_frames_per_commit(session: Session, action: Callable[[], None], commits: int = 40) -> float:
    """Encrypted pages one ``action`` writes, counted as frames added to the write-ahead log (automatic
    checkpoints held off meanwhile, then restored to SQLite's default)."""
    db = session.site.db
    wal = session.data_dir / f"{DB_FILE}-wal"
    page = int(db.execute("PRAGMA page_size").fetchone()[0])
    db.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        action()  # the log restarts at its first frame on this write
        start = wal.stat().st_size
        for _ in range(commits):
            action()
        return (wal.stat().st_size - start) / (page + 24) / commits  # each frame: a 24-byte header and a page
    finally:
        db.execute("PRAGMA wal_autocheckpoint = 1000")
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
