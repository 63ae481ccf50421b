"""Issue 8, the centre page's "Unblind study…" (database lock): the dialog's warning, reason, lists, password and
typed study id; Enter does nothing until all are filled; a refusal is said in the dialog, which stays open; after
unblinding the page says when, by whom and why. Real encrypted centre and site (``unblinding_world``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core.roles import Role
from crf_desktop.services.centre_unblinding import blinding_status
from crf_desktop.services.session import Session
from crf_desktop.ui.centre_window import CentrePage
from crf_desktop.ui.qt import QApplication, Qt, QWidget
from crf_desktop.ui.study_unblind_dialog import StudyUnblindDialog
from tests.services.unblinding_world import CENTRE_PASSWORD, STUDY, World, fresh_world


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> World:
    return fresh_world(tmp_path_factory, tmp_path / "world")


@pytest.fixture
def dm(world: World) -> Iterator[Session]:
    session = world.centre()
    yield session
    session.close()


def _page(qtbot: QtBot, session: Session) -> CentrePage:
    page = CentrePage(session)
    qtbot.addWidget(page)
    page.show()
    return page


def _press_enter_in(qtbot: QtBot, dialog: StudyUnblindDialog, field: QWidget) -> None:
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_page_shows_the_study_blinded_and_offers_unblinding_to_a_data_manager(qtbot: QtBot, dm: Session) -> None:
    page = _page(qtbot, dm)
    assert page.blinding_label.text() == "Blinded: the exports carry no treatment arm."
    assert page.unblind_button.isVisible() and page.unblind_button.text() == "Un&blind study…"


def test_enter_unblinds_only_once_everything_is_filled_and_the_page_then_says_so(
        qtbot: QtBot, world: World, dm: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, dm)
    dialog = page.unblind_study()
    qtbot.waitExposed(dialog)
    assert "cannot be undone" in dialog.warning.text() and STUDY in dialog.warning.text()
    assert not dialog.unblind_button.isEnabled()
    dialog.reason_edit.setText("Database locked on 2026-11-20")
    _press_enter_in(qtbot, dialog, dialog.reason_edit)  # password and study id still empty: nothing happens
    assert dialog.isVisible() and blinding_status(dm).unblinding is None and not dialog.message.isVisible()

    dialog.password_edit.setText(CENTRE_PASSWORD)
    dialog.study_edit.setText("NCT0358029")
    assert dialog.unblind_button.isEnabled()
    _press_enter_in(qtbot, dialog, dialog.study_edit)
    assert dialog.isVisible() and f"is not {STUDY}; type the study id exactly" in dialog.message.text()
    assert dialog.password_edit.text() == ""  # the password is never kept in the field after an attempt

    dialog.study_edit.setText(STUDY)
    dialog.password_edit.setText(CENTRE_PASSWORD)
    _press_enter_in(qtbot, dialog, dialog.password_edit)
    assert dialog.isVisible() and "randomisation number R01-003" in dialog.message.text()
    assert blinding_status(dm).unblinding is None

    listed = world.full_list()
    starts: list[Path] = []
    monkeypatch.setattr(StudyUnblindDialog, "ask_files",
                        staticmethod(lambda _parent, _title, start: starts.append(start) or [listed]))
    dialog.files_button.click()
    assert dialog.files_label.text() == "site-01.csv"
    dialog.files_button.click()  # the same file again: listed once; the picker opens where it was found
    assert dialog.files_label.text() == "site-01.csv"
    assert starts == [dm.data_dir, listed.parent]
    dialog.password_edit.setText(CENTRE_PASSWORD)
    _press_enter_in(qtbot, dialog, dialog.password_edit)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    done = blinding_status(dm).unblinding
    assert done is not None and dialog.unblinding == done
    assert page.blinding_label.text().startswith("Study unblinded on ")
    assert "by Dana Manager (Database locked on 2026-11-20)" in page.blinding_label.text()
    assert not page.unblind_button.isVisible()
    assert "next CSV and ODM exports carry the treatment arms" in page.export_message.text()


def test_a_wrong_password_is_said_in_the_dialog(qtbot: QtBot, world: World, dm: Session) -> None:
    page = _page(qtbot, dm)
    dialog = page.unblind_study()
    qtbot.waitExposed(dialog)
    dialog.files = [world.full_list()]
    dialog.reason_edit.setText("Database locked")
    dialog.study_edit.setText(STUDY)
    dialog.password_edit.setText("not-the-password")
    _press_enter_in(qtbot, dialog, dialog.password_edit)
    assert dialog.isVisible() and dialog.message.text().startswith("The password is wrong")
    assert blinding_status(dm).unblinding is None


def test_a_centre_monitor_is_not_offered_unblinding(qtbot: QtBot, world: World) -> None:
    world.add_centre_user("monitor", "Mo Nitor", Role.MONITOR)
    monitor = world.centre("monitor")
    try:
        page = _page(qtbot, monitor)
        assert not page.unblind_button.isVisibleTo(page)
    finally:
        monitor.close()
