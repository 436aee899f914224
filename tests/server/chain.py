"""A tiny deterministic chain for server tests: two regions, three stores, a few customers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

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

NS = uuid.UUID("00000000-0000-4000-8000-000000000000")


def tid(key: str) -> str:
    return str(uuid.uuid5(NS, key))


SHIBUYA, YOKOHAMA, UMEDA = tid("store:shibuya"), tid("store:yokohama"), tid("store:umeda")
PIN = "1234"


def _store(key: str, code: str, name: str, region: str) -> StoreData:
    return StoreData(
        id=tid(f"store:{key}"),
        code=code,
        name=name,
        kind="bicycle",
        region=region,
        prefecture="東京都",
        city="渋谷区",
        latitude=35.66,
        longitude=139.7,
        phone="+81312345678",
        timezone="Asia/Tokyo",
    )


STORES = [
    _store("shibuya", "S001", "渋谷店", "kanto"),
    _store("yokohama", "S002", "横浜店", "kanto"),
    _store("umeda", "S003", "梅田店", "kansai"),
]


def _staff(code: str, role: str, store_id: str, badge: str | None = None) -> dict[str, object]:
    return {
        "id": tid(f"staff:{code}"),
        "code": code,
        "name": f"スタッフ {code}",
        "name_kana": "すたっふ",
        "role": role,
        "store_id": store_id,
        "pin": PIN,
        "badge": badge or f"2800000{code[-5:]:>05}".replace(" ", "0"),
    }


STAFF = [
    _staff("M001", "manager", SHIBUYA),
    _staff("A001", "associate", SHIBUYA),
    _staff("M002", "manager", YOKOHAMA),
    _staff("A002", "associate", YOKOHAMA),
    _staff("M003", "manager", UMEDA),
    _staff("A003", "associate", UMEDA),
    _staff("X900", "admin", SHIBUYA),
]


def _product(sku: str, gtin: str, name: str, category: str, price: str) -> ProductData:
    return ProductData(
        sku=sku,
        gtin=gtin,
        name=name,
        name_kana="",
        category=category,
        brand="Demo",
        price_jpy=price,
        accessory_skus=["HELMET-1", "LIGHT-1"] if sku == "BIKE-1" else [],
        image=None,
    )


CATEGORIES = [
    CategoryData(
        code="bicycle", label_ja="自転車", label_en="Bicycles", image="res:catalog/bike", position=0
    ),
    CategoryData(
        code="accessory", label_ja="アクセサリー", label_en="Accessories", image=None, position=1
    ),
]

PRODUCTS = [
    _product("BIKE-1", "4900000000015", "クロスバイク", "bicycle", "89800"),
    _product("HELMET-1", "4900000000022", "ヘルメット", "accessory", "6800"),
    _product("LIGHT-1", "4900000000039", "ライト", "accessory", "2980"),
]

INVENTORY = [
    InventoryData(id=f"{s}:{sku}", store_id=s, sku=sku, on_hand=qty, reserved=0)
    for s, sku, qty in [
        (SHIBUYA, "BIKE-1", 2),
        (SHIBUYA, "HELMET-1", 5),
        (SHIBUYA, "LIGHT-1", 10),
        (YOKOHAMA, "BIKE-1", 3),
        (YOKOHAMA, "HELMET-1", 0),
        (UMEDA, "BIKE-1", 4),
    ]
]


def customer(n: int, home: str) -> CustomerData:
    cid = tid(f"customer:{n}")
    email = f"c{n}@example.jp"
    return CustomerData(
        id=cid,
        family_name="山田",
        given_name=f"太郎{n}",
        family_kana="やまだ",
        given_kana="たろう",
        email=email,
        phone=f"+8190{n:08d}",
        loyalty_card=None,
        online_account=None,
        birthday="1990-01-01",
        tier="regular",
        points=0,
        home_store_id=home,
        preferred_staff_id=None,
        merged_into=None,
        identities=[{"kind": "email", "value": email}, {"kind": "phone", "value": f"+8190{n:08d}"}],
        consents=[
            {
                "purpose": "marketing",
                "channel": "email",
                "state": "granted" if n % 2 == 0 else "withdrawn",
                "source": "web",
                "recorded_at": "2026-01-01T00:00:00Z",
                "wording_version": "v1",
            }
        ],
        created_at="2026-01-01T00:00:00Z",
        updated_at="2026-01-01T00:00:00Z",
    )


@dataclass
class TinyChain:
    """Same shape as the demo generator's chain; `customers` kanto 0..k-1, then kansai."""

    kanto_customers: int = 4
    kansai_customers: int = 2
    stores: list[StoreData] = field(default_factory=lambda: list(STORES))
    staff: list[object] = field(default_factory=lambda: list(STAFF))
    products: list[ProductData] = field(default_factory=lambda: list(PRODUCTS))
    inventory: list[InventoryData] = field(default_factory=lambda: list(INVENTORY))
    categories: list[CategoryData] = field(default_factory=lambda: list(CATEGORIES))

    def customers(self) -> list[CustomerData]:
        kanto = [customer(n, SHIBUYA) for n in range(self.kanto_customers)]
        kansai = [customer(100 + n, UMEDA) for n in range(self.kansai_customers)]
        return kanto + kansai

    def iter_customers(self) -> Iterator[CustomerData]:
        return iter(self.customers())

    def iter_orders(self) -> Iterator[OrderData]:
        c = self.customers()[0]
        yield OrderData(
            id=tid("order:1"),
            customer_id=c["id"],
            channel="store",
            store_id=SHIBUYA,
            ordered_at="2026-02-01T10:00:00Z",
            total_jpy="89800",
            status="completed",
            attributed_staff_id=tid("staff:A001"),
            attributed_followup_id=None,
            lines=[
                {"sku": "BIKE-1", "name": "クロスバイク", "quantity": 1, "unit_price_jpy": "89800"}
            ],
        )

    def iter_activities(self) -> Iterator[ActivityData]:
        c = self.customers()[0]
        yield ActivityData(
            id=tid("activity:1"),
            customer_id=c["id"],
            channel="web",
            kind="view",
            occurred_at="2026-02-02T10:00:00Z",
            sku="HELMET-1",
            summary="viewed a helmet",
        )

    def iter_notes(self) -> Iterator[NoteData]:
        return iter(())

    def iter_interests(self) -> Iterator[InterestData]:
        return iter(())
