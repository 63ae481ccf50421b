"""Issue 8 QA follow-ups on the command line: the words a command says when pointed at the coordinating centre's
data directory (or a folder that does not exist), the deprecation notice of ``centre query close --reopen``, and
``export --status`` counting what the next export sends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.ids import STUDY
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.demo_join import demo_centre_at
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.e2e.site_query_world import site_query_world
from tests.sync.conftest import add_subject, coordinator

CENTRE_PASSWORD = "centre-words-pass-1"


def _centre(tmp_path: Path) -> tuple[Path, Path]:
    """A coordinating centre in tmp_path/centre (its data manager ``dm``) and its public key file."""
    key = tmp_path / "centre-key.json"
    session, _recovery = centre_service.init_centre(tmp_path / "centre", admin="dm", admin_name="Dana Manager",
                                                    password=CENTRE_PASSWORD, out_key=key)
    session.close()
    return tmp_path / "centre", key


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_commands_pointed_at_the_centre_say_it_is_the_centre_and_leave_it_alone(
        site: SiteFixture, tmp_path: Path, cli_env: dict[str, str]) -> None:
    centre, key = _centre(tmp_path)
    before = _snapshot(centre)

    demo = crf("demo", "--data-dir", str(centre), "--no-gui", env=cli_env)
    assert demo.code == 2, demo
    assert f"{centre} holds a coordinating centre, not a demo site" in demo.err
    assert "another --data-dir" in demo.err and "Using the existing demo site" not in demo.out

    # refused before the password is asked: the words are about the centre, not a missing password or a role
    for password in (None, CENTRE_PASSWORD):
        enrol = crf("enrol", "--data-dir", str(centre), "--user", "dm", "--centre-key", str(key), env=cli_env,
                    password=password)
        assert enrol.code == 2, enrol
        assert f"enrolment runs at a site, and {centre} is the coordinating centre's data directory" in enrol.err
        assert "may not" not in enrol.err and "no password" not in enrol.err
    assert _snapshot(centre) == before

    verify = crf("verify", "--data-dir", str(centre), "--user", "dm", env=cli_env, password=CENTRE_PASSWORD)
    assert verify.code == 0, verify
    assert f"Verifying the coordinating centre ({STUDY}) in {centre}" in verify.out
    assert "site centre" not in verify.out

    # a real (not demo) site is not opened by the demo either, nor called a demo site
    site_before = _snapshot(site.data_dir)
    demo = crf("demo", "--data-dir", str(site.data_dir), "--no-gui", env=cli_env)
    assert demo.code == 2, demo
    assert f"{site.data_dir} holds a crf-desktop site that is not a demo site; nothing was changed" in demo.err
    assert f"crf-desktop --data-dir {site.data_dir}" in demo.err and "Using the existing demo site" not in demo.out
    assert _snapshot(site.data_dir) == site_before


def test_init_names_what_the_folder_already_holds(site: SiteFixture, tmp_path: Path,
                                                   cli_env: dict[str, str]) -> None:
    centre, _key = _centre(tmp_path)
    held = {centre: f"already holds the coordinating centre of study {STUDY}",
            site.data_dir: f"already holds site 01 of study {STUDY}"}
    for data_dir, words in held.items():
        before = _snapshot(data_dir)
        new_key = tmp_path / "new-key.json"
        # asked for nothing first: without CRF_NEW_PASSWORD the refusal is the same
        for new_password in (None, "another-pass-123"):
            made = crf("centre", "init", "--data-dir", str(data_dir), "--admin", "dm2", "--out-key", str(new_key),
                       env=cli_env, new_password=new_password)
            assert made.code == 2, made
            assert f"{data_dir} {words}; nothing was created. A coordinating centre needs an empty folder" in made.err
            assert "a site or the coordinating centre" not in made.err
            assert not new_key.exists()
            made = crf("init", "--data-dir", str(data_dir), "--site", "02", "--study", STUDY, "--admin", "admin2",
                       env=cli_env, new_password=new_password)
            assert made.code == 2, made
            assert f"{data_dir} {words}; nothing was created. Site 02 needs an empty folder" in made.err
        assert _snapshot(data_dir) == before
    # the services say it too (the GUI and scripts call init_centre)
    with pytest.raises(UserInputError, match=f"already holds site 01 of study {STUDY}"):
        centre_service.init_centre(site.data_dir, admin="dm2", admin_name="D", password="another-pass-123",
                                   out_key=tmp_path / "new-key.json")
    assert centre_service.holds_centre(centre) and not centre_service.holds_centre(site.data_dir)
    assert not centre_service.holds_centre(tmp_path / "nowhere")


def test_joining_a_demo_centre_that_does_not_exist_says_so(tmp_path: Path, cli_env: dict[str, str]) -> None:
    missing = tmp_path / "demo-centre"
    joined = crf("demo", "--data-dir", str(tmp_path / "demo2"), "--site", "02", "--join-centre", str(missing),
                 "--no-gui", env=cli_env)
    assert joined.code == 2, joined
    assert f"--join-centre {missing} does not exist" in joined.err
    assert "not a crf-desktop data directory" not in joined.err
    assert not (tmp_path / "demo2").exists() and not missing.exists()
    a_file = tmp_path / "notes-centre"
    a_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UserInputError, match="is a file, not a folder"):
        demo_centre_at(a_file)
    (tmp_path / "empty-centre").mkdir()
    with pytest.raises(UserInputError, match="is not a crf-desktop data directory"):
        demo_centre_at(tmp_path / "empty-centre")


def _sent(export_out: str) -> int:
    found = re.search(r"Sent package \d+ with (\d+) changes? to ", export_out)
    return int(found.group(1)) if found else 0


def _unsent(status_out: str) -> int:
    found = re.search(r"unsent changes: (\d+);", status_out)
    assert found is not None, status_out
    return int(found.group(1))


@pytest.mark.slow
def test_close_reopen_still_works_with_a_notice_and_the_status_counts_what_the_export_sends(
        site_with_users: SiteFixture, tmp_path: Path, cli_env: dict[str, str]) -> None:
    world = site_query_world(site_with_users, tmp_path, cli_env)
    folder = ("--folder", str(world.folder))
    code, out, _err = world.as_dm("query", "raise", "--site", "01", "--subject", world.subject, "--visit",
                                  "screening", "--form", "consent", "--field", "consent_date", "--question",
                                  "Date of consent?", *folder)
    assert code == 0, out

    # the site has changed nothing since its export, but the centre's message brings a query: the status says
    # how many changes the export will send, and where they come from
    status = crf("export", *world.site, "--status", env=cli_env, password=USER_PASSWORD)
    assert status.code == 0, status
    sent = crf("export", *world.site, env=cli_env, password=USER_PASSWORD)
    assert sent.code == 0, sent
    assert _sent(sent.out) == 1  # the site's copy of query C-0001
    assert _unsent(status.out) == 1
    assert "1 of those changes come from the centre's messages waiting in the central folder" in status.out
    # the preview kept nothing: the export applied the message itself (and said so)
    assert "1 query change(s) from the centre" in sent.out

    assert world.as_dm("import", "--from", str(world.folder))[0] == 0
    assert world.as_dm("query", "close", "C-0001", "--reason", "Date matches the form", *folder)[0] == 0
    code, out, err = world.as_dm("query", "close", "C-0001", "--reopen", "Which version of the form?", *folder)
    assert code == 0 and "Re-opened query C-0001" in out, (out, err)
    notices = [line for line in err.splitlines() if "deprecated" in line]
    assert notices == ["warning: 'centre query close --reopen' is deprecated and will be removed; use: crf-desktop "
                       "centre query reopen C-0001 --reason FOLLOW-UP"]
    assert "deprecated" not in out
    assert world.as_dm("query", "close", "C-0001", "--reason", "Version 2")[0] == 0
    code, out, err = world.as_dm("query", "reopen", "C-0001", "--reason", "And the date?", *folder)
    assert code == 0 and "Re-opened query C-0001" in out and "deprecated" not in err, (out, err)

    # a subject registered here and the centre's close and re-open of C-0001, waiting together
    session = coordinator(site_with_users)
    try:
        add_subject(session)
        here = sync_service.sync_status(session).unsent_changes
    finally:
        session.close()
    status = crf("export", *world.site, "--status", env=cli_env, password=USER_PASSWORD)
    sent = crf("export", *world.site, env=cli_env, password=USER_PASSWORD)
    assert sent.code == 0, sent
    assert _unsent(status.out) == _sent(sent.out) == here + 1
    assert "1 of those changes come from the centre's messages" in status.out
    after = crf("export", *world.site, "--status", env=cli_env, password=USER_PASSWORD)
    assert _unsent(after.out) == 0 and "come from" not in after.out
