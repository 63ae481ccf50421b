"""Issue 9 item 4: build the desktop bundle and run the frozen program as a site's IT person would.

The bundle is built with ``installer/build.py`` into a temporary folder, its archive is unpacked into *another*
folder (the tarball must run from anywhere), and every command runs there with an environment like a fresh
login's: no Python, no virtualenv, no PYTHONPATH, a new home directory. Takes two to three minutes; skip it locally
with ``-m 'not installer'``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from crf_desktop import __version__

pytestmark = [pytest.mark.installer, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bundle-admin-pw-1"
GUI_SECONDS = 6.0


def _installer_module(name: str) -> ModuleType:
    """``installer/<name>.py`` (the installer folder holds scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"crf_installer_{name}", ROOT / "installer" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _installer_module("build")


@dataclass
class Bundle:
    executable: Path
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = build.clean_environment(self.home)
        env.update(extra)
        return env

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(self.executable), *args], env=self.env(**extra), capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=180, check=False, cwd=self.home)
        assert "Traceback" not in done.stderr, done.stderr
        return done


def _unpack(archive: Path, into: Path) -> Path:
    """The archive unpacked into ``into``; returns the frozen program in it."""
    into.mkdir(parents=True)
    if archive.name.endswith(".tar.gz"):
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="tar")  # keeps the execute bits and the bundle's symbolic links
        return into / "crf-desktop" / "crf-desktop"
    if sys.platform == "darwin":
        subprocess.run(["ditto", "-x", "-k", str(archive), str(into)], check=True)
        return into / "crf-desktop.app" / "Contents" / "MacOS" / "crf-desktop"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(into)  # noqa: S202 - the archive this test just built
    return into / "crf-desktop" / "crf-desktop.exe"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Built with installer/build.py, then unpacked from its archive into another folder."""
    dist, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("pyinstaller-work")
    done = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist),
                           "--work", str(work)],  # not build/: two test runs at once must not share it
                          capture_output=True, text=True, timeout=1200, check=False, cwd=ROOT)
    assert done.returncode == 0, f"installer/build.py failed:\n{done.stdout}\n{done.stderr}"
    archives = [p for p in dist.iterdir() if p.name.endswith((".tar.gz", ".zip"))]
    assert len(archives) == 1, f"expected one archive in {dist}, found {archives}"
    assert archives[0].name.startswith(f"crf-desktop-{__version__}-")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    executable = _unpack(archives[0], elsewhere / "unpacked")
    shutil.rmtree(dist)  # nothing may still point into the build output
    shutil.rmtree(work)
    home = elsewhere / "home"
    home.mkdir()
    return Bundle(executable=executable, home=home)


@pytest.fixture(scope="module")
def site(bundle: Bundle) -> Path:
    """A site created by the frozen program's ``init``, with a coordinator (the admin may not print)."""
    data = bundle.home / "site01"
    done = bundle.run("init", "--data-dir", str(data), "--site", "01", "--study", "NCT03580291",
                      "--admin", "admin", "--admin-name", "Ada Admin", CRF_NEW_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^\s+([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", done.stdout, re.M), "the recovery key is printed"
    added = bundle.run("user", "add", "--data-dir", str(data), "--user", "admin", "li.na", "--role", "coordinator",
                       "--full-name", "Li Na", CRF_PASSWORD=PASSWORD, CRF_NEW_PASSWORD="temporary-1")
    assert added.returncode == 0, added.stderr
    changed = bundle.run("user", "passwd", "--data-dir", str(data), "--user", "li.na", CRF_PASSWORD="temporary-1",
                         CRF_NEW_PASSWORD=PASSWORD)
    assert changed.returncode == 0, changed.stderr
    return data


def test_version_names_this_release_and_its_sqlcipher(bundle: Bundle) -> None:
    done = bundle.run("version")
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()[:2]
    assert first == f"crf-desktop {__version__}"
    assert "SQLCipher 4." in second  # the encrypted store is in the bundle, not taken from the system


def test_init_then_verify_on_a_fresh_data_directory(bundle: Bundle, site: Path) -> None:
    done = bundle.run("verify", "--data-dir", str(site), "--user", "admin", CRF_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Result: OK" in done.stdout
    assert "[FAIL]" not in done.stdout
    wrong = bundle.run("verify", "--data-dir", str(site), "--user", "admin", CRF_PASSWORD="not-the-password")
    assert wrong.returncode != 0 and "Result: OK" not in wrong.stdout  # the frozen store really checks the key


def test_print_blank_crf(bundle: Bundle, site: Path, tmp_path: Path) -> None:
    """A blank CRF in both languages: reportlab, its lazily imported QR code and the bundled CJK font are frozen."""
    out = tmp_path / "blank.pdf"
    done = bundle.run("print", "--data-dir", str(site), "--user", "li.na", "--blank", "--lang", "both",
                      "--out", str(out), CRF_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"DroidSans" in pdf, "the bundled CJK font is embedded (resources/fonts found inside the bundle)"

    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(str(out))
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    codes = [code for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert codes, "page 1 carries its QR code (reportlab.graphics.barcode is collected into the bundle)"


def test_gui_starts_offscreen_and_stops_on_terminate(bundle: Bundle, site: Path) -> None:
    """The window stack (Qt platform plugin, fonts, translations, icon) loads and the login screen waits."""
    process = subprocess.Popen([str(bundle.executable), "--data-dir", str(site)],  # noqa: S603
                               env=bundle.env(QT_QPA_PLATFORM="offscreen"), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=bundle.home)
    try:
        deadline = time.monotonic() + GUI_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        still_running = process.poll() is None
        process.terminate()
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert still_running, f"the GUI ended by itself (exit {process.returncode}):\n{err}"
    assert "Traceback" not in err and "Fatal Python error" not in err, err
    assert "Could not load the Qt platform plugin" not in err, err
    expected = 1 if os.name == "nt" else -signal.SIGTERM  # ended by the signal, not by a crash of its own
    assert process.returncode == expected, f"exit {process.returncode}:\n{err}"
    again = bundle.run("verify", "--data-dir", str(site), "--user", "admin", CRF_PASSWORD=PASSWORD)
    assert again.returncode == 0, again.stdout + again.stderr  # the ended GUI left the site unlocked and intact
