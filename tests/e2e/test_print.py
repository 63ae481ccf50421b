"""``crf-desktop print`` end to end (issue 7 item 5): blank and filled PDFs written whole, bad input refused
with exit 2 naming it, and ``--verify-qr`` telling a current page from one printed before a change."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.cli import crf

PW = "demo-password-e2e"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "xdg")}
    env.pop("CRF_PASSWORD", None)
    data_dir = tmp_path_factory.mktemp("print-e2e") / "demo"
    result = crf("demo", "--data-dir", str(data_dir), "--no-gui", env=env, password=PW)
    assert result.code == 0, result.err
    return data_dir


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("site.lock"))
    return target


def text_of(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", done.stdout)


def test_print_a_blank_visit_and_a_subject_casebook(demo: Path, tmp_path: Path, cli_env: dict[str, str]) -> None:
    blank = tmp_path / "week4.pdf"
    result = crf("print", "--data-dir", str(demo), "--user", "coordinator", "--blank", "--visit", "week4",
                 "--out", str(blank), env=cli_env, password=PW)
    assert result.code == 0, result.err
    assert f"Wrote {blank}" in result.out
    text = text_of(blank)
    assert "BLANK CRF" in text and "Visit Week 4" in text and "Page 1 of" in text
    casebook = tmp_path / "casebook.pdf"
    result = crf("print", "--data-dir", str(demo), "--user", "investigator", "--subject", "01-003", "--lang", "both",
                 "--out", str(casebook), env=cli_env, password=PW)
    assert result.code == 0, result.err
    text = text_of(casebook)
    assert "Subject casebook" in text and "受试者" in text and "Audit trail" in text
    assert not list(tmp_path.glob(".*.partial"))  # written through a temporary file, renamed


@pytest.mark.parametrize(("args", "named"), [
    (("--subject", "01-999"), "01-999"),
    (("--blank", "--visit", "week5"), "week5"),
    (("--blank", "--form", "nosuchform"), "nosuchform"),
    (("--blank", "--subject", "01-003"), "--blank"),
    (("--blank", "--visit", "screening", "--form", "msc_infusion"), "msc_infusion"),
    (("--subject", "01-003", "--visit", "adverse_events", "--form", "adverse_event", "--entry", "99"), "#99"),
    (("--subject", "01-003", "--entry", "1"), "--form"),
    (("--blank", "--visit", "week4", "--entries", "2"), "--entries"),
    (("--blank", "--entries", "0"), "from 1 to 20"),
])
def test_bad_input_exits_2_naming_it(demo: Path, tmp_path: Path, cli_env: dict[str, str],
                                     args: tuple[str, ...], named: str) -> None:
    out = tmp_path / "out.pdf"
    result = crf("print", "--data-dir", str(demo), "--user", "coordinator", *args, "--out", str(out),
                 env=cli_env, password=PW)
    assert result.code == 2
    assert named in result.err
    assert not out.exists()


def test_an_existing_file_is_kept_unless_force_replaces_it(demo: Path, tmp_path: Path,
                                                           cli_env: dict[str, str]) -> None:
    out = tmp_path / "week4.pdf"
    out.write_bytes(b"the scan of a signed page")
    args = ("print", "--data-dir", str(demo), "--user", "coordinator", "--blank", "--visit", "week4", "--out", str(out))
    result = crf(*args, env=cli_env, password=PW)
    assert result.code == 2
    assert str(out) in result.err and "already exists" in result.err and "--force" in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert out.read_bytes() == b"the scan of a signed page"
    result = crf(*args, "--force", env=cli_env, password=PW)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF") and "Visit Week 4" in text_of(out)
    assert not list(tmp_path.glob(".*.partial"))


def test_an_unwritable_output_is_refused_before_anything_is_done(demo: Path, tmp_path: Path,
                                                                cli_env: dict[str, str]) -> None:
    out = tmp_path / "no such folder" / "book.pdf"
    result = crf("print", "--data-dir", str(demo), "--user", "coordinator", "--blank", "--out", str(out),
                 env=cli_env, password=PW)
    assert result.code == 2
    assert "no such folder" in result.err and "does not exist" in result.err


def test_an_output_not_named_pdf_is_refused_and_nothing_is_written(demo: Path, tmp_path: Path,
                                                                    cli_env: dict[str, str]) -> None:
    out = tmp_path / "book.txt"
    result = crf("print", "--data-dir", str(demo), "--user", "coordinator", "--blank", "--out", str(out),
                 env=cli_env, password=PW)
    assert result.code == 2
    assert "book.txt" in result.err and "ending in .pdf" in result.err
    assert not out.exists() and not list(tmp_path.glob(".*"))


def test_verify_qr_says_whether_a_printed_page_is_current(demo: Path, tmp_path: Path,
                                                          cli_env: dict[str, str]) -> None:
    import PIL.Image
    import zxingcpp

    out = tmp_path / "phga.pdf"
    result = crf("print", "--data-dir", str(demo), "--user", "coordinator", "--subject", "01-003", "--visit",
                 "week4", "--form", "phga", "--out", str(out), env=cli_env, password=PW)
    assert result.code == 0, result.err
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
                   check=True)
    [code] = zxingcpp.read_barcodes(PIL.Image.open(next(tmp_path.glob("page*.png"))))
    result = crf("print", "--data-dir", str(demo), "--user", "monitor", "--verify-qr", code.text, env=cli_env,
                 password=PW)
    assert result.code == 0, result.err
    assert re.search(r"matches version \d+", result.out)
    tampered = re.sub(r"version=(\d+)", lambda m: f"version={int(m.group(1)) - 1}", code.text)
    result = crf("print", "--data-dir", str(demo), "--user", "monitor", "--verify-qr", tampered, env=cli_env,
                 password=PW)
    assert result.code == 1
    assert "does not match the current version: printed from version" in result.out
    result = crf("print", "--data-dir", str(demo), "--user", "monitor", "--verify-qr", "hello", env=cli_env,
                 password=PW)
    assert result.code == 2 and "CRF1" in result.err
