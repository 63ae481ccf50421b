"""Issue 3 item 6: English / 中文 — declarations' labels and the UI's own strings, switched live, remembered."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.core.resources import resource_path
from crf_desktop.ui import language
from crf_desktop.ui.app import create_application
from crf_desktop.ui.dashboard_model import FIXED_COLUMNS
from crf_desktop.ui.fonts import FALLBACK_FAMILY
from crf_desktop.ui.qt import QApplication, QSettings, Qt
from tests.ui.conftest import Sessions
from tests.ui.data_entry import new_subject, open_editor, open_main


def test_switching_to_chinese_relabels_the_editor_and_the_dashboard(qtbot: QtBot, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    subject_id = new_subject(session)
    window = open_main(qtbot, session)
    editor = open_editor(qtbot, window, subject_id)
    editor.rows["weight_kg"].input.set_text("400")
    editor._left("weight_kg")
    window.language_actions[language.CHINESE].trigger()
    assert language.current() == "zh"
    qtbot.waitUntil(lambda: editor.rows["weight_kg"].label.text() == "体重 *")  # Qt posts LanguageChange
    assert editor.rows["sex"].label.text() == "性别 *"
    assert editor.groups["body"].title() == "身高与体重"
    assert editor.title.text() == "人口学资料"
    assert "体重：400 kg 超出可能范围" in editor.rows["weight_kg"].issue_label.text()
    assert "女" in editor.rows["sex"].input.buttons["F"].text()
    assert editor.save_button.text() == "保存(&S) (Ctrl+S)"
    assert "未开始" in editor.status_label.text()
    model = window.dashboard.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:FIXED_COLUMNS] == ["受试者", "姓名缩写", "状态", "下次访视日期", "未解决质疑"]
    assert headers[FIXED_COLUMNS] == "筛选期"
    assert window.tabs.tabText(0) == "受试者"
    assert window.dashboard.new_button.text() == "新建受试者(&N)…"
    assert QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, language.ORGANISATION,
                     language.APPLICATION).value(language.SETTINGS_KEY) == "zh"
    assert language.saved() == "zh"
    window.language_actions[language.ENGLISH].trigger()
    qtbot.waitUntil(lambda: editor.rows["weight_kg"].label.text() == "Weight *")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Subject"
    assert language.saved() == "en"


def test_the_translation_and_the_font_are_bundled() -> None:
    assert resource_path("translations", "crf_desktop_zh_CN.qm").stat().st_size > 1000
    assert resource_path("translations", "crf_desktop_zh_CN.ts").exists()
    font = resource_path("fonts", "DroidSansFallbackFull.ttf")
    assert 3_000_000 < font.stat().st_size < 5_000_000
    assert resource_path("fonts", "LICENSE-DroidSansFallback.txt").read_text().count("Apache") >= 2
    app = create_application()
    assert isinstance(app, QApplication)
    assert FALLBACK_FAMILY in app.font().families()


def test_qt_standard_buttons_speak_chinese_too(qtbot: QtBot) -> None:
    from crf_desktop.ui.qt import QDialogButtonBox

    language.apply(language.CHINESE, remember=False)
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        language.apply(language.ENGLISH, remember=False)
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_the_site_activity_page_and_the_sae_clock_speak_chinese(qtbot: QtBot, sessions: Sessions) -> None:
    from datetime import UTC, datetime, timedelta

    from crf_desktop.forms.ctcae.sae_clock import ClockState, SaeClock
    from crf_desktop.ui.sae_clock_text import clock_text

    session = sessions.login("coordinator")
    window = open_main(qtbot, session)
    panel = window.audit_panel
    model = panel.model
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Old → new"
    window.language_actions[language.CHINESE].trigger()
    try:
        qtbot.waitUntil(lambda: panel.refresh_button.text() == "刷新(&R)")
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
            "时间（本地）", "用户", "操作", "对象", "原值 → 新值", "原因"]
        assert panel.heading.text() == f"分中心 {session.site_id} 的近期操作"
        aware = datetime(2026, 3, 5, 9, 40, tzinfo=UTC)
        running = SaeClock(aware_at=aware, aware_time_known=True, due_at=aware + timedelta(hours=24), sent_at=None,
                           state=ClockState.RUNNING, margin=timedelta(hours=5, minutes=7))
        assert "5 小时 07 分" in clock_text(running)
    finally:
        window.language_actions[language.ENGLISH].trigger()
    qtbot.waitUntil(lambda: panel.refresh_button.text() == "&Refresh")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time (local)"
