"""Issue 8: "Neither export shows the arm unless the centre has unblinded the study (a separate, audited action
for the database-lock stage)". The centre keeps the lists it issues; unblinding is a data manager's act with the
password again, the study id typed and a reason; refused with nothing written otherwise; then both exports carry
each randomised subject's arm, and the sites go on exporting and importing as before.

Real encrypted centre and site (``unblinding_world``): the centre knows the arms of sequences 1-2 (from the
enrolment file), sequence 3 was randomised from a list extension loaded at the site only.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.core.errors import AuthenticationError, PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services.centre_export import export_trial
from crf_desktop.services.centre_unblinding import blinding_status
from crf_desktop.services.session import Session, login
from crf_desktop.store import centre_unblinding as store
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.sync.odm_metadata import SUBJECT_FORM
from crf_desktop.sync.odm_names import item_oid
from tests.services.unblinding_world import (
    ENROLMENT_LIST,
    LIST,
    STUDY,
    World,
    fresh_world,
    unblind_the_study,
    write_list,
)
from tests.sync.export_data import odm_schema

ODM = "{http://www.cdisc.org/ns/odm/v1.3}"


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> World:
    return fresh_world(tmp_path_factory, tmp_path / "world")


@pytest.fixture
def dm(world: World) -> Iterator[Session]:
    session = world.centre()
    yield session
    session.close()


def _nothing_written(session: Session, kept_entries: int = len(ENROLMENT_LIST)) -> None:
    db = session.site.db
    assert store.unblinding(db, STUDY) is None
    assert len(store.list_entries(db)) == kept_entries
    assert all(e.action != "study unblinded" for e in session.audit_trail(limit=1000))


def _subjects_csv(folder: Path) -> list[dict[str, str]]:
    with (folder / "subjects.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _odm_arms(path: Path) -> dict[str, str]:
    """subject -> the arm item's value in an ODM file; the arm's ItemDef must be declared when any is given."""
    root = ET.parse(path).getroot()  # noqa: S314 - our own export
    arm_oid = item_oid(SUBJECT_FORM, "arm")
    found = {subject.get("SubjectKey", ""): item.get("Value", "")
             for subject in root.iter(f"{ODM}SubjectData") for item in subject.iter(f"{ODM}ItemData")
             if item.get("ItemOID") == arm_oid}
    declared = [d for d in root.iter(f"{ODM}ItemDef") if d.get("OID") == arm_oid]
    assert bool(declared) == bool(found)
    return found


def test_the_centre_keeps_the_list_it_seals_into_an_enrolment_file(dm: Session) -> None:
    kept = store.list_entries(dm.site.db)
    assert [(e.site, e.entry) for e in kept] == [("01", e) for e in ENROLMENT_LIST]
    assert {e.source for e in kept} == {"enrolment file enrol-01.json"}
    entry = next(e for e in dm.audit_trail(limit=1000) if e.action == "randomisation list kept")
    assert entry.field == "site 01"
    assert entry.new_value == "2 new of 2 entries from enrolment file enrol-01.json"
    # the audit trail never names an arm: only numbers and the digest
    assert entry.reason == f"list SHA-256 {store.lists_sha256(('01', e) for e in ENROLMENT_LIST)}"


def test_blinded_exports_carry_no_arm_and_the_status_names_the_subject_without_one(world: World, dm: Session,
                                                                                 tmp_path: Path) -> None:
    status = blinding_status(dm)
    assert status.unblinding is None and status.randomised == 3 and status.sites == 1
    assert status.missing == (f"site 01, subject {world.subjects[2]}, randomisation number R01-003 (sequence 3): "
                              "not in the centre's randomisation list of site 01",)
    result = export_trial(dm, kind="csv", out=tmp_path / "csv")
    odm = export_trial(dm, kind="odm", out=tmp_path / "trial.xml")
    assert not result.arms_included and not odm.arms_included
    assert "arm" not in _subjects_csv(tmp_path / "csv")[0]
    assert _odm_arms(tmp_path / "trial.xml") == {}


def test_unblinding_with_the_missing_list_gives_both_exports_the_arms(world: World, dm: Session,
                                                                      tmp_path: Path) -> None:
    done = unblind_the_study(dm, [world.full_list()])
    assert (done.unblinded_by, done.full_name, done.subjects, done.sites) == ("dm", "Dana Manager", 3, 1)
    assert done.list_sha256 == store.lists_sha256(("01", e) for e in LIST)
    csv_result = export_trial(dm, kind="csv", out=tmp_path / "csv")
    odm_result = export_trial(dm, kind="odm", out=tmp_path / "trial.xml")
    assert csv_result.arms_included and odm_result.arms_included
    arms = {r["subject_id"]: r["arm"] for r in _subjects_csv(tmp_path / "csv")}
    assert arms == {world.subjects[0]: "A", world.subjects[1]: "B", world.subjects[2]: "B"}  # LIST's arms
    manifest = json.loads((tmp_path / "csv" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["arms_included"] is True
    xml = (tmp_path / "trial.xml").read_text(encoding="utf-8")
    assert list(odm_schema().iter_errors(xml)) == []
    assert _odm_arms(tmp_path / "trial.xml") == arms
    # the list from the file is kept too, once; the audit entry and the record say who, why and which lists
    assert [e.entry for e in store.list_entries(dm.site.db)] == LIST
    entry = next(e for e in dm.audit_trail(limit=1000) if e.action == "study unblinded")
    assert entry.user == "dm" and entry.field == f"study {STUDY}"
    assert entry.reason == f"Database locked on 2026-11-20 for the final analysis (randomisation lists SHA-256 " \
                           f"{done.list_sha256})"
    assert blinding_status(dm).unblinding == done


def test_a_wrong_password_is_refused_counted_and_nothing_is_unblinded(world: World, dm: Session) -> None:
    with pytest.raises(AuthenticationError, match="the password is wrong"):
        unblind_the_study(dm, [world.full_list()], password="not-my-password")
    _nothing_written(dm)
    assert any(e.action == "re-authentication failed" for e in dm.audit_trail(limit=1000))


@pytest.mark.parametrize("typed", ["", "NCT00000000", "nct03580291x"])
def test_the_study_id_must_be_typed_exactly(world: World, dm: Session, typed: str) -> None:
    with pytest.raises(UserInputError, match=f"is not {STUDY}; type the study id exactly"):
        unblind_the_study(dm, [world.full_list()], confirm_study_id=typed)
    _nothing_written(dm)


def test_a_reason_is_required(world: World, dm: Session) -> None:
    with pytest.raises(UserInputError, match="give the reason for unblinding the study"):
        unblind_the_study(dm, [world.full_list()], reason="   ")
    _nothing_written(dm)


def test_a_randomised_subject_without_an_arm_is_named_and_nothing_is_written(world: World, dm: Session) -> None:
    with pytest.raises(UserInputError) as refused:
        unblind_the_study(dm)
    assert f"site 01, subject {world.subjects[2]}, randomisation number R01-003" in refused.value.message
    assert "the study stays blinded" in refused.value.message
    _nothing_written(dm)


def test_a_centre_monitor_may_not_unblind(world: World) -> None:
    world.add_centre_user("monitor", "Mo Nitor", Role.MONITOR)
    monitor = world.centre("monitor")
    try:
        with pytest.raises(PermissionDenied, match="'monitor' is a monitor and may not unblind the study"):
            unblind_the_study(monitor, [world.full_list()])
        _nothing_written(monitor)
        assert blinding_status(monitor).unblinding is None  # the state is not secret
    finally:
        monitor.close()


def test_a_centre_data_manager_may_unblind(world: World) -> None:
    world.add_centre_user("chen", "Chen Jie", Role.DATA_MANAGER)
    manager = world.centre("chen")
    try:
        assert unblind_the_study(manager, [world.full_list()]).full_name == "Chen Jie"
    finally:
        manager.close()


def test_a_site_cannot_unblind_the_study(world: World) -> None:
    session = login(world.site_dir, "admin", "admin-pass-123")
    try:
        with pytest.raises(UserInputError, match="is a site, not the coordinating centre"):
            unblind_the_study(session, [world.full_list()], password="admin-pass-123")
        assert store.unblinding(session.site.db, STUDY) is None
    finally:
        session.close()


def test_the_study_is_unblinded_once(world: World, dm: Session) -> None:
    done = unblind_the_study(dm, [world.full_list()])
    with pytest.raises(UserInputError, match=f"already unblinded on {done.unblinded_at} by Dana Manager"):
        unblind_the_study(dm)
    assert [e.action for e in dm.audit_trail(limit=1000)].count("study unblinded") == 1
    # and the database refuses a second record or a change of the first, whatever the caller
    with pytest.raises(Exception, match="UNIQUE"):
        store.record_unblinding(dm.site.db, study=STUDY, user="x", full_name="x", reason="x", list_sha256="x",
                                subjects=0, sites=0)
    with pytest.raises(Exception, match="study unblinding records are never changed"):
        dm.site.db.execute("UPDATE centre_unblindings SET reason = 'other'")
    with pytest.raises(Exception, match="randomisation list entries kept by the centre are never deleted"):
        dm.site.db.execute("DELETE FROM centre_randomisation_lists")


def test_a_bad_csv_is_named_with_its_line_and_nothing_is_written(dm: Session, tmp_path: Path) -> None:
    bad = tmp_path / "site-01.csv"
    bad.write_text("seq,rand_no,msc_kit,mmf_kit,arm\n1,R01-001,MSC-0001,MMF-0001,A\nthree,R01-003,MSC-0003,"
                   "MMF-0003,B\n4,R01-004,MSC-0004,MMF-0004,C\n", encoding="utf-8")
    with pytest.raises(UserInputError) as refused:
        unblind_the_study(dm, [bad])
    assert f"the randomisation list {bad}" in refused.value.message
    assert "line 3: seq 'three' is not a whole number" in refused.value.message
    assert "line 4: arm 'C' is not an arm code of the study (A or B)" in refused.value.message
    _nothing_written(dm)


def test_a_csv_without_the_columns_or_not_found_is_named(dm: Session, tmp_path: Path) -> None:
    bad = tmp_path / "export.csv"
    bad.write_text("seq,rand_no,arm\n3,R01-003,B\n", encoding="utf-8")
    with pytest.raises(UserInputError, match=r"export.csv lacks the column\(s\) msc_kit, mmf_kit"):
        unblind_the_study(dm, [bad])
    with pytest.raises(UserInputError, match=r"missing.csv does not exist"):
        unblind_the_study(dm, [tmp_path / "missing.csv"])
    _nothing_written(dm)


def test_a_list_contradicting_the_kept_one_or_of_no_site_is_refused(dm: Session, tmp_path: Path) -> None:
    changed = [ListEntry(seq=1, rand_no="R01-001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm="B"), *LIST[1:]]
    with pytest.raises(UserInputError, match="sequence 1 .* differs from the entry the centre keeps for site 01"):
        unblind_the_study(dm, [write_list(tmp_path / "changed.csv", changed)])
    other = [ListEntry(seq=1, rand_no="R09-001", msc_kit="MSC-9001", mmf_kit="MMF-9001", arm="A")]
    with pytest.raises(UserInputError, match="holds no entry assigned to a subject at any site"):
        unblind_the_study(dm, [write_list(tmp_path / "other.csv", other)])
    _nothing_written(dm)


def test_an_enrolment_list_contradicting_the_kept_one_writes_no_file(dm: Session, tmp_path: Path) -> None:
    changed = [ListEntry(seq=2, rand_no="R01-002", msc_kit="MSC-0002", mmf_kit="MMF-0002", arm="A")]
    out = tmp_path / "enrol-01-again.json"
    with pytest.raises(UserInputError, match="differs from the entry the centre keeps for site 01"):
        centre_service.issue_enrolment(dm, site="01", out=out, randomisation_list=changed, on_code=lambda _c: None)
    assert not out.exists()
    # the same list again (a lost enrolment file re-issued) is fine and keeps nothing twice
    centre_service.issue_enrolment(dm, site="01", out=out, randomisation_list=ENROLMENT_LIST, on_code=lambda _c: None)
    assert [e.entry for e in store.list_entries(dm.site.db)] == ENROLMENT_LIST


def test_sites_export_and_the_centre_imports_after_unblinding(world: World, tmp_path: Path) -> None:
    world.lock()
    assert world.send_consent_change().seq == 2
    centre = world.centre()
    try:
        report = centre_service.import_packages(centre, world.folder)
        assert report.ok and report.applied == 1
        result = export_trial(centre, kind="csv", out=tmp_path / "csv")
    finally:
        centre.close()
    assert result.arms_included
    with (tmp_path / "csv" / "consent.csv").open(encoding="utf-8-sig", newline="") as stream:
        consents = {r["subject_id"]: r["consent_obtained_by"] for r in csv.DictReader(stream)}
    assert consents[world.subjects[0]] == "Dr Li"
    assert {r["subject_id"]: r["arm"] for r in _subjects_csv(tmp_path / "csv")}[world.subjects[0]] == "A"
