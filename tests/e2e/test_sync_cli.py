"""Issue 8 end to end through the real command: centre init, enrolment, site init --centre-key, export, import,
a query raised at the centre, answered at the site, closed at the centre; exit statuses as the issue says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from crf_desktop.services.queries import answer_query, subject_queries
from crf_desktop.services.session import login
from crf_desktop.services.subjects import register_subject
from tests.e2e.cli import crf

PASSWORD = "loop-pass-1234"


def _site_subject(data_dir: Path) -> str:
    session = login(data_dir, "admin", PASSWORD)
    try:
        session.add_user(username="coord", full_name="Coordinator", role=Role.COORDINATOR, password="temporary-1")
    finally:
        session.close()
    session = login(data_dir, "coord", "temporary-1")
    try:
        session.change_own_password("temporary-1", PASSWORD)
        return register_subject(session, initials="AB", birth_year=1990, sex="F").subject_id
    finally:
        session.close()


@pytest.mark.slow
def test_the_whole_loop_through_the_command_line(tmp_path: Path, cli_env: dict[str, str]) -> None:
    centre, key, folder = tmp_path / "centre", tmp_path / "centre-key.json", tmp_path / "central"
    folder.mkdir()
    made = crf("centre", "init", "--data-dir", str(centre), "--admin", "dm", "--out-key", str(key), env=cli_env,
               new_password=PASSWORD)
    assert made.code == 0, made.err
    assert "Centre key fingerprint:" in made.out and key.exists()
    fingerprint = made.out.split("Centre key fingerprint: ")[1].splitlines()[0]

    randomisation = tmp_path / "list.csv"
    with randomisation.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["seq", "rand_no", "msc_kit", "mmf_kit", "arm"])
        for seq in range(1, 5):
            writer.writerow([seq, f"R02-{seq:03d}", f"MSC-{seq:04d}", f"MMF-{seq:04d}", "AB"[seq % 2]])
    enrolment = tmp_path / "enrol-02.json"
    issued = crf("centre", "enrol", "--data-dir", str(centre), "--user", "dm", "--site", "02", "--out",
                 str(enrolment), "--randomisation", str(randomisation), env=cli_env, password=PASSWORD)
    assert issued.code == 0, issued.err
    code = issued.out.split("ENROLMENT CODE")[1].split("\n\n")[1].strip()
    text = enrolment.read_text(encoding="utf-8")
    assert '"arm"' not in text and "R02-001" not in text  # the list is sealed, not readable in the file

    site = tmp_path / "site02"
    wrong = crf("init", "--data-dir", str(site), "--site", "03", "--study", "NCT03580291", "--admin", "admin",
                "--centre-key", str(enrolment), env=cli_env, new_password=PASSWORD)
    assert wrong.code == 2 and "issued for site 02" in wrong.err and not site.exists()
    env = dict(cli_env, CRF_ENROLMENT_CODE=code)
    init = crf("init", "--data-dir", str(site), "--site", "02", "--study", "NCT03580291", "--admin", "admin",
               "--centre-key", str(enrolment), env=env, new_password=PASSWORD)
    assert init.code == 0, init.err
    assert f"Centre key fingerprint: {fingerprint}" in init.out
    assert "randomisation list (4 entries" in init.out

    subject = _site_subject(site)
    sent = crf("export", "--data-dir", str(site), "--user", "coord", "--to", str(folder), env=cli_env,
               password=PASSWORD)
    assert sent.code == 0, sent.err
    assert "Sent package 1" in sent.out
    again = crf("export", "--data-dir", str(site), "--user", "coord", "--to", str(folder), env=cli_env,
                password=PASSWORD)
    assert again.code == 0 and "Nothing to send: no changes since package 1" in again.out

    imported = crf("centre", "import", "--data-dir", str(centre), "--user", "dm", "--from", str(folder),
                   env=cli_env, password=PASSWORD)
    assert imported.code == 0, imported.out + imported.err
    assert "site 02: 1 applied" in imported.out and "NEW SITE KEY PINNED" in imported.out

    raised = crf("centre", "query", "raise", "--data-dir", str(centre), "--user", "dm", "--site", "02",
                 "--subject", subject, "--visit", "screening", "--form", "consent", "--field", "consent_date",
                 "--question", "Date differs from the source", "--folder", str(folder), env=cli_env,
                 password=PASSWORD)
    assert raised.code == 0, raised.err
    received = crf("export", "--data-dir", str(site), "--user", "coord", "--to", str(folder), env=cli_env,
                   password=PASSWORD)
    assert "1 query change(s) from the centre" in received.out, received.out

    session = login(site, "coord", PASSWORD)
    try:
        (query,) = subject_queries(session, subject)
        assert query.raised_by == "dm (centre)"
        answer_query(session, query.id, "Checked: the source says 3 days ago")
    finally:
        session.close()
    crf("export", "--data-dir", str(site), "--user", "coord", "--to", str(folder), env=cli_env, password=PASSWORD)
    crf("centre", "import", "--data-dir", str(centre), "--user", "dm", "--from", str(folder), env=cli_env,
        password=PASSWORD)
    listed = crf("centre", "query", "list", "--data-dir", str(centre), "--user", "dm", env=cli_env,
                 password=PASSWORD)
    assert "answered" in listed.out and "the source says 3 days ago" in listed.out
    closed = crf("centre", "query", "close", "C-0001", "--data-dir", str(centre), "--user", "dm", "--folder",
                 str(folder), env=cli_env, password=PASSWORD)
    assert closed.code == 0, closed.err
    crf("export", "--data-dir", str(site), "--user", "coord", "--to", str(folder), env=cli_env, password=PASSWORD)
    session = login(site, "coord", PASSWORD)
    try:
        (query,) = subject_queries(session, subject)
        assert query.status.value == "closed"
    finally:
        session.close()


def test_import_exits_1_while_a_package_is_quarantined(tmp_path: Path, cli_env: dict[str, str]) -> None:
    centre, key, folder = tmp_path / "centre", tmp_path / "centre-key.json", tmp_path / "central"
    crf("centre", "init", "--data-dir", str(centre), "--admin", "dm", "--out-key", str(key), env=cli_env,
        new_password=PASSWORD)
    stray = folder / "to-centre" / "01" / "NCT03580291_01_1.crfpkg"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"not a package at all")
    result = crf("centre", "import", "--data-dir", str(centre), "--user", "dm", "--from", str(folder), env=cli_env,
                 password=PASSWORD)
    assert result.code == 1
    assert "QUARANTINED NCT03580291_01_1.crfpkg: not a crf-desktop package" in result.out


def test_a_centre_key_file_that_is_not_a_key_is_refused_before_anything_is_made(tmp_path: Path,
                                                                               cli_env: dict[str, str]) -> None:
    bogus = tmp_path / "centre-key.json"
    bogus.write_text('{"hello": "world"}', encoding="utf-8")
    site = tmp_path / "site"
    result = crf("init", "--data-dir", str(site), "--site", "01", "--study", "NCT03580291", "--admin", "admin",
                 "--centre-key", str(bogus), env=cli_env, new_password=PASSWORD)
    assert result.code == 2
    assert f"the centre key file {bogus} is not a crf-desktop centre key" in result.err
    assert not site.exists()
