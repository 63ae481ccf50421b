"""The selftest's checks (issue 10 item 3): what a site's IT person sees, and that it never touches a site's
database."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from crf_desktop.services import selftest
from crf_desktop.services.selftest import Level
from crf_desktop.services.session import init_site
from crf_desktop.store.datadir import DB_FILE, KEY_FILE

PASSWORD = "selftest-password-1"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_every_check_passes_on_this_machine_and_the_report_has_a_line_each(tmp_path: Path) -> None:
    central = tmp_path / "central"
    central.mkdir()
    checks = selftest.run_checks(data_dir=tmp_path / "new-site", central_folder=central)
    assert [c.name for c in checks] == ["bundled fonts", "SQLCipher", "cryptography", "data directory",
                                        "central folder", "PDF printing"]
    assert all(c.level is Level.OK for c in checks), selftest.format_report(checks)
    assert selftest.passed(checks)
    report = selftest.format_report(checks)
    assert report.splitlines()[-1] == "all checks passed"
    assert "研究受试者签名日期" in report  # the CJK glyphs were looked for
    assert "does not exist yet; it will be created" in report
    assert not (tmp_path / "new-site").exists()  # checking a data directory creates nothing
    assert list(central.iterdir()) == []  # the test file is gone again


def test_a_site_s_files_are_not_changed_by_the_selftest(tmp_path: Path) -> None:
    session, _recovery = init_site(tmp_path / "site", site="01", study="NCT03580291", admin="admin",
                                   admin_name="Admin", password=PASSWORD)
    session.close()
    before = _digest(tmp_path / "site")
    assert DB_FILE in before and KEY_FILE in before
    check = selftest.check_data_dir(tmp_path / "site")
    assert check.level is Level.OK, check
    assert "a site (site.db present; the database was not opened)" in check.detail
    assert _digest(tmp_path / "site") == before


def test_an_unreachable_central_folder_fails_with_what_to_do(tmp_path: Path) -> None:
    checks = selftest.run_checks(data_dir=tmp_path / "site", central_folder=tmp_path / "unplugged-usb")
    central = next(c for c in checks if c.name == "central folder")
    assert central.level is Level.FAIL
    assert "unplugged-usb is not reachable" in central.detail
    assert "connect the drive" in central.advice
    assert not selftest.passed(checks)
    report = selftest.format_report(checks)
    assert "FAIL  central folder" in report and "-> connect the drive" in report
    assert report.splitlines()[-1] == "1 check(s) failed, 0 warning(s)"


def test_a_data_directory_path_through_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    check = selftest.check_data_dir(tmp_path / "a-file" / "site")
    assert check.level is Level.FAIL
    assert "choose another --data-dir" in check.advice


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


@pytest.mark.parametrize(("free_mb", "level"), [(50, Level.FAIL), (1000, Level.WARN), (50_000, Level.OK)])
def test_free_space_fails_when_a_save_could_not_finish_and_warns_when_low(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, free_mb: int, level: Level) -> None:
    mb = 1024 * 1024
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: _Usage(100_000 * mb, 0, free_mb * mb))
    check = selftest.check_data_dir(tmp_path)
    assert check.level is level, check
    if level is not Level.OK:
        assert f"{free_mb} MB free" in check.detail and "free" in check.advice


def test_a_check_that_breaks_is_a_failure_of_that_check_not_of_the_selftest() -> None:
    def broken() -> selftest.Check:
        raise RuntimeError("library missing")

    check = selftest.guarded("PDF printing", broken, "reinstall crf-desktop")
    assert check.level is Level.FAIL
    assert check.detail == "RuntimeError: library missing"
    assert check.advice == "reinstall crf-desktop"
