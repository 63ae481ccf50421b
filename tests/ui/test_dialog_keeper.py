"""The one way a widget opens a dialog without blocking (``ui.dialog_keeper.open_kept``): kept while open, forgotten
and deleted after, and the widget's follow-up run only when the dialog changed something."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.qt import QDialog, QWidget


class Owner(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.dialog: QDialog | None = None
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


def owner_shown(qtbot: QtBot) -> Owner:
    owner = Owner()
    qtbot.addWidget(owner)
    owner.show()
    return owner


def test_kept_while_open_then_forgotten_deleted_and_followed_up_when_accepted(qtbot: QtBot) -> None:
    owner = owner_shown(qtbot)
    dialog = open_kept(owner, QDialog(owner), owner.reload)
    assert owner.dialog is dialog and dialog.isVisible() and dialog.isModal()
    deleted: list[bool] = []
    dialog.destroyed.connect(lambda: deleted.append(True))
    dialog.accept()
    assert owner.dialog is None and owner.reloads == 1
    qtbot.waitUntil(lambda: deleted == [True])  # deleted once its signals have run
    assert owner.reloads == 1


def test_a_cancelled_dialog_changes_nothing_unless_it_says_it_did(qtbot: QtBot) -> None:
    owner = owner_shown(qtbot)
    cancelled = open_kept(owner, QDialog(owner), owner.reload)
    cancelled.reject()
    assert owner.dialog is None and owner.reloads == 0
    did = open_kept(owner, QDialog(owner), owner.reload, did_something=lambda result: True)  # e.g. a scan attached
    did.reject()
    assert owner.reloads == 1
    refused = open_kept(owner, QDialog(owner), owner.reload, did_something=lambda result: False)
    refused.accept()
    assert owner.reloads == 1


def test_a_newer_dialog_stays_kept_when_an_older_one_finishes(qtbot: QtBot) -> None:
    owner = owner_shown(qtbot)
    older = open_kept(owner, QDialog(owner))
    newer = open_kept(owner, QDialog(owner))
    older.reject()
    assert owner.dialog is newer
    newer.reject()
    assert owner.dialog is None
