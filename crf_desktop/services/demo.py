"""A demo site with a user for every role, for trying the app and for the README's start command."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from crf_desktop.core.roles import Role
from crf_desktop.services.demo_course import kit_numbers
from crf_desktop.services.demo_signatures import populate_signatures
from crf_desktop.services.demo_subjects import populate_coordinator, populate_monitor
from crf_desktop.services.randomisation import ARM_MMF, ARM_MSC, load_randomisation_list
from crf_desktop.services.session import DAILY, Session, init_site, login
from crf_desktop.store import users
from crf_desktop.store.backup import list_backups, take_backup
from crf_desktop.store.randomisation import ListEntry

DEMO_SITE = "01"
DEMO_STUDY = "NCT03580291"
PASSWORD_FILE = "demo-passwords.txt"  # noqa: S105 - a file name

DEMO_USERS: list[tuple[str, str, Role]] = [
    ("admin", "Demo Admin", Role.ADMIN),
    ("coordinator", "Li Na (demo coordinator)", Role.COORDINATOR),
    ("investigator", "Dr Wang Wei (demo investigator)", Role.INVESTIGATOR),
    ("monitor", "Zhang Min (demo monitor)", Role.MONITOR),
    ("datamanager", "Chen Jie (demo data manager)", Role.DATA_MANAGER),
]


#: Permuted blocks of four (AABB, ABAB, ...), fixed so every demo site holds the same list.
_BLOCKS = ("ABBA", "BAAB", "ABAB", "BABA", "AABB", "BBAA")
DEMO_LIST_SIZE = 48


def demo_randomisation_list(site: str = DEMO_SITE) -> list[ListEntry]:
    """A demo site's blinded list: entry n has kits MSC-000n / MMF-000n (as the demo's forms record them).

    Each site has its own list: numbers R<site>-001 ..., and its blocks start at a block of their own.
    """
    start = int(site) - 1
    arms = "".join(_BLOCKS[(start + i) % len(_BLOCKS)] for i in range(DEMO_LIST_SIZE // 4))
    entries = []
    for seq in range(1, DEMO_LIST_SIZE + 1):
        msc_kit, mmf_kit = kit_numbers(seq)
        arm = ARM_MSC if arms[seq - 1] == "A" else ARM_MMF
        entries.append(ListEntry(seq=seq, rand_no=f"R{site}-{seq:03d}", msc_kit=msc_kit, mmf_kit=mmf_kit, arm=arm))
    return entries


def _password(shared: str | None) -> str:
    return shared if shared else "demo-" + secrets.token_urlsafe(9)


def demo_passwords(shared: str | None) -> dict[str, str]:
    """A password for each demo user: ``shared`` for all of them, or a new random one each."""
    return {name: _password(shared) for name, _full, _role in DEMO_USERS}


def create_demo(data_dir: Path, *, shared_password: str | None = None) -> dict[str, str]:
    """Create the demo site; returns each demo user's password (also written to demo-passwords.txt).

    The password file is a convenience of the demo only: a real site never writes passwords anywhere.
    """
    passwords = demo_passwords(shared_password)
    session, _recovery = init_site(data_dir, site=DEMO_SITE, study=DEMO_STUDY, admin="admin",
                                   admin_name="Demo Admin", password=passwords["admin"])
    try:
        add_demo_users(session, passwords)
        load_randomisation_list(session, demo_randomisation_list())
    finally:
        session.close()
    fill_demo(data_dir, passwords)
    return passwords


def add_demo_users(admin: Session, passwords: dict[str, str]) -> None:
    """The demo users after the admin, ready to work (no password change at first login)."""
    for name, full_name, role in DEMO_USERS[1:]:
        admin.add_user(username=name, full_name=full_name, role=role, password=passwords[name])
        users.update(admin.site.db, name, must_change_password=False)  # demo users start ready to work
    admin.record("demo users created", new_value="fictitious users for training")


def fill_demo(data_dir: Path, passwords: dict[str, str]) -> list[str]:
    """The demo's subjects, signatures and monitoring, a backup of the result, and the password file.

    Returns the subject ids (the site's own: 01-001, ... at site 01, 02-001, ... at site 02).
    """
    coordinator = login(data_dir, "coordinator", passwords["coordinator"])
    try:
        monitor_passwords = passwords["monitor"]
        coordinator.record("demo data created", new_value="fictitious subjects for training")
        # One site, one writer: the monitor's work is done in a second session after the coordinator's.
        subject_ids = populate_coordinator(coordinator)
    finally:
        coordinator.close()
    populate_signatures(data_dir, passwords, subject_ids, investigator_name=DEMO_USERS[2][1])
    monitor = login(data_dir, "monitor", monitor_passwords)
    try:
        populate_monitor(monitor, subject_ids)
        # Today's backup was taken at the first login, before the subjects existed: replace it by one of the
        # finished demo, so trying restore brings the demo back rather than an empty site.
        for early in list_backups(data_dir):
            early.path.unlink()
        take_backup(monitor.site.db.conn, data_dir, monitor.site.db_key, DAILY)
    finally:
        monitor.close()
    write_demo_passwords(data_dir, passwords)
    return subject_ids


def write_demo_passwords(data_dir: Path, passwords: dict[str, str]) -> None:
    """``demo-passwords.txt`` (owner only), read back by :func:`read_demo_passwords`."""
    lines = ["# DEMO ONLY: fictitious data. Real data never has its passwords stored.", *(
        f"{name}\t{password}" for name, password in passwords.items())]
    path = data_dir / PASSWORD_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(path, 0o600)


def is_demo_site(data_dir: Path) -> bool:
    """Whether ``data_dir`` is a site the demo made: only a demo site keeps its users' passwords in a file."""
    return (data_dir / PASSWORD_FILE).is_file()


def read_demo_passwords(data_dir: Path) -> dict[str, str]:
    path = data_dir / PASSWORD_FILE
    if not path.exists():
        return {}
    result = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            name, password = line.split("\t", 1)
            result[name] = password
    return result
