"""``crf-desktop selftest`` (issue 10 item 3): the report a site's IT person reads, its exit status, and the
advice for a Qt platform that does not load."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.ui.selftest_qt import advice_for, expected_platform
from tests.e2e.cli import crf

PASSWORD = "selftest-password-1"


def _without_display(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                                                      "XDG_SESSION_TYPE")}


@pytest.fixture
def display() -> Iterator[str]:
    from tests.ui.screenshots import start_xvfb

    proc, name = start_xvfb()
    yield name
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.display
def test_on_a_desktop_every_check_passes_and_the_site_is_untouched(tmp_path: Path, cli_env: dict[str, str],
                                                                   display: str) -> None:
    site = tmp_path / "site"
    assert crf("init", "--data-dir", str(site), "--site", "01", "--study", "NCT03580291", "--admin", "admin",
               env=cli_env, new_password=PASSWORD).code == 0
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.iterdir() if p.is_file()}
    central = tmp_path / "central"
    central.mkdir()
    env = {**_without_display(cli_env), "DISPLAY": display}
    result = crf("selftest", "--data-dir", str(site), "--central-folder", str(central), env=env)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    for name in ("Qt platform", "Qt fonts", "bundled fonts", "SQLCipher", "cryptography", "data directory",
                 "central folder", "PDF printing"):
        assert any(line.startswith("OK") and name in line for line in lines), (name, result.out)
    assert "xcb loads" in result.out
    assert lines[-1] == "all checks passed"
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.iterdir() if p.is_file()}
    assert after == before
    assert list(central.iterdir()) == []


def test_without_a_display_the_qt_check_fails_and_says_what_to_do(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = crf("selftest", "--data-dir", str(tmp_path / "site"), env=_without_display(cli_env))
    assert result.code == 1
    qt_line = next(line for line in result.out.splitlines() if "Qt platform" in line)
    assert qt_line.startswith("FAIL") and "xcb" in qt_line
    advice = result.out.split(qt_line, 1)[1].splitlines()[1]  # what to do, on the next line
    assert "-> no display" in advice and "DISPLAY is not set" in advice
    assert "libxcb-cursor0" not in advice  # Qt names it on any xcb failure; without a display it is not the cause
    assert "OK    SQLCipher" in result.out  # the other checks still ran
    assert "check(s) failed" in result.out.splitlines()[-1]


def test_offscreen_is_a_warning_and_the_desktop_platform_is_checked_instead(tmp_path: Path,
                                                                            cli_env: dict[str, str]) -> None:
    env = {**_without_display(cli_env), "QT_QPA_PLATFORM": "offscreen"}
    result = crf("selftest", "--data-dir", str(tmp_path / "site"), env=env)
    assert "WARN  Qt platform (environment)  QT_QPA_PLATFORM=offscreen shows no window" in result.out
    assert "unset QT_QPA_PLATFORM" in result.out
    assert any(line.startswith("FAIL") and "the xcb platform plugin does not load" in line
               for line in result.out.splitlines())  # no display here: offscreen does not hide that
    assert result.code == 1


def test_a_missing_central_folder_fails(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = crf("selftest", "--data-dir", str(tmp_path / "site"), "--central-folder", str(tmp_path / "usb"),
                 env=cli_env)
    assert result.code == 1
    assert "FAIL  central folder" in result.out
    assert "connect the drive or share" in result.out


@pytest.mark.parametrize("said", [
    "Cannot load library .../libqxcb.so: (libxcb-cursor.so.0: cannot open shared object file: No such file)",
    "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.",
])
def test_a_missing_xcb_cursor_library_names_the_package_to_install(said: str) -> None:
    assert advice_for(said, "xcb", {"DISPLAY": ":0"}).startswith(
        "install libxcb-cursor0: apt-get install libxcb-cursor0")


def test_several_missing_libraries_are_one_apt_get_line() -> None:
    said = ("libxkbcommon-x11.so.0: cannot open shared object file\n"
            "libxcb-icccm.so.4: cannot open shared object file\nlibfoo.so.3: cannot open shared object file")
    advice = advice_for(said, "xcb", {"DISPLAY": ":0"})
    assert "apt-get install libxcb-icccm4 libxkbcommon-x11-0" in advice
    assert "libfoo.so.3" in advice  # unknown to us: named, with how to find its package


def test_the_platform_qt_would_pick() -> None:
    assert expected_platform({}, "linux") == "xcb"
    assert expected_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux") == "offscreen"
    assert expected_platform({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux") == "xcb"
    assert expected_platform({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux") == "wayland"
    assert expected_platform({}, "win32") == "windows"
    assert expected_platform({}, "darwin") == "cocoa"
    assert "DISPLAY is not set" in advice_for("could not connect to display", "xcb", {})
    said = "qt.qpa.xcb: could not connect to display :5\nxcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb"
    assert advice_for(said, "xcb", {"DISPLAY": ":5"}).startswith("no display") and ":5" in advice_for(
        said, "xcb", {"DISPLAY": ":5"})
