"""Products at the counter: search as you type, the product view (stock here and nearby),
and a scanned code -> its product. Offline, from the cached catalog."""

from __future__ import annotations

import unicodedata

from clienteling.domain.barcode import Gs1Scan, ProductScan, ScanError, parse_scan
from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import Category, ProductDetail, ProductHit
from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache

MAX_QUERY = 100


class ProductService:
    def __init__(self, cache: LocalCache, context: StaffContext, language: str) -> None:
        self._cache = cache
        self._context = context
        self._language = language

    @property
    def language(self) -> str:
        return self._language

    def search(self, query: str) -> list[ProductHit]:
        """Products by name (kanji, kana, romaji letters), reading, SKU or JAN, best first."""
        text = unicodedata.normalize("NFKC", query or "").strip()[:MAX_QUERY]
        if not text:
            return []
        return self._cache.search_products(text, self._language)

    def detail(self, sku: str) -> ProductDetail | None:
        return self._cache.product_detail(sku, self._context.store_id, self._language)

    def by_code(self, code: str) -> ProductDetail:
        """The product of a scanned or typed JAN/EAN/UPC/GS1 code or SKU; InvalidInput if none."""
        text = unicodedata.normalize("NFKC", code or "").strip()
        if not text:
            raise InvalidInput("Scan or type a product code.")
        sku: str | None = None
        try:
            scan = parse_scan(text)
        except ScanError:
            scan = None
        if isinstance(scan, ProductScan | Gs1Scan) and scan.gtin:
            doc = self._cache.product_by_gtin(scan.gtin)
            if doc is None:
                raise InvalidInput(f"Product {scan.gtin} is not in the catalogue.")
            sku = str(doc["sku"])
        else:
            doc = self._cache.product_by_sku(text) or self._cache.product_by_sku(text.upper())
            if doc is None:
                shown = text if len(text) <= 40 else text[:40] + "…"
                raise InvalidInput(f"No product with code {shown} in the catalogue.")
            sku = str(doc["sku"])
        found = self.detail(sku)
        if found is None:
            raise InvalidInput(f"No product with code {sku} in the catalogue.")
        return found

    def categories(self) -> list[Category]:
        return self._cache.categories(self._language)
