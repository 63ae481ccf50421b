"""The bundled fallback font, so Chinese labels render on a computer without Chinese fonts.

``resources/fonts/DroidSansFallbackFull.ttf`` (Apache-2.0, see the README there) is registered at start-up
and added after the platform's default family: Latin text keeps the familiar system font, and characters
it lacks (Chinese, the dashboard's state symbols) come from Droid Sans Fallback.
"""

from __future__ import annotations

from crf_desktop.core.errors import CrfError
from crf_desktop.core.resources import resource_path
from crf_desktop.ui.qt import QApplication, QFont

FONT_FILE = "DroidSansFallbackFull.ttf"
FALLBACK_FAMILY = "Droid Sans Fallback"


def install_fallback_font(app: QApplication) -> bool:
    """Register the bundled font and use it as the fallback family; False when it could not be loaded."""
    from crf_desktop.ui.qt import QFontDatabase  # here: the English login window is shown before (issue 10)

    try:
        path = resource_path("fonts", FONT_FILE)
    except CrfError:
        return False
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return False
    families = QFontDatabase.applicationFontFamilies(font_id)
    fallback = families[0] if families else FALLBACK_FAMILY
    font = QFont(app.font())
    base = [family for family in font.families() or [font.family()] if family != fallback]
    font.setFamilies([*base, fallback])
    app.setFont(font)
    return True
