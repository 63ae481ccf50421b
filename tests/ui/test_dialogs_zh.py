"""Issue 5 item 6: the login, users, user edit, change-password and lock dialogs, the main window title and
status bar in Simplified Chinese; role and subject status names from their bilingual labels."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.services.subjects import SubjectStatus, register_subject
from crf_desktop.ui import language
from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
from crf_desktop.ui.idle_lock import LockScreen
from crf_desktop.ui.login_dialog import LoginDialog
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import Qt
from crf_desktop.ui.subject_status_dialog import SubjectStatusDialog
from crf_desktop.ui.user_edit_dialogs import AddUserDialog, DisableUserDialog, ResetPasswordDialog
from crf_desktop.ui.users_dialog import UsersDialog
from tests.ui.clinical_data import PASSWORD


def test_the_dialogs_speak_chinese(qtbot: QtBot, clinical: Session, tmp_path: Path) -> None:
    language.apply(language.CHINESE, remember=False)
    login = LoginDialog(tmp_path, demo_users={"coordinator": "x"})
    qtbot.addWidget(login)
    assert login.windowTitle() == "crf-desktop：登录"
    assert login.login_button.text() == "登录(&L)"
    assert login.demo_box is not None and login.demo_box.title().startswith("演示")
    change = ChangePasswordDialog(clinical, forced=True)
    qtbot.addWidget(change)
    assert change.windowTitle() == "crf-desktop：修改密码"
    assert change.ok_button.text() == "修改密码(&H)"
    lock = LockScreen(clinical)
    qtbot.addWidget(lock)
    assert lock.windowTitle() == "crf-desktop：已锁定"
    assert lock.unlock_button.text() == "解锁(&U)"
    window = MainWindow(clinical)
    qtbot.addWidget(window)
    assert clinical.user.role.label_zh in window.windowTitle()
    assert window.status_labels["role"].text().startswith("角色：")
    assert window.status_labels["user"].text() == "用户：coordinator"


def test_the_users_dialogs_speak_chinese(qtbot: QtBot, clinical_template: Path) -> None:
    from crf_desktop.services.session import login

    language.apply(language.CHINESE, remember=False)
    admin = login(clinical_template, "admin", PASSWORD)
    try:
        users = UsersDialog(admin)
        qtbot.addWidget(users)
        assert users.windowTitle() == "crf-desktop：分中心 01 的用户"
        assert users.add_button.text() == "添加用户(&A)…"
        headers = [users.model.headerData(c, Qt.Orientation.Horizontal) for c in range(users.model.columnCount())]
        assert headers == ["用户名", "全名", "角色", "启用", "须修改密码"]
        row = users.model.row_of("monitor")
        assert users.model.cell_text(row, 2) == admin.user.role.MONITOR.label_zh
        add = AddUserDialog(admin)
        qtbot.addWidget(add)
        assert add.windowTitle() == "crf-desktop：添加用户"
        assert add.role_combo.itemText(0) in {r.label_zh for r in type(admin.user.role)}
        reset = ResetPasswordDialog(admin, "monitor")
        qtbot.addWidget(reset)
        assert reset.windowTitle() == "crf-desktop：重置 monitor 的密码"
        disable = DisableUserDialog(admin, "monitor")
        qtbot.addWidget(disable)
        assert disable.ok_button.text() == "停用用户(&D)"
    finally:
        admin.close()


def test_the_status_dialog_offers_only_the_allowed_changes(qtbot: QtBot, clinical: Session) -> None:
    sid = register_subject(clinical, initials="QRS", birth_year=1990, sex="F").subject_id
    dialog = SubjectStatusDialog(clinical, sid, SubjectStatus.SCREENING)
    qtbot.addWidget(dialog)
    offered = {SubjectStatus(dialog.status_combo.itemData(n)) for n in range(dialog.status_combo.count())}
    from crf_desktop.services.subjects import allowed_status_changes

    assert offered == set(allowed_status_changes(SubjectStatus.SCREENING))
    language.apply(language.CHINESE, remember=False)
    zh = SubjectStatusDialog(clinical, sid, SubjectStatus.SCREENING)
    qtbot.addWidget(zh)
    assert zh.status_combo.itemText(0) in {s.label.zh for s in SubjectStatus}
