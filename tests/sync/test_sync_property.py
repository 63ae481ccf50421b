"""Issue 8 property: any sequence of site edits, exports and duplicated, reordered or delayed deliveries ends,
once everything is delivered, with the centre holding exactly the site's data and audit trail."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import init_site, login
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture
from tests.sync.conftest import CENTRE_PASSWORD, CentreFixture, add_subject, enrol, save_consent
from tests.sync.test_export_import import assert_centre_holds_the_site


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteFixture, CentreFixture]:
    """An enrolled site with a coordinator and its centre, made once and copied for every example."""
    root = tmp_path_factory.mktemp("template")
    session, recovery = init_site(root / "site", site="01", study="NCT03580291", admin="admin", admin_name="Admin",
                                  password=ADMIN_PASSWORD)
    session.add_user(username="coordinator", full_name="Coordinator", role=Role.COORDINATOR, password="temporary-1")
    session.close()
    session = login(root / "site", "coordinator", "temporary-1")
    session.change_own_password("temporary-1", USER_PASSWORD)
    session.close()
    key = root / "centre-key.json"
    session, _recovery = centre_service.init_centre(root / "centre", admin="dm", admin_name="Dana",
                                                    password=CENTRE_PASSWORD, out_key=key)
    session.close()
    site, centre = SiteFixture(root / "site", recovery), CentreFixture(root / "centre", key)
    enrol(site, centre)
    return site, centre


STEPS = st.lists(st.one_of(
    st.just(("add",)),
    st.tuples(st.just("edit"), st.integers(0, 5)),
    st.just(("export",)),
    st.tuples(st.just("deliver"), st.integers(0, 20), st.booleans()),  # which pending package; keep a copy back?
    st.just(("import",)),
), min_size=1, max_size=14)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, seed=st.integers(0, 2**16))
def test_the_centre_ends_with_exactly_the_sites_data_and_audit_trail(
        template: tuple[SiteFixture, CentreFixture], tmp_path_factory: pytest.TempPathFactory,
        steps: list[tuple[object, ...]], seed: int) -> None:
    work = tmp_path_factory.mktemp("example")
    site_template, centre_template = template
    shutil.copytree(site_template.data_dir, work / "site")
    shutil.copytree(centre_template.data_dir, work / "centre")
    site = SiteFixture(work / "site", site_template.recovery_key)
    centre = CentreFixture(work / "centre", centre_template.key_file)
    outgoing, incoming = work / "site-side", work / "centre-side"  # the two ends of a sync tool
    outgoing.mkdir()
    (incoming / "to-centre" / "01").mkdir(parents=True)
    pending: list[Path] = []
    shuffle = random.Random(seed)
    subjects: list[str] = []
    coordinator = login(site.data_dir, "coordinator", USER_PASSWORD)
    data_manager = centre.login()
    try:
        def deliver(path: Path) -> None:
            shutil.copy(path, incoming / "to-centre" / "01" / path.name)

        for step in steps:
            if step[0] == "add":
                subjects.append(add_subject(coordinator, initials="AB"))
            elif step[0] == "edit" and subjects:
                save_consent(coordinator, subjects[int(step[1]) % len(subjects)], f"Dr {shuffle.randint(1, 999)}",
                             reason="corrected")
            elif step[0] == "export":
                result = sync_service.export_to_centre(coordinator, outgoing)
                if result.package is not None:
                    pending.append(result.package)
            elif step[0] == "deliver" and pending:
                path = pending[int(step[1]) % len(pending)]
                deliver(path)
                if not step[2]:
                    pending.remove(path)  # otherwise it is delivered again later: a duplicate
            elif step[0] == "import":
                centre_service.import_packages(data_manager, incoming)
        if not subjects:
            subjects.append(add_subject(coordinator))
        result = sync_service.export_to_centre(coordinator, outgoing)
        if result.package is not None:
            pending.append(result.package)
        shuffle.shuffle(pending)
        for path in pending:
            deliver(path)
        report = centre_service.import_packages(data_manager, incoming)
        assert report.ok, report.lines()
        assert sync_service.sync_status(coordinator).unsent_changes == 0
    finally:
        coordinator.close()
    try:
        assert_centre_holds_the_site(site, data_manager)
    finally:
        data_manager.close()
