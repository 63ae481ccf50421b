"""Issue 3 item 6: the dashboard grid (model, filters, search, new subject) and the subject page."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import records
from crf_desktop.services.dashboard import CellState, build_dashboard
from crf_desktop.services.subjects import SubjectStatus
from crf_desktop.ui import visit_states
from crf_desktop.ui.dashboard_model import FIXED_COLUMNS, NEXT_DUE, QUERIES, SUBJECT, DashboardModel
from crf_desktop.ui.qt import QFont, QFontDatabase, QRawFont, Qt
from crf_desktop.ui.subject_page import SubjectPage
from crf_desktop.ui.subject_status_dialog import SubjectStatusDialog
from tests.ui.conftest import Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, fill, new_subject, open_editor, open_main


def shown_ids(window) -> list[str]:  # noqa: ANN001 - a MainWindow
    proxy = window.dashboard.proxy
    return [proxy.data(proxy.index(row, SUBJECT)) for row in range(proxy.rowCount())]


def test_the_dashboard_is_the_first_page_and_the_audit_trail_stays_reachable(qtbot: QtBot, qtmodeltester,
                                                                             sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    assert window.tabs.currentWidget() is window.dashboard
    qtmodeltester.check(window.dashboard.model)
    qtmodeltester.check(window.dashboard.proxy)
    model = window.dashboard.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:FIXED_COLUMNS] == ["Subject", "Initials", "Status", "Next visit due", "Open queries"]
    assert headers[FIXED_COLUMNS:FIXED_COLUMNS + 3] == ["Screening", "Baseline (day 0)", "Week 4"]
    assert window.dashboard.counts_text.startswith(f"{model.rowCount()} subjects")
    assert "Legend:" in window.dashboard.legend.text() and "⚠ Overdue" in window.dashboard.legend.text()
    window.activity_action.trigger()
    assert window.tabs.currentWidget() is window.audit_panel
    window.subjects_action.trigger()
    assert window.tabs.currentWidget() is window.dashboard
    window.close()  # one session at a time may hold the site
    admin = open_main(qtbot, sessions.login("admin"))  # no VIEW_DATA: the site activity only
    assert admin.dashboard is None and admin.tabs.currentWidget() is admin.audit_panel


def test_every_state_has_a_shape_that_the_bundled_font_draws() -> None:
    assert len({visit_states.glyph(s) for s in CellState}) == len(CellState)
    assert QFontDatabase.addApplicationFont(str(visit_states.__file__).replace(
        "crf_desktop/ui/visit_states.py", "resources/fonts/DroidSansFallbackFull.ttf")) >= 0
    raw = QRawFont.fromFont(QFont("Droid Sans Fallback"))
    for state in CellState:
        assert all(raw.supportsCharacter(ch) for ch in visit_states.glyph(state)), state


def test_the_dashboard_shows_the_new_status_after_a_save(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    model = window.dashboard.model
    row = model.row_of(subject_id)
    screening = model.visit_column("screening")
    assert model.cell(row, screening).state is CellState.DUE
    assert model.data(model.index(row, screening)) == "○"
    editor = open_editor(qtbot, window, subject_id)
    fill(editor, {"height_cm": "160"})
    with qtbot.waitSignal(editor.saved):
        editor.save()
    row = model.row_of(subject_id)
    assert model.cell(row, screening).state is CellState.IN_PROGRESS
    total = model.cell(row, screening).forms_total  # as many as the schedule declares at screening
    assert model.data(model.index(row, screening)) == f"◐ 0/{total}"
    tip = model.data(model.index(row, screening), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Screening: In progress")
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS})
    editor.save()
    row = model.row_of(subject_id)
    assert model.cell(row, screening).forms_done == 1
    assert window.dashboard.incomplete_box.text() == "&Incomplete forms"


def test_search_and_filters(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    page = window.dashboard
    board = build_dashboard(session)
    everyone = [r.subject.subject_id for r in board.rows]
    assert shown_ids(window) == everyone
    page.search_edit.setText(board.rows[0].subject.initials.lower())
    assert board.rows[0].subject.subject_id in shown_ids(window)
    assert all(board.rows[0].subject.initials.lower() in r.subject.initials.lower()
               or board.rows[0].subject.initials.lower() in r.subject.subject_id.lower()
               for r in board.rows if r.subject.subject_id in shown_ids(window))
    page.search_edit.setText(everyone[-1])
    assert shown_ids(window) == [everyone[-1]]
    page.search_edit.clear()
    page.overdue_box.click()
    assert shown_ids(window) == [r.subject.subject_id for r in board.rows if r.overdue]
    assert shown_ids(window), "the demo has an overdue subject"
    page.overdue_box.click()
    page.incomplete_box.click()
    assert shown_ids(window) == [r.subject.subject_id for r in board.rows if r.incomplete]
    assert shown_ids(window)
    page.incomplete_box.click()
    page.queries_box.click()
    with_queries = [r.subject.subject_id for r in board.rows if r.open_queries]
    assert shown_ids(window) == with_queries and with_queries
    row = page.model.row_of(with_queries[0])
    assert page.model.data(page.model.index(row, QUERIES)) == str(board.rows[row].open_queries)
    assert page.shown_label.text() == f"Showing {len(with_queries)} of {len(everyone)}"
    page.table.sortByColumn(NEXT_DUE, Qt.SortOrder.AscendingOrder)  # sorts by date, not by text


def test_register_a_new_subject(qtbot: QtBot, sessions: Sessions) -> None:
    window = open_main(qtbot, sessions.login("coordinator"))
    page = window.dashboard
    before = page.model.rowCount()
    assert page.new_button.isVisible()
    dialog = page.open_new_subject()
    dialog.initials_edit.setText("wxy")
    dialog.year_edit.setText("19x5")
    dialog.ok_button.click()
    assert dialog.isVisible() and "year of birth" in dialog.message.text().lower()
    dialog.year_edit.setText("1990")
    dialog.sex_combo.setCurrentIndex(1)
    dialog.ok_button.click()
    assert dialog.subject is not None and dialog.subject.initials == "WXY" and dialog.subject.sex == "M"
    assert page.model.rowCount() == before + 1
    current = page.proxy.mapToSource(page.table.currentIndex())
    assert page.model.row(current.row()).subject.subject_id == dialog.subject.subject_id
    window.close()
    monitor = open_main(qtbot, sessions.login("monitor"))
    assert not monitor.dashboard.new_button.isVisible()


def test_enter_on_a_cell_opens_the_subject_at_that_visit(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    index = window.dashboard.select(subject_id, "screening")
    assert index.isValid()
    window.dashboard.table.setFocus()
    qtbot.keyClick(window.dashboard.table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, SubjectPage) and page.subject_id == subject_id
    item = page.tree.currentItem()
    assert item is not None and item.data(0, Qt.ItemDataRole.UserRole) == "screening"
    assert f"Subject {subject_id} (ZSF)" == page.title.text()
    assert "Year of birth: 1985" in page.details.text() and "Sex: Female" in page.details.text()
    form = page.form_item("screening", "demographics")
    assert form is not None and "Not started" in form.text(1)
    page.tree.setCurrentItem(form)
    page.open_button.click()
    editor = window.editors[(subject_id, "screening", "demographics", 0)]
    fill(editor, {**DEMOGRAPHICS, **ACR_ANSWERS})
    editor.save()
    assert "Complete" in page.form_item("screening", "demographics").text(1)
    assert page.audit_model.rowCount() >= 2  # registered, values entered


def test_the_subject_page_changes_status_with_a_reason(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    page = window.open_subject(subject_id)
    dialog = page.open_status_dialog()
    assert isinstance(dialog, SubjectStatusDialog)
    dialog.choose(SubjectStatus.SCREEN_FAILURE)
    dialog.ok_button.click()
    assert dialog.isVisible() and "reason" in dialog.message.text().lower()
    dialog.reason_edit.setText("Inclusion criterion 1 not met")
    dialog.ok_button.click()
    assert "Status: Screen failure" in page.details.text()
    model = window.dashboard.model
    assert model.text(model.row_of(subject_id), 2) == "Screen failure"


def test_a_thousand_subjects_stay_fast(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    board = build_dashboard(session)
    rows = tuple(board.rows[i % len(board.rows)] for i in range(1000))
    big = type(board)(visits=board.visits, rows=rows, today=board.today)
    model = DashboardModel()
    started = time.perf_counter()
    model.set_dashboard(big)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
            model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
    assert time.perf_counter() - started < 2.0
    assert records  # the module under the editor is importable here too
    assert RecordStatus.COMPLETE.label.en == "Complete"
