"""Match keys: what typed text matches what stored text."""

from __future__ import annotations

import pytest

from clienteling.domain.text import (
    digits_only,
    email_key,
    is_kana,
    kana_key,
    looks_like_email,
    looks_like_phone,
    match_key,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ｻﾄｳ", "サトウ"),  # half-width katakana
        ("さとう", "サトウ"),  # hiragana vs katakana
        ("ヴァイオリン", "ゔぁいおりん"),
        ("ＹＡＭＡＤＡ", "yamada"),  # full-width latin, case
        ("Straße", "STRASSE"),  # casefold, not lower
        ("山田　太郎", "山田 太郎"),  # ideographic space
        ("ヤマダ・タロウ", "やまだたろう"),  # middle dot
        ("ｻｰﾋﾞｽ", "サービス"),  # half-width long vowel and voiced mark
        ("サ－ビス", "サービス"),  # full-width hyphen typed for the long vowel
        ("すご〜い", "すごーい"),  # wave dash after kana
        ("葛\U000e0100城", "葛城"),  # variation selector
        ("ガ", "ガ"),  # decomposed voiced mark (NFD from a Mac)
    ],
)
def test_variants_share_a_key(typed: str, stored: str) -> None:
    assert match_key(typed) == match_key(stored)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("サトウ タロウ", "さとうたろう"),
        ("090―1234−5678", "090-1234-5678"),  # dashes outside kana stay hyphens
        ("ＡＢＣ－１２３", "abc-123"),
        ("ｶﾞｯｺｳ", "がっこう"),  # small kana kept
        ("\x00abc\u200b\t", "abc"),  # control and zero-width characters dropped
        ("", ""),
    ],
)
def test_match_key_exact(text: str, key: str) -> None:
    assert match_key(text) == key


def test_small_kana_differ_from_large() -> None:
    assert match_key("ハッピー") != match_key("ハツピー")


def test_kana_key_keeps_only_kana() -> None:
    assert kana_key("サトウ タロウ (様)") == "さとうたろう"
    assert kana_key("ラーメン") == "らーめん"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("さとう", True),
        ("サトウ　タロウ", True),
        ("ｻﾄｳ", True),
        ("佐藤", False),
        ("sato", False),
        ("", False),
        ("  ", False),
    ],
)
def test_is_kana(text: str, expected: bool) -> None:
    assert is_kana(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("090-1234-5678", True),
        ("０９０ー１２３４ー５６７８", True),
        ("+81 90 1234 5678", True),
        ("(03) 1234-5678", True),
        ("5678", False),  # last-4 searches are the caller's separate case
        ("090-1234-567a", False),
        ("taro@example.jp", False),
        ("1" * 400, False),
    ],
)
def test_looks_like_phone(text: str, expected: bool) -> None:
    assert looks_like_phone(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("taro@example.jp", True),
        ("Ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", True),  # typed with the IME on
        (" taro.yamada+shop@mail.example.co.jp ", True),
        ("taro@", False),
        ("@example.jp", False),
        ("taro@example", False),
        ("ta ro@example.jp", False),
        ("山田", False),
    ],
)
def test_looks_like_email(text: str, expected: bool) -> None:
    assert looks_like_email(text) is expected


def test_email_key_folds_width_and_case() -> None:
    assert email_key(" Ｔａｒｏ@Example.JP ") == "taro@example.jp"


def test_digits_only_reads_full_width_digits() -> None:
    assert digits_only("０９０ー1234ー5678") == "09012345678"
    assert digits_only("no digits") == ""
