"""Fixtures for the PDF tests: a demo site made once per run and copied per test, and reading PDFs back."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.core.roles import Role
from crf_desktop.services.demo import create_demo
from crf_desktop.services.randomisation import _ARM_LABELS
from crf_desktop.services.session import Session, init_site, login

DEMO_PASSWORD = "demo-password-2024"
#: The demo's subjects (as tests/ui/blinding.py describes them, which imports Qt and so is not imported here):
#: 01-001 in screening with the investigator's answer to exclusion 12 left empty; 01-003 randomised.
SCREENING_SUBJECT = "01-001"
RANDOMISED = "01-003"
#: The arm labels of services.randomisation (English and Chinese), whole and in pieces, and an arm code.
ARM_WORDS = (*(label.en for label in _ARM_LABELS.values()), *(label.zh for label in _ARM_LABELS.values()),
             "MSC + placebo", "Placebo MSC", "placebo MMF", "active mesenchymal", "placebo infusion, active")
ARM_CODE = re.compile(r"(\barm\b|treatment group|组别|治疗组)\s*[:：=]?\s*[AB]\b", re.IGNORECASE)


@pytest.fixture(scope="session")
def print_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("print-template") / "demo"
    create_demo(data_dir, shared_password=DEMO_PASSWORD)
    return data_dir


@pytest.fixture
def demo_site(print_demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(print_demo_template, target, ignore=shutil.ignore_patterns("site.lock"))
    return target


@pytest.fixture
def coordinator(demo_site: Path) -> Iterator[Session]:
    session = login(demo_site, "coordinator", DEMO_PASSWORD)
    yield session
    session.close()


def pdf_text(data: bytes, *, first: int | None = None, last: int | None = None) -> list[str]:
    """The text of each page (poppler's pdftotext, reading order), white space collapsed."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    done = subprocess.run(["pdftotext", *pages, "-", "-"], input=data, capture_output=True, check=True)
    return [re.sub(r"\s+", " ", page).strip() for page in done.stdout.decode("utf-8").split("\f")[:-1]]


def squeeze(text: str) -> str:
    """Without any white space (Chinese lines wrap between characters)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def new_site_coordinator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """A coordinator logged in to a fresh, empty site 01 (shared by a module's tests: blank CRFs change nothing
    but the audit trail)."""
    data_dir = tmp_path_factory.mktemp("blank") / "site"
    admin, _key = init_site(data_dir, site="01", study="NCT03580291", admin="admin", admin_name="Ada Admin",
                            password=DEMO_PASSWORD)
    admin.add_user(username="coordinator", full_name="Carla Coordinator", role=Role.COORDINATOR,
                   password="temporary-1")
    admin.close()
    session = login(data_dir, "coordinator", "temporary-1")
    session.change_own_password("temporary-1", DEMO_PASSWORD)
    yield session
    session.close()
