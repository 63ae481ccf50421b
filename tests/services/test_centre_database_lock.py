"""Issue 8 (QA): unblinding is the database lock. After it the centre enrols no site and raises no query (each
refusal names the date and who unblinded); packages still apply, and the import report says per site that data
arrived after the lock; the status shows what was unblinded and what is there now; the unblinding's checks refuse
before anyone is warned or asked for a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.centre_unblinding import blinding_status, unblind_precheck
from crf_desktop.services.randomisation import randomise
from crf_desktop.services.session import Session
from crf_desktop.store import centre_unblinding as store
from tests.services.test_eligibility_service import screen
from tests.services.unblinding_world import LIST, STUDY, World, fresh_world, unblind_the_study


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> World:
    return fresh_world(tmp_path_factory, tmp_path / "world")


@pytest.fixture
def locked(world: World) -> tuple[World, store.StudyUnblinding]:
    return world, world.lock()


def _actions(session: Session) -> list[str]:
    return [e.action for e in session.audit_trail(limit=1000)]


def _raise_consent_query(centre: Session, world: World) -> str:
    """The centre asks site 01 who obtained the first subject's consent."""
    return centre_service.raise_query(centre, site="01", subject_id=world.subjects[0], visit="screening",
                                      form="consent", repeat_no=0, field="consent_obtained_by",
                                      question="Who obtained consent?")


def test_no_site_is_enrolled_after_the_lock(locked: tuple[World, store.StudyUnblinding], tmp_path: Path) -> None:
    world, done = locked
    centre = world.centre()
    try:
        for site in ("02", "01"):  # a new site, and a lost enrolment file re-issued
            out = tmp_path / f"enrol-{site}.json"
            with pytest.raises(UserInputError, match=f"database is locked: study {STUDY} was unblinded on "
                               f"{done.unblinded_at} by Dana Manager \\(dm\\)") as refused:
                centre_service.issue_enrolment(centre, site=site, out=out, randomisation_list=LIST[:1],
                                               on_code=lambda _c: None)
            assert f"site {site}" in str(refused.value)
            assert not out.exists()
        assert [s.site for s in centre_service.pinned_sites(centre)] == ["01"]
        actions = _actions(centre)
        assert actions.count("site enrolled") == 1 and "enrolment re-issued" not in actions
    finally:
        centre.close()


def test_no_query_is_raised_after_the_lock(locked: tuple[World, store.StudyUnblinding]) -> None:
    world, done = locked
    centre = world.centre()
    try:
        with pytest.raises(UserInputError, match=f"database is locked.*unblinded on {done.unblinded_at}.*no new "
                           "query can be raised"):
            _raise_consent_query(centre, world)
        assert centre_service.list_queries(centre) == []
    finally:
        centre.close()


def test_a_query_closed_before_the_lock_is_not_re_opened_after_it(world: World) -> None:
    # QA: a re-open sends a new follow-up question to the site, which is new data after the lock
    centre = world.centre()
    try:
        query_id = _raise_consent_query(centre, world)
        centre_service.close_query(centre, query_id, "checked against the consent log")
        unblind_the_study(centre, [world.full_list()])
        with pytest.raises(UserInputError, match="database is locked.*no query can be re-opened"):
            centre_service.reopen_query(centre, query_id, "Please also give the time of consent")
        (query,) = centre_service.list_queries(centre)
        assert query.status == "closed" and "time of consent" not in query.question
    finally:
        centre.close()


def test_a_query_may_be_raised_while_blinded(world: World) -> None:
    centre = world.centre()
    try:
        assert _raise_consent_query(centre, world) == "C-0001"
    finally:
        centre.close()


def test_data_after_the_lock_is_applied_and_reported_per_site(locked: tuple[World, store.StudyUnblinding]) -> None:
    world, done = locked
    world.send_consent_change()
    centre = world.centre()
    try:
        report = centre_service.import_packages(centre, world.folder)
        assert report.ok and report.applied == 1  # nothing a site sends is lost
        text = "\n".join(report.lines())
        assert (f"warning: DATA AFTER DATABASE LOCK: site 01 sent data after the study was unblinded (database "
                f"lock) on {done.unblinded_at}:") in text
        assert "in 1 package(s)" in text and "record(s) new or changed" in text
        assert "data after database lock" in _actions(centre)
        again = centre_service.import_packages(centre, world.folder)  # nothing new: nothing to say
        assert again.applied == 0 and "DATABASE LOCK" not in "\n".join(again.lines())
    finally:
        centre.close()


def test_an_import_while_blinded_says_nothing_of_a_lock(world: World) -> None:
    world.send_consent_change()
    centre = world.centre()
    try:
        report = centre_service.import_packages(centre, world.folder)
        assert report.applied == 1 and "DATABASE LOCK" not in "\n".join(report.lines())
    finally:
        centre.close()


def test_the_status_shows_what_was_unblinded_and_what_came_after(locked: tuple[World, store.StudyUnblinding]) -> None:
    world, done = locked
    centre = world.centre()
    try:
        lines = blinding_status(centre).lines()
    finally:
        centre.close()
    assert "Unblinded: 3 randomised subject(s) at 1 site(s); randomisation lists SHA-256" in "\n".join(lines)
    assert not any(line.startswith(("Now:", "Data after")) for line in lines)  # nothing changed yet

    site = world.coordinator()
    try:
        late = screen(site, initials="DD")
        randomise(site, late)  # sequence 4: arm A in the list given at unblinding
        sync_service.export_to_centre(site, world.folder)
    finally:
        site.close()
    centre = world.centre()
    try:
        centre_service.import_packages(centre, world.folder)
        text = "\n".join(blinding_status(centre).lines())
    finally:
        centre.close()
    assert "Unblinded: 3 randomised subject(s) at 1 site(s)" in text  # what was unblinded stays as recorded
    assert "Now: 4 randomised subject(s) at 1 site(s); 1 subject(s) randomised after the unblinding" in text
    assert f"  site 01, subject {late} (arm in the exports)" in text
    assert "Data after the database lock: site 01, 1 package(s)" in text
    for earlier in world.subjects:
        assert f"subject {earlier} (" not in text


def test_the_precheck_refuses_before_any_warning_and_writes_nothing(world: World) -> None:
    world.add_centre_user("monitor", "Mo Nitor", Role.MONITOR)
    admin = world.centre()
    try:
        with pytest.raises(UserInputError, match=f"subject {world.subjects[2]}, randomisation number R01-003"):
            unblind_precheck(admin)
        listed = world.full_list()
        unblind_precheck(admin, [listed])  # would succeed: nothing raised, nothing kept
        assert store.unblinding(admin.site.db, STUDY) is None and len(store.list_entries(admin.site.db)) == 2
        done = unblind_the_study(admin, [listed])
        with pytest.raises(UserInputError, match=f"already unblinded on {done.unblinded_at} by Dana Manager"):
            unblind_precheck(admin)
    finally:
        admin.close()
    monitor = world.centre("monitor")
    try:
        with pytest.raises(PermissionDenied, match="may not unblind the study"):
            unblind_precheck(monitor)
    finally:
        monitor.close()
