"""Issue 8, sync in the GUI: File ▸ Send to centre… (keyboard, progress, result), the status bar's sync line and
its reminder, and the centre's page (import report, pinned sites, queries raised/closed/re-opened, exports).

Real encrypted site and centre in temporary folders: a centre, and site 01 enrolled with its key file.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core import clock
from crf_desktop.core.ids import STUDY
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.records import save_record
from crf_desktop.services.session import Session, backups, init_site, login
from crf_desktop.services.subjects import register_subject
from crf_desktop.store import users
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.operation import Operation, Outcome, Progress, session_busy
from crf_desktop.ui.qt import QMessageBox, Qt, QWidget
from crf_desktop.ui.sync_actions import SEND_SHORTCUT, SyncActions

PASSWORD = "sync-password-2024"


@pytest.fixture(scope="module")
def sync_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre with a data manager, and site 01 enrolled with it (admin and a coordinator)."""
    root = tmp_path_factory.mktemp("sync-template")
    key = root / "centre-key.json"
    centre, _recovery = centre_service.init_centre(root / "centre", admin="admin", admin_name="Centre Admin",
                                                   password=PASSWORD, out_key=key)
    try:
        centre.add_user(username="datamanager", full_name="Dana Manager", role=Role.DATA_MANAGER, password=PASSWORD)
        users.update(centre.site.db, "datamanager", must_change_password=False)
        centre_service.issue_enrolment(centre, site="01", out=root / "enrolment-01.json")
    finally:
        centre.close()
    site, _recovery = init_site(root / "site", site="01", study=STUDY, admin="admin", admin_name="Ada Admin",
                                password=PASSWORD)
    try:
        sync_service.enrol_site(site, sync_service.read_enrolment(key, site="01", study=STUDY), source=key.name)
        site.add_user(username="coordinator", full_name="张伟", role=Role.COORDINATOR, password=PASSWORD)
        users.update(site.site.db, "coordinator", must_change_password=False)
    finally:
        site.close()
    coordinator = login(root / "site", "coordinator", PASSWORD)
    try:
        subject = register_subject(coordinator, initials="ZSF", birth_year=1990, sex="F").subject_id
        saved = save_record(coordinator, subject_id=subject, visit="screening", form_id="visit_info",
                            raw={"visit_done": "N", "missed_reason": "SUBJECT"}, reason="transcription")
        assert saved.saved, saved.refused
    finally:
        coordinator.close()
    return root


@pytest.fixture
def world(sync_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the centre and the site, and an empty central folder."""
    target = tmp_path / "world"
    shutil.copytree(sync_template, target, ignore=shutil.ignore_patterns("site.lock"))
    (target / "exchange").mkdir()
    return target


@pytest.fixture
def opened(world: Path) -> Iterator[list[Session]]:
    sessions: list[Session] = []
    yield sessions
    for session in sessions:
        if not session.closed:
            session.close()


def _main(qtbot: QtBot, opened: list[Session], data_dir: Path, user: str) -> MainWindow:
    session = login(data_dir, user, PASSWORD)
    opened.append(session)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _boxes(parent: QWidget) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]


class Folders:
    """Stands in for the folder dialog: returns the queued answers and counts the questions."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self, _parent: QWidget, _title: str, _start: Path | None) -> Path | None:
        self.asked += 1
        return self.answers.pop(0)


def test_send_to_centre_is_in_the_file_menu_with_a_shortcut(qtbot: QtBot, world: Path,
                                                              opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "site", "coordinator")
    assert window.sync_actions is not None
    assert window.sync_actions.send_action in window.file_menu.actions()
    assert window.sync_actions.send_action.shortcut().toString() == SEND_SHORTCUT
    assert window.centre_page is None


def test_the_site_admin_may_not_send(qtbot: QtBot, world: Path, opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "site", "admin")
    assert window.sync_actions is not None
    assert not window.sync_actions.send_action.isVisible() and not window.sync_actions.send_action.isEnabled()


def test_ctrl_e_sends_a_package_and_the_unsent_count_drops_to_zero(qtbot: QtBot, world: Path,
                                                                         opened: list[Session],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folders = Folders(world / "exchange")
    monkeypatch.setattr(SyncActions, "ask_folder", folders)
    window = _main(qtbot, opened, world / "site", "coordinator")
    actions = window.sync_actions
    assert actions is not None
    label = actions.status_label
    before = label.unsent
    assert before is not None and before > 0
    assert "Never sent to the centre" in label.text() and f"{before} unsent changes" in label.text()

    window.activateWindow()
    qtbot.waitActive(window)
    # through the window system, as a real key press travels (shortcuts are matched there, not in the widget)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: actions.result_box is not None, timeout=30_000)
    packages = list((world / "exchange" / "to-centre" / "01").glob("*.crfpkg"))
    assert [p.name for p in packages] == [f"{STUDY}_01_1.crfpkg"]
    assert actions.result_box is not None and "Sent package 1" in actions.result_box.text()
    assert label.unsent == 0 and "Sent to centre:" in label.text() and "0 unsent changes" in label.text()
    assert not label.reminding
    assert folders.asked == 1
    # the backup after the export runs in the background, after the result is shown, and is audited
    backup = actions.backup_task
    assert backup is not None
    qtbot.waitUntil(lambda: backup.outcome is not None and not session_busy(window.session), timeout=30_000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backup taken: "), timeout=5_000)
    taken = window.statusBar().currentMessage().removeprefix("Backup taken: ")
    assert taken in [b.name for b in backups(window.session.data_dir) if b.reason == "export"]
    assert "backup taken" in [e.action for e in window.session.audit_trail(limit=5)]

    actions.result_box.close()
    actions.result_box = None
    actions.backup_task = None
    actions.send_action.trigger()  # the folder is remembered: not asked again
    qtbot.waitUntil(lambda: actions.result_box is not None, timeout=30_000)
    assert folders.asked == 1
    assert "Nothing to send" in actions.result_box.text()
    assert actions.backup_task is None  # nothing sent: no backup step
    assert [e.action for e in window.session.audit_trail(limit=20)].count("package exported") == 1


def test_a_missing_central_folder_is_named_and_the_changes_stay_unsent(qtbot: QtBot, world: Path,
                                                                       opened: list[Session],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SyncActions, "ask_folder", Folders(world / "unplugged-usb-stick"))
    window = _main(qtbot, opened, world / "site", "coordinator")
    actions = window.sync_actions
    assert actions is not None
    before = actions.status_label.unsent
    task = actions.start(world / "unplugged-usb-stick")
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    boxes = _boxes(window)
    assert boxes and "unplugged-usb-stick" in boxes[-1].text() and "does not exist" in boxes[-1].text()
    assert actions.result_box is None
    assert actions.status_label.unsent == before
    assert not list(world.glob("**/*.crfpkg"))


def test_choosing_no_folder_sends_nothing(qtbot: QtBot, world: Path, opened: list[Session],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SyncActions, "ask_folder", Folders(None))
    window = _main(qtbot, opened, world / "site", "coordinator")
    assert window.sync_actions is not None
    window.sync_actions.send()
    assert window.sync_actions.task is None
    assert not list(world.glob("**/*.crfpkg"))


def test_a_reminder_shows_when_the_last_export_is_older_than_seven_days(qtbot: QtBot, world: Path,
                                                                        opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "site", "coordinator")
    actions = window.sync_actions
    assert actions is not None
    sync_service.export_to_centre(window.session, world / "exchange")
    actions.status_label.refresh()
    assert not actions.status_label.reminding
    saved = save_record(window.session, subject_id="01-001", visit="week4", form_id="visit_info",
                        raw={"visit_done": "N", "missed_reason": "SUBJECT"}, reason="transcription")
    assert saved.saved, saved.refused  # one more change waits to be sent
    later = clock.utcnow() + timedelta(days=8)
    clock.set_clock(lambda: later)
    try:
        actions.status_label.refresh()
    finally:
        clock.set_clock(None)
    assert actions.status_label.reminding
    assert "please send to the centre" in actions.status_label.text()
    assert actions.status_label.styleSheet() != ""


def _centre_with_a_package(world: Path) -> None:
    site = login(world / "site", "coordinator", PASSWORD)
    try:
        sync_service.export_to_centre(site, world / "exchange")
    finally:
        site.close()


def test_the_centre_imports_shows_the_report_and_pins_the_site(qtbot: QtBot, world: Path, opened: list[Session],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _centre_with_a_package(world)
    monkeypatch.setattr(CentrePage, "ask_folder", Folders(world / "exchange"))
    window = _main(qtbot, opened, world / "centre", "datamanager")
    page = window.centre_page
    assert page is not None and window.sync_actions is None and window.dashboard is None
    assert page.sites_table.rowCount() == 1 and page.sites_table.item(0, 1).text() == "(no package yet)"

    page.import_button.click()
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)
    report = page.report_view.toPlainText()
    assert "site 01: 1 applied" in report and "NEW SITE KEY PINNED" in report and "Result: OK" in report
    # everything applied, and a new key to confirm by phone: the summary line says so (the report is one key away)
    assert page.import_message.kind == "warning" and "New key for site 01" in page.import_message.text()
    assert page.sites_table.rowCount() == 1
    fingerprint = page.sites_table.item(0, 1).text()
    assert fingerprint and fingerprint in report
    site = login(world / "site", "coordinator", PASSWORD)
    opened.append(site)
    assert sync_service.site_key_fingerprint(site) == fingerprint  # what the site's About box shows


def test_the_centre_window_hides_what_only_a_site_has(qtbot: QtBot, world: Path, opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "centre", "datamanager")
    assert window.centre_page is not None
    site_only = [window.responses_action, window.ae_summary_action, window.study_config_action,
                 window.check_page_action, window.ranges_action]
    assert not any(a.isVisible() or a.isEnabled() for a in site_only)
    assert not window.tools_menu.menuAction().isVisible()
    assert window.blank_book_action.isVisible() and window.blank_book_action.isEnabled()  # blank forms: anywhere
    visible = {a.text() for a in window.view_menu.actions() if a.isVisible() and not a.isSeparator()}
    assert "&Responses by visit" not in visible and "Centre &activity" in visible  # the centre's own trail
    assert window.tabs.tabText(window.tabs.indexOf(window.audit_panel)) == "Centre activity"
    assert window.audit_panel.heading.text() == "Recent activity at the coordinating centre"
    window.show_activity()
    assert window.subjects_action.text() == "&Centre" and window.subjects_action.isEnabled()
    window.subjects_action.trigger()  # Ctrl+1: back to the Centre page (QA: there was no key for it)
    assert window.tabs.currentWidget() is window.centre_page

    site = _main(qtbot, opened, world / "site", "coordinator")
    assert site.activity_action.text() == "Site &activity"
    assert site.audit_panel.heading.text() == "Recent activity at site 01"
    assert all(a.isVisible() and a.isEnabled() for a in (site.subjects_action, site.responses_action,
                                                         site.ae_summary_action, site.study_config_action))


def test_the_about_box_shows_the_site_key_fingerprint(qtbot: QtBot, world: Path, opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "site", "coordinator")
    box = window.show_about()
    assert f"Site key fingerprint: {sync_service.site_key_fingerprint(window.session)}" in box.text()


def test_the_centre_raises_closes_and_reopens_a_query(qtbot: QtBot, world: Path, opened: list[Session],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _centre_with_a_package(world)
    centre = login(world / "centre", "datamanager", PASSWORD)
    try:
        centre_service.import_packages(centre, world / "exchange")
    finally:
        centre.close()
    window = _main(qtbot, opened, world / "centre", "datamanager")
    page = window.centre_page
    assert page is not None
    dialog = page.raise_query()
    dialog.subject_edit.setText("01-999")
    dialog.question_edit.setPlainText("请核实访视未进行的原因")
    dialog.buttons.action_button.click()
    assert dialog.message.kind == "error" and "01-999" in dialog.message.text()  # never imported from site 01
    dialog.subject_edit.setText("01-001")
    dialog.visit_combo.setCurrentIndex(dialog.visit_combo.findData("screening"))
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("visit_info"))
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData("missed_reason"))
    dialog.buttons.action_button.click()
    assert dialog.query_id == "C-0001" and not dialog.isVisible()
    assert page.queries_table.rowCount() == 1
    assert page.queries_table.item(0, 9).text() == "Open" and page.queries_table.item(0, 8).text() == "missed_reason"
    assert page.queries_table.item(0, 11).text() == "请核实访视未进行的原因"

    page.queries_table.selectRow(0)
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    page.close_button.click()
    assert page.queries_table.item(0, 9).text() == "Closed"
    page.queries_table.selectRow(0)
    reopen = page.reopen_selected()
    assert reopen is not None
    reopen.reason_edit.setPlainText("Please give the date of the withdrawal too")
    reopen.buttons.action_button.click()
    assert page.queries_table.item(0, 9).text() == "Open"
    assert "Please give the date" in page.queries_table.item(0, 11).text()
    actions = [e.action for e in window.session.audit_trail(limit=10)]
    assert {"query raised", "query closed", "query re-opened"} <= set(actions)


def test_the_centre_exports_csv_and_odm_from_its_page(qtbot: QtBot, world: Path, opened: list[Session],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _centre_with_a_package(world)
    centre = login(world / "centre", "datamanager", PASSWORD)
    try:
        centre_service.import_packages(centre, world / "exchange")
    finally:
        centre.close()
    monkeypatch.setattr(CentrePage, "ask_folder", Folders(world / "csv-export", world / "csv-export"))
    monkeypatch.setattr(CentrePage, "ask_new_file", Folders(world / "trial.xml"))
    window = _main(qtbot, opened, world / "centre", "datamanager")
    page = window.centre_page
    assert page is not None
    page.csv_button.click()
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)
    assert page.export_message.kind == "info" and "CSV export written" in page.export_message.text()
    assert (world / "csv-export" / "manifest.json").exists()
    assert "01-001" in (world / "csv-export" / "visit_info.csv").read_text(encoding="utf-8-sig")

    page.csv_button.click()  # the same folder again: refused, the first export untouched
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)
    assert page.export_message.kind == "error" and "not empty" in page.export_message.text()

    page.odm_button.click()
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)
    assert page.export_message.kind == "info" and "ODM 1.3.2 export written" in page.export_message.text()
    assert b"<SubjectData SubjectKey=\"01-001\">" in (world / "trial.xml").read_bytes()
    exported = [e for e in window.session.audit_trail(limit=10) if e.action == "trial data exported"]
    assert len(exported) == 2


def test_the_progress_dialog_stays_until_the_work_ends_and_the_idle_lock_waits(qtbot: QtBot, world: Path,
                                                                               opened: list[Session]) -> None:
    window = _main(qtbot, opened, world / "site", "coordinator")
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress(1, 3)
        release.wait(20)
        return "done"

    results: list[Outcome[str]] = []
    task: Operation[str] = Operation(window, work, title="Send to centre", label="Sending…", session=window.session)
    task.done.connect(results.append)
    task.start()
    dialog = task.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.ApplicationModal
    qtbot.waitUntil(lambda: dialog.maximum() == 3 and dialog.value() == 1)
    assert window.idle_lock.paused and not window.idle_lock.timer.isActive()  # locking would write inside it
    assert session_busy(window.session)
    label = window.sync_actions.status_label if window.sync_actions is not None else None
    assert label is not None
    status = label.status
    label.refresh()  # what its one-minute timer does: it must not read while the worker uses the connection
    assert label.status is status
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and task.running
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results[0].ok and results[0].value == "done"
    assert task.dialog is None and not window.idle_lock.paused and window.idle_lock.timer.isActive()
    assert not session_busy(window.session)
