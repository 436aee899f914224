"""Translations: Japanese strings with --lang ja, English otherwise; a Japanese-capable font."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clienteling.domain.models import SyncStatus
from clienteling.ui.i18n import choose_language, install_translator, load_fonts
from clienteling.ui.profile import ProfileView
from clienteling.ui.search import SearchBox
from clienteling.ui.sync_indicator import SyncIndicator


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "ja")
    assert translator is not None, "resources/i18n/clienteling_ja.qm is missing"
    yield
    for extra in translator.findChildren(QTranslator):  # Qt's own (qtbase) translation
        qapp.removeTranslator(extra)
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def test_lang_ja_shows_japanese_strings(qtbot: QtBot, japanese: None) -> None:
    box = SearchBox()
    profile = ProfileView()
    indicator = SyncIndicator()
    for widget in (box, profile, indicator):
        qtbot.addWidget(widget)
    indicator.show_status(
        SyncStatus(
            online=False,
            pending=1,
            rejected=0,
            oldest_pending_age_s=3.0,
            last_pull_at=None,
            last_error=None,
        )
    )

    assert box.placeholderText().startswith("検索")
    assert profile.add_note_button.text() == "メモを追加"
    assert "オフライン" in indicator.text()
    assert "同期待ち 1 件" in indicator.text()
    # Qt's own buttons follow the language too.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "キャンセル"


def test_english_is_the_source_language(qtbot: QtBot) -> None:
    profile = ProfileView()
    qtbot.addWidget(profile)
    assert profile.add_note_button.text() == "Add note"


def test_language_choice_follows_the_system_unless_overridden() -> None:
    assert choose_language(None, QLocale(QLocale.Language.Japanese)) == "ja"
    assert choose_language(None, QLocale(QLocale.Language.English)) == "en"
    assert choose_language("en", QLocale(QLocale.Language.Japanese)) == "en"
    with pytest.raises(ValueError):
        choose_language("fr")


def test_a_japanese_capable_font_is_chosen(qapp: QApplication) -> None:
    family = load_fonts(qapp)
    assert family is not None, "install fonts-ipafont-gothic or put a CJK font in resources/fonts"
    assert family in qapp.font().families()


def test_every_ui_string_has_a_japanese_translation() -> None:
    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "clienteling_ja.ts"
    messages = ElementTree.parse(ts).getroot().iter("message")

    def translated(m: ElementTree.Element) -> bool:
        found = m.find("translation")
        if found is None or found.get("type") == "unfinished":
            return False
        if m.get("numerus") == "yes":  # Japanese has one plural form
            return any((f.text or "").strip() for f in found.iter("numerusform"))
        return bool((found.text or "").strip())

    missing = [m.findtext("source") for m in messages if not translated(m)]
    assert missing == [], "run resources/i18n/update.sh and translate these"
