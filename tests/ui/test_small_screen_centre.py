"""QA at 1024×700 (the smallest screen the app is made for, no window manager), the coordinating centre: with the
import summary and the export message both shown the page fits above the status bar and the queries keep three
whole rows (QA: 1.5 rows, the details box on top of the table); the site filter is as wide after a switch to
Chinese as at a Chinese start (QA: "所有分中…"); the unblinding dialog shows its notes whole.

The demo site and the demo centre (``crf-desktop demo``) in a temporary folder: the site enrolls and exports once,
the centre imports its first package and pins the site's key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.centre_queries_panel import QueriesPanel
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QFont, QPoint
from crf_desktop.ui.study_unblind_dialog import StudyUnblindDialog
from tests.ui.conftest import centre_page_at_1024
from tests.ui.small_screen import cut_labels, settled


def _problems(window: MainWindow, page: CentrePage) -> list[str]:
    """What a person would see squeezed or cut on the page at the window's size."""
    found = cut_labels(window)
    status = window.statusBar()
    if not status.isVisible() or status.geometry().bottom() >= window.height():
        found.append(f"status bar {status.geometry().getRect()} not inside the window ({window.height()} high)")
    page_bottom = page.mapTo(window, QPoint(0, page.height())).y()
    if page_bottom > status.y():
        found.append(f"the page ends at {page_bottom}, below the status bar's top {status.y()}")
    table, details = page.queries_table, page.queries_panel.details
    if table.geometry().bottom() >= details.geometry().top():
        found.append(f"the details box ({details.geometry().top()}) covers the table (to {table.geometry().bottom()})")
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    if rows < 3:
        found.append(f"{rows:.1f} query rows")
    for widget in (table, details, page.sites_table):
        if widget.height() < widget.minimumHeight():
            found.append(f"{widget.accessibleName() or type(widget).__name__} below its minimum height")
    return found


def test_with_both_messages_the_page_fits_1024_by_700_and_the_queries_keep_three_rows(
        qtbot: QtBot, demo_centre_login: tuple[Session, Path], app_font: QFont, tmp_path: Path) -> None:
    session, folder = demo_centre_login
    window, page = centre_page_at_1024(qtbot, session)
    assert isinstance(window, MainWindow) and isinstance(page, CentrePage)
    assert settled(qtbot, lambda: _problems(window, page)) == []
    page.ask_folder = lambda *_args: folder
    page.import_button.click()
    qtbot.waitUntil(lambda: page.report_button.isVisible(), timeout=30_000)
    out = tmp_path / "exports for the data monitoring committee" / "trial data, CSV, first interim analysis"
    out.parent.mkdir()
    page.ask_folder = lambda *_args: out
    page.csv_button.click()
    qtbot.waitUntil(lambda: page.export_message.kind == "info", timeout=30_000)
    for lang in (language.ENGLISH, language.CHINESE):
        language.apply(lang, remember=False)
        assert page.import_message.isVisible() and page.export_message.isVisible()
        assert page.export_message.text().startswith("CSV export written to")
        assert window.height() == 700 and settled(qtbot, lambda: _problems(window, page)) == []
    page.report_button.click()  # the full report instead of the summary line (Alt+P)
    assert page.report_view.isVisible() and settled(qtbot, lambda: _problems(window, page)) == []


def test_the_site_filter_is_as_wide_after_a_switch_to_chinese_as_at_a_chinese_start(
        qtbot: QtBot, demo_centre_login: tuple[Session, Path], app_font: QFont) -> None:
    session, _folder = demo_centre_login
    _window, page = centre_page_at_1024(qtbot, session)
    assert isinstance(page, CentrePage)
    panel = page.queries_panel
    language.apply(language.CHINESE, remember=False)
    fresh = QueriesPanel(session)  # what a Chinese start shows (QA: fine)
    qtbot.addWidget(fresh)
    fresh.set_sites(panel.sites)
    fresh.show()
    qtbot.waitExposed(fresh)
    qtbot.waitUntil(lambda: panel.site_combo.currentText() != "All sites")
    assert panel.site_combo.currentText() == fresh.site_combo.currentText() == "所有分中心"
    pairs = ((panel.site_combo, fresh.site_combo), (panel.status_combo, fresh.status_combo))

    def narrower() -> list[str]:
        return [f"{switched.currentText()}: {switched.width()} < {started.width()}" for switched, started in pairs
                if switched.width() < started.width()
                or started.width() < started.fontMetrics().horizontalAdvance(started.currentText())]

    assert settled(qtbot, narrower) == []
    language.apply(language.ENGLISH, remember=False)  # and back: as wide as its English text again
    combo = panel.site_combo
    assert settled(qtbot, lambda: [] if combo.width() >= combo.fontMetrics().horizontalAdvance("All sites") else
                   [f"{combo.width()}"]) == []


@pytest.mark.parametrize("lang", [language.ENGLISH, language.CHINESE])
def test_the_unblinding_dialog_shows_its_warning_and_note_whole(
        qtbot: QtBot, demo_centre_login: tuple[Session, Path], app_font: QFont, lang: str) -> None:
    session, _folder = demo_centre_login
    language.apply(lang, remember=False)
    page = CentrePage(session)
    qtbot.addWidget(page)
    dialog = page.unblind_study()
    assert isinstance(dialog, StudyUnblindDialog)
    qtbot.waitExposed(dialog)
    before = dialog.files_label.text()
    assert before in ("Only needed for sites enrolled before the centre kept their lists.",
                                         "仅用于协调中心开始保存随机化列表之前入组的分中心。")
    assert settled(qtbot, lambda: cut_labels(dialog)) == [] and dialog.height() <= 700
    other = language.CHINESE if lang == language.ENGLISH else language.ENGLISH
    language.apply(other, remember=False)  # switched while the dialog is open
    qtbot.waitUntil(lambda: dialog.files_label.text() != before)
    assert settled(qtbot, lambda: cut_labels(dialog)) == []
    dialog.reject()
