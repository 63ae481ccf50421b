"""Issue 8 QA findings through the real command: a wrong central folder is refused with exit 2 and nothing
written, ``export`` without ``--to`` uses the remembered folder, a quarantined file says what to do and is
"still quarantined" (still exit 1, until the file is moved out) on the next import, and centre commands hint
``crf-desktop centre init``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from crf_desktop.services.session import login
from crf_desktop.services.subjects import register_subject
from tests.e2e.cli import crf

PASSWORD = "folder-pass-1234"


def _files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


def _world(tmp_path: Path, env: dict[str, str]) -> tuple[Path, Path, Path]:
    """(centre data dir, site 01 data dir with a coordinator "coord" and one subject, an empty central folder).

    The paths are resolved, as the site remembers its central folder and the messages name it."""
    tmp_path = tmp_path.resolve()
    centre, key, folder, site = tmp_path / "centre", tmp_path / "centre-key.json", tmp_path / "exchange", \
        tmp_path / "site01"
    folder.mkdir()
    assert crf("centre", "init", "--data-dir", str(centre), "--admin", "dm", "--out-key", str(key), env=env,
               new_password=PASSWORD).code == 0
    enrolment = tmp_path / "enrol-01.json"
    assert crf("centre", "enrol", "--data-dir", str(centre), "--user", "dm", "--site", "01", "--out",
               str(enrolment), env=env, password=PASSWORD).code == 0
    made = crf("init", "--data-dir", str(site), "--site", "01", "--study", "NCT03580291", "--admin", "admin",
               "--centre-key", str(enrolment), env=env, new_password=PASSWORD)
    assert made.code == 0, made.err
    session = login(site, "admin", PASSWORD)
    try:
        session.add_user(username="coord", full_name="Coordinator", role=Role.COORDINATOR, password="temporary-1")
    finally:
        session.close()
    session = login(site, "coord", "temporary-1")
    try:
        session.change_own_password("temporary-1", PASSWORD)
        register_subject(session, initials="AB", birth_year=1990, sex="F")
    finally:
        session.close()
    return centre, site, folder


def _site(site: Path, *args: str, env: dict[str, str]) -> tuple[int, str, str]:
    done = crf(*args, "--data-dir", str(site), "--user", "coord", env=env, password=PASSWORD)
    return done.code, done.out, done.err


@pytest.mark.slow
def test_a_wrong_central_folder_is_refused_and_the_remembered_one_is_used_and_kept(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    centre, site, folder = _world(tmp_path, cli_env)

    code, _out, err = _site(site, "export", env=cli_env)
    assert code == 2 and "has not exported yet" in err and "--to FOLDER" in err

    before = _files_under(centre)
    code, _out, err = _site(site, "export", "--to", str(centre), env=cli_env)
    assert code == 2
    assert f"{centre} (the folder to export to) is a crf-desktop data directory, not the central folder" in err
    assert _files_under(centre) == before and not (centre / "to-centre").exists()

    code, out, err = _site(site, "export", "--to", str(folder), env=cli_env)
    assert code == 0, err
    assert "Sent package 1" in out

    (folder / "to-centre" / "01").mkdir(parents=True, exist_ok=True)
    code, _out, err = _site(site, "export", "--to", str(folder / "to-centre" / "01"), env=cli_env)
    assert code == 2
    assert f"is inside the central folder's to-centre/01; give the central folder itself, e.g. {folder}" in err
    assert not (folder / "to-centre" / "01" / "to-centre").exists()

    code, out, _err = _site(site, "export", "--status", env=cli_env)
    assert f"Central folder: {folder}" in out

    code, out, err = _site(site, "export", env=cli_env)
    assert code == 0, err
    assert f"Central folder (remembered from the last export): {folder}" in out

    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    code, out, err = _site(site, "export", "--to", str(elsewhere), env=cli_env)
    assert code == 0, err
    assert f"The central folder changed: this site sent to {folder} until now and sends to {elsewhere}" in out

    refused = crf("centre", "import", "--data-dir", str(centre), "--user", "dm", "--from", str(site), env=cli_env,
                  password=PASSWORD)
    assert refused.code == 2
    assert f"{site} (the folder to import from) is a crf-desktop data directory, not the central folder" \
        in refused.err


@pytest.mark.slow
def test_a_quarantined_file_says_what_to_do_and_later_imports_report_it_as_still_quarantined(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    centre, site, folder = _world(tmp_path, cli_env)
    assert _site(site, "export", "--to", str(folder), env=cli_env)[0] == 0
    outbox = folder / "to-centre" / "01"
    shutil.copy(outbox / "NCT03580291_01_1.crfpkg", outbox / "NCT03580291_01_5.crfpkg")

    def centre_import() -> tuple[int, str]:
        done = crf("centre", "import", "--data-dir", str(centre), "--user", "dm", "--from", str(folder),
                   env=cli_env, password=PASSWORD)
        return done.code, done.out

    code, out = centre_import()
    assert code == 1
    # a copy of the site's own package 1 under the name of package 5: named for what it is, with what to do
    assert "QUARANTINED NCT03580291_01_5.crfpkg: this site's package under a wrong file name" in out
    assert "package 1" in out and "NCT03580291_01_1.crfpkg" in out
    assert "what to do: delete this stray copy" in out
    code, out = centre_import()
    assert code == 1, out  # still quarantined: reported as such, not as a new fault, and still not OK
    assert "STILL QUARANTINED (1 file, first seen" in out
    assert "Result: no new faults, but 1 file(s) stay quarantined (see above) until they are moved out" in out
    (outbox / "NCT03580291_01_5.crfpkg").unlink()
    code, out = centre_import()
    assert code == 0, out
    assert "Result: OK" in out


def test_a_centre_command_on_a_missing_data_directory_hints_centre_init(tmp_path: Path,
                                                                         cli_env: dict[str, str]) -> None:
    done = crf("centre", "import", "--data-dir", str(tmp_path / "nowhere"), "--user", "dm", "--from",
               str(tmp_path), env=cli_env, password=PASSWORD)
    assert done.code == 2
    assert f"the centre's data directory {tmp_path / 'nowhere'} does not exist" in done.err
    assert "crf-desktop centre init" in done.err and "with: crf-desktop init" not in done.err


def test_an_empty_to_is_refused_before_the_password(tmp_path: Path, cli_env: dict[str, str]) -> None:
    # an unset variable in a script (--to "$FOLDER") must not silently fall back to the remembered folder
    done = crf("export", "--data-dir", str(tmp_path / "site"), "--user", "coordinator", "--to", "", env=cli_env)
    assert done.code == 2
    assert "--to is empty" in done.err and "password" not in done.err.lower()
