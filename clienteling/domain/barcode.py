"""Keyboard-wedge scans -> product codes (EAN-13/8, UPC-A), loyalty cards, or GS1 element strings.

A scan arrives as typed text: possibly full-width (IME on), with a symbology prefix like "]E0",
spaces, or a trailing CR/LF/TAB. Every outcome is either a parsed value or a `ScanError` whose
message can be shown to the staff member as is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from clienteling.domain.errors import InvalidInput

LOYALTY_CARD_PREFIX = "29"  # the chain's cards use this slice of the GS1 in-store ("2") range
STAFF_BADGE_PREFIX = "28"  # and staff badges this one
MAX_SCAN_LEN = 200  # a GS1-128 label holds at most 48 data characters; anything huge is noise
_GS = "\x1d"  # FNC1 as most scanners transmit it inside GS1 element strings
_SYMBOLOGY = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]e1", "]e2", "]d2", "]Q3", "]J1"})
_AI_GTIN = "01"


class ScanError(InvalidInput):
    """The scan is not a code we can use; `message` says why in words staff understand.

    A kind of `InvalidInput`, so callers that already show input errors show these too.
    """


@dataclass(frozen=True, slots=True)
class ProductScan:
    """A product code, always as a 13-digit GTIN (UPC-A and EAN-8 zero-padded, GTIN-14 with a
    leading 0 trimmed); a case-level GTIN-14 (indicator 1-8) stays 14 digits."""

    gtin: str


@dataclass(frozen=True, slots=True)
class LoyaltyCardScan:
    number: str  # 13 digits, check digit verified


@dataclass(frozen=True, slots=True)
class StaffBadgeScan:
    """A staff member's badge: it names who signs in; their PIN still proves it."""

    number: str  # 13 digits, check digit verified


@dataclass(frozen=True, slots=True)
class Gs1Scan:
    """A GS1 element string: application identifier -> value, plus the GTIN of AI (01) if any."""

    gtin: str | None
    fields: dict[str, str] = field(default_factory=dict)


Scan = ProductScan | LoyaltyCardScan | StaffBadgeScan | Gs1Scan


def ean13_check_digit(body: str) -> int:
    """The GS1 check digit for `body` (the code without its check digit; any GTIN length).

    Weights 3, 1, 3, ... from the rightmost digit of the body. Raises ValueError on non-digits.
    """
    if not body or not body.isascii() or not body.isdigit():
        raise ValueError("a check digit needs a body of ASCII digits")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an 8, 12, 13 or 14 digit ASCII code whose check digit matches."""
    if len(code) not in (8, 12, 13, 14) or not code.isascii() or not code.isdigit():
        return False
    return ean13_check_digit(code[:-1]) == int(code[-1])


def _to_gtin13(code: str) -> str:
    if len(code) == 14 and code.startswith("0"):
        return code[1:]
    if len(code) < 13:
        return code.zfill(13)
    return code


def _clean(raw: str) -> str:
    """ASCII text of the scan: width folded, spaces and control characters other than FNC1 gone."""
    folded = unicodedata.normalize("NFKC", raw)
    return "".join(
        ch
        for ch in folded
        if ch == _GS or not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))
    )


def _product_or_card(code: str) -> ProductScan | LoyaltyCardScan | StaffBadgeScan:
    if not code.strip("0"):
        raise ScanError("This is not a barcode: the code is all zeros.")
    if not is_valid_gtin(code):
        raise ScanError(f"The check digit of {code} does not match: scan again or type the code.")
    if len(code) == 13 and code.startswith(LOYALTY_CARD_PREFIX):
        return LoyaltyCardScan(code)
    if len(code) == 13 and code.startswith(STAFF_BADGE_PREFIX):
        return StaffBadgeScan(code)
    return ProductScan(_to_gtin13(code))


def warm_up() -> None:
    """Load the GS1 parser now (from a worker thread at start-up)."""
    import biip.gs1_messages  # noqa: F401


def _parse_gs1(data: str, *, hri: bool) -> Gs1Scan:
    # Loaded on the first GS1 scan: its tables cost a seventh of a second at every start.
    from biip import ParseConfig
    from biip.gs1_messages import GS1Message

    config = ParseConfig(separator_chars=[_GS])
    try:
        message = (
            GS1Message.parse_hri(data, config=config)
            if hri
            else GS1Message.parse(data, config=config)
        )
    except Exception as exc:  # biip raises several exception types for malformed data
        raise ScanError("This GS1 barcode could not be read: scan again.") from exc
    if not message.element_strings:
        raise ScanError("This GS1 barcode holds no data.")
    fields: dict[str, str] = {}
    gtin: str | None = None
    for element in message.element_strings:
        fields[element.ai.ai] = element.value
        if element.ai.ai == _AI_GTIN:
            if element.gtin_error or not is_valid_gtin(element.value):
                raise ScanError(
                    f"The check digit of product code {element.value} does not match: scan again."
                )
            gtin = _to_gtin13(element.value)
    return Gs1Scan(gtin=gtin, fields=fields)


def parse_scan(raw: str) -> Scan:
    """Parse one scan; raises `ScanError` (never anything else) when it is not a usable code."""
    if not isinstance(raw, str) or not raw.strip():
        raise ScanError("Nothing was scanned.")
    if len(raw) > MAX_SCAN_LEN:
        raise ScanError("This is not a barcode: the text is far too long.")
    data = _clean(raw)
    symbology = ""
    prefix = _SYMBOLOGY.match(data)
    if prefix:
        symbology = prefix.group(0)
        data = data[len(symbology) :]
    if not data:
        raise ScanError("The scanner sent no code: scan again.")
    if symbology in _GS1_SYMBOLOGIES or _GS in data:
        return _parse_gs1(data.lstrip(_GS), hri=False)
    if data.startswith("("):
        return _parse_gs1(data, hri=True)
    if data.isascii() and data.isdigit() and len(data) in (8, 12, 13, 14):
        return _product_or_card(data)
    if len(data) > 16 and data.startswith(_AI_GTIN) and data[2:16].isdigit():
        return _parse_gs1(data, hri=False)  # a GS1 element string scanned without its prefix
    if data.isascii() and data.isdigit():
        raise ScanError(
            f"This is not a product or card barcode: it has {len(data)} digits "
            "(expected 8, 12, 13 or 14)."
        )
    raise ScanError("This is not a barcode.")
