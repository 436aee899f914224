"""Synthetic-but-realistic Japanese customers for the cache benchmarks (deterministic by seed).

Uses the demo chain's generator when it exposes one, else builds customers from its name tables.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from sync.server.demo.names import FAMILY_NAMES, GIVEN_NAMES

from clienteling.domain.barcode import ean13_check_digit
from clienteling.domain.text import katakana_to_hiragana


def _to_katakana(hiragana: str) -> str:
    return "".join(chr(ord(c) + 0x60) if 0x3041 <= ord(c) <= 0x3096 else c for c in hiragana)


def customers(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """`n` customer payloads shaped like sync.protocol.CustomerData."""
    try:
        from sync.server.demo import generate  # type: ignore[attr-defined]

        yield from generate(customers=n).iter_customers()
        return
    except (ImportError, AttributeError, TypeError):
        pass
    rng = random.Random(seed)
    families = list(FAMILY_NAMES)
    weights = [f.weight for f in families]
    givens = list(GIVEN_NAMES)
    for i in range(n):
        fam = rng.choices(families, weights)[0]
        giv = rng.choice(givens)
        body = "29" + f"{i:010d}"
        card = body + str(ean13_check_digit(body))
        mobile = rng.choice(("90", "80", "70"))
        phone = f"+81{mobile}{rng.randrange(10**8):08d}"
        # Server ids are UUIDv7 (time-ordered), so consecutive customers have close ids.
        ms = 0x0190_0000_0000 + i
        cid = f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7{rng.getrandbits(12):03x}-8{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"
        yield {
            "id": cid,
            "family_name": fam.kanji,
            "given_name": giv.kanji,
            "family_kana": _to_katakana(fam.kana),
            "given_kana": _to_katakana(katakana_to_hiragana(giv.kana)),
            "email": f"{giv.romaji}.{fam.romaji}{i}@example.jp",
            "phone": phone,
            "loyalty_card": card,
            "online_account": None,
            "birthday": f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "tier": rng.choice(("regular", "silver", "gold")),
            "points": rng.randrange(20000),
            "home_store_id": None,
            "preferred_staff_id": None,
            "merged_into": None,
            "identities": [],
            "consents": [],
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z",
        }
