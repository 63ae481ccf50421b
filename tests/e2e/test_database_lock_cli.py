"""Issue 8 (QA), through the real command line: after ``centre unblind`` (the database lock) ``centre enrol`` and
``centre query raise`` exit 2 naming the date and who unblinded, ``centre unblind --status`` says what was
unblinded, and a refused unblinding (a monitor, a second one) prints no irreversible-unblinding warning first."""

from __future__ import annotations

from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from tests.e2e.cli import crf
from tests.services.unblinding_world import CENTRE_PASSWORD, STUDY, World, fresh_world


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> World:
    return fresh_world(tmp_path_factory, tmp_path / "world")


def _centre(world: World, env: dict[str, str], *args: str, user: str = "dm") -> tuple[int, str]:
    """A centre command as ``user``; the password is also typed once on standard input, where ``unblind`` reads
    its confirmation (other commands do not read it)."""
    done = crf("centre", *args, "--data-dir", str(world.centre_dir), "--user", user, env=env,
               password=CENTRE_PASSWORD, typed=f"{CENTRE_PASSWORD}\n")
    return done.code, done.out + done.err


@pytest.mark.slow
def test_after_unblinding_the_centre_enrols_no_site_and_raises_no_query(world: World, cli_env: dict[str, str],
                                                                       tmp_path: Path) -> None:
    world.add_centre_user("monitor", "Mo Nitor", Role.MONITOR)
    listed = str(world.full_list())
    unblind = ("unblind", "--reason", "Database locked on 2026-11-20", "--confirm-study", STUDY,
               "--randomisation", listed)

    code, text = _centre(world, cli_env, *unblind, user="monitor")
    assert code == 2 and "may not unblind the study" in text and "cannot be undone" not in text

    code, text = _centre(world, cli_env, *unblind)
    assert code == 0 and "cannot be undone" in text and f"Unblinded study {STUDY} on " in text
    when = text.split(f"Unblinded study {STUDY} on ", 1)[1].split(" ", 1)[0]

    code, text = _centre(world, cli_env, *unblind)
    assert code == 2 and f"already unblinded on {when}" in text and "cannot be undone" not in text

    out = tmp_path / "enrol-02.json"
    code, text = _centre(world, cli_env, "enrol", "--site", "02", "--out", str(out))
    assert code == 2 and f"database is locked: study {STUDY} was unblinded on {when} by Dana Manager (dm)" in text
    assert not out.exists()

    code, text = _centre(world, cli_env, "query", "raise", "--site", "01", "--subject", world.subjects[0],
                         "--visit", "screening", "--form", "consent", "--field", "consent_obtained_by",
                         "--question", "Who obtained consent?")
    assert code == 2 and "database is locked" in text and "no new query can be raised" in text

    code, text = _centre(world, cli_env, "unblind", "--status")
    assert code == 0 and f"was unblinded on {when} by Dana Manager (dm)" in text
    assert "Unblinded: 3 randomised subject(s) at 1 site(s)" in text and "Now:" not in text
