"""Logging an item of interest: a scanned or typed product code (or a category) and a comment."""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import ValidationError

from clienteling.domain.barcode import Gs1Scan, LoyaltyCardScan, ProductScan, parse_scan
from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import Interest, SyncState
from clienteling.domain.validation import clean_user_text
from clienteling.services.cached import require_customer
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.outbox import utc_now_iso
from sync.protocol import InterestAddArgs, InterestUpdateArgs, new_id

MAX_COMMENT = 2000
MAX_CATEGORY = 64
MAX_REASON = 200
_GTIN_LENGTHS = (8, 12, 13, 14)


class InterestService:
    def __init__(self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger

    def find_product(self, code: str) -> dict[str, Any]:
        """The catalogue product for a scan or a typed SKU/GTIN; InvalidInput if there is none."""
        text = unicodedata.normalize("NFKC", code).strip()
        if not text:
            raise InvalidInput("Scan or type a product code.")
        looks_scanned = text.startswith("]") or "\x1d" in text or text.startswith("(")
        if looks_scanned or (text.isdigit() and len(text) in _GTIN_LENGTHS):
            scan = parse_scan(text)  # ScanError is an InvalidInput with a clear message
            if isinstance(scan, LoyaltyCardScan):
                raise InvalidInput("That is a loyalty card, not a product: scan the product.")
            gtin = scan.gtin if isinstance(scan, ProductScan | Gs1Scan) else None
            if gtin is None:
                raise InvalidInput("This barcode holds no product code.")
            product = self._cache.product_by_gtin(gtin)
            if product is None:
                raise InvalidInput(f"Product {gtin} is not in the catalogue.")
            return product
        product = self._cache.product_by_sku(text) or self._cache.product_by_sku(text.upper())
        if product is None:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise InvalidInput(f"No product with code {shown} in the catalogue.")
        return product

    def add(
        self, customer_id: str, *, code: str | None, category: str | None, comment: str
    ) -> Interest:
        """Log an interest (pending until the server confirms it); InvalidInput on bad input."""
        cid = require_customer(self._cache, customer_id)
        product = self.find_product(code) if code is not None and code.strip() else None
        cat = (
            clean_user_text(category, max_len=MAX_CATEGORY, what="Category")
            if category is not None and category.strip()
            else None
        )
        if product is None and cat is None:
            raise InvalidInput("Scan or type a product code, or choose a category.")
        note = (
            clean_user_text(comment, max_len=MAX_COMMENT, what="Comment")
            if comment and comment.strip()
            else ""
        )
        sku = str(product["sku"]) if product else None
        try:
            args = InterestAddArgs(
                id=new_id(), customer_id=cid, sku=sku, category=cat, comment=note
            )
        except ValidationError as exc:
            raise InvalidInput("This item of interest cannot be saved: check the code.") from exc
        name = str(product.get("name", "")) if product else None
        subject = name or cat or ""
        created_at = utc_now_iso()
        self._cache.enqueue(
            "interest.add",
            args.model_dump(mode="json"),
            customer_id=cid,
            summary=f"{subject}: {note}" if note else subject,
            meta=self._context.author_meta(),
            created_at=created_at,
        )
        self._trigger.request_sync()
        return Interest(
            id=args.id,
            sku=sku,
            product_name=name,
            category=cat,
            comment=note,
            staff_id=self._context.staff_id,
            created_at=created_at,
            status="open",
            sync=SyncState.PENDING,
        )

    def dismiss(self, customer_id: str, interest_id: str, reason: str) -> None:
        """The customer is no longer interested (bought elsewhere, ...): status dismissed, with
        the reason; pending until the server confirms it."""
        cid = require_customer(self._cache, customer_id)
        why = clean_user_text(reason, max_len=MAX_REASON, what="Reason")
        try:
            args = InterestUpdateArgs(id=interest_id, status="dismissed", reason=why)
        except ValidationError as exc:
            raise InvalidInput("This item of interest cannot be changed.") from exc
        self._cache.enqueue(
            "interest.update",
            args.model_dump(mode="json", exclude_none=True),
            customer_id=cid,
            summary=why,
            meta=self._context.author_meta(),
        )
        self._trigger.request_sync()
