"""Issue 8 items 2-4: site export, centre import (ordered, idempotent, gaps held), centre → site queries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.queries import answer_query, subject_queries
from crf_desktop.services.session import Session, login
from crf_desktop.store import audit
from crf_desktop.store import centre as centre_store
from crf_desktop.store.backup import list_backups
from crf_desktop.store.sql import rows
from crf_desktop.sync.package import frame
from crf_desktop.sync.tables import present, row_key
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, SiteFixture
from tests.sync.conftest import (
    CentreFixture,
    add_subject,
    coordinator,
    save_consent,
    subject_at_centre,
)


def assert_centre_holds_the_site(site: SiteFixture, centre: Session, *, site_id: str = "01") -> None:
    """Every replicated row and every audit entry up to the last package, exactly as at the site."""
    session = login(site.data_dir, "admin", ADMIN_PASSWORD)
    try:
        db = session.site.db
        last = rows(db, "SELECT change_to, audit_to FROM sync_packages ORDER BY seq DESC LIMIT 1")[0]
        for entry in present(db):
            at_site = {row_key(entry, r): r for r in rows(db, f"SELECT * FROM {entry.table}")  # noqa: S608
                       if r["change_seq"] <= last["change_to"]}
            if entry.select:  # a joined view of the table: compare what it reads
                at_site = {row_key(entry, r): r for r in rows(db, entry.select, [0, last["change_to"]])}
            at_centre = {row_key(entry, r): r for _s, r in centre_store.site_rows(centre.site.db, entry.table,
                                                                                  site_id)}
            assert at_centre == at_site, entry.table
        site_audit = rows(db, "SELECT * FROM audit WHERE seq <= ? ORDER BY seq", [last["audit_to"]])
        centre_audit = [{k: v for k, v in r.items() if k != "site"}
                        for r in centre_store.audit_rows(centre.site.db, site_id)]
        assert centre_audit == site_audit
    finally:
        session.close()


def test_export_sends_every_change_once_and_the_centre_holds_the_site_exactly(
        enrolled: SiteFixture, centre: CentreFixture, folder: Path, centre_session: Session) -> None:
    session = coordinator(enrolled)
    try:
        sid = add_subject(session)
        first = sync_service.export_to_centre(session, folder)
        assert first.seq == 1 and first.change_count == 3  # subject, record, its first version
        assert first.package == folder / "to-centre" / "01" / "NCT03580291_01_1.crfpkg"
        nothing = sync_service.export_to_centre(session, folder)
        assert nothing.package is None and nothing.message == "Nothing to send: no changes since package 1"
        save_consent(session, sid, "Dr Li", reason="wrong name")
        second = sync_service.export_to_centre(session, folder)
        assert second.seq == 2 and second.change_count == 2  # the record and its new version
        assert sync_service.sync_status(session).unsent_changes == 0
    finally:
        session.close()
    wrong = folder.parent / "not-the-central-folder"
    wrong.mkdir()
    with pytest.raises(UserInputError, match="has no to-centre/ folder: it is not the central folder"):
        centre_service.import_packages(centre_session, wrong)
    assert list(wrong.iterdir()) == []  # nothing written into the wrong folder (no from-centre/ messages)
    report = centre_service.import_packages(centre_session, folder)
    assert report.ok and report.sites[0].applied == (1, 2)
    assert report.sites[0].newly_pinned and report.sites[0].fingerprint
    assert_centre_holds_the_site(enrolled, centre_session)
    again = centre_service.import_packages(centre_session, folder)
    assert again.ok and again.sites[0].applied == () and again.sites[0].duplicates == (1, 2)
    actions = [e.action for e in audit.entries(centre_session.site.db)]
    assert actions.count("package imported") == 2


def test_a_package_costs_what_changed_not_the_size_of_the_database(enrolled: SiteFixture, folder: Path) -> None:
    session = coordinator(enrolled)
    try:
        sids = [add_subject(session, initials=f"A{chr(65 + n)}") for n in range(12)]
        big = sync_service.export_to_centre(session, folder)
        save_consent(session, sids[0], "Dr Li", reason="wrong name")
        small = sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    assert big.change_count == 36 and small.change_count == 2
    assert big.package is not None and small.package is not None
    # the bodies, without the fixed parts every package has (header, HPKE key and tag, signature): see
    # test_package_size.py for what a change costs
    big_body, small_body = (len(frame(p.read_bytes()).ciphertext) for p in (big.package, small.package))
    assert small_body * 2 < big_body


def test_the_unsent_count_and_the_reminder(enrolled: SiteFixture, folder: Path) -> None:
    session = coordinator(enrolled)
    try:
        status = sync_service.sync_status(session)
        assert status.last_export_at is None and not status.reminder and status.unsent_changes == 0
        add_subject(session)
        status = sync_service.sync_status(session)
        assert status.unsent_changes == 3 and status.reminder  # never exported, and there are changes
        sync_service.export_to_centre(session, folder)
        status = sync_service.sync_status(session)
        assert status.unsent_changes == 0 and not status.reminder
        assert status.central_folder == folder.resolve() and status.last_export_at is not None
    finally:
        session.close()


def test_each_export_is_audited_and_followed_by_a_backup(enrolled: SiteFixture, folder: Path) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
        result = sync_service.export_to_centre(session, folder)
        # the export is complete (package in the folder) before the backup, which copies the whole database
        assert result.package is not None and result.package.is_file() and result.needs_backup
        assert [b.reason for b in list_backups(enrolled.data_dir)].count("export") == 0
        backup = sync_service.backup_after_export(session)
        actions = [e.action for e in session.audit_trail(limit=5)]
        nothing = sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    assert "package exported" in actions and "backup taken" in actions
    assert backup.problem is None and backup.name is not None
    assert [b.name for b in list_backups(enrolled.data_dir) if b.reason == "export"] == [backup.name]
    assert nothing.package is None and not nothing.needs_backup  # nothing sent: no backup step either


def test_who_may_export_and_import(enrolled: SiteFixture, centre: CentreFixture, folder: Path) -> None:
    monitor = login(enrolled.data_dir, "monitor", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            sync_service.export_to_centre(monitor, folder)
    finally:
        monitor.close()
    site_admin = enrolled.login()
    try:
        with pytest.raises(UserInputError, match="is a site, not the coordinating centre"):
            centre_service.import_packages(site_admin, folder)
    finally:
        site_admin.close()


def test_a_site_that_is_not_enrolled_says_how_to_enrol(site_with_users: SiteFixture, folder: Path) -> None:
    session = coordinator(site_with_users)
    try:
        with pytest.raises(UserInputError, match="crf-desktop enrol --centre-key FILE"):
            sync_service.export_to_centre(session, folder)
    finally:
        session.close()


def test_packages_in_reverse_order_wait_for_the_gap_then_apply(
        enrolled: SiteFixture, folder: Path, tmp_path: Path, centre_session: Session) -> None:
    session = coordinator(enrolled)
    try:
        sid = add_subject(session)
        sync_service.export_to_centre(session, folder)
        for by in ("Dr Li", "Dr Wu"):
            save_consent(session, sid, by, reason="corrected")
            sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    outbox = folder / "to-centre" / "01"
    held = tmp_path / "held"
    shutil.move(outbox, held)
    outbox.mkdir()
    for seq, (applied, waiting, gaps) in ((3, ((), (3,), (1, 2))), (2, ((), (2, 3), (1,))),
                                           (1, ((1, 2, 3), (), ()))):
        shutil.copy(held / f"NCT03580291_01_{seq}.crfpkg", outbox)
        report = centre_service.import_packages(centre_session, folder)
        site = report.sites[0]
        assert (site.applied, site.waiting, site.gaps) == (applied, waiting, gaps)
        assert report.ok is (not waiting)
        if waiting:
            assert f"held until package(s) {', '.join(map(str, gaps)) if len(gaps) == 1 else '1-2'} arrive" in \
                "\n".join(report.lines())
    assert_centre_holds_the_site(enrolled, centre_session)


def test_a_query_travels_to_the_site_and_its_answer_comes_back(
        enrolled: SiteFixture, folder: Path, centre_session: Session) -> None:
    sid = subject_at_centre(enrolled, folder, centre_session)
    with pytest.raises(UserInputError, match="no field 'nope'"):
        centre_service.raise_query(centre_session, site="01", subject_id=sid, visit="screening", form="consent",
                                   repeat_no=0, field="nope", question="?")
    qid = centre_service.raise_query(centre_session, site="01", subject_id=sid, visit="screening", form="consent",
                                     repeat_no=0, field="consent_obtained_by", question="Who took consent?")
    centre_service.send_messages(centre_session, folder)

    session = coordinator(enrolled)
    try:
        result = sync_service.export_to_centre(session, folder)
        assert result.queries_received == 1 and result.acks_received == 2 and result.acked_seq == 1  # ack, then query
        (query,) = subject_queries(session, sid)
        assert (query.question, query.field, query.raised_by) == ("Who took consent?", "consent_obtained_by",
                                                                 "dm (centre)")
        assert next(r for r in build_dashboard(session).rows if r.subject.subject_id == sid).open_queries == 1
        answer_query(session, query.id, "Dr Wang, see the consent log")
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    centre_service.import_packages(centre_session, folder)
    (answered,) = centre_service.list_queries(centre_session)
    assert (answered.query_id, answered.status, answered.answer) == (qid, "answered", "Dr Wang, see the consent log")
    centre_service.reopen_query(centre_session, qid, "Which Dr Wang?")
    centre_service.send_messages(centre_session, folder)

    session = coordinator(enrolled)
    try:
        sync_service.export_to_centre(session, folder)
        (query,) = subject_queries(session, sid)
        assert query.status.value == "open" and query.question.endswith("Which Dr Wang?")
        answer_query(session, query.id, "Dr Wang Wei")
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    centre_service.import_packages(centre_session, folder)
    centre_service.close_query(centre_session, qid)
    centre_service.send_messages(centre_session, folder)
    session = coordinator(enrolled)
    try:
        sync_service.export_to_centre(session, folder)
        (query,) = subject_queries(session, sid)
        assert query.status.value == "closed"
        site_actions = {e.action for e in session.audit_trail(subject=sid)}
    finally:
        session.close()
    assert {"query received from centre", "query answered", "query re-opened at centre",
            "query closed at centre"} <= site_actions
    centre_actions = [e.action for e in audit.entries(centre_session.site.db, subject=sid)]
    assert {"query raised", "query answered at site", "query re-opened", "query closed"} <= set(centre_actions)
    dataset = centre_service.trial_dataset(centre_session)
    assert [(q.query_id, q.status) for q in dataset.queries] == [(qid, "closed")]
    assert [s.subject_id for s in dataset.subjects] == [sid] and dataset.arms == {}


def test_verify_checks_the_exported_packages_and_the_histories_at_the_centre(
        enrolled: SiteFixture, folder: Path, centre_session: Session) -> None:
    from crf_desktop.services.verify import verify_site

    session = coordinator(enrolled)
    try:
        add_subject(session)
        sync_service.export_to_centre(session, folder)
        add_subject(session, initials="CD")
        sync_service.export_to_centre(session, folder)
    finally:
        session.close()
    centre_service.import_packages(centre_session, folder)
    centre_report = verify_site(centre_session)
    (centre_check,) = [c for c in centre_report.checks if c.name.startswith("sync")]
    assert centre_check.ok and centre_check.detail.startswith("1 site(s)")
    admin = enrolled.login()
    try:
        (check,) = [c for c in verify_site(admin).checks if c.name.startswith("sync")]
        assert check.ok and check.detail.startswith("2 package(s) exported")
        admin.site.db.execute("UPDATE sync_packages SET content = ? WHERE seq = 1", [b"forged"])
        (check,) = [c for c in verify_site(admin).checks if c.name.startswith("sync")]
        assert check.problems == ["exported package 1: its stored bytes do not match its recorded hash"]
    finally:
        admin.close()
