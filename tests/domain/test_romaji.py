"""Romaji as staff type it -> hiragana readings, and back for display."""

from __future__ import annotations

import pytest

from clienteling.domain.romaji import (
    MAX_VARIANTS,
    hiragana_to_romaji,
    romaji_to_hiragana,
    romaji_variants,
)


@pytest.mark.parametrize(
    ("typed", "kana"),
    [
        ("oono", "おおの"),
        ("ohno", "おおの"),
        ("ōno", "おおの"),
        ("Ôno", "おおの"),
        ("O\u0304no", "おおの"),  # macron typed as a combining mark
        ("satou", "さとう"),
        ("shinjuku", "しんじゅく"),
        ("sinzyuku", "しんじゅく"),  # Kunrei
        ("chiyoda", "ちよだ"),
        ("tiyoda", "ちよだ"),
        ("tsutomu", "つとむ"),
        ("tutomu", "つとむ"),
        ("fujita", "ふじた"),
        ("huzita", "ふじた"),
        ("shouta", "しょうた"),
        ("syouta", "しょうた"),
        ("chou", "ちょう"),
        ("tyou", "ちょう"),
        ("jouji", "じょうじ"),
        ("zyouzi", "じょうじ"),
        ("jyouji", "じょうじ"),
        ("kanna", "かんな"),  # nn before a vowel: ん + な
        ("onna", "おんな"),
        ("konnnichiha", "こんにちは"),
        ("jun'ichi", "じゅんいち"),
        ("shin'ya", "しんや"),
        ("kenta", "けんた"),
        ("hattori", "はっとり"),
        ("matcha", "まっちゃ"),
        ("homma", "ほんま"),  # Hepburn m before m/b/p
        ("shimbashi", "しんばし"),
        ("Yūki", "ゆうき"),
        ("ryuuta", "りゅうた"),
        ("Yamada Tarou", "やまだたろう"),
        ("ra-men", "らーめん"),
        ("VAIORIN", "ゔぁいおりん"),
        ("ｓａｔｏｕ", "さとう"),  # full-width latin from the IME
    ],
)
def test_literal_conversion(typed: str, kana: str) -> None:
    assert romaji_to_hiragana(typed) == kana


@pytest.mark.parametrize(
    "text", ["", "   ", "1234", "さとう", "サトウ", "佐藤", "sato1", "sato!", "@", "q", "x", "^o"]
)
def test_not_romaji_gives_none(text: str) -> None:
    assert romaji_to_hiragana(text) is None
    assert romaji_variants(text) == []


def test_over_long_text_is_not_a_name() -> None:
    assert romaji_to_hiragana("a" * 101) is None


@pytest.mark.parametrize(
    ("typed", "must_include"),
    [
        ("sato", ["さと", "さとう", "さとお"]),
        ("ito", ["いと", "いとう"]),
        ("satoh", ["さとう"]),
        ("satō", ["さとう"]),
        ("satou", ["さとう"]),
        ("ono", ["おおの"]),  # 大野 written without its long vowel
        ("ohno", ["おおの"]),
        ("kondo", ["こんどう"]),
        ("yuki", ["ゆうき"]),
        ("junichi", ["じゅんいち"]),  # passport Hepburn has no apostrophe
        ("shinya", ["しんや"]),
        ("kyoko", ["きょうこ"]),
    ],
)
def test_variants_cover_long_vowel_spellings(typed: str, must_include: list[str]) -> None:
    variants = romaji_variants(typed)
    assert variants[0] == romaji_to_hiragana(typed)
    for kana in must_include:
        assert kana in variants
    assert len(variants) == len(set(variants))


def test_variants_stay_few_for_long_names() -> None:
    assert len(romaji_variants("kobayashitomoko")) <= MAX_VARIANTS
    assert len(romaji_variants("oonoyoshimotokouzou")) <= MAX_VARIANTS


@pytest.mark.parametrize(
    ("kana", "roman"),
    [
        ("さとう", "satou"),
        ("しんばし", "shinbashi"),
        ("まっちゃ", "matcha"),
        ("がっこう", "gakkou"),
        ("きょうこ", "kyouko"),
        ("じゅんいち", "jun'ichi"),
        ("ふじた", "fujita"),
        ("つとむ", "tsutomu"),
        ("ラーメン", "ra-men"),
        ("山田", "山田"),
    ],
)
def test_hiragana_to_romaji(kana: str, roman: str) -> None:
    assert hiragana_to_romaji(kana) == roman


@pytest.mark.parametrize(
    "kana", ["さとう", "じゅんいち", "しんや", "まっちゃ", "おおの", "ちょうじ"]
)
def test_romaji_round_trip(kana: str) -> None:
    assert romaji_to_hiragana(hiragana_to_romaji(kana)) == kana
