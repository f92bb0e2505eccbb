"""Choosing the interface language and installing Qt's translators for it.

Russian is the source language of every string, so it needs no translation file of ours;
English comes from `translations/esh_en.qm` (compiled by `make translations`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from translations import TRANSLATIONS_DIR

SOURCE_LANGUAGE = "ru"
TRANSLATED = ("en",)

_installed: list[QTranslator] = []


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting if it names one, else the system's if we have it.

    A system locale we have no translation for (or the bare "C" locale) gets Russian, the
    language of the product.
    """
    if setting in (SOURCE_LANGUAGE, *TRANSLATED):
        return setting
    name = (system or QLocale.system()).name()
    language = name.split("_")[0]
    return language if language in TRANSLATED else SOURCE_LANGUAGE


def install_language(language: str) -> bool:
    """Replace the installed translators; returns False when our file for it is missing."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    if language == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    qt_own = QTranslator(app)
    if qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if language == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    if not ours.load(f"esh_{language}", str(TRANSLATIONS_DIR)):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
