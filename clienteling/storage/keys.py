"""Search keys of names and readings, computed by the same rules for stored rows and queries."""

from __future__ import annotations

from functools import lru_cache

from clienteling.domain.text import kana_key, match_key


# Names repeat a lot (a few thousand family and given names cover most people), so caching the
# keys makes a million-customer first sync several times faster.
@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Match key of a name as written (kanji/kana/latin), spaces dropped so 田中 花子 = 田中花子."""
    return "".join(match_key(text).split())


@lru_cache(maxsize=65536)
def reading_key(text: str) -> str:
    """Hiragana key of a kana reading (katakana, half-width and long-vowel variants folded)."""
    return "".join(kana_key(text).split())
