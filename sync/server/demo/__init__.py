"""The deterministic demo chain: `generate(customers, seed)` yields the sync protocol's *Data rows.

The same (customers, seed) gives identical output on every machine and run. Stores, staff,
products and inventory are small lists; customers and their history are streamed, so a
million customers keep memory flat. History (orders, activities, notes, interests) covers
only the first 5,000 customers (history.py); customers 0 and 1 are the stories (stories.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sync.protocol import (
    ActivityData,
    CategoryData,
    CustomerData,
    InterestData,
    InventoryData,
    NoteData,
    OrderData,
    ProductData,
    StoreData,
)

from . import history
from .catalog import (
    CATEGORY_LABELS,
    STORY_BABY_CLOTHES_SKU,
    STORY_BIKE_SKU,
    STORY_GIFT_SKU,
    STORY_HELMET_SKU,
    STORY_LIGHT_SKU,
    STORY_LOCK_SKU,
    build_catalog,
    build_categories,
)
from .chain import DEMO_LOGINS, STAFF, STORES, DemoStaff
from .customers import (
    MAX_CUSTOMERS,
    STORY_BIKE_CUSTOMER_ID,
    STORY_GIFT_CUSTOMER_ID,
    iter_customers,
)
from .history import HISTORY_CUSTOMERS
from .inventory import build_inventory
from .timeline import REFERENCE_TIME, Timeline, live_reference

__all__ = [
    "CATEGORY_LABELS",
    "DEMO_LOGINS",
    "HISTORY_CUSTOMERS",
    "MAX_CUSTOMERS",
    "REFERENCE_TIME",
    "STORY_BABY_CLOTHES_SKU",
    "STORY_BIKE_CUSTOMER_ID",
    "STORY_BIKE_SKU",
    "STORY_GIFT_CUSTOMER_ID",
    "STORY_GIFT_SKU",
    "STORY_HELMET_SKU",
    "STORY_LIGHT_SKU",
    "STORY_LOCK_SKU",
    "DemoChain",
    "DemoStaff",
    "Timeline",
    "generate",
    "live_reference",
]


@dataclass(frozen=True)
class DemoChain:
    """One generated chain. The iter_* methods start a fresh stream on every call."""

    stores: list[StoreData]
    staff: list[DemoStaff]
    products: list[ProductData]
    inventory: list[InventoryData]
    customer_count: int = 5_000
    seed: int = 1
    categories: list[CategoryData] = field(default_factory=build_categories)
    timeline: Timeline = field(default_factory=Timeline)

    @property
    def reference(self) -> datetime:
        """The instant the chain's history ends at (its "now")."""
        return self.timeline.reference

    def iter_customers(self) -> Iterator[CustomerData]:
        return iter_customers(self.customer_count, self.seed, self.timeline)

    @cached_property
    def _shoppers(self) -> list[history.Shopper]:
        # cached_property writes to the instance __dict__ directly, so it works on a frozen
        # dataclass; the first 5,000 customers are replayed once and summarised.
        return history.shoppers_of(self.iter_customers(), self.timeline)

    def iter_orders(self) -> Iterator[OrderData]:
        return history.iter_orders(self.seed, self._shoppers, *self._tables(), self.timeline)

    def iter_activities(self) -> Iterator[ActivityData]:
        return history.iter_activities(self.seed, self._shoppers, *self._tables(), self.timeline)

    def iter_notes(self) -> Iterator[NoteData]:
        return history.iter_notes(self.seed, self._shoppers, *self._tables(), self.timeline)

    def iter_interests(self) -> Iterator[InterestData]:
        return history.iter_interests(self.seed, self._shoppers, *self._tables(), self.timeline)

    def _tables(self) -> tuple[list[StoreData], list[DemoStaff], list[ProductData]]:
        return self.stores, self.staff, self.products


def generate(
    customers: int = 5_000, seed: int = 1, reference: datetime = REFERENCE_TIME
) -> DemoChain:
    """The demo chain with `customers` customers (0..MAX_CUSTOMERS), reproducible from `seed`,
    its history ending at `reference` (fixed by default; `live_reference()` for a live demo).

    Raises ValueError for a customer count out of range. Fresh lists on every call, so a
    caller may mutate what it gets without affecting the next call.
    """
    if not isinstance(customers, int) or customers < 0 or customers > MAX_CUSTOMERS:
        raise ValueError(f"customers must be an integer from 0 to {MAX_CUSTOMERS}")
    stores = [s.copy() for s in STORES]
    products = build_catalog()
    return DemoChain(
        stores=stores,
        staff=[DemoStaff(data=m.data.copy(), pin=m.pin, badge=m.badge) for m in STAFF],
        products=products,
        inventory=build_inventory(stores, products, seed),
        customer_count=customers,
        seed=seed,
        timeline=Timeline(reference),
    )
