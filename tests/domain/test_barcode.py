"""Keyboard-wedge scans: products, loyalty cards, GS1 strings, and clear errors for the rest."""

from __future__ import annotations

import pytest

from clienteling.domain.barcode import (
    Gs1Scan,
    LoyaltyCardScan,
    ProductScan,
    ScanError,
    StaffBadgeScan,
    ean13_check_digit,
    is_valid_gtin,
    parse_scan,
)
from clienteling.domain.errors import InvalidInput

JAN = "4901234567894"


@pytest.mark.parametrize(
    "raw",
    [
        JAN,
        JAN + "\r\n",
        JAN + "\t",
        "\n" + JAN + "\r",
        "４９０１２３４５６７８９４",  # IME on: full-width digits
        "４９０１２３４５６７８９４\r\n",
        "]E0" + JAN,  # AIM symbology identifier
        "］Ｅ０" + JAN,  # ... typed full-width
        "4901 2345 6789 4",
        "0" + JAN,  # GTIN-14 with a leading zero
    ],
)
def test_ean13_in_all_its_shapes(raw: str) -> None:
    assert parse_scan(raw) == ProductScan(JAN)


def test_upc_a_and_ean8_become_gtin13() -> None:
    assert parse_scan("036000291452") == ProductScan("0036000291452")
    assert parse_scan("96385074") == ProductScan("0000096385074")


def test_case_level_gtin14_kept() -> None:
    assert parse_scan("14901234567891") == ProductScan("14901234567891")


def test_loyalty_card() -> None:
    body = "291234567890"
    card = body + str(ean13_check_digit(body))
    assert parse_scan(card + "\r\n") == LoyaltyCardScan(card)


def test_other_in_store_prefix_is_a_product() -> None:
    body = "201234567890"
    code = body + str(ean13_check_digit(body))
    assert parse_scan(code) == ProductScan(code)


def test_gs1_128_with_symbology() -> None:
    scan = parse_scan("]C1010590123412345715250101")
    assert scan == Gs1Scan(gtin="5901234123457", fields={"01": "05901234123457", "15": "250101"})


def test_gs1_with_fnc1_separators() -> None:
    scan = parse_scan("]C10109501101530003\x1d10AB12\x1d17140704")
    assert isinstance(scan, Gs1Scan)
    assert scan.gtin == "9501101530003"
    assert scan.fields == {"01": "09501101530003", "10": "AB12", "17": "140704"}


def test_gs1_human_readable_form() -> None:
    scan = parse_scan("(01)09501101530003(17)140704(10)AB-123")
    assert scan == Gs1Scan(
        gtin="9501101530003", fields={"01": "09501101530003", "17": "140704", "10": "AB-123"}
    )


def test_gs1_without_prefix() -> None:
    scan = parse_scan("01095011015300031714070410AB-123")
    assert isinstance(scan, Gs1Scan)
    assert scan.fields["10"] == "AB-123"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("4901234567890", "check digit"),
        ("(01)09501101530000", "check digit"),
        ("]E0", "no code"),
        ("]C1", "no code"),
        ("", "Nothing"),
        ("\r\n", "Nothing"),
        ("hello", "not a barcode"),
        ("12345", "5 digits"),
        ("0000000000000", "all zeros"),
        ("(99)", "could not be read"),
        ("9" * 500, "too long"),
    ],
)
def test_garbage_gives_a_clear_message(raw: str, words: str) -> None:
    with pytest.raises(ScanError) as info:
        parse_scan(raw)
    assert words in info.value.message


def test_scan_error_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        parse_scan("nope")


def test_check_digit_helpers() -> None:
    assert ean13_check_digit("490123456789") == 4
    assert ean13_check_digit("03600029145") == 2
    assert is_valid_gtin(JAN)
    assert not is_valid_gtin("4901234567890")
    assert not is_valid_gtin("４９０１２３４５６７８９４")  # callers fold width first
    with pytest.raises(ValueError):
        ean13_check_digit("12a")


def test_a_staff_badge_is_its_own_kind_of_scan() -> None:
    badge = "2800000000011"  # the demo manager S001's badge (in-store 28xx range)
    assert parse_scan(badge) == StaffBadgeScan(badge)
    assert parse_scan("２８０００００００００１１") == StaffBadgeScan(badge)  # IME on
    assert isinstance(parse_scan("2900646000779"), LoyaltyCardScan)
