"""Language choice, translations and fonts: Japanese on a Japanese system, English otherwise, and
a CJK-capable font so Japanese never renders as empty boxes.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
# Preferred families when several Japanese-capable fonts are installed (first match wins).
PREFERRED_CJK_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAPGothic",
    "IPAGothic",
    "Yu Gothic UI",
    "Meiryo UI",
    "Hiragino Sans",
    "Droid Sans Fallback",
)


def resources_dir() -> Path:
    """`resources/` next to the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def choose_language(override: str | None, system: QLocale | None = None) -> str:
    """`--lang` wins; otherwise Japanese when the system locale is Japanese, else English."""
    if override:
        if override not in LANGUAGES:
            raise ValueError(f"unsupported language {override!r}: use one of {LANGUAGES}")
        return override
    locale = system if system is not None else QLocale.system()
    return "ja" if locale.language() == QLocale.Language.Japanese else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load `clienteling_<lang>.qm`; keep the returned translator alive as long as the app."""
    translator = QTranslator(app)
    folder = resources_dir() / "i18n"
    if not translator.load(f"clienteling_{language}", str(folder)):
        log.warning("no translation file for %s in %s; showing English", language, folder)
        return None
    app.installTranslator(translator)
    # Qt's own buttons and dialogs (OK, Cancel, the line edit's menu) in the same language.
    qt_translator = QTranslator(translator)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English)
    )
    return translator


def load_fonts(app: QApplication) -> str | None:
    """Register bundled fonts and pick a Japanese-capable family as the app font."""
    fonts = resources_dir() / "fonts"
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            is_font = path.suffix.lower() in (".ttf", ".otf", ".ttc")
            if is_font and QFontDatabase.addApplicationFont(str(path)) < 0:
                log.warning("could not load font %s", path.name)
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    if not families:
        log.warning(
            "no font with Japanese glyphs found: install fonts-ipafont-gothic or put a "
            "font in resources/fonts"
        )
        return None
    chosen = next((name for name in PREFERRED_CJK_FAMILIES if name in families), families[0])
    font = QFont(app.font())
    font.setFamilies([chosen, *font.families()])
    app.setFont(font)
    return chosen
