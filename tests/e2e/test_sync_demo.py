"""Issue 8 item 1: ``demo`` without ``--centre-key`` makes a demo centre beside the demo site, so the whole loop
can be tried at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli import crf

PW = "demo-loop-pass-1"


@pytest.mark.slow
def test_demo_creates_a_centre_beside_the_site_and_the_loop_runs(tmp_path: Path, cli_env: dict[str, str]) -> None:
    site = tmp_path / "demo"
    made = crf("demo", "--data-dir", str(site), "--no-gui", env=cli_env, password=PW)
    assert made.code == 0, made.err
    centre, folder = tmp_path / "demo-centre", tmp_path / "demo-exchange"
    assert f"Created a demo coordinating centre in {centre}" in made.out
    assert f"The demo's central folder is {folder}" in made.out
    imported = crf("centre", "import", "--data-dir", str(centre), "--user", "datamanager", "--from", str(folder),
                   env=cli_env, password=PW)
    assert imported.code == 0, imported.out + imported.err
    assert "site 01: 1 applied" in imported.out
    sent = crf("export", "--data-dir", str(site), "--user", "coordinator", "--to", str(folder), env=cli_env,
               password=PW)
    assert sent.code == 0, sent.err
    assert "The centre has applied up to package 1" in sent.out
    status = crf("export", "--data-dir", str(site), "--user", "coordinator", "--status", env=cli_env, password=PW)
    assert "unsent changes: 0" in status.out and f"Central folder: {folder}" in status.out
