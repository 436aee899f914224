"""The product catalogue: counts, barcodes, prices, readings and accessory links."""

from __future__ import annotations

import re

from sync.server.demo import CATEGORY_LABELS, generate
from sync.server.demo.catalog import DEPARTMENT
from sync.server.demo.ean import is_valid_ean13

KATAKANA_READING = re.compile(r"^[ァ-ヺー A-Za-z0-9.\-]+$")


def test_at_least_500_products_with_unique_skus_and_gtins() -> None:
    products = generate(customers=0).products
    assert len(products) >= 500
    assert len({p["sku"] for p in products}) == len(products)
    assert len({p["gtin"] for p in products}) == len(products)


def test_gtins_are_japanese_ean13_with_valid_check_digits() -> None:
    for product in generate(customers=0).products:
        assert is_valid_ean13(product["gtin"]), product["sku"]
        assert product["gtin"][:2] in ("45", "49"), product["gtin"]


def test_prices_are_whole_yen_decimal_strings() -> None:
    for product in generate(customers=0).products:
        assert re.fullmatch(r"[1-9]\d*", product["price_jpy"]), product
        assert 100 <= int(product["price_jpy"]) <= 500_000


def test_names_are_japanese_with_a_katakana_reading() -> None:
    for product in generate(customers=0).products:
        assert re.search(r"[ぁ-んァ-ヶ一-龯]", product["name"]), product["name"]
        assert KATAKANA_READING.match(product["name_kana"]), product["name_kana"]
        assert product["brand"] and product["category"] in CATEGORY_LABELS


def test_the_assortment_covers_bikes_accessories_baby_kids_and_lifestyle() -> None:
    products = generate(customers=0).products
    categories = {p["category"] for p in products}
    assert {
        "road_bike", "cross_bike", "city_bike", "e_bike", "kids_bike",
        "bike_light", "bike_lock", "helmet", "bike_rack", "bike_bell", "bike_pump", "bike_bag",
        "cycling_gloves", "child_seat",
        "baby_clothes", "kids_clothes", "gift_set", "toy", "stroller", "car_seat",
    } <= categories  # fmt: skip
    assert any(DEPARTMENT[c] == "lifestyle" for c in categories)
    clothes_sizes = {
        int(m.group(1))
        for p in products
        if p["category"] in ("baby_clothes", "kids_clothes")
        and (m := re.search(r"(\d+)cm$", p["name"]))
    }
    assert set(range(70, 131, 10)) <= clothes_sizes


def test_accessories_exist_and_bikes_suggest_light_lock_helmet() -> None:
    products = generate(customers=0).products
    by_sku = {p["sku"]: p for p in products}
    for product in products:
        for sku in product["accessory_skus"]:
            assert sku in by_sku, (product["sku"], sku)
            assert sku != product["sku"]
        if DEPARTMENT[product["category"]] == "bicycle":
            suggested = {by_sku[s]["category"] for s in product["accessory_skus"]}
            assert {"bike_light", "bike_lock", "helmet"} <= suggested, product["sku"]
        if product["category"] == "stroller":
            names = [by_sku[s]["name"] for s in product["accessory_skus"]]
            assert any("レインカバー" in n for n in names)
    assert any(
        by_sku[s]["category"] == "bike_rack"
        for p in products
        if p["category"] == "city_bike"
        for s in p["accessory_skus"]
    )


def test_inventory_covers_every_store_and_sku_with_realistic_stock() -> None:
    chain = generate(customers=0)
    stores = {s["id"] for s in chain.stores}
    by_sku = {p["sku"]: p for p in chain.products}
    pairs = {(row["store_id"], row["sku"]) for row in chain.inventory}
    assert pairs == {(s, sku) for s in stores for sku in by_sku}
    assert len(pairs) == len(chain.inventory)
    for row in chain.inventory:
        assert row["id"] == f"{row['store_id']}:{row['sku']}"
        assert row["reserved"] == 0
        department = DEPARTMENT[by_sku[row["sku"]]["category"]]
        limit = 5 if department == "bicycle" else 30
        assert 0 <= row["on_hand"] <= limit, row
    zero = sum(row["on_hand"] == 0 for row in chain.inventory)
    assert 0 < zero < len(chain.inventory)
    bike_shop = chain.stores[0]["id"]
    bikes_in_stock = [
        row
        for row in chain.inventory
        if row["store_id"] == bike_shop
        and DEPARTMENT[by_sku[row["sku"]]["category"]] == "bicycle"
        and row["on_hand"] > 0
    ]
    assert len(bikes_in_stock) >= 50
