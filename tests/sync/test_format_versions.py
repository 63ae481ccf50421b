"""Issue 8: format 2 packages carry no derivable data; the centre recomputes the audit chain, and still imports the
format 1 packages lying in folders to exactly the same state."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session, login
from crf_desktop.store import audit
from crf_desktop.sync.folder import package_name, site_outbox, write_file
from crf_desktop.sync.package import AUDIT_CARRIED, Reason, frame, open_body, seal
from crf_desktop.sync.site_export import pending
from tests.conftest import SiteFixture
from tests.sync.conftest import CENTRE_PASSWORD, CentreFixture, add_subject, coordinator, save_consent
from tests.sync.format_v1 import build_v1, export_v1, site_keys
from tests.sync.test_export_import import assert_centre_holds_the_site
from tests.sync.test_site_export_body import AWKWARD

STUDY, SITE = "NCT03580291", "01"


def _centre_state(session: Session) -> dict[str, Any]:
    """What the centre holds of its sites (not when or from which file bytes it was applied)."""
    db = session.site.db

    def table(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in db.execute(sql).fetchall()]

    return {
        "rows": table("SELECT site, tbl, key, change_seq, data FROM centre_rows ORDER BY site, tbl, key"),
        "audit": table("SELECT * FROM centre_audit ORDER BY site, seq"),
        "users": table("SELECT * FROM centre_site_users ORDER BY site, username"),
        "sites": table("SELECT site, sign_public, fingerprint, last_seq, audit_seq, audit_hash FROM centre_sites"),
        "packages": table("SELECT site, seq FROM centre_packages ORDER BY site, seq"),
    }


def _round(session: Session, v2_folder: Path, v1_folder: Path, v1_prev: str) -> str:
    """One export, written twice from the same state: format 2 by the app, format 1 by the frozen writer, each
    chained to its own predecessor. Returns the format 1 package's hash."""
    db = session.site.db
    todo = pending(db)
    exported = sync_service.export_to_centre(session, v2_folder)
    keys, centre_box = site_keys(session)
    old = build_v1(db, replace(todo, prev_sha256=v1_prev), study=STUDY, site=SITE, keys=keys,
                   centre_box_public=centre_box)
    assert exported.seq == old.seq and exported.package is not None
    assert frame(exported.package.read_bytes()).header.audit_hash == frame(old.data).header.audit_hash
    outbox = site_outbox(v1_folder, SITE)
    outbox.mkdir(parents=True, exist_ok=True)
    write_file(outbox / package_name(STUDY, SITE, old.seq), old.data)
    return old.sha256


def test_format_1_and_format_2_packages_import_to_the_same_centre_state(
        enrolled: SiteFixture, centre: CentreFixture, tmp_path: Path) -> None:
    v1_folder, v2_folder = tmp_path / "central-v1", tmp_path / "central-v2"
    v2_folder.mkdir()
    other_centre = tmp_path / "centre-v1"
    shutil.copytree(centre.data_dir, other_centre)  # the same centre (keys, enrolment) before any import
    session = coordinator(enrolled)
    try:
        sid = add_subject(session, initials="AB")
        for number, text in enumerate(AWKWARD):
            audit.append(session.site.db, user=session.user.username, action="note", subject=sid,
                         old_value=text, new_value=None if number % 2 else text[::-1])
        prev = _round(session, v2_folder, v1_folder, "0" * 64)
        add_subject(session, initials="CD")
        save_consent(session, sid, "Dr Li", reason="wrong name")
        prev = _round(session, v2_folder, v1_folder, prev)
        save_consent(session, sid, "Dr Wu", reason="wrong name again")
        _round(session, v2_folder, v1_folder, prev)
    finally:
        session.close()
    formats = {folder: [frame(p.read_bytes()).header.format for p in sorted((folder / "to-centre" / SITE).iterdir())]
               for folder in (v1_folder, v2_folder)}
    assert formats == {v1_folder: [1, 1, 1], v2_folder: [2, 2, 2]}
    states = []
    for data_dir, folder in ((other_centre, v1_folder), (centre.data_dir, v2_folder)):
        session = login(data_dir, "dm", CENTRE_PASSWORD)
        try:
            report = centre_service.import_packages(session, folder)
            assert report.ok and report.sites[0].applied == (1, 2, 3), report.lines()
            assert_centre_holds_the_site(enrolled, session)
            states.append(_centre_state(session))
        finally:
            session.close()
    assert states[0] == states[1]
    assert len(states[1]["audit"]) > len(AWKWARD) and states[1]["sites"][0][3:5] == (3, len(states[1]["audit"]))


def test_a_site_updated_between_packages_continues_its_chain_in_format_2(
        enrolled: SiteFixture, folder: Path, centre_session: Session) -> None:
    session = coordinator(enrolled)
    try:
        sid = add_subject(session)
        old = export_v1(session, folder)  # written before the site was updated
    finally:
        session.close()
    first = centre_service.import_packages(centre_session, folder)  # an updated centre reads it
    assert first.ok and first.sites[0].applied == (1,)
    session = coordinator(enrolled)
    try:
        save_consent(session, sid, "Dr Li", reason="wrong name")
        new = sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    assert new.package is not None
    header = frame(new.package.read_bytes()).header
    assert frame(old.data).header.format == 1 and header.format == 2 and header.prev_sha256 == old.sha256
    second = centre_service.import_packages(centre_session, folder)
    assert second.ok and second.sites[0].applied == (2,)
    assert_centre_holds_the_site(enrolled, centre_session)


def test_the_body_carries_no_audit_numbers_or_hashes(enrolled: SiteFixture, folder: Path, centre_session: Session,
                                                     centre: CentreFixture) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
        exported = sync_service.export_to_centre(session, folder)
        hashes = [row[0] for row in session.site.db.execute("SELECT hash FROM audit").fetchall()]
    finally:
        session.close()
    assert exported.package is not None
    body = open_body(frame(exported.package.read_bytes()), centre_service.centre_keys(centre_session))
    assert body["audit"]["columns"] == list(AUDIT_CARRIED)
    assert not {"seq", "prev_hash", "hash"} & set(body["audit"]["columns"])
    text = repr(body)
    assert hashes and not any(digest in text for digest in hashes)
    assert not re.search(r"[0-9a-f]{64}", text)


def _edited(values: list[list[Any]], how: str) -> list[list[Any]]:
    """The audit block's columns with one entry changed, one dropped, or two swapped."""
    column = AUDIT_CARRIED.index("new_value")
    if how == "a value changed":
        values[column][1] = "forged"
    elif how == "an entry dropped":
        values = [list(c[:1]) + list(c[2:]) for c in values]
    else:
        values = [[c[1], c[0], *c[2:]] for c in values]
    return values


@pytest.mark.parametrize("how", ["a value changed", "an entry dropped", "two entries swapped"])
def test_a_package_whose_entries_do_not_chain_to_its_header_is_quarantined_with_nothing_applied(
        enrolled: SiteFixture, folder: Path, centre_session: Session, how: str) -> None:
    """The site's own key signs a body whose audit entries were edited (a history rewritten at the site): the
    centre recomputes the chain, does not arrive at the header's head, and applies nothing of the package."""
    session = coordinator(enrolled)
    try:
        add_subject(session)
        audit.append(session.site.db, user=session.user.username, action="note", new_value="first")
        audit.append(session.site.db, user=session.user.username, action="note", new_value="second")
        exported = sync_service.export_to_centre(session, folder)
        keys, _centre_box = site_keys(session)
    finally:
        session.close()
    assert exported.package is not None
    genuine = exported.package.read_bytes()
    framed = frame(genuine)
    centre_keys = centre_service.centre_keys(centre_session)
    body = open_body(framed, centre_keys)
    body["audit"]["values"] = _edited(body["audit"]["values"], how)
    exported.package.write_bytes(seal(framed.header, body, sender=keys, receiver_box_public=centre_keys.box_public))
    report = centre_service.import_packages(centre_session, folder)
    site = report.sites[0]
    assert not report.ok and site.applied == ()
    (item,) = site.quarantined
    assert item.reason is Reason.AUDIT_MISMATCH
    assert "audit chain does not match the header" in "\n".join(report.lines())
    db = centre_session.site.db
    for table in ("centre_rows", "centre_audit", "centre_site_users", "centre_packages"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table  # noqa: S608
    assert db.execute("SELECT last_seq, audit_seq, sign_public FROM centre_sites").fetchone() == (0, 0, None)
    exported.package.write_bytes(genuine)  # the site sends the package as it was sealed: it applies
    again = centre_service.import_packages(centre_session, folder)
    assert again.ok and again.sites[0].applied == (1,)
    assert_centre_holds_the_site(enrolled, centre_session)
