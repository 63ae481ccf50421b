"""Issue 8 follow-up (QA): a copy of a site's own package under a wrong name is named as such, at the centre and
at the site; a real sign that the site's database went back in time is still refused as a restore."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crf_desktop.core.errors import CrfError, UserInputError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.queries import subject_queries
from crf_desktop.services.session import Session, restore
from crf_desktop.services.subjects import list_subjects
from crf_desktop.store import sync_state
from crf_desktop.sync.package import Reason
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.sync.conftest import (
    CentreFixture,
    add_subject,
    coordinator,
    export,
    import_all,
    two_packages_and_the_backup_between,
)
from tests.sync.test_faults import make_site

PKG = "NCT03580291_01_{}.crfpkg"


def _outbox(folder: Path, site: str = "01") -> Path:
    return folder / "to-centre" / site


def _change(site: SiteFixture, initials: str) -> None:
    session = coordinator(site)
    try:
        add_subject(session, initials)
    finally:
        session.close()


def _first_package(site: SiteFixture, folder: Path) -> Path:
    _change(site, "AB")
    result = export(site, folder)
    assert result.seq == 1 and result.package is not None
    return result.package


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site_state(site: SiteFixture) -> tuple[int, int, int]:
    """(last package recorded, unsent changes, 'export failed' audit entries) as the site holds them."""
    session = site.login()
    try:
        db = session.site.db
        last = sync_state.last_package(db)
        unsent = sync_service.sync_status(session).unsent_changes
        failed = db.execute("SELECT count(*) FROM audit WHERE action = 'export failed'").fetchone()[0]
    finally:
        session.close()
    return (last.seq if last else 0), unsent, failed


def _refused(site: SiteFixture, folder: Path) -> CrfError:
    session = coordinator(site)
    try:
        with pytest.raises(CrfError) as refused:
            sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    return refused.value


# -- at the centre ----------------------------------------------------------------------------------------------
def test_a_copy_under_the_next_number_is_named_a_misnamed_copy_not_another_sites_package(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    first = _first_package(enrolled, folder)
    stray = _outbox(folder) / PKG.format(2)
    shutil.copy(first, stray)
    report = import_all(centre, folder)
    (site,) = report.sites
    assert site.applied == (1,) and site.last_seq == 1 and not report.ok
    (item,) = site.quarantined
    assert item.file == stray.name and item.reason is Reason.MISNAMED
    assert item.detail == ("its header says it is package 1 of site 01, so its name should be "
                           "NCT03580291_01_1.crfpkg, but it is named NCT03580291_01_2.crfpkg: it is a copy of "
                           "NCT03580291_01_1.crfpkg, which is in this folder too")
    text = "\n".join(report.lines())
    assert (f"QUARANTINED {stray.name}: this site's package under a wrong file name: its header says it is "
            "package 1 of site 01") in text
    assert "what to do: delete this stray copy" in text and "site 01's next export writes it again" in text
    assert "another site or study" not in text and "renamed or copied to the wrong place" not in text

    again = import_all(centre, folder)  # package 1 is applied now: the copy is said to be one of it
    assert "STILL QUARANTINED" in "\n".join(again.lines()) and again.sites[0].applied == ()
    stray.unlink()
    assert import_all(centre, folder).ok


def test_a_copy_of_an_applied_package_says_so_and_nothing_of_it_is_applied_again(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    first = _first_package(enrolled, folder)
    assert import_all(centre, folder).ok
    shutil.copy(first, _outbox(folder) / PKG.format(7))
    report = import_all(centre, folder)
    (item,) = report.sites[0].quarantined
    assert item.reason is Reason.MISNAMED and item.file == PKG.format(7)
    assert item.detail.endswith("but it is named NCT03580291_01_7.crfpkg: it is a copy of package 1, which this "
                                "centre has already applied")
    assert report.sites[0].applied == () and report.sites[0].duplicates == (1,) and report.sites[0].last_seq == 1
    session = centre.login()
    try:
        packages = session.site.db.execute("SELECT count(*) FROM centre_packages").fetchone()[0]
    finally:
        session.close()
    assert packages == 1


def test_a_package_renamed_away_from_its_name_is_held_until_it_is_back_under_its_own(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    first = _first_package(enrolled, folder)
    renamed = first.with_name("NCT03580291_02_4.crfpkg")  # another number, even another site's number in the name
    first.rename(renamed)
    report = import_all(centre, folder)
    (item,) = report.sites[0].quarantined
    assert item.reason is Reason.MISNAMED
    assert item.detail == ("its header says it is package 1 of site 01, so its name should be "
                           "NCT03580291_01_1.crfpkg, but it is named NCT03580291_02_4.crfpkg: it is package 1 "
                           "saved under another name")
    assert report.sites[0].applied == () and report.sites[0].last_seq == 0
    renamed.rename(first)
    assert import_all(centre, folder).sites[0].applied == (1,)


def test_another_sites_package_is_still_another_sites_and_names_where_it_belongs(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    other = make_site(tmp_path, centre, "02", folder_name="site02")
    _change(other, "CD")
    result = export(other, folder)
    assert result.package is not None
    _outbox(folder).mkdir(parents=True)
    shutil.move(result.package, _outbox(folder) / PKG.format(3))
    report = import_all(centre, folder)
    (site01,) = [s for s in report.sites if s.site == "01"]
    (item,) = site01.quarantined
    assert item.reason is Reason.WRONG_PLACE
    assert "written by site 02" in item.detail
    assert "its name should be NCT03580291_02_1.crfpkg in to-centre/02/" in item.detail


# -- at the site ------------------------------------------------------------------------------------------------
def test_a_copy_under_the_next_number_stops_the_export_naming_the_copy_not_a_restore(
        enrolled: SiteFixture, folder: Path, tmp_path: Path) -> None:
    first = _first_package(enrolled, folder)
    stray = _outbox(folder) / PKG.format(2)
    shutil.copy(first, stray)
    _change(enrolled, "CD")
    before, state_before = _snapshot(folder), _site_state(enrolled)
    refused = _refused(enrolled, folder)
    assert isinstance(refused, UserInputError) and refused.exit_code == 2
    assert refused.message == (
        f"NCT03580291_01_2.crfpkg in {_outbox(folder)} is a copy of this site's package 1 under a wrong name: its "
        "header says package 1, so its name would be NCT03580291_01_1.crfpkg. Delete this stray copy (or move it "
        "out of the folder): nothing is lost, this site keeps every package it wrote and writes again any the "
        "centre still needs. Nothing was written; export again once the file is out of the folder")
    assert "older backup" not in refused.message
    assert _snapshot(folder) == before  # nothing written to the folder
    last, unsent, failed = _site_state(enrolled)
    assert (last, unsent) == state_before[:2] and last == 1 and unsent > 0  # nothing recorded, changes still due
    assert failed == state_before[2] + 1  # the refusal is audited

    shutil.move(stray, tmp_path / stray.name)
    result = export(enrolled, folder)
    assert result.seq == 2 and result.problems == ()


def test_a_copy_further_ahead_does_not_stop_the_export_but_is_named_in_a_warning(
        enrolled: SiteFixture, folder: Path) -> None:
    first = _first_package(enrolled, folder)
    stray = _outbox(folder) / PKG.format(7)
    shutil.copy(first, stray)
    nothing = export(enrolled, folder)  # nothing to send: still told about the copy
    assert nothing.seq is None and len(nothing.problems) == 1
    _change(enrolled, "CD")
    result = export(enrolled, folder)
    assert result.seq == 2 and result.package is not None and result.package.exists()
    (warning,) = result.problems
    assert warning.startswith(f"NCT03580291_01_7.crfpkg in {_outbox(folder)} is a copy of this site's package 1 "
                              "under a wrong name")
    assert "Delete this stray copy" in warning and "older backup" not in warning
    assert nothing.problems == result.problems


def test_another_sites_package_or_a_damaged_file_under_the_next_name_is_named_as_what_it_is(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    _first_package(enrolled, folder)
    other = make_site(tmp_path, centre, "02", folder_name="site02")
    _change(other, "CD")
    result = export(other, folder)
    assert result.package is not None
    target = _outbox(folder) / PKG.format(2)
    shutil.copy(result.package, target)
    _change(enrolled, "EF")
    refused = _refused(enrolled, folder)
    assert isinstance(refused, UserInputError)
    assert refused.message.startswith(f"NCT03580291_01_2.crfpkg in {_outbox(folder)} is not this site's package: "
                                      "its header says it is package 1 of site 02 of study NCT03580291; it belongs "
                                      "in to-centre/02/ as NCT03580291_02_1.crfpkg. Move it out")
    target.write_bytes(b"notes the monitor saved under a package's name")
    refused = _refused(enrolled, folder)
    assert isinstance(refused, UserInputError)
    assert refused.message.startswith(f"NCT03580291_01_2.crfpkg in {_outbox(folder)} is not a readable package "
                                      "(not a crf-desktop package:")
    assert "older backup" not in refused.message
    assert _site_state(enrolled)[0] == 1


def test_a_package_of_another_installation_calling_itself_this_site_is_not_called_a_restore(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    _first_package(enrolled, folder)
    impostor = make_site(tmp_path, centre, "01", folder_name="impostor")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for initials in ("GH", "IJ"):  # its package 2
        _change(impostor, initials)
        assert export(impostor, elsewhere).package is not None
    shutil.copy(_outbox(elsewhere) / PKG.format(2), _outbox(folder) / PKG.format(2))
    _change(enrolled, "CD")
    refused = _refused(enrolled, folder)
    assert not isinstance(refused, UserInputError) and refused.exit_code == 1
    assert "says it is package 2 of site 01 but was signed by another key" in refused.message
    assert "another crf-desktop installation is sending as site 01" in refused.message
    assert "older backup" not in refused.message


def test_the_cli_export_exits_2_naming_the_stray_copy_and_writes_nothing(
        enrolled: SiteFixture, folder: Path, cli_env: dict[str, str]) -> None:
    first = _first_package(enrolled, folder)
    shutil.copy(first, _outbox(folder) / PKG.format(2))
    _change(enrolled, "CD")
    before = _snapshot(folder)
    status = crf("export", "--data-dir", str(enrolled.data_dir), "--user", "coordinator", "--status", env=cli_env,
                 password=USER_PASSWORD)
    assert status.code == 0 and "unsent changes: " in status.out and "unsent changes: 0" not in status.out
    assert "warning: the next export would stop: NCT03580291_01_2.crfpkg" in status.err
    done = crf("export", "--data-dir", str(enrolled.data_dir), "--user", "coordinator", env=cli_env,
               password=USER_PASSWORD)
    assert done.code == 2, done.err
    assert "NCT03580291_01_2.crfpkg" in done.err and "copy of this site's package 1" in done.err
    assert "NCT03580291_01_1.crfpkg" in done.err and "older backup" not in done.err
    assert _snapshot(folder) == before


# -- a real restore is still refused as one ---------------------------------------------------------------------
@pytest.mark.slow
def test_a_genuine_higher_package_of_this_site_is_still_a_restore_under_any_name(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    kept = two_packages_and_the_backup_between(enrolled, folder, tmp_path)
    assert import_all(centre, folder).sites[0].applied == (1, 2)
    restored, _replaced = restore(enrolled.data_dir, username="admin", password=ADMIN_PASSWORD, backup=str(kept),
                                  force=True)
    restored.close()
    second = _outbox(folder) / PKG.format(2)
    nothing_new = _refused(enrolled, folder)  # with nothing to send, the export says so all the same
    assert nothing_new.exit_code == 1 and "restored from an older backup" in nothing_new.message

    _change(enrolled, "XY")  # package 2 of the lost history lies under its own name
    refused = _refused(enrolled, folder)
    assert not isinstance(refused, UserInputError) and refused.exit_code == 1
    assert refused.message == (f"package 2 already exists in {_outbox(folder)}, but this site has no record of "
                               "writing it: the site's database was probably restored from an older backup. Nothing "
                               "was written; call the coordinating centre before exporting again")

    moved = second.with_name(PKG.format(5))  # renamed further ahead: still this site's, still no record of it
    second.rename(moved)
    refused = _refused(enrolled, folder)
    assert refused.exit_code == 1
    assert refused.message.startswith(f"NCT03580291_01_5.crfpkg in {_outbox(folder)} is a package this site signed "
                                      "(its header says package 2, so its name would be NCT03580291_01_2.crfpkg) but "
                                      "has no record of writing: the site's database was probably restored from an "
                                      "older backup")
    assert _site_state(enrolled)[0] == 1

    elsewhere = tmp_path / "usb"  # the lost-history package 2' delivered at the centre under a wrong name
    elsewhere.mkdir()
    forked = export(enrolled, elsewhere)
    assert forked.seq == 2 and forked.package is not None
    moved.unlink()
    shutil.copy(forked.package, _outbox(folder) / PKG.format(9))
    report = import_all(centre, folder)
    (item,) = report.sites[0].quarantined
    assert item.reason is Reason.FORK
    assert "it is named NCT03580291_01_9.crfpkg, but its header says package 2 (right name " \
           "NCT03580291_01_2.crfpkg), and package 2 was applied before with other content" in item.detail


# -- the status tells beforehand; a refused export applies nothing ---------------------------------------------
def test_the_status_names_what_would_stop_the_export_and_a_refused_export_applies_nothing(
        enrolled: SiteFixture, folder: Path, centre_session: Session, tmp_path: Path) -> None:
    first = _first_package(enrolled, folder)
    centre_service.import_packages(centre_session, folder)
    session = coordinator(enrolled)
    try:
        (sid,) = [s.subject_id for s in list_subjects(session)]
    finally:
        session.close()
    centre_service.raise_query(centre_session, site="01", subject_id=sid, visit="screening", form="consent",
                               repeat_no=0, field="consent_obtained_by", question="Who took consent?")
    centre_service.send_messages(centre_session, folder)
    stray = _outbox(folder) / PKG.format(2)  # the name the next package needs
    shutil.copy(first, stray)
    further = _outbox(folder) / PKG.format(7)
    shutil.copy(first, further)

    session = coordinator(enrolled)
    try:
        coming = sync_service.next_export(session)
        assert coming.folder == folder and coming.changes > 0 and coming.from_centre > 0  # the query's copy
        assert coming.refused is not None and coming.refused.startswith(f"{stray.name} in {_outbox(folder)} is a "
                                                                        "copy of this site's package 1")
        (warning,) = coming.warnings  # the copy further ahead would be named, and the export would go on
        assert warning.startswith(f"{further.name} in {_outbox(folder)} is a copy")
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        given = sync_service.next_export(session, elsewhere)  # --status --to reads the folder given
        assert given.folder == elsewhere and given.refused is None and given.from_centre == 0
        assert "does not exist" in (sync_service.next_export(session, tmp_path / "nowhere").folder_problem or "")

        with pytest.raises(UserInputError) as refused:
            sync_service.export_to_centre(session, folder)
        assert "Nothing was written" not in coming.refused  # the status tried nothing
        assert refused.value.message.startswith(coming.refused + ". Nothing was written")
        assert subject_queries(session, sid) == []  # the centre's query was not applied by the refused export
        assert sync_service.sync_status(session).acked_seq == 0
    finally:
        session.close()
    stray.unlink()
    session = coordinator(enrolled)
    try:
        result = sync_service.export_to_centre(session, folder)
        assert result.seq == 2 and result.queries_received == 1
        assert [q.question for q in subject_queries(session, sid)] == ["Who took consent?"]
    finally:
        session.close()
