"""The two stories the product is built around, as demo rows (customers 0 and 1).

A customer buys a bike in store and looks at accessories without buying; the staff member
logs the light, lock and helmet on the profile. A customer who bought baby clothes as a gift
about a year before the reference date is due an occasion follow-up for the first birthday.
Rows are yielded only for story customers present in the chain (`ids`).
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping

from sync.protocol import (
    ActivityData,
    InterestData,
    NoteData,
    OrderData,
    OrderLineData,
    ProductData,
)

from .catalog import (
    STORY_BABY_CLOTHES_SKU,
    STORY_BIKE_SKU,
    STORY_GIFT_SKU,
    STORY_HELMET_SKU,
    STORY_LIGHT_SKU,
    STORY_LOCK_SKU,
)
from .chain import demo_id, staff_by_code, store_by_code
from .customers import (
    BIKE_BOUGHT_DAYS_BEFORE,
    GIFT_BOUGHT_DAYS_BEFORE,
    STORY_BIKE_CUSTOMER_ID,
    STORY_GIFT_CUSTOMER_ID,
)
from .orders import build_order
from .timeline import Timeline

_BIKE, _GIFT = BIKE_BOUGHT_DAYS_BEFORE, GIFT_BOUGHT_DAYS_BEFORE


def _line(product: ProductData, quantity: int) -> OrderLineData:
    return OrderLineData(
        sku=product["sku"],
        name=product["name"],
        quantity=quantity,
        unit_price_jpy=product["price_jpy"],
    )


def story_orders(
    products: Mapping[str, ProductData], ids: Container[str], timeline: Timeline
) -> Iterator[OrderData]:
    """The bike bought in store; the baby clothes bought as a gift a year ago."""
    if STORY_BIKE_CUSTOMER_ID in ids:
        yield build_order(
            demo_id("order:story:bike"),
            STORY_BIKE_CUSTOMER_ID,
            "store",
            store_by_code("FUT")["id"],
            timeline.at(_BIKE, 14, 10).isoformat(),
            "completed",
            staff_by_code("S002").data["id"],
            [_line(products[STORY_BIKE_SKU], 1)],
        )
    if STORY_GIFT_CUSTOMER_ID in ids:
        yield build_order(
            demo_id("order:story:gift"),
            STORY_GIFT_CUSTOMER_ID,
            "store",
            store_by_code("YOK")["id"],
            timeline.at(_GIFT, 15, 10).isoformat(),
            "completed",
            staff_by_code("S012").data["id"],
            [_line(products[STORY_GIFT_SKU], 1), _line(products[STORY_BABY_CLOTHES_SKU], 1)],
        )


def story_activities(
    products: Mapping[str, ProductData], ids: Container[str], timeline: Timeline
) -> Iterator[ActivityData]:
    """The accessories looked up online after the purchase; a newsletter and an app open."""
    if STORY_BIKE_CUSTOMER_ID in ids:
        # The evening after buying the bike, he looked the accessories up online.
        for n, (sku, minute) in enumerate(
            ((STORY_LIGHT_SKU, 15), (STORY_LOCK_SKU, 18), (STORY_HELMET_SKU, 22))
        ):
            yield ActivityData(
                id=demo_id(f"activity:story:bike:{n}"),
                customer_id=STORY_BIKE_CUSTOMER_ID,
                channel="web",
                kind="view",
                occurred_at=timeline.at(_BIKE - 1, 21, minute).isoformat(),
                sku=sku,
                summary=f"オンラインストアで「{products[sku]['name']}」を閲覧",
            )
        yield ActivityData(
            id=demo_id("activity:story:bike:3"),
            customer_id=STORY_BIKE_CUSTOMER_ID,
            channel="email",
            kind="open",
            occurred_at=timeline.at(_BIKE - 1, 7, 45).isoformat(),
            sku=None,
            summary="メールマガジン「秋のサイクリング特集」を開封",
        )
    if STORY_GIFT_CUSTOMER_ID in ids:
        yield ActivityData(
            id=demo_id("activity:story:gift:0"),
            customer_id=STORY_GIFT_CUSTOMER_ID,
            channel="app",
            kind="open",
            occurred_at=timeline.at(14, 22, 5).isoformat(),
            sku=None,
            summary="公式アプリを起動",
        )


def story_notes(ids: Container[str], timeline: Timeline) -> Iterator[NoteData]:
    """What the selling staff member wrote down at the counter."""
    if STORY_BIKE_CUSTOMER_ID in ids:
        seller = staff_by_code("S002").data
        yield NoteData(
            id=demo_id("note:story:bike"),
            customer_id=STORY_BIKE_CUSTOMER_ID,
            text=(
                "クロスバイクC300（ネイビー 480mm）をご購入。週末に多摩川沿いを走りたいとのこと。"
                "ライト・ロック・ヘルメットは今回見送り。週末前にご案内を希望。"
            ),
            staff_id=seller["id"],
            staff_name=seller["name"],
            store_id=seller["store_id"],
            created_at=timeline.at(_BIKE, 14, 25).isoformat(),
        )
    if STORY_GIFT_CUSTOMER_ID in ids:
        seller = staff_by_code("S012").data
        born = timeline.at(_GIFT + 10, 12).date()  # the gift came about ten days after the birth
        yield NoteData(
            id=demo_id("note:story:gift"),
            customer_id=STORY_GIFT_CUSTOMER_ID,
            text=(
                "ご友人の出産祝いにギフトセットとロンパース（70cm）をご購入。"
                f"お子様は{born.year}年{born.month}月生まれ。1歳のお誕生日前にご案内を希望。"
            ),
            staff_id=seller["id"],
            staff_name=seller["name"],
            store_id=seller["store_id"],
            created_at=timeline.at(_GIFT, 15, 20).isoformat(),
        )


def story_interests(ids: Container[str], timeline: Timeline) -> Iterator[InterestData]:
    """The light, lock and helmet logged on the bike buyer; a toy idea for the first birthday."""
    if STORY_BIKE_CUSTOMER_ID in ids:
        seller = staff_by_code("S002").data
        logged = (
            (STORY_LIGHT_SKU, "夜の通勤用に明るいライトを検討中。次回来店時に購入予定"),
            (STORY_LOCK_SKU, "駅の駐輪場用にワイヤーロックを希望"),
            (STORY_HELMET_SKU, "Mサイズを試着。ホワイトが気に入った様子"),
        )
        for n, (sku, comment) in enumerate(logged):
            yield InterestData(
                id=demo_id(f"interest:story:bike:{n}"),
                customer_id=STORY_BIKE_CUSTOMER_ID,
                sku=sku,
                category=None,
                comment=comment,
                staff_id=seller["id"],
                store_id=seller["store_id"],
                created_at=timeline.at(_BIKE, 14, 20 + n).isoformat(),
                status="open",
                status_reason=None,
            )
    if STORY_GIFT_CUSTOMER_ID in ids:
        seller = staff_by_code("S012").data
        yield InterestData(
            id=demo_id("interest:story:gift"),
            customer_id=STORY_GIFT_CUSTOMER_ID,
            sku=None,
            category="toy",
            comment="お子様の1歳の誕生日に木のおもちゃを贈りたいとのこと",
            staff_id=seller["id"],
            store_id=seller["store_id"],
            created_at=timeline.at(_GIFT, 15, 22).isoformat(),
            status="open",
            status_reason=None,
        )
