"""Match keys for searching Japanese customer data: width, case, kana and dash variants folded.

Stored text is never changed; these functions only build keys to compare typed text with data.

Rules of `match_key` (applied in this order, repeated until stable so the key is idempotent):
1. NFKC: full-width ASCII becomes ASCII, half-width katakana becomes full-width (with voiced
   marks composed), compatibility forms are unfolded; then casefold.
2. Dropped: whitespace (including U+3000), control and format characters, lone surrogates,
   variation selectors (異体字 selectors must not hide a match), and middle dots (・ ･ ·).
3. Katakana becomes hiragana (ヴ -> ゔ, ヵ/ヶ -> ゕ/ゖ, ヽ/ヾ -> ゝ/ゞ). Small kana stay small:
   つ and っ are different sounds.
4. Dash rule: every dash-like character (ー ｰ - － ‐ ‑ ‒ – — ― − ~ ～ 〜 ⁓ ...) becomes the
   long-vowel mark 'ー' when it follows kana (or another long-vowel mark), and '-' otherwise.
   So "サ－ビス" and "サービス" share a key, while "090―1234" keys as "090-1234".
"""

from __future__ import annotations

import re
import unicodedata

LONG_VOWEL = "ー"
_HIRAGANA_FIRST, _HIRAGANA_LAST = 0x3041, 0x3096
_KATAKANA_FIRST, _KATAKANA_LAST = 0x30A1, 0x30F6
_KATAKANA_SHIFT = 0x60  # distance between a katakana and its hiragana code point
_ITERATION_MARKS = {"ヽ": "ゝ", "ヾ": "ゞ"}

# Dash-like characters that are not in Unicode category Pd (which we also treat as dashes).
_EXTRA_DASHES = frozenset("ー~−⁓〰")
_MIDDLE_DOTS = frozenset("・·‧∙⋅")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_MAX_PASSES = 4


def _is_dash(ch: str) -> bool:
    return ch in _EXTRA_DASHES or unicodedata.category(ch) == "Pd"


def _is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or 0x180B <= cp <= 0x180D


def _is_kana_char(ch: str) -> bool:
    cp = ord(ch)
    return (
        _HIRAGANA_FIRST <= cp <= _HIRAGANA_LAST
        or cp in (0x309D, 0x309E)  # ゝ ゞ
        or ch == LONG_VOWEL
    )


def katakana_to_hiragana(text: str) -> str:
    """Katakana letters become the matching hiragana; everything else is kept."""
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if _KATAKANA_FIRST <= cp <= _KATAKANA_LAST:
            out.append(chr(cp - _KATAKANA_SHIFT))
        else:
            out.append(_ITERATION_MARKS.get(ch, ch))
    return "".join(out)


def _one_pass(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    kept: list[str] = []
    for ch in text:
        if ch.isspace() or ch in _MIDDLE_DOTS or _is_variation_selector(ord(ch)):
            continue
        if unicodedata.category(ch) in _DROPPED_CATEGORIES:
            continue
        kept.append(ch)
    # Dropping spaces can bring a base letter next to a combining mark: compose again.
    folded = katakana_to_hiragana(unicodedata.normalize("NFKC", "".join(kept)))
    out: list[str] = []
    for ch in folded:
        if _is_dash(ch):
            out.append(LONG_VOWEL if out and _is_kana_char(out[-1]) else "-")
        else:
            out.append(ch)
    return "".join(out)


def match_key(text: str) -> str:
    """The normalised key used for matching (see the module docstring for the exact rules)."""
    key = text
    for _ in range(_MAX_PASSES):
        again = _one_pass(key)
        if again == key:
            break
        key = again
    return key


def kana_key(text: str) -> str:
    """`match_key` keeping only kana (hiragana, small kana, 'ー'): the key of a kana reading."""
    return "".join(ch for ch in match_key(text) if _is_kana_char(ch))


def is_kana(text: str) -> bool:
    """True when the text is non-empty and, spaces and dots aside, only kana."""
    key = match_key(text)
    return bool(key) and all(_is_kana_char(ch) for ch in key)


def digits_only(text: str) -> str:
    """The ASCII digits of the text, full-width digits included (０９０ -> 090)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if "0" <= ch <= "9")


_PHONE_CHARS = re.compile(r"^\+?[0-9()\-\s]+$")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_MAX_CHECKED_LEN = 320  # longer text is neither a phone number nor an email address


def _dashes_to_hyphen(text: str) -> str:
    return "".join("-" if _is_dash(ch) else ch for ch in text)


def looks_like_phone(text: str) -> bool:
    """True for a whole phone number as typed: digits with + ( ) dashes or spaces, 10-15 digits.

    A 4-digit "last digits of the phone" search is not a phone number: callers check
    `digits_only` for that case themselves.
    """
    if len(text) > _MAX_CHECKED_LEN:
        return False
    cleaned = _dashes_to_hyphen(unicodedata.normalize("NFKC", text)).strip()
    if not _PHONE_CHARS.match(cleaned):
        return False
    return 10 <= len(digits_only(cleaned)) <= 15


def looks_like_email(text: str) -> bool:
    """True for something shaped like a whole email address (local@domain.tld)."""
    if len(text) > _MAX_CHECKED_LEN:
        return False
    cleaned = unicodedata.normalize("NFKC", text).strip()
    return bool(_EMAIL_SHAPE.match(cleaned))


def email_key(text: str) -> str:
    """The matching key of an email address: NFKC, trimmed, lower-cased."""
    return unicodedata.normalize("NFKC", text).strip().lower()
