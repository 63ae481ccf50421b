"""Printing from the GUI (issue 7 item 5): Ctrl+P on the subject page previews the selected form off the GUI
thread, the preview draws every page, saving or printing records the print; a long job can be cancelled; the
"Check a printed page" dialog says whether a page is current."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator  # only the test makes its own translator
from pytestqt.qtbot import QtBot

from crf_desktop.services.printing import PrintRequest, prepare
from crf_desktop.services.session import AuditEntry, Session
from crf_desktop.ui.print_actions import PrintMenu
from crf_desktop.ui.qt import QApplication, QPrinter, Qt
from tests.ui.conftest import Sessions
from tests.ui.data_entry import open_main

SUBJECT = "01-003"  # randomised, with screening, baseline and week 4 entered (tests/ui/blinding.py)


def printed_entries(session: Session) -> list[AuditEntry]:
    """The prints recorded in this test (the audit trail since the session's login)."""
    trail = session.audit_trail(subject=SUBJECT, limit=100000)
    login = max(e.seq for e in session.audit_trail(limit=100000) if e.action == "login")
    return [e for e in trail if e.action == "CRF printed" and e.seq > login]


def test_ctrl_p_on_the_subject_page_previews_the_selected_form(qtbot: QtBot, sessions: Sessions,
                                                               tmp_path: Path) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    page = window.open_subject(SUBJECT)
    item = page.form_item("week4", "phga")
    assert item is not None
    window.activateWindow()
    qtbot.waitActive(window)
    page.tree.setCurrentItem(item)
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    qtbot.keyClick(page.tree, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=30000)
    dialog = page.printer.dialog
    assert dialog is not None
    assert dialog.printed.request == PrintRequest(subject_id=SUBJECT, visit="week4", form="phga", lang="en")
    qtbot.waitUntil(dialog.all_pages_drawn, timeout=30000)
    assert len(dialog.page_labels) == dialog.printed.pages >= 1
    assert not printed_entries(session)  # a preview is not a print
    saved = dialog.save_to(tmp_path / "phga")
    assert saved == tmp_path / "phga.pdf" and saved.read_bytes() == dialog.printed.pdf
    assert [e.form for e in printed_entries(session)] == ["phga"]


def test_printing_through_a_printer_draws_every_page(qtbot: QtBot, sessions: Sessions, tmp_path: Path) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    page = window.open_subject(SUBJECT)
    page.tree.setCurrentItem(page.form_item("screening", "labs"))
    page.print_selected()
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=30000)
    dialog = page.printer.dialog
    assert dialog is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert (tmp_path / "printed.pdf").read_bytes().count(b"/Type /Page\n") + \
        (tmp_path / "printed.pdf").read_bytes().count(b"/Type /Page>>") + \
        (tmp_path / "printed.pdf").read_bytes().count(b"/Type/Page") >= 1
    assert [e.form for e in printed_entries(session)] == ["labs"]


def test_the_preview_draws_the_pages_in_view_and_lets_go_of_the_others(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    page = window.open_subject(SUBJECT)
    page.tree.setCurrentItem(None)
    page.print_selected()  # the whole casebook
    qtbot.waitUntil(lambda: page.printer.dialog is not None, timeout=60000)
    dialog = page.printer.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.all_pages_drawn, timeout=30000)
    assert 0 in dialog.drawn and len(dialog.drawn) < dialog.printed.pages
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = dialog.printed.pages - 1
    assert last in dialog.drawn and 0 not in dialog.drawn
    assert not dialog.page_labels[last].pixmap().isNull() and dialog.page_labels[0].pixmap().isNull()


def test_a_casebook_job_can_be_cancelled(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    page = window.open_subject(SUBJECT)
    page.tree.setCurrentItem(None)
    job = page.print_selected()  # nothing selected: the whole casebook
    assert job is not None and job.cancellable and job.session is None  # rendering reads no database
    with qtbot.waitSignal(job.done, timeout=30000) as finished:
        job.cancel()
    outcome = finished.args[0]
    assert outcome.cancelled and outcome.value is None and outcome.error is None
    assert page.printer.dialog is None and not page.message.isVisible()  # no preview, and no error either
    assert not printed_entries(page.session)


def test_check_a_printed_page(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("monitor")
    window = open_main(qtbot, session)
    printed = prepare(session, PrintRequest(subject_id=SUBJECT, visit="week4", form="phga")).render()
    dialog = window.open_qr_check()
    dialog.text_edit.setText(printed.shown[0].text())
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert "matches version" in dialog.result_label.text()
    dialog.text_edit.setText("not a code")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert "CRF1" in dialog.message.text()


class Marked(QTranslator):
    """Translates the Print menu's strings into a visibly different "language"."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"«{source}»" if context == "Print" else ""

    def isEmpty(self) -> bool:
        return False


def test_the_print_menu_follows_a_language_switch(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    page = window.open_subject(SUBJECT)
    menu = page.print_button.menu()
    assert isinstance(menu, PrintMenu)
    before = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert before[0] == "This &form…" and before[-1] == "Blank b&ook…"
    marked = Marked()
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(marked)
    try:
        qtbot.waitUntil(lambda: menu.actions()[0].text() == "«This &form…»")
        assert [a.text() for a in menu.actions() if not a.isSeparator()] == [f"«{t}»" for t in before]
        assert menu.title() == "«&Print»"
    finally:
        app.removeTranslator(marked)
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "This &form…")
