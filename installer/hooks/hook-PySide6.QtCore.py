"""PyInstaller's PySide6.QtCore hook, leaving out the plugins and Qt translations the app does not use."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_selection import keep_binaries, keep_datas

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = keep_binaries(binaries)
datas = keep_datas(datas)
