"""Issue 8, ``centre export`` end to end: a site's edits, exported, imported at the centre, then written as CSV
and as an ODM file that validates against the official schema; every export audited; roles enforced."""

from __future__ import annotations

import csv
from dataclasses import asdict
from pathlib import Path

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services.centre import trial_dataset
from crf_desktop.services.centre_export import export_trial
from crf_desktop.services.session import login
from crf_desktop.store import centre as centre_store
from crf_desktop.store import users
from tests.conftest import SiteFixture
from tests.sync.conftest import CENTRE_PASSWORD, CentreFixture, add_subject, coordinator, export, import_all
from tests.sync.export_data import odm_schema


def _imported(site: SiteFixture, centre: CentreFixture, folder: Path) -> str:
    session = coordinator(site)
    try:
        subject = add_subject(session, "ZS")
    finally:
        session.close()
    export(site, folder)
    assert import_all(centre, folder).ok
    return subject


def test_imported_data_export_as_csv_and_valid_odm_and_are_audited(enrolled: SiteFixture, centre: CentreFixture,
                                                                    folder: Path, tmp_path: Path) -> None:
    subject = _imported(enrolled, centre, folder)
    session = centre.login()
    try:
        csv_result = export_trial(session, kind="csv", out=tmp_path / "csv")
        odm_result = export_trial(session, kind="ODM", out=tmp_path / "trial.xml")
        exported = [e for e in session.audit_trail(limit=20) if e.action == "trial data exported"]
    finally:
        session.close()
    with (tmp_path / "csv" / "consent.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["site_id"], r["subject_id"], r["visit"], r["consent_obtained_by"]) for r in rows] == [
        ("01", subject, "screening", "Dr Wang")]
    errors = list(odm_schema().iter_errors((tmp_path / "trial.xml").read_text(encoding="utf-8")))
    assert errors == []
    assert f'SubjectKey="{subject}"' in (tmp_path / "trial.xml").read_text(encoding="utf-8")
    assert not csv_result.arms_included and not odm_result.arms_included
    assert sorted(e.new_value for e in exported) == sorted([str(tmp_path / "csv"), str(tmp_path / "trial.xml")])
    assert all("blinded, no treatment arms" in (e.reason or "") for e in exported)


def test_the_exports_read_every_imported_audit_entry_field_for_field(enrolled: SiteFixture, centre: CentreFixture,
                                                                      folder: Path) -> None:
    subject = _imported(enrolled, centre, folder)
    session = centre.login()
    try:
        dataset = trial_dataset(session)
        stored = centre_store.audit_rows(session.site.db)
    finally:
        session.close()
    assert any(r["subject"] == subject and r["site"] == "01" for r in stored)  # the site's own entries came in
    assert [asdict(a) for a in dataset.audit] == [
        {"site_id": r["site"], **{k: r[k] for k in centre_store.AUDIT_COLUMNS if k not in ("prev_hash", "hash")}}
        for r in stored]


def test_an_unknown_format_is_refused(centre: CentreFixture, tmp_path: Path) -> None:
    session = centre.login()
    try:
        with pytest.raises(UserInputError, match="unknown export format 'xlsx'; choose csv or odm"):
            export_trial(session, kind="xlsx", out=tmp_path / "trial.xlsx")
    finally:
        session.close()
    assert list(tmp_path.glob("trial*")) == []


def test_a_centre_monitor_may_not_export(centre: CentreFixture, tmp_path: Path) -> None:
    admin = centre.login()
    try:
        admin.add_user(username="monitor", full_name="Mo Nitor", role=Role.MONITOR, password=CENTRE_PASSWORD)
        users.update(admin.site.db, "monitor", must_change_password=False)
    finally:
        admin.close()
    monitor = login(centre.data_dir, "monitor", CENTRE_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="may not export"):
            export_trial(monitor, kind="odm", out=tmp_path / "trial.xml")
    finally:
        monitor.close()
    assert not (tmp_path / "trial.xml").exists()


def test_a_site_cannot_use_the_centre_export(enrolled: SiteFixture, tmp_path: Path) -> None:
    session = coordinator(enrolled)
    try:
        with pytest.raises(UserInputError, match="is a site, not the coordinating centre"):
            export_trial(session, kind="csv", out=tmp_path / "csv")
    finally:
        session.close()
    assert not (tmp_path / "csv").exists()
