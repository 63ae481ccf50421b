"""Which parts of Qt the bundle carries (issue 9): the platform integrations and plugins the app uses, nothing else.

PyInstaller's PySide6 hooks collect every plugin of each type a Qt module can use, and with them every system
library those plugins link to (the GTK theme alone pulls in GTK's whole stack). The hooks in ``installer/hooks``
call PyInstaller's own Qt helper and pass its result through :func:`keep_binaries` and :func:`keep_datas`, so the
unused plugins are dropped *before* PyInstaller follows their library dependencies.
"""

from __future__ import annotations

from pathlib import PurePath

# Plugin folders dropped as a whole: embedded-Linux displays (eglfs device integrations, evdev/tuio input),
# Wayland client plugins (the app runs under XWayland, which every Wayland desktop provides), and desktop themes
# (GTK3 brings ~40 GTK/GLib/Cairo libraries; without it Qt draws its own Fusion style and file dialogs).
DROPPED_PLUGIN_TYPES = frozenset({
    "egldeviceintegrations", "generic", "platformthemes", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-graphics-integration-server", "wayland-shell-integration",
    "networkinformation", "tls",
})
# Platform plugins kept: each desktop's own, plus offscreen and minimal (headless runs, the smoke test).
KEPT_PLATFORMS = frozenset({"qxcb", "qwindows", "qcocoa", "qoffscreen", "qminimal"})
# Qt's own translations (standard dialog buttons …): the app speaks English and Simplified Chinese only.
KEPT_TRANSLATION_MARK = "zh_CN"


def _plugin_type(dest: str) -> str | None:
    parts = PurePath(dest).parts
    return parts[parts.index("plugins") + 1] if "plugins" in parts[:-1] else None


def keep_binary(src: str, dest: str) -> bool:
    """False for a Qt plugin the app does not need (``dest`` is the folder inside the bundle)."""
    parts = PurePath(dest).parts
    if "plugins" not in parts or parts.index("plugins") == len(parts) - 1:
        return True
    kind = parts[parts.index("plugins") + 1]
    if kind in DROPPED_PLUGIN_TYPES:
        return False
    if kind == "platforms":
        stem = PurePath(src).name.split(".")[0]
        return stem.removeprefix("lib") in KEPT_PLATFORMS
    return True


def keep_data(src: str, dest: str) -> bool:
    """False for a Qt translation file in a language the app does not offer."""
    if "translations" in PurePath(dest).parts and PurePath(src).suffix == ".qm":
        return KEPT_TRANSLATION_MARK in PurePath(src).name
    return True


def keep_binaries(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(src, dest) for src, dest in binaries if keep_binary(src, dest)]


def keep_datas(datas: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(src, dest) for src, dest in datas if keep_data(src, dest)]
