"""Issue 10: labels made selectable by name (crf_desktop.ui.selectable) behave as with Qt's enums: the mouse
selects their text, and a message shows its text as typed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.qt import QLabel, Qt
from crf_desktop.ui.selectable import make_selectable


def test_a_label_becomes_mouse_selectable(qtbot: QtBot) -> None:
    label = QLabel("/home/site/crf-data")
    qtbot.addWidget(label)
    make_selectable(label)
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.textFormat() == Qt.TextFormat.AutoText  # only asked for plain text when plain_text=True


def test_an_inline_message_shows_markup_as_typed_and_selectable(qtbot: QtBot) -> None:
    message = InlineMessage()
    qtbot.addWidget(message)
    message.show_error("the site name <b>Ward 3</b> is too long")
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert message.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert message.text() == "The site name <b>Ward 3</b> is too long"


def test_a_wrong_name_is_refused_not_ignored(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    monkeypatch.setattr(QLabel, "setProperty", lambda self, name, value: False)  # as Qt answers an unknown name
    with pytest.raises(ValueError, match="textInteractionFlags"):
        make_selectable(label)
