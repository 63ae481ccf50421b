"""The centre page right after an import takes little room: a summary line says what was applied, what was held
back and which new site key to confirm by phone, and the full report is one key away (Alt+P); the queries keep
three whole rows at 1024×700 (QA saw 1.5 rows with the report up after the demo centre's first import).

The demo site and the demo centre (``crf-desktop demo``) in a temporary folder: the site enrols and exports once,
the centre imports its first package and pins the site's key.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QFont, Qt, QTableWidget
from tests.ui.conftest import centre_page_at_1024


def _rows_that_fit(table: QTableWidget) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_after_the_first_import_a_summary_names_the_new_key_and_the_queries_keep_three_rows(
        qtbot: QtBot, demo_centre_login: tuple[Session, Path], app_font: QFont) -> None:
    session, folder = demo_centre_login
    window, page = centre_page_at_1024(qtbot, session)
    assert isinstance(window, MainWindow) and isinstance(page, CentrePage)
    page.ask_folder = lambda *_args: folder  # type: ignore[method-assign,assignment]
    page.import_button.click()
    qtbot.waitUntil(lambda: page.report_button.isVisible(), timeout=30_000)
    QApplication.processEvents()
    summary = page.import_message.text()
    assert summary.startswith("1 package(s) applied;") and page.import_message.kind == "warning"
    assert "New key for site 01: confirm its fingerprint (Sites, below) by phone" in summary
    assert not page.report_view.isVisible() and "NEW SITE KEY PINNED" in page.report_view.toPlainText()
    assert window.height() == 700 and _rows_that_fit(page.queries_table) >= 3

    page.report_button.click()  # the full report, as Alt+P shows it
    QApplication.processEvents()
    assert page.report_view.isVisible() and not page.import_message.isVisible()
    assert window.height() == 700 and _rows_that_fit(page.queries_table) >= 3
    assert page.minimumSizeHint().height() <= page.height()  # nothing squeezed below its height

    page.report_button.click()
    language.apply(language.CHINESE, remember=False)  # the summary follows the language
    QApplication.processEvents()
    assert page.import_message.isVisible() and page.import_message.text() != summary
    assert "01" in page.import_message.text() and page.report_button.text() != "Show re&port"



def test_ctrl_i_imports_after_a_language_switch_and_the_title_names_the_coordinating_centre(
        qtbot: QtBot, demo_centre_login: tuple[Session, Path]) -> None:
    # QA: the button's text (set again at each language switch) took its Ctrl+I away, leaving only Alt+I;
    # and the window's title said "Site centre"
    session, _folder = demo_centre_login
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.centre_page
    assert page is not None
    assert window.windowTitle().startswith("crf-desktop — Coordinating centre · NCT03580291 — ")
    asked: list[str] = []

    def ask_folder(_parent: object, title: str, _last: object) -> None:
        asked.append(title)  # and cancel: nothing is imported

    page.ask_folder = ask_folder  # type: ignore[method-assign,assignment]
    try:
        for lang in (language.CHINESE, language.ENGLISH):
            window.set_language(lang)
            window.activateWindow()
            qtbot.waitActive(window)
            before = len(asked)
            page.queries_table.setFocus()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is page.queries_table)
            qtbot.keyClick(page.queries_table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda before=before: len(asked) == before + 1)
    finally:
        window.set_language(language.ENGLISH)
    assert asked == ["选择要从中导入的中央文件夹", "Choose the central folder to import from"]  # zh, then en
