"""Issue 3 item 9: the demo site holds fictitious subjects at every stage, and passes verify."""

from __future__ import annotations

from pathlib import Path

from crf_desktop.services.dashboard import CellState, build_dashboard
from crf_desktop.services.demo import create_demo, read_demo_passwords
from crf_desktop.services.session import login
from crf_desktop.services.verify import verify_site
from crf_desktop.store.subjects import SubjectStatus

PASSWORD = "demo-password-2024"


def test_the_demo_covers_every_stage_and_verifies(tmp_path: Path) -> None:
    passwords = create_demo(tmp_path / "demo", shared_password=PASSWORD)
    assert set(passwords) == {"admin", "coordinator", "investigator", "monitor", "datamanager"}
    assert read_demo_passwords(tmp_path / "demo") == passwords
    session = login(tmp_path / "demo", "monitor", PASSWORD)
    try:
        assert verify_site(session).ok
        board = build_dashboard(session)
        statuses = {row.subject.status for row in board.rows}
        assert statuses == set(SubjectStatus)
        states = {cell.state for row in board.rows for cell in row.cells}
        # The demo fills the forms it has generators for; the others stay open (in progress).
        assert {CellState.DUE, CellState.OVERDUE, CellState.IN_PROGRESS} <= states
        assert sum(row.open_queries for row in board.rows) == 1
        assert [row.subject.subject_id for row in board.rows][:3] == ["01-001", "01-002", "01-003"]
    finally:
        session.close()


def test_a_second_demo_run_reuses_the_site(tmp_path: Path) -> None:
    import os

    from tests.e2e.cli import crf

    env = dict(os.environ, CRF_PASSWORD=PASSWORD)
    first = crf("demo", "--data-dir", str(tmp_path / "d"), "--no-gui", env=env)
    assert first.code == 0 and "Created a demo site" in first.out
    second = crf("demo", "--data-dir", str(tmp_path / "d"), "--no-gui", env=env)
    assert second.code == 0 and "Using the existing demo site" in second.out
    assert "coordinator" in second.out
