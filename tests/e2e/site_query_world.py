"""The world both command-line query tests start from: a centre that has imported site 01's first package, which
holds one subject and a query a site monitor raised on its consent form and the coordinator answered ("Yes")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.services import centre as centre_service
from crf_desktop.services.queries import answer_query, raise_query
from crf_desktop.services.session import login
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.sync.conftest import CENTRE_PASSWORD, CentreFixture, add_subject, coordinator, enrol


@dataclass(frozen=True, kw_only=True)
class QueryWorld:
    centre: CentreFixture
    folder: Path  # the central folder
    subject: str
    site: tuple[str, ...]  # --data-dir and --user of the site's coordinator
    as_dm: Callable[..., tuple[int, str, str]]  # a ``centre`` command as the centre's data manager: code, out, err


def site_query_world(site_with_users: SiteFixture, tmp_path: Path, cli_env: dict[str, str]) -> QueryWorld:
    made, _recovery = centre_service.init_centre(tmp_path / "centre", admin="dm", admin_name="Dana Manager",
                                                 password=CENTRE_PASSWORD, out_key=tmp_path / "centre-key.json")
    made.close()
    centre = CentreFixture(tmp_path / "centre", tmp_path / "centre-key.json")
    enrol(site_with_users, centre)
    folder = tmp_path / "central"
    folder.mkdir()
    session = coordinator(site_with_users)
    try:
        subject = add_subject(session)
    finally:
        session.close()
    monitor = login(site_with_users.data_dir, "monitor", USER_PASSWORD)
    try:
        raised = raise_query(monitor, subject_id=subject, visit="screening", form_id="consent",
                             field_id="consent_obtained_by", question="Name as on the log?")
    finally:
        monitor.close()
    session = coordinator(site_with_users)
    try:
        answer_query(session, raised.id, "Yes")
    finally:
        session.close()
    dm = ("--data-dir", str(centre.data_dir), "--user", "dm")
    site = ("--data-dir", str(site_with_users.data_dir), "--user", "coordinator")

    def as_dm(*args: str) -> tuple[int, str, str]:
        done = crf("centre", *args, *dm, env=cli_env, password=CENTRE_PASSWORD)
        return done.code, done.out, done.err

    assert crf("export", *site, "--to", str(folder), env=cli_env, password=USER_PASSWORD).code == 0
    assert as_dm("import", "--from", str(folder))[0] == 0
    return QueryWorld(centre=centre, folder=folder, subject=subject, site=site, as_dm=as_dm)
