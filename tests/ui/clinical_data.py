"""A real test site (no demo data) for the outcome, suggestion and AE-term GUI tests, and visits saved through
the services exactly as tests/services/test_outcomes_service.py saves them.

The site (admin plus one user of each role) is made once per run and copied for each test: creating users
derives Argon2id keys, which is slow.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from crf_desktop.services import records as rec
from crf_desktop.services.session import Session, init_site, login
from crf_desktop.services.subjects import register_subject

PASSWORD = "user-pass-456"
BILAG_ALL_D = {f"bilag_{s}": "D" for s in ("constitutional", "mucocutaneous", "neuropsychiatric",
                                            "musculoskeletal", "cardiorespiratory", "gastrointestinal",
                                            "ophthalmic", "haematological")}
SLEDAI_KEYS = ("seizure", "psychosis", "organic_brain_syndrome", "visual_disturbance", "cranial_nerve_disorder",
               "lupus_headache", "cva", "vasculitis", "arthritis", "myositis", "urinary_casts", "hematuria",
               "proteinuria", "pyuria", "rash", "alopecia", "mucosal_ulcers", "pleurisy", "pericarditis",
               "low_complement", "increased_dna_binding", "fever", "thrombocytopenia", "leukopenia")


@pytest.fixture(scope="session")
def clinical_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("clinical") / "site"
    admin, _key = init_site(data_dir, site="01", study="NCT03580291", admin="admin", admin_name="Ada Admin",
                            password=PASSWORD)
    try:
        for role in (Role.COORDINATOR, Role.INVESTIGATOR, Role.MONITOR):
            admin.add_user(username=role.value, full_name=f"Test {role.label}", role=role, password="temporary-1")
    finally:
        admin.close()
    for role in (Role.COORDINATOR, Role.INVESTIGATOR, Role.MONITOR):
        session = login(data_dir, role.value, "temporary-1")
        session.change_own_password("temporary-1", PASSWORD)
        session.close()
    return data_dir


@pytest.fixture
def clinical(clinical_template: Path, tmp_path: Path) -> Iterator[Session]:
    """A coordinator's session on a fresh copy of the test site."""
    target = tmp_path / "clinical-site"
    shutil.copytree(clinical_template, target, ignore=shutil.ignore_patterns("site.lock"))
    session = login(target, "coordinator", PASSWORD)
    yield session
    with contextlib.suppress(Exception):
        session.close()


def save(session: Session, sid: str, visit: str, form: str, raw: dict[str, str]) -> None:
    outcome = rec.save_record(session, subject_id=sid, visit=visit, form_id=form, raw=raw)
    if not outcome.saved:  # confirm expected-range warnings as a coordinator would
        confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
        outcome = rec.save_record(session, subject_id=sid, visit=visit, form_id=form, raw=raw, confirmed=confirmed)
    assert outcome.saved, [i.message.en for i in outcome.refused]


def labs(upcr: str, scr: str, day: str, **extra: str) -> dict[str, str]:
    return {"lab_date": day, "lab_name": "Central lab", "upcr_unit": "G_G", "upcr_in_g_g": upcr,
            "scr_unit": "UMOL_L", "scr_in_umol_l": scr, **extra}


def visit(session: Session, sid: str, code: str, day: str, *, upcr: str, scr: str, sledai: dict[str, str],
          renal: str, phga: str) -> None:
    save(session, sid, code, "visit_info", {"visit_done": "Y", "visit_date": day})
    save(session, sid, code, "labs", labs(upcr, scr, day))
    save(session, sid, code, "sledai", {**{f"sledai_{k}": "N" for k in SLEDAI_KEYS}, **sledai})
    save(session, sid, code, "bilag", {**BILAG_ALL_D, "bilag_renal": renal})
    save(session, sid, code, "phga", {"phga": phga})


def responder(session: Session, initials: str = "AB") -> str:
    """A subject with a partial renal response at week 4 and a complete response and SRI-4 at week 8."""
    sid = register_subject(session, initials=initials, birth_year=1990, sex="F").subject_id
    base = session.today() - timedelta(days=100)

    def day(n: int) -> str:
        return (base + timedelta(days=n)).isoformat()

    active = {"sledai_proteinuria": "Y", "sledai_low_complement": "Y", "sledai_increased_dna_binding": "Y"}
    visit(session, sid, "baseline", day(0), upcr="3.2", scr="100", sledai=active, renal="A", phga="2.0")
    visit(session, sid, "week4", day(28), upcr="1.5", scr="110", sledai={"sledai_proteinuria": "Y"},
          renal="B", phga="1.2")
    visit(session, sid, "week8", day(56), upcr="0.4", scr="105", sledai={"sledai_proteinuria": "Y"},
          renal="C", phga="0.5")
    return sid
