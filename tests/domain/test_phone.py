"""Phone numbers as typed at the counter -> E.164, and E.164 -> the display form."""

from __future__ import annotations

import pytest

from clienteling.domain.phone import format_phone_national, normalise_phone, phone_digits_suffix


@pytest.mark.parametrize(
    "typed",
    [
        "090-1234-5678",
        "09012345678",
        "０９０ー1234ー5678",  # IME on, long-vowel marks as dashes
        "０９０－１２３４－５６７８",
        "+81 90 1234 5678",
        "+81-90-1234-5678",
        " 090 1234 5678 ",
        "(090) 1234-5678",
    ],
)
def test_japanese_mobile_variants(typed: str) -> None:
    assert normalise_phone(typed) == "+819012345678"


def test_landline_and_free_dial() -> None:
    assert normalise_phone("03-1234-5678") == "+81312345678"
    assert normalise_phone("0120-123-456") == "+81120123456"


def test_foreign_number_with_country_code() -> None:
    assert normalise_phone("+1 650-253-0000") == "+16502530000"


@pytest.mark.parametrize("text", ["", "12345", "abc", "090-1234", "+81 00 0000 0000", "9" * 80])
def test_invalid_numbers_give_none(text: str) -> None:
    assert normalise_phone(text) is None


def test_display_forms() -> None:
    assert format_phone_national("+819012345678") == "090-1234-5678"
    assert format_phone_national("+81312345678") == "03-1234-5678"
    assert format_phone_national("+16502530000") == "+1 650-253-0000"
    assert format_phone_national("not a number") == "not a number"


def test_suffix_is_last_four_digits() -> None:
    assert phone_digits_suffix("+819012345678") == "5678"
