"""Issue 8 QA findings in the GUI: File ▸ Send to another folder… refuses a data directory with the same message
as the command line (nothing written, the remembered folder kept) and says when the central folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.ui.sync_actions import SyncActions
from tests.ui.test_sync_ui import Folders, _boxes, _main, opened, sync_template, world  # noqa: F401 - fixtures


def test_sending_into_the_centres_data_directory_is_refused_and_a_changed_folder_is_said(
        qtbot: QtBot, world: Path, opened: list[Session], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    centre, exchange, stick = world / "centre", world / "exchange", world / "usb-stick"
    stick.mkdir()
    folders = Folders(exchange, centre, stick)
    monkeypatch.setattr(SyncActions, "ask_folder", folders)
    window = _main(qtbot, opened, world / "site", "coordinator")
    actions = window.sync_actions
    assert actions is not None

    actions.send()  # first send: asks, sends to the exchange folder, which is remembered
    qtbot.waitUntil(lambda: actions.result_box is not None, timeout=30_000)
    assert actions.result_box is not None and "Sent package 1" in actions.result_box.text()
    actions.result_box.close()
    actions.result_box = None
    if actions.backup_task is not None:
        backup = actions.backup_task
        qtbot.waitUntil(lambda: backup.outcome is not None, timeout=30_000)

    task = actions.start(centre)  # what "Send to another folder…" does with the folder chosen
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    boxes = _boxes(window)
    assert boxes and f"{centre} (the folder to export to) is a crf-desktop data directory, not the central " \
        "folder" in boxes[-1].text()
    assert actions.result_box is None
    assert not (centre / "to-centre").exists()
    assert sync_service.sync_status(window.session).central_folder == exchange.resolve()
    for box in boxes:
        box.close()

    task = actions.start(stick)
    qtbot.waitUntil(lambda: actions.result_box is not None, timeout=30_000)
    text = actions.result_box.text()
    assert f"The central folder changed: this site sent to {exchange.resolve()} until now and sends to " \
           f"{stick.resolve()} from now on." in text
    assert sync_service.sync_status(window.session).central_folder == stick.resolve()
