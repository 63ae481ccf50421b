"""Issue 8, "faults that must be survived": each refused loudly, nothing of it applied, nothing lost."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crf_desktop.core.errors import CrfError, StorageError, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session, init_site, login, restore
from crf_desktop.store import sync_state
from crf_desktop.sync import folder as folder_module
from crf_desktop.sync.folder import packages_in
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import GENESIS, SITE_PACKAGE, Header, Reason, public_keys_b64, seal
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture
from tests.sync.conftest import (
    CentreFixture,
    add_subject,
    coordinator,
    enrol,
    export,
    two_packages_and_the_backup_between,
)
from tests.sync.test_export_import import assert_centre_holds_the_site

PKG1 = "NCT03580291_01_1.crfpkg"


def _nothing_applied(centre: Session) -> None:
    db = centre.site.db
    assert db.execute("SELECT count(*) FROM centre_rows").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM centre_audit").fetchone()[0] == 0
    assert db.execute("SELECT coalesce(max(last_seq), 0) FROM centre_sites").fetchone()[0] == 0


def _one_package(site: SiteFixture, folder: Path, held: Path) -> bytes:
    """Export one package and take it out of the folder; returns its bytes."""
    session = coordinator(site)
    try:
        add_subject(session)
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    held.mkdir(exist_ok=True)
    shutil.move(folder / "to-centre" / "01" / PKG1, held / PKG1)
    return (held / PKG1).read_bytes()


def _only_reason(centre: Session, folder: Path) -> tuple[Reason, str]:
    report = centre_service.import_packages(centre, folder)
    assert not report.ok
    site = next(s for s in report.sites if s.site == "01")
    assert site.applied == ()
    (item,) = site.quarantined
    return item.reason, item.detail


def _site_keys(site: SiteFixture) -> KeyPairs:
    session = site.login()
    try:
        identity = sync_state.identity(session.site.db)
    finally:
        session.close()
    assert identity is not None
    return KeyPairs(sign_key=identity.sign_key, box_key=identity.box_key)


def test_a_package_truncated_at_every_tenth_is_quarantined_then_the_whole_one_applies(
        enrolled: SiteFixture, folder: Path, tmp_path: Path, centre_session: Session) -> None:
    data = _one_package(enrolled, folder, tmp_path / "held")
    target = folder / "to-centre" / "01" / PKG1
    for tenth in range(1, 10):
        target.write_bytes(data[:len(data) * tenth // 10])
        reason, detail = _only_reason(centre_session, folder)
        assert reason is Reason.TRUNCATED, detail
        _nothing_applied(centre_session)
    target.write_bytes(data)
    report = centre_service.import_packages(centre_session, folder)
    assert report.ok and report.sites[0].applied == (1,)


@pytest.mark.parametrize("where", ["header", "body", "signature"])
def test_one_flipped_bit_is_quarantined(enrolled: SiteFixture, folder: Path, tmp_path: Path,
                                        centre_session: Session, where: str) -> None:
    data = bytearray(_one_package(enrolled, folder, tmp_path / "held"))
    header_len = int.from_bytes(data[8:12], "big")
    at = {"header": 12 + header_len // 2, "body": 12 + header_len + 8 + 40, "signature": len(data) - 10}[where]
    data[at] ^= 0x04
    (folder / "to-centre" / "01" / PKG1).write_bytes(bytes(data))
    reason, detail = _only_reason(centre_session, folder)
    assert reason in ({Reason.BAD_SIGNATURE, Reason.BAD_HEADER} if where == "header" else {Reason.BAD_SIGNATURE})
    _nothing_applied(centre_session)
    report = centre_service.import_packages(centre_session, folder)
    assert "QUARANTINED" in "\n".join(report.lines())  # still reported while the file is there


def make_site(tmp_path: Path, centre: CentreFixture, site_id: str, *, folder_name: str) -> SiteFixture:
    data_dir = tmp_path / folder_name
    session, recovery = init_site(data_dir, site=site_id, study="NCT03580291", admin="admin", admin_name="Admin",
                                  password=ADMIN_PASSWORD)
    try:
        session.add_user(username="coordinator", full_name="Coordinator", role=Role.COORDINATOR,
                         password="temporary-1")
    finally:
        session.close()
    session = login(data_dir, "coordinator", "temporary-1")
    session.change_own_password("temporary-1", USER_PASSWORD)
    session.close()
    fixture = SiteFixture(data_dir, recovery)
    enrol(fixture, centre, site_id)
    return fixture


def test_a_package_of_another_site_renamed_into_this_sites_folder_is_quarantined(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    other = make_site(tmp_path, centre, "02", folder_name="site02")
    centre_session = centre.login()
    session = coordinator(other)
    try:
        add_subject(session)
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    moved = folder / "to-centre" / "01" / PKG1
    moved.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(folder / "to-centre" / "02" / "NCT03580291_02_1.crfpkg", moved)
    try:
        reason, detail = _only_reason(centre_session, folder)
        assert reason is Reason.WRONG_PLACE and "written by site 02" in detail
        _nothing_applied(centre_session)
    finally:
        centre_session.close()


def test_a_package_signed_by_another_key_after_the_site_was_pinned_is_a_key_change(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, tmp_path: Path) -> None:
    data = _one_package(enrolled, folder, tmp_path / "held")
    (folder / "to-centre" / "01" / PKG1).write_bytes(data)
    impostor = make_site(tmp_path, centre, "01", folder_name="impostor")  # another installation calling itself 01
    centre_session = centre.login()
    assert centre_service.import_packages(centre_session, folder).ok
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    session = coordinator(impostor)
    try:
        add_subject(session, initials="ZZ")
    finally:
        session.close()
    result = export(impostor, elsewhere)
    assert result.package is not None
    shutil.copy(result.package, folder / "to-centre" / "01" / PKG1)  # a sync tool delivers it over the real one
    try:
        reason, detail = _only_reason(centre_session, folder)
        assert reason is Reason.KEY_CHANGE and "pinned" in detail
    finally:
        centre_session.close()


def test_a_site_the_centre_never_enrolled_is_quarantined_as_unknown(
        site_with_users: SiteFixture, centre: CentreFixture, folder: Path, centre_session: Session) -> None:
    admin = site_with_users.login()
    try:  # the site has the centre's public key file, but the centre never enrolled site 01
        sync_service.enrol_site(admin, sync_service.read_enrolment(centre.key_file, site="01", study="NCT03580291"),
                                source="centre-key.json")
    finally:
        admin.close()
    session = coordinator(site_with_users)
    try:
        add_subject(session)
    finally:
        session.close()
    assert export(site_with_users, folder).seq == 1
    reason, detail = _only_reason(centre_session, folder)
    assert reason is Reason.UNKNOWN_SITE and "centre enrol --site 01" in detail


def _forged(keys: KeyPairs, receiver_box_public: bytes, *, version: int | None = None) -> bytes:
    sign, box = public_keys_b64(keys)
    header = Header(kind=SITE_PACKAGE, study="NCT03580291", site="01", seq=1, prev_sha256=GENESIS,
                    created_at="2026-11-25T10:00:00.000000Z", sender_sign_key=sign, sender_box_key=box,
                    sender_fingerprint=keys.fingerprint)
    data = seal(header, {"tables": {}, "audit": [], "users": []}, sender=keys, receiver_box_public=receiver_box_public)
    if version is None:
        return data
    signed = bytearray(data[:-64])
    signed[6:8] = version.to_bytes(2, "big")
    return bytes(signed) + keys.signer.sign(bytes(signed))


def test_a_body_encrypted_to_another_key_is_a_decryption_failure(
        enrolled: SiteFixture, folder: Path, centre_session: Session) -> None:
    outbox = folder / "to-centre" / "01"
    outbox.mkdir(parents=True)
    (outbox / PKG1).write_bytes(_forged(_site_keys(enrolled), KeyPairs.generate().box_public))
    reason, _detail = _only_reason(centre_session, folder)
    assert reason is Reason.DECRYPTION
    _nothing_applied(centre_session)


def test_an_unknown_format_version_is_quarantined_by_name(
        enrolled: SiteFixture, folder: Path, centre_session: Session) -> None:
    keys = _site_keys(enrolled)
    outbox = folder / "to-centre" / "01"
    outbox.mkdir(parents=True)
    (outbox / PKG1).write_bytes(_forged(keys, centre_service.centre_keys(centre_session).box_public, version=7))
    reason, detail = _only_reason(centre_session, folder)
    assert reason is Reason.VERSION and "format version 7" in detail


def test_a_site_restored_from_an_old_backup_that_reuses_sequence_numbers_is_a_fork(
        enrolled: SiteFixture, folder: Path, tmp_path: Path, centre_session: Session) -> None:
    kept = two_packages_and_the_backup_between(enrolled, folder, tmp_path)
    assert centre_service.import_packages(centre_session, folder).sites[0].applied == (1, 2)
    with pytest.raises(UserInputError, match=r"1 change\(s\) newer than the backup .* package 2 was sent "
                                             r"to the centre after it.*--force"):
        restore(enrolled.data_dir, username="admin", password=ADMIN_PASSWORD, backup=str(kept))
    restored, _replaced = restore(enrolled.data_dir, username="admin", password=ADMIN_PASSWORD, backup=str(kept),
                                  force=True)
    restored.close()
    session = coordinator(enrolled)
    try:
        add_subject(session, initials="XY")
        with pytest.raises(CrfError, match="package 2 already exists .* restored from an older backup") as refused:
            sync_service.export_to_centre(session, folder)
        assert refused.value.exit_code == 1  # a real restore: call the centre, not a stray file to move (exit 2)
        elsewhere = tmp_path / "usb"
        elsewhere.mkdir()
        result = sync_service.export_to_centre(session, elsewhere)
    finally:
        session.close()
    assert result.seq == 2 and result.package is not None
    shutil.copy(result.package, folder / "to-centre" / "01" / "NCT03580291_01_2.crfpkg")  # delivered over the old
    reason, detail = _only_reason(centre_session, folder)
    assert reason is Reason.FORK and "restored from an old backup" in detail
    assert len(centre_service.trial_dataset(centre_session).subjects) == 1  # nothing of the fork was merged


KILLER = """
import os, signal, sys
from pathlib import Path
import crf_desktop.services.sync as sync
from crf_desktop.services.session import login

stage = sys.argv[3]
real = getattr(sync, stage)

def killed(*args, **kwargs):
    if stage == "write_partial" and sys.argv[4] == "half":
        path, data = args
        partial = path.with_name("." + path.name + ".partial")
        partial.write_bytes(data[: len(data) // 2])
    elif stage == "write_partial":
        real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

setattr(sync, stage, killed)
session = login(Path(sys.argv[1]), "coordinator", sys.argv[5])
sync.export_to_centre(session, Path(sys.argv[2]))
"""


@pytest.mark.slow
@pytest.mark.parametrize(("stage", "how"), [("write_partial", "half"), ("write_partial", "whole"),
                                             ("publish", "-")])
def test_an_export_killed_half_way_leaves_no_partial_package_and_the_next_export_carries_the_changes(
        enrolled: SiteFixture, folder: Path, centre_session: Session, stage: str, how: str) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
    finally:
        session.close()
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", KILLER, str(enrolled.data_dir), str(folder), stage, how,
                           USER_PASSWORD], cwd=root, capture_output=True, timeout=120, check=False)
    assert done.returncode == -9, done.stderr
    outbox = folder / "to-centre" / "01"
    assert packages_in(outbox)[0] == []  # no package visible to the centre
    report = centre_service.import_packages(centre_session, folder)
    assert report.ok and all(site.applied == () for site in report.sites)
    session = coordinator(enrolled)
    try:
        add_subject(session, initials="CD")
        result = sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    left = sorted(p.name for p in outbox.iterdir())
    assert not [name for name in left if name.startswith(".")]  # no partial file left behind
    report = centre_service.import_packages(centre_session, folder)
    assert report.ok, report.lines()
    assert_centre_holds_the_site(enrolled, centre_session)
    assert len(centre_service.trial_dataset(centre_session).subjects) == 2
    if stage == "publish":  # the killed export had committed package 1: it is written again, then package 2
        assert result.seq == 2 and len(result.republished) == 1
    else:
        assert result.seq == 1 and result.change_count == 6


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "read-only"), (errno.ENOSPC, "the disk is full")])
def test_a_read_only_or_full_destination_is_a_clear_error_and_the_changes_stay_unsent(
        enrolled: SiteFixture, folder: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    session = coordinator(enrolled)
    real_open = os.open

    def refusing(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".partial"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    try:
        add_subject(session)
        monkeypatch.setattr(folder_module.os, "open", refusing)
        with pytest.raises(StorageError, match=words) as caught:
            sync_service.export_to_centre(session, folder)
        monkeypatch.undo()
        assert "nothing was sent and the site's data is untouched" in str(caught.value)
        assert sync_service.sync_status(session).unsent_changes == 3
        assert list((folder / "to-centre" / "01").iterdir()) == []
        assert session.audit_trail(limit=1)[0].action == "export failed"
        assert sync_state.last_package(session.site.db) is None
        result = sync_service.export_to_centre(session, folder)  # the disk is fixed: the same changes go
        assert result.seq == 1 and result.change_count == 3
    finally:
        session.close()


def test_a_destination_that_is_not_a_folder_is_refused(enrolled: SiteFixture, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "stick.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    session = coordinator(enrolled)
    try:
        with pytest.raises(CrfError, match="does not exist or is not a folder"):
            sync_service.export_to_centre(session, not_a_folder)
    finally:
        session.close()
