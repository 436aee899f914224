"""Phone numbers: typed text -> E.164 for storing and matching; E.164 -> national display form."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from clienteling.domain.text import digits_only

if TYPE_CHECKING:
    from types import ModuleType

_MAX_LEN = 64  # nobody types a real number this long; refuse early instead of parsing
_DASHES = frozenset("ー－‐‑‒–—―−~～〜")


def _phonenumbers() -> ModuleType:
    """The phone-number library, loaded on first use: its metadata tables cost a seventh of a
    second, which the app's start-up does not pay (`warm_up` loads them behind the window)."""
    import phonenumbers

    return phonenumbers


def warm_up() -> None:
    """Load the library now (from a worker thread at start-up)."""
    _phonenumbers()


def _prepare(text: str) -> str:
    # NFKC makes digits ASCII; the dash variants (ー from an IME) are only separators.
    folded = unicodedata.normalize("NFKC", text)
    return "".join("-" if ch in _DASHES else ch for ch in folded).strip()


def normalise_phone(text: str, region: str = "JP") -> str | None:
    """The E.164 form ("+819012345678") of a typed number, or None when it is not a valid number.

    Accepts "090-1234-5678", "０９０ー1234ー5678", "+81 90 1234 5678", "(03) 1234-5678".
    Never raises.
    """
    if not text or len(text) > _MAX_LEN:
        return None
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(_prepare(text), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def phone_digits_suffix(e164: str, count: int = 4) -> str:
    """The last digits of a number ("+819012345678" -> "5678"): what staff ask customers for."""
    return digits_only(e164)[-count:]


def format_phone_national(e164: str, home_region: str = "JP") -> str:
    """Display form: "090-1234-5678" for a Japanese number, "+1 650-253-0000" for a foreign one.

    Text that is not a parseable number is returned unchanged (display must never fail).
    """
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(e164, home_region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == home_region:
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
