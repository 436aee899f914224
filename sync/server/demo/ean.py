"""EAN-13 check digits for the demo generator: product GTINs, loyalty cards and staff badges.

The app's barcode parser has its own implementation; this one only serves the generator.
"""

from __future__ import annotations

# In-store (restricted circulation) EAN-13 ranges start with 2: the chain prints loyalty cards
# in 29xx and staff badges in 28xx, so neither can clash with a product GTIN (45/49 in Japan).
LOYALTY_CARD_PREFIX = "2900"
BADGE_PREFIX = "2800"


def ean13_check_digit(body12: str) -> int:
    """The check digit for the first 12 digits of an EAN-13 (weights 1,3,1,3,... from the left)."""
    if len(body12) != 12 or not body12.isascii() or not body12.isdigit():
        raise ValueError("an EAN-13 body is exactly 12 ASCII digits")
    # Slicing then summing per parity is several times faster than a per-digit weight loop,
    # which matters when a million loyalty cards are generated.
    total = sum(map(int, body12[0::2])) + 3 * sum(map(int, body12[1::2]))
    return -total % 10


def is_valid_ean13(code: str) -> bool:
    """True when `code` is 13 ASCII digits whose last digit is the right check digit."""
    if len(code) != 13 or not code.isascii() or not code.isdigit():
        return False
    return ean13_check_digit(code[:12]) == int(code[12])


def with_check_digit(body12: str) -> str:
    """The full 13-digit code for a 12-digit body."""
    return body12 + str(ean13_check_digit(body12))


def numbered_code(prefix: str, number: int) -> str:
    """A 13-digit code: `prefix`, then `number` zero-padded to fill 12 digits, then the check.

    Raises ValueError when the number does not fit in the digits the prefix leaves.
    """
    width = 12 - len(prefix)
    if number < 0 or number >= 10**width:
        raise ValueError(f"{number} does not fit in {width} digits after prefix {prefix}")
    return with_check_digit(f"{prefix}{number:0{width}d}")


class Ean13Series:
    """Numbered EAN-13 codes under one prefix, fast enough for a million loyalty cards.

    The check digit is a weighted digit sum; the prefix's share is computed once and the
    number's share is looked up per 4-digit chunk, instead of re-summing 12 digits per code.
    """

    def __init__(self, prefix: str) -> None:
        if not prefix.isascii() or not prefix.isdigit() or (12 - len(prefix)) % 4:
            raise ValueError("an Ean13Series prefix is ASCII digits leaving a multiple of 4")
        self.prefix = prefix
        self.width = 12 - len(prefix)
        self.chunks = self.width // 4
        self.limit = 10**self.width
        self._prefix_sum = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(prefix))
        # Every chunk starts at a position of the same parity as len(prefix).
        odd_start = len(prefix) % 2
        self._chunk_sum = [
            sum(int(ch) * (3 if (odd_start + i) % 2 else 1) for i, ch in enumerate(f"{value:04d}"))
            for value in range(10_000)
        ]

    def code(self, number: int) -> str:
        """The 13-digit code for `number`; ValueError when it does not fit."""
        if number < 0 or number >= self.limit:
            raise ValueError(f"{number} does not fit in {self.width} digits")
        chunk_sum = self._chunk_sum
        if self.chunks == 2:  # the loyalty-card case, unrolled: it runs a million times
            high, low = divmod(number, 10_000)
            total = self._prefix_sum + chunk_sum[high] + chunk_sum[low]
        else:
            total = self._prefix_sum
            rest = number
            for _ in range(self.chunks):
                rest, chunk = divmod(rest, 10_000)
                total += chunk_sum[chunk]
        return f"{self.prefix}{number:0{self.width}d}{-total % 10}"
