"""Render the app icon's bitmaps from its SVG source (issue 9).

    .venv/bin/python installer/make_icons.py

Reads ``resources/icons/crf-desktop.svg`` and writes, next to it:

- ``hicolor/<N>x<N>/apps/crf-desktop.png`` for N in 16 … 512 (the freedesktop icon theme layout: the Linux
  desktop entry uses it as is, and the app's window icon is built from these files);
- ``crf-desktop.ico`` (Windows: the executable, the installer and the shortcuts; 16 … 256 px);
- ``crf-desktop.icns`` (macOS: the ``.app`` bundle; 32 … 1024 px).

The generated files are committed, so a build needs neither this script nor an SVG renderer. Run it again after
changing the SVG; the output is the same for the same SVG and Qt version.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "crf-desktop.svg"
NAME = "crf-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_path(icons: Path, size: int) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent ``size`` × ``size`` square, as PNG bytes (QtSvg does the drawing)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not an SVG that Qt can draw; fix it and run this script again")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def make_icons(svg: Path = SVG, icons: Path = ICONS) -> list[Path]:
    """Write every bitmap icon; returns the files written."""
    from PIL import Image

    rendered = {size: render_png(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = png_path(icons, size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered[size])
        written.append(path)
    ico = icons / f"{NAME}.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    icns = icons / f"{NAME}.icns"
    images[max(ICNS_SIZES)].save(icns, format="ICNS",
                                 append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    written.append(icns)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help=f"the source (default {SVG.relative_to(ROOT)})")
    parser.add_argument("--out", type=Path, default=ICONS, help=f"where to write (default {ICONS.relative_to(ROOT)})")
    args = parser.parse_args()
    for path in make_icons(args.svg, args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
