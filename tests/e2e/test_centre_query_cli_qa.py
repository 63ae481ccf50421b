"""Issue 8 QA findings 2-5 through the real command: ``centre query list`` shows who closed or re-opened a query,
when and why; ``close --reopen ""`` is refused (exit 2) instead of closing; ``list --site 07`` names the site that
is not enrolled (exit 2); the help of the centre commands describes the centre's data directory and every
option of ``centre query raise``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteFixture
from tests.e2e.cli import crf
from tests.e2e.site_query_world import site_query_world


@pytest.mark.slow
def test_the_query_commands_show_the_last_decision_and_refuse_what_they_cannot_do(
        site_with_users: SiteFixture, tmp_path: Path, cli_env: dict[str, str]) -> None:
    world = site_query_world(site_with_users, tmp_path, cli_env)
    subject, as_dm = world.subject, world.as_dm
    code, out, _err = as_dm("query", "raise", "--site", "01", "--subject", subject, "--visit", "screening",
                            "--form", "consent", "--field", "consent_date", "--question", "Date of consent?")
    assert code == 0 and "Raised query C-0001" in out

    # finding 3: an empty --reopen is refused, nothing is closed
    for empty in ("", "   "):
        code, out, err = as_dm("query", "close", "C-0001", "--reopen", empty)
        assert code == 2 and "--reopen is empty" in err and "centre query reopen C-0001" in err, (out, err)
        assert "Closed" not in out
    code, _out, err = as_dm("query", "close", "C-0001", "--reason", "x", "--reopen", "y")
    assert code == 2 and "not both" in err
    assert " open " in next(r for r in as_dm("query", "list")[1].splitlines() if r.startswith("C-0001"))

    # finding 2: who closed it, when and why, in the list
    assert as_dm("query", "close", "S01-0001", "--reason", "Checked against the consent log")[0] == 0
    assert as_dm("query", "close", "C-0001", "--reason", "Date matches the form")[0] == 0
    code, out, _err = as_dm("query", "list", "--status", "closed")
    assert code == 0
    lines = out.splitlines()
    site_at = next(i for i, r in enumerate(lines) if r.startswith("S01-0001"))
    centre_at = next(i for i, r in enumerate(lines) if r.startswith("C-0001"))
    site_decision = next(r for r in lines[site_at:] if "closed by" in r)
    assert "closed by dm (centre) at 20" in site_decision
    assert site_decision.endswith(": Checked against the consent log")
    centre_decision = next(r for r in lines[centre_at:] if "closed by" in r)
    assert "closed by dm at 20" in centre_decision and centre_decision.endswith(": Date matches the form")
    reopened = as_dm("query", "close", "C-0001", "--reopen", "Which version of the form?")  # still works
    assert reopened[0] == 0 and "Re-opened query C-0001" in reopened[1]
    out = as_dm("query", "list", "--status", "open")[1]
    assert "re-opened by dm at 20" in out and out.rstrip().endswith(": Which version of the form?")

    # finding 4: a site that is not enrolled is named, not "no queries match"
    code, out, err = as_dm("query", "list", "--site", "07")
    assert code == 2 and "site 07 is not enrolled at this centre" in err and "No queries" not in out


@pytest.mark.parametrize("command", [("init",), ("enrol",), ("import",), ("export",), ("unblind",), ("sites",),
                                     ("query", "raise"), ("query", "list"), ("query", "close"),
                                     ("query", "reopen")])
def test_centre_help_names_the_centres_data_directory(command: tuple[str, ...], cli_env: dict[str, str]) -> None:
    done = crf("centre", *command, "--help", env=cli_env)
    flat = " ".join(done.out.split())
    assert done.code == 0 and "the centre's data directory" in flat and "site's data directory" not in flat


def test_centre_query_raise_explains_every_option_and_close_points_to_reopen(cli_env: dict[str, str]) -> None:
    flat = " ".join(crf("centre", "query", "raise", "--help", env=cli_env).out.split())
    for option, words in (("--site SITE", "the enrolled site"), ("--subject SUBJECT", "subject id"),
                          ("--visit VISIT", "visit code"), ("--form FORM", "form id"), ("--field FIELD", "field id"),
                          ("--question TEXT", "what the site must clarify")):
        assert f"{option} {words}" in flat, option
    flat = " ".join(crf("centre", "query", "close", "--help", env=cli_env).out.split())
    assert "use: centre query reopen ID --reason FOLLOW-UP" in flat
    flat = " ".join(crf("init", "--help", env=cli_env).out.split())
    assert "the site's data directory" in flat  # the site's commands keep their wording
