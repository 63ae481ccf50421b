"""Issues 4 and 5: the study configuration is stored (migration 8: append-only versions with who, when, where
from and the change sequence), installed by an administrator and audited, and used by everything that depends on
it: the dashboard's visit windows, the visit-window check of the visit form, the renal response definition of
the outcomes, the SLEDAI-2K window, the eGFR equation of the labs form, and AE grading of disease measures."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.forms.calculators import egfr_ckd_epi_2021
from crf_desktop.forms.issues import IssueCode, Severity
from crf_desktop.forms.schedule import StudyConfig, Window
from crf_desktop.forms.study_config import DEFAULT_STUDY_CONFIGURATION, StudyConfiguration
from crf_desktop.services import records as rec
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.outcomes import outcomes_of, site_outcomes
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import (
    configuration_history,
    current_configuration,
    grade_disease_measures_as_ae,
    install_configuration,
    installed_configuration,
)
from crf_desktop.services.study_forms import form_for
from crf_desktop.services.subjects import register_subject
from crf_desktop.store.changes import last_change
from crf_desktop.store.database import DatabaseError
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, save, screen

NARROW = StudyConfiguration(schedule=StudyConfig(default_window=Window(before=3, after=3)))


def _install(site: SiteFixture, config: StudyConfiguration, source: str = "enrolment-01.crfenrol") -> None:
    admin = site.login()
    try:
        install_configuration(admin, config, source=source)
    finally:
        admin.close()


def test_the_default_applies_until_a_configuration_is_installed(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        assert current_configuration(session) == DEFAULT_STUDY_CONFIGURATION
        assert installed_configuration(session) is None
        assert grade_disease_measures_as_ae(session) is False
    finally:
        session.close()


def test_installing_keeps_every_version_with_who_when_and_source_and_audits_it(site_with_users: SiteFixture) -> None:
    admin = site_with_users.login()
    try:
        before = last_change(admin.site.db)
        install_configuration(admin, NARROW, source="  enrolment-01.crfenrol ")
        first = installed_configuration(admin)
        assert first is not None and first.version == 1 and first.configuration == NARROW
        assert first.source == "enrolment-01.crfenrol" and first.installed_by == "admin" and first.installed_at
        assert first.change_seq > before  # travels to the centre with the change sequence
        install_configuration(admin, NARROW, source="the same file again")  # nothing changed: no new version
        assert [v.version for v in configuration_history(admin)] == [1]
        later = StudyConfiguration(renal_definition="EULAR/ERA-EDTA 2012", grade_disease_measures_as_ae=True)
        install_configuration(admin, later, source="amendment 2")
        assert [(v.version, v.source) for v in configuration_history(admin)] == [
            (1, "enrolment-01.crfenrol"), (2, "amendment 2")]
        assert current_configuration(admin) == later and grade_disease_measures_as_ae(admin) is True
        entries = [e for e in admin.audit_trail(limit=50) if e.action == "study configuration installed"]
        assert len(entries) == 2
        newest = entries[0]
        assert newest.new_value is not None and newest.new_value.startswith("version 2: ")
        assert "renal response EULAR/ERA-EDTA 2012" in newest.new_value
        assert newest.old_value is not None and "visit window -3/+3 days" in newest.old_value
        assert newest.reason == "from amendment 2"
        with pytest.raises(UserInputError, match="say where the study configuration comes from"):
            install_configuration(admin, DEFAULT_STUDY_CONFIGURATION, source="   ")
        for statement in ("UPDATE study_configurations SET source = 'x'", "DELETE FROM study_configurations"):
            with pytest.raises(DatabaseError, match="installed study configurations are never"):
                admin.site.db.execute(statement)
    finally:
        admin.close()


def test_only_an_administrator_installs_a_configuration(site_with_users: SiteFixture) -> None:
    for user in ("coordinator", "investigator", "monitor"):
        session = as_user(site_with_users, user)
        try:
            with pytest.raises(PermissionDenied):
                install_configuration(session, NARROW, source="a file")
        finally:
            session.close()


def _visit(session: Session, sid: str, visit: str, day_offset: int, baseline_day: object) -> rec.SaveOutcome:
    from datetime import date
    assert isinstance(baseline_day, date)
    raw = {"visit_done": "Y", "visit_date": (baseline_day + timedelta(days=day_offset)).isoformat()}
    return rec.save_record(session, subject_id=sid, visit=visit, form_id="visit_info", raw=raw)


def test_visit_windows_of_the_dashboard_and_the_visit_form_come_from_the_configuration(
        site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        baseline = session.today() - timedelta(days=60)
        sid = register_subject(session, initials="WW", birth_year=1990, sex="F").subject_id
        assert _visit(session, sid, "baseline", 0, baseline).saved
        late = _visit(session, sid, "week4", 33, baseline)  # day 33: inside ±7 (21-35), 2 days late for ±3
        assert late.saved and not [i for i in late.result.issues if i.code is IssueCode.VISIT_WINDOW]
        row = next(r for r in build_dashboard(session).rows if r.subject.subject_id == sid)
        assert next(c for c in row.cells if c.visit == "week4").deviation_days == 0
    finally:
        session.close()
    _install(site_with_users, NARROW)
    session = as_user(site_with_users, "coordinator")
    try:
        row = next(r for r in build_dashboard(session).rows if r.subject.subject_id == sid)
        week4 = next(c for c in row.cells if c.visit == "week4")
        assert week4.deviation_days == 2 and week4.window == (baseline + timedelta(days=25),
                                                               baseline + timedelta(days=31))
        raw = {"visit_done": "Y", "visit_date": (baseline + timedelta(days=33)).isoformat()}
        checked = rec.check(session, subject_id=sid, form_id="visit_info", raw=raw, visit="week4")
        flagged = [i for i in checked.issues if i.code is IssueCode.VISIT_WINDOW]
        assert len(flagged) == 1 and flagged[0].field == "visit_date" and flagged[0].severity is Severity.WARNING
        assert "2 day(s) after its window" in flagged[0].message.en and checked.ok  # flagged, not refused
        raw["visit_date"] = (baseline + timedelta(days=31)).isoformat()  # the window's last day
        inside = rec.check(session, subject_id=sid, form_id="visit_info", raw=raw, visit="week4")
        assert not [i for i in inside.issues if i.code is IssueCode.VISIT_WINDOW]
    finally:
        session.close()


def test_outcomes_name_and_use_the_configured_renal_definition(site_with_users: SiteFixture) -> None:
    session = as_user(site_with_users, "coordinator")
    try:
        sid = register_subject(session, initials="RD", birth_year=1990, sex="F").subject_id
        assert _visit(session, sid, "baseline", 0, session.today() - timedelta(days=10)).saved
        assert outcomes_of(session, sid).definition == "KDIGO 2012"
    finally:
        session.close()
    _install(site_with_users, StudyConfiguration(renal_definition="ACR 2006"))
    session = as_user(site_with_users, "coordinator")
    try:
        result = outcomes_of(session, sid)
        assert result.definition == "ACR 2006"
        assert all(v.renal.definition == "ACR 2006" for v in result.visits)
        assert result.visits[0].renal.describe().en.startswith("ACR 2006: not evaluable")
        assert site_outcomes(session).definition == "ACR 2006"
        assert outcomes_of(session, sid, definition="KDIGO 2012").definition == "KDIGO 2012"  # explicit wins
    finally:
        session.close()


def test_the_labs_form_uses_the_configured_egfr_equation_and_names_it(site_with_users: SiteFixture) -> None:
    _install(site_with_users, StudyConfiguration(egfr_equation="CKD-EPI 2021"))
    session = as_user(site_with_users, "coordinator")
    try:
        sid = screen(session)  # a 35-year-old woman, creatinine 70 µmol/L
        record = rec.get_record(session, subject_id=sid, visit="screening", form_id="labs")
        assert record is not None and record.data["egfr_equation"] == "CKD-EPI 2021"
        expected = Decimal(repr(egfr_ckd_epi_2021(70.0, 35, "F"))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert record.data["egfr"] == str(expected)
    finally:
        session.close()


def test_the_sledai_form_carries_the_configured_window(site_with_users: SiteFixture) -> None:
    _install(site_with_users, StudyConfiguration(sledai_window_days=30))
    session = as_user(site_with_users, "investigator")
    try:
        sid = register_subject(session, initials="SW", birth_year=1990, sex="M").subject_id
        form = form_for(session, "sledai")
        assert form.instructions is not None and "preceding 30 days" in form.instructions.en
        checked = rec.check(session, subject_id=sid, form_id="sledai", raw={})
        assert checked.values["sledai_window_days"] == 30
        save(session, sid, "baseline", "sledai", {f"sledai_{k}": "N" for k in (
            "seizure", "psychosis", "organic_brain_syndrome", "visual_disturbance", "cranial_nerve_disorder",
            "lupus_headache", "cva", "vasculitis", "arthritis", "myositis", "urinary_casts", "hematuria",
            "proteinuria", "pyuria", "rash", "alopecia", "mucosal_ulcers", "pleurisy", "pericarditis",
            "low_complement", "increased_dna_binding", "fever", "thrombocytopenia", "leukopenia")})
        stored = rec.get_record(session, subject_id=sid, visit="baseline", form_id="sledai")
        assert stored is not None and stored.data["sledai_window_days"] == "30" and stored.data["sledai_total"] == "0"
    finally:
        session.close()
