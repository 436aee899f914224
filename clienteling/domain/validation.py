"""Cleaning free text staff type (notes, comments) before it is stored and sent to the server."""

from __future__ import annotations

import unicodedata

from clienteling.domain.errors import InvalidInput

_KEPT_CONTROLS = frozenset("\n\t")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


def clean_user_text(text: str, *, max_len: int, what: str = "Text") -> str:
    """The text with surrounding whitespace trimmed and control characters removed.

    Line breaks of any style become "\\n" and tabs are kept. Raises `InvalidInput` with a message
    naming `what` when nothing is left or the result is longer than `max_len` characters.
    The words themselves are kept exactly as typed (no width or kana folding).
    """
    if not isinstance(text, str):
        raise InvalidInput(f"{what} must be text.")
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    kept = [
        ch for ch in text if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cs")
    ]
    cleaned = "".join(kept).strip()
    if not cleaned:
        raise InvalidInput(f"{what} is empty.")
    if len(cleaned) > max_len:
        raise InvalidInput(
            f"{what} is too long: {len(cleaned)} characters, the limit is {max_len}."
        )
    return cleaned
