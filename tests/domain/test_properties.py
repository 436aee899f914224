"""Properties over arbitrary text: key functions never raise and keys are stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clienteling.domain.barcode import (
    LoyaltyCardScan,
    ProductScan,
    ScanError,
    StaffBadgeScan,
    ean13_check_digit,
    parse_scan,
)
from clienteling.domain.errors import InvalidInput
from clienteling.domain.phone import normalise_phone
from clienteling.domain.romaji import MAX_VARIANTS, romaji_to_hiragana, romaji_variants
from clienteling.domain.text import is_kana, kana_key, looks_like_email, looks_like_phone, match_key
from clienteling.domain.validation import clean_user_text

# Text that stresses the folding rules: kana of both widths, dashes, marks, spaces, controls.
tricky = st.text(
    alphabet=st.sampled_from(
        list("あアｱガｶﾞかﾞ゛゙ーｰ-－〜～—・ 　\t\n\x00\u200bヴゝヽabcABCＡ０9ßİﬁé\u0301")
    )
)
anything = st.one_of(st.text(), tricky)
romaji_like = st.text(alphabet=st.sampled_from(list("aiueoknshtmyrwgzjdbpfcvxl'-ōūâ ^")))


@given(anything)
def test_match_key_is_idempotent_and_never_raises(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
    assert kana_key(key) == kana_key(text)
    is_kana(text)
    looks_like_phone(text)
    looks_like_email(text)


@given(st.one_of(anything, romaji_like))
def test_romaji_never_raises(text: str) -> None:
    kana = romaji_to_hiragana(text)
    variants = romaji_variants(text)
    assert len(variants) <= MAX_VARIANTS
    if kana is None:
        assert variants == []
    else:
        assert variants[0] == kana


@given(anything)
def test_normalise_phone_never_raises(text: str) -> None:
    result = normalise_phone(text)
    assert result is None or result.startswith("+")


@settings(max_examples=300)
@given(
    st.one_of(
        anything,
        st.text(alphabet=st.sampled_from(list("0123456789()]EC1e\x1d\r\n０１２"))),
        st.text(min_size=150, max_size=5000),
    )
)
def test_parse_scan_raises_only_scan_error(text: str) -> None:
    try:
        parse_scan(text)
    except ScanError as exc:
        assert exc.message


def test_parse_scan_huge_input() -> None:
    try:
        parse_scan("0" * 1_000_000)
    except ScanError as exc:
        assert "too long" in exc.message
    else:  # pragma: no cover - a huge input must never be accepted
        raise AssertionError("huge input parsed")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_ean13_with_its_check_digit_parses(body: str) -> None:
    code = body + str(ean13_check_digit(body))
    if not code.strip("0"):
        return  # all zeros is refused on purpose
    scan = parse_scan(code)
    assert isinstance(scan, ProductScan | LoyaltyCardScan | StaffBadgeScan)
    assert isinstance(scan, StaffBadgeScan) == code.startswith("28")
    assert isinstance(scan, LoyaltyCardScan) == code.startswith("29")
    wrong = body + str((int(code[-1]) + 1) % 10)
    try:
        parse_scan(wrong)
    except ScanError as exc:
        assert "check digit" in exc.message
    else:  # pragma: no cover - a wrong check digit must be refused
        raise AssertionError(f"{wrong} accepted")


@given(anything, st.integers(min_value=1, max_value=50))
def test_clean_user_text_raises_only_invalid_input(text: str, max_len: int) -> None:
    try:
        cleaned = clean_user_text(text, max_len=max_len)
    except InvalidInput as exc:
        assert exc.message
    else:
        assert cleaned == cleaned.strip()
        assert 0 < len(cleaned) <= max_len
