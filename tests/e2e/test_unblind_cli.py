"""Issue 8: ``crf-desktop centre unblind`` and ``centre enrol --randomisation`` keeping the list, through the real
command line (exit 2 for a user's mistake, nothing written; the exports carry the arms only afterwards)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crf_desktop.services.session import login
from crf_desktop.store import centre_unblinding as store
from tests.e2e.cli import crf
from tests.services.unblinding_world import CENTRE_PASSWORD, LIST, STUDY, World, fresh_world, write_list


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> World:
    return fresh_world(tmp_path_factory, tmp_path / "world")


def _unblind(world: World, env: dict[str, str], *extra: str, password: str = CENTRE_PASSWORD,
             typed: str | None = None) -> tuple[int, str]:
    """``centre unblind`` logged in with CRF_PASSWORD; ``typed`` is the password typed again, on standard input (the
    command reads it there when it has no terminal; CRF_PASSWORD never answers it)."""
    done = crf("centre", "unblind", "--data-dir", str(world.centre_dir), "--user", "dm", *extra, env=env,
               password=password, typed=None if typed is None else f"{typed}\n")
    return done.code, done.out + done.err


def _subjects(folder: Path) -> list[dict[str, str]]:
    with (folder / "subjects.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.slow
def test_centre_unblind_refuses_mistakes_then_unblinds_once(world: World, cli_env: dict[str, str],
                                                            tmp_path: Path) -> None:
    reason = ("--reason", "Database locked on 2026-11-20")
    code, text = _unblind(world, cli_env, "--status")
    assert code == 0 and f"Study {STUDY} is blinded" in text
    assert f"no arm: site 01, subject {world.subjects[2]}, randomisation number R01-003" in text

    code, text = _unblind(world, cli_env)
    assert code == 2 and "--reason TEXT is required" in text
    # a subject without an arm is refused before the irreversible-unblinding warning and the prompts
    code, text = _unblind(world, cli_env, *reason)
    assert code == 2 and f"subject {world.subjects[2]}, randomisation number R01-003" in text
    assert "cannot be undone" not in text
    good = write_list(tmp_path / "site-01.csv", LIST)
    code, text = _unblind(world, cli_env, *reason, "--randomisation", str(good))
    assert code == 2 and f"add --confirm-study {STUDY}" in text  # no terminal to type it in
    code, text = _unblind(world, cli_env, *reason, "--randomisation", str(good), "--confirm-study", "NCT0358029",
                          typed=CENTRE_PASSWORD)
    assert code == 2 and f"is not {STUDY}" in text
    bad = tmp_path / "bad.csv"
    bad.write_text("seq,rand_no,msc_kit,mmf_kit,arm\n3,R01-003,,MMF-0003,B\n", encoding="utf-8")
    code, text = _unblind(world, cli_env, *reason, "--confirm-study", STUDY, "--randomisation", str(bad))
    assert code == 2 and f"{bad}" in text and "line 2: the kit number is empty" in text
    blinded = crf("centre", "export", "--data-dir", str(world.centre_dir), "--user", "dm", "--format", "csv",
                  "--out", str(tmp_path / "blinded"), env=cli_env, password=CENTRE_PASSWORD)
    assert blinded.code == 0 and "blinded (no treatment arms)" in blinded.out
    assert "arm" not in _subjects(tmp_path / "blinded")[0]

    # the password again comes from the person, never from CRF_PASSWORD (issue 8 QA): none typed, or a wrong one,
    # and the study stays blinded
    code, text = _unblind(world, cli_env, *reason, "--confirm-study", STUDY, "--randomisation", str(good))
    assert code == 2 and "unblinding needs the password of dm typed again, and none was given" in text
    assert "CRF_PASSWORD does not answer this confirmation" in text and "The study stays blinded" in text
    code, text = _unblind(world, cli_env, *reason, "--confirm-study", STUDY, "--randomisation", str(good),
                          typed="not-the-password")
    assert code == 2 and "Unblinded" not in text
    code, text = _unblind(world, cli_env, "--status")
    assert code == 0 and f"Study {STUDY} is blinded" in text
    code, text = _unblind(world, cli_env, *reason, "--confirm-study", STUDY, "--randomisation", str(good),
                          typed=CENTRE_PASSWORD)
    assert code == 0, text
    assert f"Unblinded study {STUDY}" in text and "3 randomised subject(s) at 1 site(s)" in text
    assert "cannot be undone" in text  # the warning is printed before the confirmation
    exported = crf("centre", "export", "--data-dir", str(world.centre_dir), "--user", "dm", "--format", "csv",
                   "--out", str(tmp_path / "unblinded"), env=cli_env, password=CENTRE_PASSWORD)
    assert exported.code == 0 and "with treatment arms (unblinded)" in exported.out
    assert {r["subject_id"]: r["arm"] for r in _subjects(tmp_path / "unblinded")} == dict(
        zip(world.subjects, ("A", "B", "B"), strict=True))

    code, text = _unblind(world, cli_env, *reason, "--confirm-study", STUDY)
    assert code == 2 and "already unblinded" in text and "cannot be undone" not in text
    code, text = _unblind(world, cli_env, "--status")
    assert code == 0 and "was unblinded on" in text and "Dana Manager (dm): Database locked on 2026-11-20" in text


@pytest.mark.slow
def test_centre_enrol_keeps_the_list_and_refuses_a_bad_one_naming_its_line(tmp_path: Path,
                                                                          cli_env: dict[str, str]) -> None:
    centre, key = tmp_path / "centre", tmp_path / "key.json"
    made = crf("centre", "init", "--data-dir", str(centre), "--admin", "dm", "--out-key", str(key), env=cli_env,
               new_password=CENTRE_PASSWORD)
    assert made.code == 0, made.err
    bad = tmp_path / "bad.csv"
    bad.write_text("seq,rand_no,msc_kit,mmf_kit,arm\n1,R02-001,MSC-1,MMF-1,A\n2,R02-001,MSC-2,MMF-2,B\n",
                   encoding="utf-8")
    refused = crf("centre", "enrol", "--data-dir", str(centre), "--user", "dm", "--site", "02", "--out",
                  str(tmp_path / "enrol-02.json"), "--randomisation", str(bad), env=cli_env, password=CENTRE_PASSWORD)
    assert refused.code == 2
    assert f"the randomisation list {bad}" in refused.err
    assert "line 3: randomisation number R02-001 is also used at line 2" in refused.err
    assert not (tmp_path / "enrol-02.json").exists()
    good = write_list(tmp_path / "list.csv", LIST)
    issued = crf("centre", "enrol", "--data-dir", str(centre), "--user", "dm", "--site", "02", "--out",
                 str(tmp_path / "enrol-02.json"), "--randomisation", str(good), env=cli_env, password=CENTRE_PASSWORD)
    assert issued.code == 0, issued.err
    session = login(centre, "dm", CENTRE_PASSWORD)
    try:
        assert [(e.site, e.entry) for e in store.list_entries(session.site.db)] == [("02", e) for e in LIST]
    finally:
        session.close()
