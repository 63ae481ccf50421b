"""Issue 9 item 3: the app icon, from its SVG source to every size each platform asks for (fast; no build)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from crf_desktop.ui.app import ICON_SIZES, app_icon
from crf_desktop.ui.qt import QApplication, QSize

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"

_spec = importlib.util.spec_from_file_location("crf_installer_make_icons", ROOT / "installer" / "make_icons.py")
assert _spec is not None and _spec.loader is not None
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)


def test_every_png_size_is_square_with_a_transparent_corner() -> None:
    assert tuple(make_icons.PNG_SIZES) == ICON_SIZES  # the window icon uses every size the script writes
    for size in ICON_SIZES:
        image = Image.open(make_icons.png_path(ICONS, size))
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0, f"{size}px: the corner is see-through, not a white square"


def test_the_committed_pngs_match_the_svg(qapp: QApplication) -> None:
    """Someone changed crf-desktop.svg without running installer/make_icons.py when this fails. (``qapp`` first:
    the script would otherwise create a QGuiApplication, and the UI tests need a QApplication.)"""
    for size in (16, 64, 256):
        fresh = Image.open(io.BytesIO(make_icons.render_png(make_icons.SVG, size))).convert("RGBA")
        committed = Image.open(make_icons.png_path(ICONS, size)).convert("RGBA")
        difference = ImageStat.Stat(ImageChops.difference(fresh, committed)).mean
        assert max(difference) < 2.0, f"{size}px differs from the SVG by {difference}: run installer/make_icons.py"


def test_the_windows_and_macos_icons_hold_every_size() -> None:
    ico = Image.open(ICONS / "crf-desktop.ico")
    assert ico.format == "ICO"
    assert {16, 24, 32, 48, 64, 128, 256} <= {width for width, _ in ico.info["sizes"]}
    icns = Image.open(ICONS / "crf-desktop.icns")
    assert icns.format == "ICNS"
    assert {16, 32, 128, 256, 512} <= {entry[0] for entry in icns.info["sizes"]}
    assert (512, 512, 2) in icns.info["sizes"], "the 1024 px Retina icon for the Dock and Finder"


def test_the_application_shows_the_icon_at_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(icon.availableSizes())
    assert icon.pixmap(QSize(48, 48)).toImage().pixelColor(24, 24).alpha() > 0
