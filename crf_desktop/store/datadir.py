"""What lives in a data directory, and what kind of disk it is on."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_FILE = "site.db"
KEY_FILE = "keys.json"
RECOVERY_FILE = "recovery.json"
LOCK_FILE = "site.lock"

APP_NAME = "crf-desktop"

# Filesystems on which SQLite's locking (and so our single-writer guarantee) cannot be trusted.
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "afs", "9p", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2",
    "glusterfs", "ceph", "fuse.rclone", "fuse.s3fs", "lustre",
}


def default_data_dir() -> Path:
    """The platform's per-user data directory (platformdirs)."""
    import platformdirs  # here, not at start-up: the app's start with --data-dir does not need it (issue 10)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def is_site(data_dir: Path) -> bool:
    return (data_dir / DB_FILE).exists() or (data_dir / KEY_FILE).exists()


def network_filesystem(path: Path) -> str | None:
    """The network filesystem type ``path`` lives on, or ``None`` for a local disk (best effort)."""
    target = path.resolve()
    if sys.platform.startswith("win"):
        text = str(target)
        if text.startswith("\\\\"):
            return "UNC share"
        try:
            import ctypes

            drive_remote = 4
            kind = ctypes.windll.kernel32.GetDriveTypeW(text[:3])  # type: ignore[attr-defined]
            return "network drive" if kind == drive_remote else None
        except (AttributeError, OSError):
            return None
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    return filesystem_from_mounts(target, mounts.read_text(encoding="utf-8", errors="replace"))


def filesystem_from_mounts(target: Path, mounts_text: str) -> str | None:
    """The network filesystem type of ``target`` according to a ``/proc/mounts`` text, else ``None``."""
    best: tuple[int, str] | None = None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = Path(parts[1].replace("\\040", " "))
        if target == mount_point or mount_point in target.parents:
            if best is None or len(str(mount_point)) > best[0]:
                best = (len(str(mount_point)), parts[2])
    if best is not None and best[1] in _NETWORK_FS:
        return best[1]
    return None


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened, i.e. Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, never half."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk or an interruption leaves the old file and nothing else
        raise
    fsync_dir(path.parent)
