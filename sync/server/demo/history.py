"""What demo customers did: orders over every channel, activities, staff notes, interests.

History is generated only for the first HISTORY_CUSTOMERS customers (5,000): at the 1M scale
the extra customers are profile rows only, so the benchmark measures customer rows and the
change feed stays bounded. Customers 0 and 1 get the hand-written rows of stories.py.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sync.protocol import (
    ActivityData,
    CustomerData,
    InterestData,
    NoteData,
    OrderData,
    OrderLineData,
    ProductData,
    StoreData,
)

from .catalog import DEPARTMENT
from .chain import DemoStaff
from .customers import STORY_BIKE_CUSTOMER_ID, STORY_GIFT_CUSTOMER_ID, uuid4_from_bits
from .orders import build_order
from .stories import story_activities, story_interests, story_notes, story_orders
from .timeline import DAY, DEMO_TIMELINE, YEAR, Timeline

HISTORY_CUSTOMERS = 5_000

_ORDER_CHANNELS = (("store", 50), ("online", 30), ("app", 12), ("phone", 8))
# Store kind -> (department, weight) of what its customers buy.
_BASKETS = {
    "bicycle": (("bicycle", 25), ("bike_accessory", 60), ("lifestyle", 15)),
    "baby_kids": (("baby_kids", 85), ("lifestyle", 15)),
    "general": (("lifestyle", 70), ("baby_kids", 15), ("bike_accessory", 15)),
}
_NEWSLETTERS = (
    "秋のサイクリング特集",
    "通勤・通学ライト特集",
    "出産祝いギフトガイド",
    "1歳のお誕生日ギフト特集",
    "冬支度セール",
    "新生活応援フェア",
    "ポイント2倍デーのお知らせ",
)
_SNS = (
    "Instagramの新作投稿に「いいね」",
    "LINE公式アカウントを友だち追加",
    "Instagramでショップをフォロー",
    "Xで店舗イベントの投稿をシェア",
)
_INQUIRIES = {
    "bicycle": (
        "パンク修理の料金と所要時間について問い合わせ",
        "電動アシスト自転車のバッテリー交換について問い合わせ",
        "防犯登録の手続きについて問い合わせ",
        "試乗の予約について問い合わせ",
    ),
    "baby_kids": (
        "ベビーカーの試乗予約について問い合わせ",
        "ギフト包装とのし紙について問い合わせ",
        "チャイルドシートの取り付けについて問い合わせ",
        "サイズ交換の方法について問い合わせ",
    ),
    "general": (
        "オンライン注文の配送状況について問い合わせ",
        "店舗受け取りの日時変更について問い合わせ",
        "ポイントの有効期限について問い合わせ",
        "名入れギフトの納期について問い合わせ",
    ),
}
_NOTES = (
    "週末にご家族で来店予定とのこと。",
    "通勤用の自転車を検討中。予算は10万円前後。",
    "お子様の身長は105cm。次回はサイズ110をご案内。",
    "ギフト包装をご希望。のし紙は「御祝」で。",
    "電話よりLINEでの連絡を希望。",
    "前回購入したライトの使い心地が良かったとのこと。",
    "来月引っ越し予定。新しい住所は次回来店時に確認。",
    "ヘルメットのサイズはM（頭囲56cm）。",
)
_DISMISS_REASONS = ("他店で購入済み", "予算が合わない", "興味がなくなった")
_INTEREST_COMMENTS = (
    "次回来店時に実物を確認したい",
    "色違いの入荷をお待ちいただいている",
    "ボーナス時期に購入を検討",
    "ご家族と相談してから決めたいとのこと",
    "オンラインで購入して店舗受け取りを希望",
    "",
)


@dataclass(frozen=True, slots=True)
class Shopper:
    """The little of a customer that history needs."""

    id: str
    home_store_id: str
    created_s: int  # seconds before the reference time
    has_email: bool
    has_online: bool
    preferred_staff_id: str | None


def shoppers_of(
    customers: Iterable[CustomerData], timeline: Timeline = DEMO_TIMELINE
) -> list[Shopper]:
    """Summaries of the customers that get history (the first HISTORY_CUSTOMERS)."""
    found = []
    for index, customer in enumerate(customers):
        if index >= HISTORY_CUSTOMERS:
            break
        found.append(
            Shopper(
                id=customer["id"],
                home_store_id=customer["home_store_id"] or "",
                created_s=timeline.seconds_before(datetime.fromisoformat(customer["created_at"])),
                has_email=customer["email"] is not None,
                has_online=customer["online_account"] is not None,
                preferred_staff_id=customer["preferred_staff_id"],
            )
        )
    return found


class _Context:
    """Look-up tables shared by the history streams."""

    def __init__(
        self,
        stores: Sequence[StoreData],
        staff: Sequence[DemoStaff],
        products: Sequence[ProductData],
        timeline: Timeline,
    ) -> None:
        self.timeline = timeline
        self.store = {s["id"]: s for s in stores}
        self.region_stores: dict[str, list[str]] = {}
        for s in stores:
            self.region_stores.setdefault(s["region"], []).append(s["id"])
        self.staff_of_store: dict[str, list[DemoStaff]] = {}
        for member in staff:
            if member.data["role"] != "admin":
                self.staff_of_store.setdefault(member.data["store_id"], []).append(member)
        self.staff_by_id = {m.data["id"]: m for m in staff}
        self.product = {p["sku"]: p for p in products}
        self.by_department: dict[str, list[ProductData]] = {}
        for p in products:
            self.by_department.setdefault(DEPARTMENT[p["category"]], []).append(p)

    def kind_of(self, store_id: str) -> str:
        return self.store[store_id]["kind"]


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    total = sum(w for _, w in table)
    roll = rng.random() * total
    for value, weight in table:
        roll -= weight
        if roll < 0:
            return value
    return table[-1][0]


def _pick(rng: random.Random, items: Sequence[ProductData]) -> ProductData:
    return items[int(rng.random() * len(items))]


def _line(product: ProductData, quantity: int) -> OrderLineData:
    return OrderLineData(
        sku=product["sku"],
        name=product["name"],
        quantity=quantity,
        unit_price_jpy=product["price_jpy"],
    )


# ------------------------------------------------------------------------------------------
# Random history for the other shoppers


def _random_shoppers(shoppers: Sequence[Shopper]) -> Iterator[Shopper]:
    return (s for s in shoppers if s.id not in (STORY_BIKE_CUSTOMER_ID, STORY_GIFT_CUSTOMER_ID))


def _within(rng: random.Random, shopper: Shopper, horizon_s: int) -> int:
    """Seconds before the reference: at least a day after the customer joined and at least a
    day before the reference, within the horizon."""
    window = min(shopper.created_s, horizon_s) - 2 * DAY
    return DAY + int(rng.random() * window)


# Shops open 10:00-20:00: what staff write, and what is sold over the counter, falls in it.
_OPENING_MINUTE, _CLOSING_MINUTE = 10 * 60, 20 * 60


def _during_opening(rng: random.Random, ctx: _Context, shopper: Shopper, horizon_s: int) -> str:
    """A timestamp in opening hours on a day after the customer joined, within the horizon."""
    days_before = _within(rng, shopper, horizon_s) // DAY
    minute = _OPENING_MINUTE + int(rng.random() * (_CLOSING_MINUTE - _OPENING_MINUTE))
    return ctx.timeline.iso_on_day(days_before, minute)


def iter_orders(
    seed: int,
    shoppers: Sequence[Shopper],
    stores: Sequence[StoreData],
    staff: Sequence[DemoStaff],
    products: Sequence[ProductData],
    timeline: Timeline = DEMO_TIMELINE,
) -> Iterator[OrderData]:
    """Orders of about 60% of the shoppers, over the last two years; totals add up."""
    ctx = _Context(stores, staff, products, timeline)
    yield from story_orders(ctx.product, {s.id for s in shoppers}, timeline)
    rng = random.Random(f"clienteling-demo:orders:{seed}")
    for shopper in _random_shoppers(shoppers):
        if rng.random() >= 0.6:
            continue
        home = shopper.home_store_id
        region = ctx.store[home]["region"]
        for _ in range(1 + int(rng.random() ** 2 * 6)):
            channel = _weighted(rng, _ORDER_CHANNELS)
            status = "completed"
            store_id: str | None = home
            if channel == "store" and rng.random() < 0.15:
                store_id = _pick_id(rng, ctx.region_stores[region])
            elif channel in ("online", "app"):
                # Some online orders are picked up in the home store (click and collect).
                if rng.random() < 0.3:
                    status = "picked_up"
                else:
                    store_id, status = None, "delivered"
            if rng.random() < 0.03:
                status = "cancelled"
            department = _weighted(rng, _BASKETS[ctx.kind_of(store_id or home)])
            lines = _basket(rng, ctx, department)
            staff_id = None
            if store_id is not None and channel in ("store", "phone") and rng.random() < 0.7:
                staff_id = rng.choice(ctx.staff_of_store[store_id]).data["id"]
            if channel in ("store", "phone"):
                ordered_at = _during_opening(rng, ctx, shopper, 2 * YEAR)
            else:
                ordered_at = ctx.timeline.iso_before(_within(rng, shopper, 2 * YEAR))
            yield build_order(
                uuid4_from_bits(rng.getrandbits(128)),
                shopper.id,
                channel,
                store_id,
                ordered_at,
                status,
                staff_id,
                lines,
            )


def _pick_id(rng: random.Random, ids: Sequence[str]) -> str:
    return ids[int(rng.random() * len(ids))]


def _basket(rng: random.Random, ctx: _Context, department: str) -> list[OrderLineData]:
    pool = ctx.by_department[department]
    if department == "bicycle":
        bike = _pick(rng, pool)
        lines = [_line(bike, 1)]
        # Some bike buyers take an accessory or two home with the bike.
        for sku in bike["accessory_skus"]:
            if rng.random() < 0.25:
                lines.append(_line(ctx.product[sku], 1))
        return lines
    chosen: dict[str, OrderLineData] = {}
    for _ in range(1 + int(rng.random() * 3)):
        product = _pick(rng, pool)
        big = int(product["price_jpy"]) >= 10_000
        quantity = 1 if big else 1 + int(rng.random() ** 3 * 3)
        chosen.setdefault(product["sku"], _line(product, quantity))
    return list(chosen.values())


def iter_activities(
    seed: int,
    shoppers: Sequence[Shopper],
    stores: Sequence[StoreData],
    staff: Sequence[DemoStaff],
    products: Sequence[ProductData],
    timeline: Timeline = DEMO_TIMELINE,
) -> Iterator[ActivityData]:
    """Web and app views, SNS, support inquiries and email opens for about half the shoppers."""
    ctx = _Context(stores, staff, products, timeline)
    yield from story_activities(ctx.product, {s.id for s in shoppers}, timeline)
    rng = random.Random(f"clienteling-demo:activities:{seed}")
    for shopper in _random_shoppers(shoppers):
        if rng.random() >= 0.5:
            continue
        kind_of_home = ctx.kind_of(shopper.home_store_id)
        for _ in range(1 + int(rng.random() * 8)):
            product = _pick(rng, ctx.by_department[_weighted(rng, _BASKETS[kind_of_home])])
            name = product["name"]
            roll = rng.random()
            sku: str | None = None
            if roll < 0.35:
                channel, kind, sku = "web", "view", product["sku"]
                summary = f"オンラインストアで「{name}」を閲覧"
            elif roll < 0.43:
                channel, kind, sku = "web", "cart", product["sku"]
                summary = f"「{name}」をカートに追加（未購入）"
            elif roll < 0.55 and shopper.has_online:
                channel, kind = "app", "open"
                summary = "公式アプリを起動"
            elif roll < 0.63 and shopper.has_online:
                channel, kind, sku = "app", "view", product["sku"]
                summary = f"アプリで「{name}」を閲覧"
            elif roll < 0.71:
                channel, kind = "sns", "engage"
                summary = rng.choice(_SNS)
            elif roll < 0.78:
                channel, kind = "support", "inquiry"
                summary = rng.choice(_INQUIRIES[kind_of_home])
            elif shopper.has_email and roll < 0.92:
                channel, kind = "email", "open"
                summary = f"メールマガジン「{rng.choice(_NEWSLETTERS)}」を開封"
            elif shopper.has_email:
                channel, kind, sku = "email", "click", product["sku"]
                summary = f"メールマガジンから「{name}」をクリック"
            else:
                channel, kind, sku = "web", "view", product["sku"]
                summary = f"オンラインストアで「{name}」を閲覧"
            yield ActivityData(
                id=uuid4_from_bits(rng.getrandbits(128)),
                customer_id=shopper.id,
                channel=channel,
                kind=kind,
                occurred_at=ctx.timeline.iso_before(_within(rng, shopper, YEAR)),
                sku=sku,
                summary=summary,
            )


def _staff_for(rng: random.Random, ctx: _Context, shopper: Shopper) -> DemoStaff:
    if shopper.preferred_staff_id is not None:
        return ctx.staff_by_id[shopper.preferred_staff_id]
    return rng.choice(ctx.staff_of_store[shopper.home_store_id])


def iter_notes(
    seed: int,
    shoppers: Sequence[Shopper],
    stores: Sequence[StoreData],
    staff: Sequence[DemoStaff],
    products: Sequence[ProductData],
    timeline: Timeline = DEMO_TIMELINE,
) -> Iterator[NoteData]:
    """Staff notes on a few shoppers (about 3%), written by their home store's staff."""
    ctx = _Context(stores, staff, products, timeline)
    yield from story_notes({s.id for s in shoppers}, timeline)
    rng = random.Random(f"clienteling-demo:notes:{seed}")
    for shopper in _random_shoppers(shoppers):
        if rng.random() >= 0.03:
            continue
        author = _staff_for(rng, ctx, shopper).data
        yield NoteData(
            id=uuid4_from_bits(rng.getrandbits(128)),
            customer_id=shopper.id,
            text=rng.choice(_NOTES),
            staff_id=author["id"],
            staff_name=author["name"],
            store_id=author["store_id"],
            created_at=_during_opening(rng, ctx, shopper, YEAR),
        )


def iter_interests(
    seed: int,
    shoppers: Sequence[Shopper],
    stores: Sequence[StoreData],
    staff: Sequence[DemoStaff],
    products: Sequence[ProductData],
    timeline: Timeline = DEMO_TIMELINE,
) -> Iterator[InterestData]:
    """Items of interest logged on a few shoppers (about 4%): a product or just a category."""
    ctx = _Context(stores, staff, products, timeline)
    yield from story_interests({s.id for s in shoppers}, timeline)
    rng = random.Random(f"clienteling-demo:interests:{seed}")
    for shopper in _random_shoppers(shoppers):
        if rng.random() >= 0.04:
            continue
        author = _staff_for(rng, ctx, shopper).data
        department = _weighted(rng, _BASKETS[ctx.kind_of(shopper.home_store_id)])
        product = _pick(rng, ctx.by_department[department])
        by_category = rng.random() < 0.25
        roll = rng.random()
        yield InterestData(
            id=uuid4_from_bits(rng.getrandbits(128)),
            customer_id=shopper.id,
            sku=None if by_category else product["sku"],
            category=product["category"] if by_category else None,
            comment=rng.choice(_INTEREST_COMMENTS),
            staff_id=author["id"],
            store_id=author["store_id"],
            created_at=_during_opening(rng, ctx, shopper, YEAR),
            status="open" if roll < 0.7 else "purchased" if roll < 0.85 else "dismissed",
            status_reason=_DISMISS_REASONS[int(roll * 1000) % len(_DISMISS_REASONS)]
            if roll >= 0.85
            else None,
        )
