"""The language of the screens: English or Simplified Chinese, remembered between runs.

Two sources of words: the form declarations carry their own labels (``Text.get(lang)``, read with
:func:`current`), and the UI's own strings go through Qt translation (``self.tr``, ``QCoreApplication.translate``)
from ``resources/translations/crf_desktop_zh_CN.qm``. Switching installs or removes the translator; Qt then
sends every widget a ``LanguageChange`` event and the open windows re-label themselves.
"""

from __future__ import annotations

from crf_desktop.core.errors import CrfError
from crf_desktop.core.resources import resource_path
from crf_desktop.ui.qt import QCoreApplication, QLibraryInfo, QSettings, QTranslator

ENGLISH = "en"
CHINESE = "zh"
NAMES = {ENGLISH: "English", CHINESE: "中文"}
SETTINGS_KEY = "ui/language"
ORGANISATION = APPLICATION = "crf-desktop"
QM_FILE = "crf_desktop_zh_CN.qm"

QT_QM_FILE = "qtbase_zh_CN"  # Qt's own words: standard buttons (Cancel, Close), file and print dialogs

_state: dict[str, object] = {"lang": ENGLISH, "translators": ()}


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def current() -> str:
    """The language now shown: ``"en"`` or ``"zh"`` (the key for ``Text.get``)."""
    return str(_state["lang"])


def saved() -> str:
    """The language chosen last time (English when never chosen)."""
    value = str(_settings().value(SETTINGS_KEY, ENGLISH))
    return value if value in NAMES else ENGLISH


def apply(lang: str, *, remember: bool = True) -> None:
    """Show ``lang`` from now on; open windows re-label themselves on the ``LanguageChange`` event."""
    if lang not in NAMES:
        raise CrfError(f"unknown language {lang!r}; choose one of: {', '.join(NAMES)}")
    app = QCoreApplication.instance()
    _state["lang"] = lang
    for old in _state["translators"]:  # type: ignore[attr-defined]
        if app is not None:
            app.removeTranslator(old)
    _state["translators"] = ()
    if lang == CHINESE and app is not None:
        ours = QTranslator(app)
        if not ours.load(str(resource_path("translations", QM_FILE))):
            raise CrfError(f"the translation file {QM_FILE} could not be read: reinstall crf-desktop")
        qt_own = QTranslator(app)
        # Qt ships its translation beside its libraries; a missing one only leaves Qt's standard buttons in English
        installed = [ours, qt_own] if qt_own.load(QT_QM_FILE, QLibraryInfo.path(
            QLibraryInfo.LibraryPath.TranslationsPath)) else [ours]
        for translator in installed:
            app.installTranslator(translator)
        _state["translators"] = tuple(installed)
    if remember:
        _settings().setValue(SETTINGS_KEY, lang)



def translate(context: str, text: str) -> str:
    """A UI string outside a widget class, in the current language (``pyside6-lupdate`` finds these calls)."""
    return QCoreApplication.translate(context, text)


def fill(text: str, *values: object) -> str:
    """Put ``values`` into the ``%1``, ``%2`` … places of a translated string (word order may differ)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text
