"""Stock of every product in every demo store: deep in its own department, thin elsewhere."""

from __future__ import annotations

import random

from sync.protocol import InventoryData, ProductData, StoreData

from .catalog import DEPARTMENT, STORY_HELMET_SKU, STORY_LIGHT_SKU, STORY_LOCK_SKU

# Store kind -> departments it stocks deeply.
_OWN_DEPARTMENTS = {
    "bicycle": ("bicycle", "bike_accessory"),
    "baby_kids": ("baby_kids",),
    "general": ("lifestyle",),
}
# The story accessories must be in stock where the story happens, so a hold can be confirmed.
_STORY_STOCK = {STORY_LIGHT_SKU: 4, STORY_LOCK_SKU: 6, STORY_HELMET_SKU: 2}
_STORY_STORE_CODE = "FUT"


def build_inventory(
    stores: list[StoreData], products: list[ProductData], seed: int
) -> list[InventoryData]:
    """One row per (store, product), ids "{store_id}:{sku}", nothing reserved."""
    rng = random.Random(f"clienteling-demo:inventory:{seed}")
    rows: list[InventoryData] = []
    for store in stores:
        own = _OWN_DEPARTMENTS.get(store["kind"], ())
        for product in products:
            department = DEPARTMENT[product["category"]]
            roll = rng.random()
            if department in own:
                if department == "bicycle":
                    on_hand = 0 if roll < 0.2 else 1 + int(rng.random() * 5)  # 0-5
                else:
                    on_hand = 0 if roll < 0.1 else 1 + int(rng.random() * 30)  # 0-30
            elif store["kind"] == "general" and department != "bicycle":
                on_hand = 0 if roll < 0.5 else 1 + int(rng.random() * 5)
            else:
                on_hand = 0 if roll < 0.85 else 1 + int(rng.random() * 3)
            if store["code"] == _STORY_STORE_CODE and product["sku"] in _STORY_STOCK:
                on_hand = _STORY_STOCK[product["sku"]]
            rows.append(
                InventoryData(
                    id=f"{store['id']}:{product['sku']}",
                    store_id=store["id"],
                    sku=product["sku"],
                    on_hand=on_hand,
                    reserved=0,
                )
            )
    return rows
