"""Labels whose text the person can select with the mouse (and copy: a path, an error, a password).

Set through Qt's property system by the values' names rather than with ``label.setTextInteractionFlags(Qt...)``:
Qt converts the names itself, so the windows shown at start-up never build PySide6's ``Qt`` namespace, whose
hundred enums cost more than a tenth of a bare window's start (issue 10). Any later use of ``Qt`` builds it then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crf_desktop.ui.qt import QLabel


def make_selectable(label: QLabel, *, plain_text: bool = False) -> None:
    """Let the mouse select ``label``'s text; with ``plain_text``, show its text as typed, never as rich text."""
    settings = [("textInteractionFlags", "TextSelectableByMouse")]
    if plain_text:
        settings.append(("textFormat", "PlainText"))
    for name, value in settings:
        if not label.setProperty(name, value):  # a misspelt name would otherwise be ignored without a word
            raise ValueError(f"QLabel property {name} does not take {value!r}")
