"""Customer search as the counter uses it: clean what was typed or scanned, then ask the cache."""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from clienteling.domain.barcode import LoyaltyCardScan, ScanError, parse_scan
from clienteling.domain.models import CustomerHit
from clienteling.storage.cache import CacheError, LocalCache

log = logging.getLogger(__name__)

MAX_QUERY = 100
MIN_QUERY_LATIN = 2  # one Latin letter or digit matches too much to be useful
MAX_LIMIT = 200
_SCAN_PREFIX = "]"  # AIM symbology identifier a scanner may send before the code
NOT_FOUND_YET = "No customer found yet: this terminal is still loading its data."
NOT_FOUND = "No customer found"
SEARCHED_NOBODY = (NOT_FOUND, NOT_FOUND_YET)  # the search ran (it was no malformed query)


@dataclass(frozen=True)
class SearchOutcome:
    hits: tuple[CustomerHit, ...]
    message: str | None  # why there are no hits (too short, too long, nothing found, ...)


def clean_query(text: str) -> str:
    """Control/format characters dropped, runs of whitespace collapsed to one space, trimmed."""
    kept = [
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    ]
    return " ".join("".join(kept).split())


class SearchService:
    def __init__(self, cache: LocalCache) -> None:
        self._cache = cache

    def search(self, text: str, limit: int = 50) -> SearchOutcome:
        """Hits for typed text or a scanned card; never raises for any string."""
        if not isinstance(text, str):
            return SearchOutcome((), "Type a name, phone number, email or card number")
        if len(text) > MAX_QUERY * 4:  # don't even clean megabytes of pasted text
            return SearchOutcome((), f"Search text is too long (max {MAX_QUERY})")
        query = clean_query(text)
        if not query:
            return SearchOutcome((), None)  # an empty box: nothing to search, nothing to say
        if len(query) > MAX_QUERY:
            return SearchOutcome((), f"Search text is too long (max {MAX_QUERY})")
        if query.startswith(_SCAN_PREFIX):
            try:
                scan = parse_scan(query)
            except ScanError as exc:
                return SearchOutcome((), exc.message)
            if not isinstance(scan, LoyaltyCardScan):
                return SearchOutcome((), "That is a product barcode, not a loyalty card")
            query = scan.number
        folded = unicodedata.normalize("NFKC", query)
        if folded.isascii() and len(folded.replace(" ", "")) < MIN_QUERY_LATIN:
            return SearchOutcome((), "Type at least 2 characters")
        limit = max(1, min(limit, MAX_LIMIT))
        try:
            hits = self._cache.search_customers(query, limit)
        except CacheError as exc:
            log.error("customer search failed: %s", type(exc).__name__)
            return SearchOutcome((), str(exc))
        if not hits:
            if not self._cache.first_sync_done():
                return SearchOutcome((), NOT_FOUND_YET)
            return SearchOutcome((), NOT_FOUND)
        return SearchOutcome(tuple(hits), None)
