"""The two stories that define "done" are in the demo data, ready to be played."""

from __future__ import annotations

from datetime import datetime, timedelta

from sync.server.demo import (
    REFERENCE_TIME,
    STORY_BABY_CLOTHES_SKU,
    STORY_BIKE_CUSTOMER_ID,
    STORY_BIKE_SKU,
    STORY_GIFT_CUSTOMER_ID,
    STORY_GIFT_SKU,
    STORY_HELMET_SKU,
    STORY_LIGHT_SKU,
    STORY_LOCK_SKU,
)

from .conftest import Materialised


def test_stories_are_the_first_two_customers(demo: Materialised) -> None:
    assert [c["id"] for c in demo.customers[:2]] == [STORY_BIKE_CUSTOMER_ID, STORY_GIFT_CUSTOMER_ID]


def test_bike_buyer_bought_a_bike_in_store_and_logged_accessories(demo: Materialised) -> None:
    by_sku = {p["sku"]: p for p in demo.chain.products}
    customer = demo.customers[0]
    bike_shop = demo.chain.stores[0]
    assert customer["home_store_id"] == bike_shop["id"]

    (order,) = [o for o in demo.orders if o["customer_id"] == STORY_BIKE_CUSTOMER_ID]
    assert (order["channel"], order["store_id"]) == ("store", bike_shop["id"])
    assert [line["sku"] for line in order["lines"]] == [STORY_BIKE_SKU]
    assert by_sku[STORY_BIKE_SKU]["category"] == "cross_bike"
    bought = datetime.fromisoformat(order["ordered_at"])
    # Recent enough that both follow-ups (a few days later, a month later) are still ahead.
    assert timedelta(days=1) < REFERENCE_TIME - bought < timedelta(days=3)

    interests = [i for i in demo.interests if i["customer_id"] == STORY_BIKE_CUSTOMER_ID]
    skus = {i["sku"] for i in interests}
    assert skus == {STORY_LIGHT_SKU, STORY_LOCK_SKU, STORY_HELMET_SKU}
    assert {by_sku[s]["category"] for s in skus if s} == {"bike_light", "bike_lock", "helmet"}
    assert all(i["comment"] and i["status"] == "open" for i in interests)
    assert all(i["store_id"] == bike_shop["id"] for i in interests)
    assert all(i["staff_id"] == order["attributed_staff_id"] for i in interests)
    # The logged accessories are the ones the bike suggests, and the bike shop has them.
    assert skus <= set(by_sku[STORY_BIKE_SKU]["accessory_skus"])
    stock = {(r["store_id"], r["sku"]): r["on_hand"] for r in demo.chain.inventory}
    assert all(stock[(bike_shop["id"], sku)] > 0 for sku in skus if sku)

    viewed = {a["sku"] for a in demo.activities if a["customer_id"] == STORY_BIKE_CUSTOMER_ID}
    assert skus <= viewed
    granted = {c["channel"] for c in customer["consents"] if c["state"] == "granted"}
    assert granted  # a follow-up can go out on a channel he agreed to
    assert any(n["customer_id"] == STORY_BIKE_CUSTOMER_ID for n in demo.notes)


def test_gift_buyer_bought_baby_clothes_as_a_gift_a_year_ago(demo: Materialised) -> None:
    by_sku = {p["sku"]: p for p in demo.chain.products}
    customer = demo.customers[1]
    (order,) = [o for o in demo.orders if o["customer_id"] == STORY_GIFT_CUSTOMER_ID]
    skus = [line["sku"] for line in order["lines"]]
    assert STORY_GIFT_SKU in skus and STORY_BABY_CLOTHES_SKU in skus
    assert by_sku[STORY_BABY_CLOTHES_SKU]["category"] == "baby_clothes"
    assert by_sku[STORY_GIFT_SKU]["category"] == "gift_set"
    ago = REFERENCE_TIME - datetime.fromisoformat(order["ordered_at"])
    assert timedelta(days=330) < ago < timedelta(days=400)
    store = next(s for s in demo.chain.stores if s["id"] == order["store_id"])
    assert store["kind"] == "baby_kids"
    assert customer["home_store_id"] == store["id"]
    notes = [n for n in demo.notes if n["customer_id"] == STORY_GIFT_CUSTOMER_ID]
    assert notes and "出産祝い" in notes[0]["text"]
    granted = {c["channel"] for c in customer["consents"] if c["state"] == "granted"}
    assert granted
