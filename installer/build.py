"""Build the crf-desktop bundle for this computer's OS, check it, and pack it (issue 9).

    .venv/bin/python installer/build.py              # dist/crf-desktop/ + dist/crf-desktop-<version>-<os>.<ext>
    .venv/bin/python installer/build.py --installer  # Windows: also the Inno Setup installer (needs ISCC.exe)

Steps: PyInstaller with ``installer/crf-desktop.spec`` (one-folder bundle: ``dist/crf-desktop/``, on macOS also
``dist/crf-desktop.app``); a check that the frozen program starts and reports this version; on Linux, a check that
every library the Qt platform plugins need is either in the bundle or a documented system library; then the
archive (``.tar.gz`` on Linux, ``.zip`` on Windows and macOS). ``installer/BUILDING.md`` explains each platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_meta  # noqa: E402

SPEC = Path(__file__).resolve().parent / "crf-desktop.spec"
ISS = Path(__file__).resolve().parent / "windows" / "crf-desktop.iss"
LINUX_EXTRAS = Path(__file__).resolve().parent / "linux"
# Libraries a plugin may lack on the build machine without harm to the rest: the plugin then uses the target's copy
# (printing to printers needs the CUPS library: package libcups2 on Debian/Ubuntu, present wherever printing is set up).
OPTIONAL_SYSTEM_LIBRARIES = {"libcups.so.2": "libcups2"}


class BuildError(Exception):
    """A step failed; the message says which and what to do."""


def run_pyinstaller(dist: Path, work: Path, *, clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    print("building:", " ".join(command), flush=True)
    try:
        done = subprocess.run(command, cwd=bundle_meta.ROOT, check=False)  # noqa: S603 - our own interpreter
    except FileNotFoundError as exc:
        raise BuildError(f"could not run {sys.executable}: {exc}") from exc
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {done.returncode}); its messages are above. Is PyInstaller "
                         "installed in this virtualenv (requirements-dev.lock)?")


def check_version(executable: Path, version: str) -> str:
    """Run ``<bundle> version``; the first line must name this version."""
    if not executable.exists():
        raise BuildError(f"the bundle has no {executable.name}: {executable} is missing")
    env = clean_environment(executable.parent / "check-home")
    started = time.monotonic()
    done = subprocess.run([str(executable), "version"], capture_output=True, text=True, env=env,  # noqa: S603
                          timeout=120, check=False)
    elapsed = time.monotonic() - started
    shutil.rmtree(executable.parent / "check-home", ignore_errors=True)
    first = done.stdout.splitlines()[0] if done.stdout else ""
    if done.returncode != 0 or first != f"crf-desktop {version}":
        raise BuildError(f"the frozen program does not start properly: `{executable} version` exited "
                         f"{done.returncode}, printed {done.stdout!r}, errors {done.stderr!r}")
    return f"{done.stdout.strip().replace(chr(10), '; ')} (started in {elapsed:.2f} s)"


def clean_environment(home: Path) -> dict[str, str]:
    """An environment like a fresh login's: no Python variables, no virtualenv, a new home directory."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if sys.platform.startswith("win"):
        keep = ("SYSTEMROOT", "WINDIR", "SYSTEMDRIVE", "COMSPEC", "PATHEXT", "PROCESSOR_ARCHITECTURE")
        env = {name: os.environ[name] for name in keep if name in os.environ}
        env.update({"USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                    "LOCALAPPDATA": str(home / "AppData" / "Local"), "TEMP": str(home), "TMP": str(home),
                    "PATH": os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32"})
    return env


def system_libraries(bundle: Path) -> list[str]:
    """Linux: the libraries the bundle's binaries load from the system (``ldd`` with the bundle's search path).

    PyInstaller never bundles the C library, the graphics driver stack (libGL, libEGL, libdrm), libxcb or the
    Wayland client libraries: those must match the machine, and every desktop has them. Anything else must be in
    the bundle. Raises :class:`BuildError` when one cannot be found at all, or when one that the bundle should
    carry comes from the system (PyInstaller did not find it on the build machine: install it there, build again).
    """
    from PyInstaller.depend.dylib import include_library  # PyInstaller's list of what must come from the system

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    internal = bundle / "_internal"
    binaries = [bundle / bundle_meta.APP_NAME, *sorted(internal.glob("PySide6/Qt/plugins/*/*.so")),
                *sorted(internal.glob("**/*.so*"))]
    env = {"LD_LIBRARY_PATH": str(internal), "PATH": "/usr/bin:/bin"}
    from_system: dict[str, str] = {}
    missing: dict[str, set[str]] = {}
    for binary in binaries:
        if binary.is_symlink() or not binary.is_file():
            continue
        done = subprocess.run([ldd, str(binary)], capture_output=True, text=True, env=env,  # noqa: S603
                              timeout=60, check=False)
        for line in done.stdout.splitlines():
            name, _, where = (part.strip() for part in line.partition("=>"))
            if "not found" in where:
                missing.setdefault(name, set()).add(binary.name)
            elif where and not where.startswith(str(internal)):
                from_system[name] = where.split(" (")[0]
    problems = [f"{name} (needed by {', '.join(sorted(users))})" for name, users in sorted(missing.items())
                if include_library(name) and name not in OPTIONAL_SYSTEM_LIBRARIES]
    for name in sorted(set(missing) & set(OPTIONAL_SYSTEM_LIBRARIES)):
        print(f"warning: {name} is not on the build machine, so the bundle takes it from the target system "
              f"(package {OPTIONAL_SYSTEM_LIBRARIES[name]}); install it here to bundle it", file=sys.stderr)
    unexpected = [name for name in sorted(from_system) if include_library(name)]
    # The program file itself (PyInstaller's bootloader) is loaded before the bundle's folder is on the search
    # path, so what it links to (the C library and zlib, both essential on every Linux) always comes from the system.
    done = subprocess.run([ldd, str(bundle / bundle_meta.APP_NAME)], capture_output=True, text=True,  # noqa: S603
                          env={"PATH": "/usr/bin:/bin"}, timeout=60, check=False)
    for line in done.stdout.splitlines():
        name, _, where = (part.strip() for part in line.partition("=>"))
        if "not found" in where:
            problems.append(f"{name} (needed by the program file itself)")
        elif where:
            from_system[name] = where.split(" (")[0]
    if problems or unexpected:
        raise BuildError("the bundle is incomplete: " + "; ".join(
            [*(f"{item} is not on the build machine" for item in problems),
             *(f"{name} would come from the target system" for name in unexpected)])
            + ". Install the missing libraries on the build machine (BUILDING.md, Linux) and build again.")
    return sorted({*from_system, *missing})


def archive_name(version: str) -> str:
    return f"{bundle_meta.APP_NAME}-{version}-{bundle_meta.platform_tag()}"


def make_tarball(bundle: Path, out: Path, extras: Iterable[tuple[Path, str]]) -> Path:
    """``<name>.tar.gz`` holding ``crf-desktop/`` (symbolic links kept: the bundle uses them for Qt's libraries)."""
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle_meta.APP_NAME)
        for source, name in extras:
            tar.add(source, arcname=f"{bundle_meta.APP_NAME}/{name}")
    return out


def make_zip(folder: Path, out: Path) -> Path:
    """``<name>.zip`` holding ``folder`` (macOS: ``ditto`` keeps the .app's links and signature)."""
    if sys.platform == "darwin" and shutil.which("ditto"):
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(folder), str(out)], check=True)  # noqa: S603,S607
        return out
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return out


def make_archive(dist: Path, version: str) -> Path:
    name = archive_name(version)
    if sys.platform.startswith("linux"):
        extras = [(LINUX_EXTRAS / "crf-desktop.desktop", "crf-desktop.desktop"),
                  (LINUX_EXTRAS / "install-desktop-entry.sh", "install-desktop-entry.sh")]
        return make_tarball(dist / bundle_meta.APP_NAME, dist / f"{name}.tar.gz", extras)
    folder = dist / f"{bundle_meta.APP_NAME}.app" if sys.platform == "darwin" else dist / bundle_meta.APP_NAME
    return make_zip(folder, dist / f"{name}.zip")


def build_windows_installer(dist: Path, version: str) -> Path:
    """Run Inno Setup's compiler on ``installer/windows/crf-desktop.iss`` with this version and bundle."""
    iscc = shutil.which("iscc") or next((str(p) for p in (
        Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe",
        Path(os.environ.get("ProgramFiles", r"C:\Program Files")) / "Inno Setup 6" / "ISCC.exe") if p.exists()), None)
    if iscc is None:
        raise BuildError("Inno Setup's ISCC.exe was not found: install Inno Setup 6 (https://jrsoftware.org) or put "
                         "ISCC.exe on PATH, then run this again with --installer")
    numbers = ".".join(str(n) for n in bundle_meta.version_tuple(version))
    command = [iscc, f"/DAppVersion={version}", f"/DAppVersionNumbers={numbers}",
               f"/DAppId={bundle_meta.WINDOWS_APP_ID}", f"/DPublisher={bundle_meta.PUBLISHER}",
               f"/DSourceDir={dist / bundle_meta.APP_NAME}", f"/DIconFile={bundle_meta.ICONS / 'crf-desktop.ico'}",
               f"/DOutputDir={dist}", f"/DOutputBaseName={archive_name(version)}-setup", str(ISS)]
    done = subprocess.run(command, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BuildError(f"Inno Setup failed (exit {done.returncode}); its messages are above")
    return dist / f"{archive_name(version)}-setup.exe"


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=bundle_meta.DIST, help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=bundle_meta.WORK,
                        help="PyInstaller's work folder, kept between builds (default: build/pyinstaller/)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    parser.add_argument("--no-archive", action="store_true", help="only the one-folder bundle")
    parser.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = bundle_meta.app_version()
    started = time.monotonic()
    try:
        run_pyinstaller(dist, work, clean=args.clean)
        built = time.monotonic() - started
        bundle = dist / bundle_meta.APP_NAME
        print(f"bundle: {bundle} ({megabytes(size_of(bundle))}), built in {built:.0f} s")
        print("check:", check_version(bundle_meta.executable(bundle), version))
        if sys.platform.startswith("linux"):
            print("system libraries used:", ", ".join(system_libraries(bundle)) or "none found (no ldd)")
        if not args.no_archive:
            archive = make_archive(dist, version)
            print(f"archive: {archive} ({megabytes(size_of(archive))})")
        if args.installer:
            if not sys.platform.startswith("win"):
                raise BuildError("--installer builds the Windows installer: run it on Windows")
            setup = build_windows_installer(dist, version)
            print(f"installer: {setup} ({megabytes(size_of(setup))})")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
