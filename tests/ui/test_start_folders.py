"""QA: the folder and file dialogs open where the person worked last, not in the home folder.

The centre's "Import from folder…" opens in the folder it imported from last time (remembered per data directory),
else in the demo centre's exchange folder, else home; the trial exports open where the last export went; "Save as
PDF" where the last PDF was saved; the scan of a signed page where the last scan was picked. Qt's static dialog
calls are replaced by recorders, so the folder each dialog starts in is what the test reads.

The demo site and its demo centre (``crf-desktop demo``) in a temporary folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.demo import PASSWORD_FILE
from crf_desktop.services.printing import PrintRequest, render_request
from crf_desktop.services.session import Session
from crf_desktop.ui import start_folders
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.operation import session_busy
from crf_desktop.ui.print_preview import PrintPreviewDialog
from crf_desktop.ui.qt import QFileDialog
from crf_desktop.ui.scan_dialog import AttachScanDialog
from tests.ui.conftest import Sessions


class Recorder:
    """Stands in for a static QFileDialog call: keeps the folder (or file) it was asked to start in, answers
    ``answer``."""

    def __init__(self, answer: str, *, with_filter: bool) -> None:
        self.answer = answer
        self.with_filter = with_filter
        self.starts: list[str] = []

    def __call__(self, _parent: object, _title: str, start: str, *_rest: object) -> object:
        self.starts.append(start)
        return (self.answer, "") if self.with_filter else self.answer


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    assert Path.home() == folder
    return folder


@pytest.fixture
def centre(demo_centre_login: tuple[Session, Path]) -> tuple[Session, Path]:
    """The demo centre logged in as its data manager, and its exchange folder (the site has exported once)."""
    return demo_centre_login


def _page(qtbot: QtBot, session: Session) -> CentrePage:
    page = CentrePage(session)
    qtbot.addWidget(page)
    return page


def test_import_opens_in_the_demo_exchange_folder_then_where_it_imported_from_last_time(
        qtbot: QtBot, centre: tuple[Session, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        home: Path) -> None:
    session, exchange = centre
    usb = tmp_path / "usb-stick" / "exchange"
    shutil.copytree(exchange, usb)
    ask = Recorder(str(usb), with_filter=False)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", ask)
    page = _page(qtbot, session)
    page.import_shortcut.activated.emit()  # Ctrl+I
    qtbot.waitUntil(lambda: page.import_report is not None, timeout=30_000)
    assert page.import_report is not None and page.import_report.applied == 1  # imported from the copy
    page.import_from_folder()
    qtbot.waitUntil(lambda: not session_busy(session), timeout=30_000)
    assert ask.starts == [str(exchange), str(usb)]


def test_a_failed_import_is_not_remembered_and_query_messages_never_go_to_that_folder(
        qtbot: QtBot, centre: tuple[Session, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        home: Path) -> None:
    """QA: importing from a wrong (empty) folder was remembered, and the next query was 'sent' there: the site
    never saw it."""
    session, exchange = centre
    empty = tmp_path / "empty"
    empty.mkdir()
    answers = iter([str(exchange), str(empty)])
    ask = Recorder("", with_filter=False)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: (ask(*args, **kwargs), next(answers))[1])
    page = _page(qtbot, session)
    page.import_from_folder()
    qtbot.waitUntil(lambda: page.import_report is not None, timeout=30_000)
    page.import_from_folder()  # the wrong folder: refused, said on the page
    qtbot.waitUntil(lambda: not session_busy(session), timeout=30_000)
    assert "has no to-centre/ folder" in page.import_message.text()
    assert start_folders.last_folder(session.data_dir, start_folders.CENTRE_IMPORT) == exchange
    page._tell_sites("C-0001")  # what raising or closing a query does: the messages go to the exchange
    assert not (empty / "from-centre").exists()
    assert "sent to" in page.query_message.text() and str(exchange) in page.query_message.text()


def test_a_centre_with_no_folder_known_opens_home_and_each_data_directory_keeps_its_own(
        qtbot: QtBot, centre: tuple[Session, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        home: Path) -> None:
    session, _exchange = centre
    (session.data_dir / PASSWORD_FILE).unlink()  # a real centre: no demo passwords, so no demo exchange folder
    elsewhere = tmp_path / "another-centre-folder"
    elsewhere.mkdir()
    start_folders.remember_folder(tmp_path / "another-centre", start_folders.CENTRE_IMPORT, elsewhere)
    ask = Recorder("", with_filter=False)  # the person cancels
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", ask)
    page = _page(qtbot, session)
    page.import_from_folder()
    assert ask.starts == [str(home)]
    assert page.task is None  # cancelled: nothing imported


def test_a_remembered_folder_that_is_gone_is_passed_over(tmp_path: Path, home: Path) -> None:
    data_dir, stick = tmp_path / "centre", tmp_path / "usb-stick"
    stick.mkdir()
    start_folders.remember_folder(data_dir, start_folders.CENTRE_IMPORT, stick)
    assert start_folders.last_folder(data_dir, start_folders.CENTRE_IMPORT) == stick
    stick.rmdir()  # unplugged
    assert start_folders.last_folder(data_dir, start_folders.CENTRE_IMPORT) is None
    assert start_folders.start_folder(data_dir, start_folders.CENTRE_IMPORT) == home


def test_the_exports_open_where_the_last_export_went(qtbot: QtBot, centre: tuple[Session, Path], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    session, _exchange = centre
    exports = tmp_path / "exports"
    exports.mkdir()
    ask_folder = Recorder(str(exports / "csv-2026-11"), with_filter=False)
    ask_file = Recorder(str(exports / "trial.xml"), with_filter=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", ask_folder)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask_file)
    page = _page(qtbot, session)
    written: list[tuple[str, Path]] = []
    monkeypatch.setattr(page, "_export", lambda kind, out: written.append((kind, out)))
    page.csv_button.click()
    page.odm_button.click()
    page.csv_button.click()
    assert ask_folder.starts == [str(home), str(exports)] and ask_file.starts == [str(exports)]
    assert written == [("csv", exports / "csv-2026-11"), ("odm", exports / "trial.xml"),
                       ("csv", exports / "csv-2026-11")]


def test_save_as_pdf_opens_where_the_last_pdf_was_saved(qtbot: QtBot, sessions: Sessions, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    session = sessions.login("coordinator")
    printed = render_request(session, PrintRequest(subject_id="01-003", visit="week4", form="phga", lang="en"))
    dialog = PrintPreviewDialog(session, printed, "01-003 week4 phga")
    qtbot.addWidget(dialog)
    pdfs = tmp_path / "printouts"
    pdfs.mkdir()
    ask = Recorder(str(pdfs / "first.pdf"), with_filter=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    assert dialog.save_pdf() == pdfs / "first.pdf"
    assert dialog.save_pdf() == pdfs / "first.pdf"
    assert ask.starts == [str(home / "01-003 week4 phga.pdf"), str(pdfs / "01-003 week4 phga.pdf")]


def test_the_scan_of_a_signed_page_is_picked_where_the_last_one_was(qtbot: QtBot, sessions: Sessions,
                                                                    tmp_path: Path, home: Path) -> None:
    session = sessions.login("coordinator")
    scans = tmp_path / "scanner"
    scans.mkdir()

    def browse() -> str:
        dialog = AttachScanDialog(session, subject_id="01-003", visit="week4", form_id="phga", repeat_no=0,
                                  title="01-003 week4 phga")
        qtbot.addWidget(dialog)
        chooser = dialog.browse()
        start = chooser.directory().absolutePath()
        chooser.fileSelected.emit(str(scans / "page-1.pdf"))
        chooser.reject()
        assert dialog.path_edit.text() == str(scans / "page-1.pdf")
        return start

    assert [browse(), browse()] == [str(home), str(scans)]


def test_the_demo_exchange_folder_is_known_only_for_a_demo_centre(tmp_path: Path) -> None:
    demo, real = tmp_path / "trial-centre", tmp_path / "hospital-centre"
    for folder in (demo, real, tmp_path / "trial-exchange", tmp_path / "hospital-exchange"):
        folder.mkdir()
    (demo / PASSWORD_FILE).write_text("admin demo\n")
    assert start_folders.demo_exchange_folder(demo) == tmp_path / "trial-exchange"
    assert start_folders.demo_exchange_folder(real) is None
