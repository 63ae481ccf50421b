"""QA: "Query state" and the queries table's column names show whole on the centre page at 1024×700, in English
and in Chinese, and still after the font grows once the page is built (the bundled fallback font installed at
start, a larger system font). A long value is elided, whole in its tooltip; a column's name never is.

The demo site and its demo centre (``crf-desktop demo``) in a temporary folder; the centre imports the site's
first package (a query raised by the site's monitor).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services.centre import import_packages
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.centre_queries_panel import QueriesPanel
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QFont, QLabel
from tests.ui.conftest import centre_page_at_1024


@pytest.fixture
def centre(demo_centre_login: tuple[Session, Path]) -> Session:
    """The demo centre with the site's first package imported (a query row to show)."""
    session, folder = demo_centre_login
    import_packages(session, folder)
    return session


def _shown(label: QLabel) -> str:
    return label.text().replace("&", "")


def clipped(panel: QueriesPanel) -> list[str]:
    """The filter labels and the visible column names that are narrower than their text."""
    found = [_shown(label) for label in (panel.site_label, panel.status_label)
             if label.width() < label.fontMetrics().horizontalAdvance(_shown(label))]
    header = panel.table.horizontalHeader()
    for column in range(panel.table.columnCount()):
        if panel.table.isColumnHidden(column):
            continue
        item = panel.table.horizontalHeaderItem(column)
        assert item is not None
        if header.sectionSize(column) < header.sectionSizeFromContents(column).width():
            found.append(item.text())
    return found


@pytest.mark.parametrize("lang", [language.ENGLISH, language.CHINESE])
def test_query_state_and_the_column_names_show_whole_at_1024_by_700(qtbot: QtBot, centre: Session, app_font: QFont,
                                                                    lang: str) -> None:
    language.apply(lang, remember=False)
    window, page = centre_page_at_1024(qtbot, centre)
    assert isinstance(window, MainWindow) and isinstance(page, CentrePage)
    panel = page.queries_panel
    assert panel.table.rowCount() == 1
    assert _shown(panel.status_label) == ("Query state:" if lang == language.ENGLISH else "质疑状态(E)：")
    assert clipped(panel) == []
    larger = QFont(app_font)
    larger.setPointSizeF(app_font.pointSizeF() * 1.4)  # a larger system font, or a fallback font made wider
    QApplication.setFont(larger)
    qtbot.waitUntil(lambda: panel.table.horizontalHeader().fontMetrics().height() > 0)
    QApplication.processEvents()
    assert clipped(panel) == []
