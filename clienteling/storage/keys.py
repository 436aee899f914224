"""Search keys stored with each cached customer, computed by the same rules as the queries."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

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


def customer_keys(data: Mapping[str, Any]) -> tuple[Any, ...]:
    """(name_key, given_key, kana_key, given_kana_key, phone, phone_last4, email,
    loyalty_card, search_text) for one customer payload."""
    get = data.get
    given_k = name_key(get("given_name") or "")
    full_k = name_key(get("family_name") or "") + given_k
    given_kana = reading_key(get("given_kana") or "")
    kana_full = reading_key(get("family_kana") or "") + given_kana
    phone = get("phone") or None
    last4 = phone[-4:] if phone and len(phone) >= 4 else None
    email = get("email")
    email_key = email.strip().lower() if email else None
    card = get("loyalty_card") or None
    return (
        full_k,
        given_k,
        kana_full,
        given_kana,
        phone,
        last4,
        email_key,
        card,
        # Substring search runs on the reading: kanji trigrams made the bulk index build five
        # times slower, and kanji names are found by prefix on the family and given name.
        kana_full,
    )
