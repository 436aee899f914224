"""What each follow-up trigger finds at `now`: candidates for the planner (sync.server.planner),
one per thing to follow up, each with the key that plans it only once.

Only what can still be done is a candidate: a visit or a purchase recent enough that a day of
its rule's window is still ahead, an occasion whose first day falls within the rules' horizon,
a hold that has not expired yet. Merged-away profiles are skipped (their rows moved to the
survivor, which is found through them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import extract, or_
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.followups import FollowupRule, FollowupRules
from sync.server.models import (
    Customer,
    Interest,
    Inventory,
    Order,
    OrderLine,
    Product,
    Reservation,
    StockWatch,
    Store,
)
from sync.server.timeutil import as_utc

TRIGGER_KIND = {
    "visit_with_interests": "after_visit",
    "purchase": "check_in",
    "birthday": "occasion",
    "gift_first_birthday": "occasion",
    "hold_expiring": "service",
    "pickup_ready": "service",
    "pickup_not_collected": "service",
    "back_in_stock": "back_in_stock",
}
BOUGHT = ("paid", "ready_for_pickup", "shipped", "completed")
INTEREST_LIFETIME = timedelta(days=180)  # older open interests are not followed up


FIRST_BIRTHDAY_DAYS = 365  # a birth gift's recipient turns one about a year on


@dataclass
class Candidate:
    rule: FollowupRule
    customer_id: str
    store_id: str
    staff_id: str | None  # None: the customer's preferred staff member, or a manager
    key: str
    anchor: date | None = None  # day rules: the local day the offsets count from
    target: datetime | None = None  # service rules: the moment itself
    latest: datetime | None = None  # ...and never at or after this (the hold's expiry)
    interest_ids: list[str] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)
    skus: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    reservation_id: str | None = None
    # Occasions: the day itself. When the rule's window has passed but this is still ahead
    # (the gift was recorded late, the chain started using the rules since), the contact is
    # made on the days left before it.
    occasion: date | None = None

    @property
    def kind(self) -> str:
        return TRIGGER_KIND[self.rule.trigger]


@dataclass(frozen=True)
class Context:
    session: Session
    rules: FollowupRules
    now: datetime
    zones: dict[str, ZoneInfo]  # store id -> its time zone

    def zone(self, store_id: str | None) -> ZoneInfo:
        return self.zones.get(store_id or "", ZoneInfo("Asia/Tokyo"))

    def local_day(self, at: datetime, store_id: str | None) -> date:
        return as_utc(at).astimezone(self.zone(store_id)).date()

    def lookback(self, rule: FollowupRule) -> datetime:
        return self.now - timedelta(days=max(rule.offset_days, 0) + rule.window_days + 1)


def _alive(ctx: Context, customer_ids: set[str]) -> set[str]:
    if not customer_ids:
        return set()
    rows = ctx.session.execute(
        select(Customer.id).where(
            col(Customer.id).in_(customer_ids), col(Customer.merged_into).is_(None)
        )
    ).scalars()
    return set(rows)


def visits(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    """Interests logged at a store visit (customer, store, local day), still open."""
    rows = ctx.session.execute(
        select(Interest)
        .where(col(Interest.created_at) >= ctx.lookback(rule), col(Interest.status) == "open")
        .order_by(col(Interest.created_at), col(Interest.id))
    ).scalars()
    grouped: dict[tuple[str, str, date], list[Interest]] = {}
    for row in rows:
        day = ctx.local_day(row.created_at, row.store_id)
        grouped.setdefault((row.customer_id, row.store_id, day), []).append(row)
    alive = _alive(ctx, {k[0] for k in grouped})
    for (customer_id, store_id, day), found in grouped.items():
        if customer_id not in alive:
            continue
        yield Candidate(
            rule,
            customer_id,
            store_id,
            found[0].staff_id,
            f"{rule.code}:{customer_id}:{store_id}:{day.isoformat()}",
            anchor=day,
            interest_ids=[i.id for i in found],
            skus=_unique(i.sku for i in found),
            categories=_unique(i.category for i in found),
        )


def purchases(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    query = select(Order, Customer).join(Customer, col(Customer.id) == col(Order.customer_id))
    query = query.where(
        col(Order.ordered_at) >= ctx.lookback(rule),
        col(Order.status).in_(BOUGHT),
        col(Customer.merged_into).is_(None),
    )
    if rule.order_channels:
        query = query.where(col(Order.channel).in_(rule.order_channels))
    for order, customer in ctx.session.execute(query.order_by(col(Order.ordered_at))).all():
        store_id = order.store_id or customer.home_store_id
        if store_id is None:
            continue
        yield Candidate(
            rule,
            customer.id,
            store_id,
            order.attributed_staff_id,
            f"{rule.code}:{order.id}",
            anchor=ctx.local_day(order.ordered_at, store_id),
            order_ids=[order.id],
        )


def _birthday_in(year: int, born: date) -> date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return date(year, 2, 28)


def birthdays(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    """The customer's own birthday, when the first day of the rule's window is within the
    horizon (and its last day not past)."""
    today = ctx.now.date()
    # ...or, its window past, the birthday itself still ahead (a late contact).
    first_allowed = min(today - timedelta(days=rule.offset_days + rule.window_days), today)
    last_allowed = today + timedelta(days=ctx.rules.horizon_days - rule.offset_days)
    months = sorted(
        {
            (first_allowed + timedelta(days=n)).month
            for n in range((last_allowed - first_allowed).days + 1)
        }
    )
    rows = ctx.session.execute(
        select(
            col(Customer.id),
            col(Customer.birthday),
            col(Customer.home_store_id),
            col(Customer.preferred_staff_id),
        ).where(
            col(Customer.birthday).is_not(None),
            col(Customer.merged_into).is_(None),
            extract("month", col(Customer.birthday)).in_(months),
        )
    ).all()
    for customer in rows:
        assert customer.birthday is not None
        for year in {first_allowed.year, last_allowed.year}:
            day = _birthday_in(year, customer.birthday)
            if first_allowed <= day <= last_allowed and customer.home_store_id:
                yield Candidate(
                    rule,
                    customer.id,
                    customer.home_store_id,
                    customer.preferred_staff_id,
                    f"{rule.code}:{customer.id}:{year}",
                    anchor=day,
                    occasion=day,
                )


def gifts(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    """An order holding a birth gift: the recipient's first birthday is about a year on."""
    today = ctx.now.date()
    # Orders whose window is ahead or on, or, past it, whose first birthday is still ahead.
    earliest = min(
        today - timedelta(days=rule.offset_days + rule.window_days + 1),
        today - timedelta(days=FIRST_BIRTHDAY_DAYS - 1),
    )
    latest = today + timedelta(days=ctx.rules.horizon_days - rule.offset_days + 1)
    matches = [col(OrderLine.sku).startswith(prefix) for prefix in rule.gift_skus]
    if rule.gift_categories:
        matches.append(col(Product.category).in_(rule.gift_categories))
    rows = ctx.session.execute(
        select(Order, Customer)
        .join(Customer, col(Customer.id) == col(Order.customer_id))
        .join(OrderLine, col(OrderLine.order_id) == col(Order.id))
        .outerjoin(Product, col(Product.sku) == col(OrderLine.sku))
        .where(
            col(Order.ordered_at) >= datetime.combine(earliest, time(), UTC),
            col(Order.ordered_at) < datetime.combine(latest, time(), UTC),
            col(Order.status).in_(BOUGHT),
            col(Customer.merged_into).is_(None),
            or_(*matches),
        )
        .distinct()
    ).all()
    for order, customer in rows:
        store_id = order.store_id or customer.home_store_id
        if store_id is None:
            continue
        yield Candidate(
            rule,
            customer.id,
            store_id,
            order.attributed_staff_id or customer.preferred_staff_id,
            f"{rule.code}:{order.id}",
            anchor=(bought := ctx.local_day(order.ordered_at, store_id)),
            occasion=bought + timedelta(days=FIRST_BIRTHDAY_DAYS),
            order_ids=[order.id],
            skus=list(rule.suggest_skus),
            categories=list(rule.suggest_categories),
        )


def holds_expiring(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    soon = ctx.now + timedelta(hours=rule.offset_hours)
    rows = ctx.session.execute(
        select(Reservation).where(
            col(Reservation.kind) == "hold",
            col(Reservation.status) == "confirmed",
            col(Reservation.expires_at) > ctx.now,
            col(Reservation.expires_at) <= soon,
        )
    ).scalars()
    for row in rows:
        assert row.expires_at is not None
        expires = as_utc(row.expires_at)
        yield Candidate(
            rule,
            row.customer_id,
            row.store_id,
            row.staff_id,
            f"{rule.code}:{row.id}:{expires.isoformat()}",
            target=max(ctx.now, expires - timedelta(hours=rule.offset_hours)),
            latest=expires,
            skus=[row.sku],
            reservation_id=row.id,
        )


def pickups(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    """Ready for collection (`pickup_ready`), or ready and still waiting `offset_days` later
    (`pickup_not_collected`)."""
    ready_before = ctx.now - timedelta(days=rule.offset_days)
    query = select(Reservation).where(
        col(Reservation.kind) == "pickup", col(Reservation.status) == "ready"
    )
    if rule.trigger == "pickup_not_collected":
        query = query.where(col(Reservation.updated_at) <= ready_before)
    else:
        query = query.where(col(Reservation.updated_at) >= ctx.now - timedelta(days=2))
    for row in ctx.session.execute(query).scalars():
        ready_at = as_utc(row.updated_at or row.created_at)
        yield Candidate(
            rule,
            row.customer_id,
            row.store_id,
            row.staff_id,
            f"{rule.code}:{row.id}",
            target=max(ctx.now, ready_at + timedelta(days=rule.offset_days)),
            skus=[row.sku],
            order_ids=[row.order_id] if row.order_id else [],
            reservation_id=row.id,
        )


def back_in_stock(ctx: Context, rule: FollowupRule) -> Iterator[Candidate]:
    """Open product interests: a store with none free is watched; when free stock is back
    at a watched store, a candidate (and the watch ends)."""
    rows = ctx.session.execute(
        select(Interest, Inventory)
        .outerjoin(
            Inventory,
            (col(Inventory.store_id) == col(Interest.store_id))
            & (col(Inventory.sku) == col(Interest.sku)),
        )
        .where(
            col(Interest.status) == "open",
            col(Interest.sku).is_not(None),
            col(Interest.created_at) >= ctx.now - INTEREST_LIFETIME,
        )
    ).all()
    watches = {w.interest_id: w for w in ctx.session.execute(select(StockWatch)).scalars()}
    for interest, stock in rows:
        assert interest.sku is not None
        free = (stock.on_hand - stock.reserved) if stock is not None else 0
        watch = watches.pop(interest.id, None)
        if free <= 0:
            if watch is None:
                ctx.session.add(
                    StockWatch(
                        interest_id=interest.id,
                        store_id=interest.store_id,
                        sku=interest.sku,
                        empty_since=ctx.now,
                    )
                )
            continue
        if watch is None:
            continue
        ctx.session.delete(watch)
        yield Candidate(
            rule,
            interest.customer_id,
            interest.store_id,
            interest.staff_id,
            f"{rule.code}:{interest.id}:{as_utc(watch.empty_since).isoformat()}",
            target=ctx.now,
            interest_ids=[interest.id],
            skus=[interest.sku],
        )
    for gone in watches.values():  # the interest was bought, dismissed or grew old
        ctx.session.delete(gone)


def _unique(values: Iterator[str | None] | list[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return list(seen)


FINDERS: dict[str, Callable[[Context, FollowupRule], Iterator[Candidate]]] = {
    "visit_with_interests": visits,
    "purchase": purchases,
    "birthday": birthdays,
    "gift_first_birthday": gifts,
    "hold_expiring": holds_expiring,
    "pickup_ready": pickups,
    "pickup_not_collected": pickups,
    "back_in_stock": back_in_stock,
}


def store_zones(session: Session) -> dict[str, ZoneInfo]:
    zones: dict[str, ZoneInfo] = {}
    for store_id, name in session.execute(select(Store.id, Store.timezone)).all():
        try:
            zones[store_id] = ZoneInfo(name)
        except (KeyError, ValueError):
            zones[store_id] = ZoneInfo("Asia/Tokyo")
    return zones
