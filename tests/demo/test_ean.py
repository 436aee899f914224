"""EAN-13 check digits as the generator computes them."""

from __future__ import annotations

import random

import pytest

from sync.server.demo.ean import Ean13Series, ean13_check_digit, is_valid_ean13, numbered_code


@pytest.mark.parametrize(
    ("code"),
    ["4901234567894", "4006381333931", "4902102072618", "9784101010014", "2900000000018"],
)
def test_known_codes_are_valid(code: str) -> None:
    assert ean13_check_digit(code[:12]) == int(code[12])
    assert is_valid_ean13(code)


@pytest.mark.parametrize(
    "code",
    [
        "4901234567895",  # wrong check digit
        "490123456789",  # 12 digits
        "49012345678944",  # 14 digits
        "490123456789X",
        "４９０１２３４５６７８９４",  # full-width digits are not ASCII
        "",
    ],
)
def test_malformed_codes_are_invalid(code: str) -> None:
    assert not is_valid_ean13(code)


@pytest.mark.parametrize("body", ["49012345678", "4901234567890", "49012345678a", "٤٩٠١٢٣٤٥٦٧٨٩"])
def test_check_digit_refuses_bodies_that_are_not_12_ascii_digits(body: str) -> None:
    with pytest.raises(ValueError, match="12 ASCII digits"):
        ean13_check_digit(body)


def test_series_matches_the_plain_computation() -> None:
    rng = random.Random(3)
    for prefix in ("2900", "2800", "4912"):
        series = Ean13Series(prefix)
        for number in [0, 1, 99_999_999, *(rng.randrange(10**8) for _ in range(2_000))]:
            code = series.code(number)
            assert code == numbered_code(prefix, number)
            assert is_valid_ean13(code)
            assert code.startswith(prefix)


def test_numbers_that_do_not_fit_are_refused() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        Ean13Series("2900").code(100_000_000)
    with pytest.raises(ValueError, match="does not fit"):
        numbered_code("2900", -1)
    with pytest.raises(ValueError):
        Ean13Series("49")  # leaves 10 digits, not a multiple of 4
