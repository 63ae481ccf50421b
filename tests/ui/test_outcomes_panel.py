"""Issue 5: the subject's outcomes tab (renal response, SRI-4, time to response, remission, trend chart) and the
site's responses by visit, in English and Chinese. Data saved through the services on a real test site."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.outcomes_panel import COMPONENTS, CREATININE, DAYS, RENAL, SRI4, UPCR, VISIT
from crf_desktop.ui.subject_page import SubjectPage
from tests.ui.clinical_data import responder, save


def open_page(qtbot: QtBot, session: Session, sid: str) -> SubjectPage:
    page = SubjectPage(session, sid)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.tabs.setCurrentWidget(page.outcomes_panel)
    return page


def test_the_outcomes_tab_shows_a_responder_with_the_deciding_values(qtbot: QtBot, clinical: Session) -> None:
    sid = responder(clinical)
    save(clinical, sid, "week12", "visit_info", {"visit_done": "Y", "visit_date": clinical.today().isoformat()})
    page = open_page(qtbot, clinical, sid)
    panel = page.outcomes_panel
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "Outcomes"
    assert panel.cell("week4", RENAL) == "Partial response"
    assert panel.cell("week8", RENAL) == "Complete response"
    assert panel.cell("week8", DAYS) == "56"
    # the deciding values, baseline → visit, from the outcome itself (issue 5 item 6)
    assert panel.cell("week8", UPCR) == "3.2 → 0.4 g/g (−88 % from baseline)"
    assert panel.cell("week8", CREATININE) == "100 → 105 µmol/L (105 % of baseline)"
    assert panel.table.item(0, RENAL).toolTip().startswith("partial response (KDIGO 2012): UPCR ")
    assert panel.cell("week8", SRI4) == "Responder"
    assert "SLEDAI-2K −4 ✓" in panel.cell("week8", COMPONENTS)
    assert panel.cell("week12", RENAL) == "Not evaluable — missing Week 12: UPCR, creatinine"
    assert panel.cell("week16", RENAL) == "Visit not recorded yet"
    assert "KDIGO 2012" in panel.table.horizontalHeaderItem(RENAL).text()
    assert "KDIGO 2012" in panel.definition_label.text()
    assert "Time to first partial response: Week 4, day 28 from baseline" in panel.time_label.text()
    assert "Time to first complete response: Week 8, day 56 from baseline" in panel.time_label.text()
    assert "Week 12: Not evaluable — missing Week 12: UPCR, creatinine" in panel.remission_label.text()
    assert "Week 24: Visit not recorded yet" in panel.remission_label.text()
    chart = panel.chart.chart
    assert chart is not None and chart.visits == ("baseline", "week4", "week8", "week12")
    assert len(panel.chart.panel_rects()) == 8
    assert panel.chart.grab().width() > 0  # paints without error


def test_the_outcomes_tab_in_chinese(qtbot: QtBot, clinical: Session) -> None:
    sid = responder(clinical)
    page = open_page(qtbot, clinical, sid)
    language.apply(language.CHINESE, remember=False)
    qtbot.waitUntil(lambda: page.tabs.tabText(page.tabs.indexOf(page.outcomes_panel)) == "疗效结局")
    panel = page.outcomes_panel
    assert panel.cell("week8", RENAL) == "完全缓解"
    assert panel.cell("week8", SRI4) == "应答"
    assert panel.cell("week4", VISIT) == "第 4 周"
    assert "首次部分缓解时间" in panel.time_label.text()
    assert panel.table.horizontalHeaderItem(RENAL).text() == "肾脏缓解（KDIGO 2012）"
    assert panel.chart_title.text() == "疾病活动度与肾脏指标随时间变化"


def test_responses_by_visit_counts_the_site(qtbot: QtBot, clinical: Session) -> None:
    responder(clinical, "AB")
    responder(clinical, "CD")
    window = MainWindow(clinical)
    qtbot.addWidget(window)
    assert window.responses_action.text() == "&Responses by visit"
    window.responses_action.trigger()
    dialog = window.dialog
    assert dialog is not None
    week8 = dialog.row_values("week8")
    assert week8 == ["Week 8", "2", "0", "0", "2", "2", "0", "0", "0"]
    assert dialog.row_values("week4")[4:7] == ["2", "0", "2"]
    assert dialog.row_values("week12")[3] == "2"  # SRI-4 not evaluable: the visit is not recorded
    assert "blind" in dialog.note.text()
    language.apply(language.CHINESE, remember=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "crf-desktop：按访视的应答情况")
    assert dialog.row_values("week8")[0] == "第 8 周"
