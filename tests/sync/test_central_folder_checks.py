"""Issue 8 QA findings: a folder that is not the central folder is refused before anything is written, the
remembered folder is used when none is given and a change of folder is said, quarantined files say what to do
and are reported as still quarantined (not as new faults) on later imports, centre commands hint centre init."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crf_desktop.core.errors import DataDirError, UserInputError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.sync.package import Reason
from tests.conftest import SiteFixture
from tests.sync.conftest import CENTRE_PASSWORD, CentreFixture, add_subject, coordinator, export

PKG1 = "NCT03580291_01_1.crfpkg"


def _files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


def _remembered(site: SiteFixture) -> Path | None:
    session = coordinator(site)
    try:
        return sync_service.sync_status(session).central_folder
    finally:
        session.close()


def _first_export(site: SiteFixture, folder: Path) -> None:
    """The site's package 1, with one subject, in ``folder`` (which the site then remembers)."""
    session = coordinator(site)
    try:
        add_subject(session, "AB")
        assert sync_service.export_to_centre(session, folder).seq == 1
    finally:
        session.close()


def _export_refused(site: SiteFixture, to: Path | None) -> str:
    session = coordinator(site)
    try:
        add_subject(session)
        with pytest.raises(UserInputError) as refused:
            sync_service.export_to_centre(session, to)
    finally:
        session.close()
    return refused.value.message


def test_an_export_into_the_centres_data_directory_is_refused_and_the_remembered_folder_stays(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    export(enrolled, folder)
    before = _files_under(centre.data_dir)
    message = _export_refused(enrolled, centre.data_dir)
    assert f"{centre.data_dir} (the folder to export to) is a crf-desktop data directory, not the central " \
           "folder" in message
    assert "Nothing was written" in message
    assert not (centre.data_dir / "to-centre").exists()
    assert _files_under(centre.data_dir) == before
    assert _remembered(enrolled) == folder.resolve()


def test_an_export_into_a_folder_inside_a_data_directory_is_refused(enrolled: SiteFixture,
                                                                     centre: CentreFixture) -> None:
    inside = centre.data_dir / "exchange"
    inside.mkdir()
    message = _export_refused(enrolled, inside)
    assert f"is inside the crf-desktop data directory {centre.data_dir.resolve()}" in message
    assert list(inside.iterdir()) == []
    assert _remembered(enrolled) is None


@pytest.mark.parametrize("part", ["to-centre/01", "to-centre", "from-centre/01"])
def test_an_export_inside_the_central_folders_layout_is_refused_naming_the_central_folder(
        enrolled: SiteFixture, folder: Path, part: str) -> None:
    export(enrolled, folder)
    (folder / part).mkdir(parents=True, exist_ok=True)
    before = _files_under(folder)
    message = _export_refused(enrolled, folder / part)
    assert f"is inside the central folder's {part}; give the central folder itself, e.g. {folder.resolve()}" \
        in message
    assert _files_under(folder) == before
    assert not (folder / part / "to-centre").exists()
    assert _remembered(enrolled) == folder.resolve()


def test_a_nested_layout_from_an_earlier_wrong_export_names_the_outermost_central_folder(
        enrolled: SiteFixture, folder: Path) -> None:
    nested = folder / "to-centre" / "01" / "to-centre" / "01"
    nested.mkdir(parents=True)
    message = _export_refused(enrolled, nested)
    assert f"inside the central folder's to-centre/01/to-centre/01; give the central folder itself, e.g. " \
           f"{folder.resolve()}." in message


def test_without_a_folder_the_export_goes_to_the_remembered_one_and_says_so(enrolled: SiteFixture,
                                                                            folder: Path) -> None:
    _first_export(enrolled, folder)
    session = coordinator(enrolled)
    try:
        add_subject(session, "CD")
        sent = sync_service.export_to_centre(session, None)
    finally:
        session.close()
    assert sent.seq == 2 and sent.package == folder.resolve() / "to-centre" / "01" / "NCT03580291_01_2.crfpkg"
    assert sent.package.exists()
    assert sent.folder_notice == f"Central folder (remembered from the last export): {folder.resolve()}"


def test_without_a_folder_and_none_remembered_the_export_is_refused(enrolled: SiteFixture, folder: Path) -> None:
    message = _export_refused(enrolled, None)
    assert "has not exported yet" in message and "--to FOLDER" in message
    assert _files_under(folder) == []


def test_a_remembered_folder_that_is_gone_is_named(enrolled: SiteFixture, folder: Path) -> None:
    export(enrolled, folder)
    shutil.rmtree(folder)
    message = _export_refused(enrolled, None)
    assert f"the central folder {folder.resolve()} (remembered from the last export) does not exist" in message


def test_an_export_to_another_folder_than_the_remembered_one_says_so_and_remembers_the_new_one(
        enrolled: SiteFixture, folder: Path, tmp_path: Path) -> None:
    export(enrolled, folder)
    other = tmp_path / "usb-stick"
    other.mkdir()
    session = coordinator(enrolled)
    try:
        add_subject(session, "CD")
        sent = sync_service.export_to_centre(session, other)
        audit_reason = session.site.db.execute(
            "SELECT reason FROM audit WHERE action = 'package exported' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    finally:
        session.close()
    assert sent.previous_folder == folder.resolve() and sent.folder == other.resolve()
    assert sent.folder_notice is not None
    assert f"The central folder changed: this site sent to {folder.resolve()} until now and sends to " \
           f"{other.resolve()} from now on" in sent.folder_notice
    assert f"central folder changed from {folder.resolve()}" in audit_reason
    assert _remembered(enrolled) == other.resolve()


def test_the_centre_refuses_to_import_from_a_data_directory(enrolled: SiteFixture, centre: CentreFixture) -> None:
    session = centre.login()
    try:
        for wrong, what in ((centre.data_dir, "is a crf-desktop data directory, not the central folder"),
                            (enrolled.data_dir, "is a crf-desktop data directory, not the central folder")):
            (wrong / "to-centre" / "01").mkdir(parents=True)  # as an export before this check would have left
            with pytest.raises(UserInputError, match="the folder to import from") as refused:
                centre_service.import_packages(session, wrong)
            assert f"{wrong} (the folder to import from) {what}" in refused.value.message
        assert session.site.db.execute("SELECT count(*) FROM audit WHERE action = 'import run'").fetchone()[0] == 0
    finally:
        session.close()


def test_the_centre_refuses_to_import_from_inside_the_central_folder(enrolled: SiteFixture, centre: CentreFixture,
                                                                     folder: Path) -> None:
    export(enrolled, folder)
    session = centre.login()
    try:
        with pytest.raises(UserInputError) as refused:
            centre_service.import_packages(session, folder / "to-centre" / "01")
        assert f"give the central folder itself, e.g. {folder.resolve()}" in refused.value.message
        assert not (folder / "to-centre" / "01" / "from-centre").exists()
    finally:
        session.close()


def test_every_quarantine_reason_says_what_to_do_naming_the_site() -> None:
    for reason in Reason:
        advice = reason.advice("07")
        assert "07" in advice, reason


def _renamed_package(site: SiteFixture, folder: Path) -> Path:
    """Package 1 in the site's folder, and a copy of it renamed to package 5."""
    _first_export(site, folder)
    outbox = folder / "to-centre" / "01"
    renamed = outbox / "NCT03580291_01_5.crfpkg"
    shutil.copy(outbox / PKG1, renamed)
    return renamed


def test_a_quarantined_file_says_what_to_do_and_is_still_quarantined_not_new_on_the_next_import(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    renamed = _renamed_package(enrolled, folder)
    session = centre.login()
    try:
        first = centre_service.import_packages(session, folder)
        second = centre_service.import_packages(session, folder)
        audited = session.site.db.execute(
            "SELECT count(*) FROM audit WHERE action = 'package quarantined'").fetchone()[0]
    finally:
        session.close()
    text = "\n".join(first.lines())
    assert not first.ok and first.sites[0].applied == (1,)
    assert f"QUARANTINED {renamed.name}: this site's package under a wrong file name: its header says it is " \
           "package 1 of site 01, so its name should be NCT03580291_01_1.crfpkg, but it is named " \
           f"{renamed.name}: it is a copy of NCT03580291_01_1.crfpkg, which is in this folder too" in text
    assert "what to do: delete this stray copy (or move it out of the central folder): nothing is lost, the " \
           "package counts only under its right name, and site 01's next export writes it again" in text
    again = "\n".join(second.lines())
    assert not second.ok, again  # issue 8: anything quarantined is not OK (exit 1), new or not
    assert "STILL QUARANTINED (1 file, first seen " in again
    assert f"{renamed.name}: this site's package under a wrong file name; what to do: delete this stray copy" \
           in again
    assert f"QUARANTINED {renamed.name}:" not in again  # not reported as a new fault
    assert "Result: no new faults, but 1 file(s) stay quarantined (see above) until they are moved out" in again
    assert audited == 1


def test_a_quarantined_file_that_changes_is_a_new_fault_again(enrolled: SiteFixture, centre: CentreFixture,
                                                               folder: Path) -> None:
    renamed = _renamed_package(enrolled, folder)
    session = centre.login()
    try:
        assert not centre_service.import_packages(session, folder).ok
        renamed.write_bytes(b"something else under the same name")
        changed = centre_service.import_packages(session, folder)
    finally:
        session.close()
    assert not changed.ok
    assert f"QUARANTINED {renamed.name}: not a crf-desktop package" in "\n".join(changed.lines())


def test_once_the_file_is_moved_out_the_import_is_plainly_ok(enrolled: SiteFixture, centre: CentreFixture,
                                                             folder: Path, tmp_path: Path) -> None:
    renamed = _renamed_package(enrolled, folder)
    session = centre.login()
    try:
        centre_service.import_packages(session, folder)
        shutil.move(renamed, tmp_path / renamed.name)
        after = centre_service.import_packages(session, folder)
    finally:
        session.close()
    assert after.ok and after.lines()[-1] == "Result: OK"


def test_a_centre_command_on_a_missing_data_directory_hints_centre_init(tmp_path: Path) -> None:
    with pytest.raises(DataDirError, match="crf-desktop centre init") as refused:
        centre_service.open_centre(tmp_path / "nowhere", "dm", CENTRE_PASSWORD)
    assert str(tmp_path / "nowhere") in refused.value.message
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataDirError, match="crf-desktop centre init"):
        centre_service.open_centre(tmp_path / "empty", "dm", CENTRE_PASSWORD)


def test_a_wrong_folder_remembered_by_an_older_version_is_named_by_the_status_and_refused(
        enrolled: SiteFixture, centre: CentreFixture) -> None:
    session = coordinator(enrolled)
    try:  # what an export into the centre's data directory left before this check existed
        with session.site.db.atomic():
            session.site.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync.central_folder', ?)",
                                    [str(centre.data_dir.resolve())])
        problem = sync_service.remembered_folder_problem(session)
    finally:
        session.close()
    assert problem is not None
    assert f"{centre.data_dir.resolve()} (remembered from the last export) is a crf-desktop data directory" in problem
    assert problem.endswith("the next export needs --to FOLDER")
    message = _export_refused(enrolled, None)
    assert "(remembered from the last export) is a crf-desktop data directory, not the central folder" in message
    assert not (centre.data_dir / "to-centre").exists()


def test_a_good_remembered_folder_has_no_problem(enrolled: SiteFixture, folder: Path) -> None:
    export(enrolled, folder)
    session = coordinator(enrolled)
    try:
        assert sync_service.remembered_folder_problem(session) is None
    finally:
        session.close()
