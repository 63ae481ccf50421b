"""Issue 8 item 4 through the real command: a query raised by a site's monitor is listed by ``centre query list``
(origin column, ``--site`` and ``--status`` filters), closed with ``centre query close S01-0001 --reason`` and
re-opened with ``centre query reopen``; the site applies both on its next ``export``; bad ids, a missing reason
and closing a closed query exit 2 with a message and change nothing; the CSV export carries each query once."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from crf_desktop.services.queries import subject_queries
from crf_desktop.store import users
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.e2e.site_query_world import site_query_world
from tests.sync.conftest import CENTRE_PASSWORD, coordinator


@pytest.mark.slow
def test_a_site_query_is_handled_at_the_centre_from_the_command_line(
        site_with_users: SiteFixture, tmp_path: Path, cli_env: dict[str, str]) -> None:
    world = site_query_world(site_with_users, tmp_path, cli_env)
    centre, folder, subject, site, as_dm = world.centre, world.folder, world.subject, world.site, world.as_dm
    code, out, _err = as_dm("query", "list")
    assert code == 0 and "ORIGIN" in out
    line = next(row for row in out.splitlines() if row.startswith("S01-0001"))
    assert "site: monitor" in line and "answered" in line and f"{subject} screening consent.consent_obtained_by" in line
    assert "answer (coordinator): Yes" in out
    assert "No queries match" in as_dm("query", "list", "--status", "closed")[1]
    assert "S01-0001" in as_dm("query", "list", "--site", "01", "--status", "answered")[1]

    for bad, message in ((("S01-0001",), "say why the centre closes query S01-0001"),
                         (("01-1", "--reason", "x"), "'01-1' is not a query id"),
                         (("S01-0042", "--reason", "x"), "there is no query 'S01-0042'")):
        code, _out, err = as_dm("query", "close", *bad)
        assert code == 2 and message in err, err
    closed = as_dm("query", "close", "S01-0001", "--reason", "Checked against the log", "--folder", str(folder))
    assert closed[0] == 0 and "Closed query S01-0001" in closed[1], closed
    code, _out, err = as_dm("query", "close", "S01-0001", "--reason", "again")
    assert code == 2 and "already closed" in err
    line = next(row for row in as_dm("query", "list")[1].splitlines() if row.startswith("S01-0001"))
    assert " closed " in line and line.endswith("(closed at the centre, waiting for the site's next export)")

    received = crf("export", *site, "--to", str(folder), env=cli_env, password=USER_PASSWORD)
    assert received.code == 0 and "1 query change(s) from the centre" in received.out, received.out
    session = coordinator(site_with_users)
    try:
        (query,) = subject_queries(session, subject)
        assert query.status.value == "closed"
    finally:
        session.close()
    reopened = as_dm("query", "reopen", "S01-0001", "--reason", "Which log version?", "--folder", str(folder))
    assert reopened[0] == 0 and "Re-opened query S01-0001" in reopened[1]
    crf("export", *site, "--to", str(folder), env=cli_env, password=USER_PASSWORD)
    session = coordinator(site_with_users)
    try:
        (query,) = subject_queries(session, subject)
        assert query.status.value == "open" and query.question.endswith("Which log version?")
    finally:
        session.close()
    as_dm("import", "--from", str(folder))
    line = next(row for row in as_dm("query", "list")[1].splitlines() if row.startswith("S01-0001"))
    assert " open " in line and "waiting" not in line

    session = centre.login()
    try:
        session.add_user(username="clerk", full_name="Centre Clerk", role=Role.COORDINATOR, password=CENTRE_PASSWORD)
        users.update(session.site.db, "clerk", must_change_password=False)
    finally:
        session.close()
    refused = crf("centre", "query", "close", "S01-0001", "--reason", "x", "--data-dir", str(centre.data_dir),
                  "--user", "clerk", env=cli_env, password=CENTRE_PASSWORD)
    assert refused.code != 0 and "may not close queries" in refused.err

    out = tmp_path / "csv"
    assert as_dm("export", "--format", "csv", "--out", str(out))[0] == 0
    with (out / "queries.csv").open(encoding="utf-8-sig", newline="") as handle:
        exported = [row["query_id"] for row in csv.DictReader(handle)]
    assert exported == ["S01-0001"]
