"""Orders, activities, notes and interests: consistent with the catalogue, staff and customers."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta

from sync.server.demo import HISTORY_CUSTOMERS, REFERENCE_TIME, generate

from .conftest import Materialised

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龯]")


def _created(demo: Materialised) -> dict[str, datetime]:
    return {c["id"]: datetime.fromisoformat(c["created_at"]) for c in demo.customers}


def test_order_totals_equal_the_sum_of_their_lines(demo: Materialised) -> None:
    assert demo.orders
    for order in demo.orders:
        assert order["lines"], order["id"]
        total = sum(int(line["unit_price_jpy"]) * line["quantity"] for line in order["lines"])
        assert order["total_jpy"] == str(total)
        for line in order["lines"]:
            assert line["quantity"] >= 1


def test_order_lines_name_and_price_real_products(demo: Materialised) -> None:
    by_sku = {p["sku"]: p for p in demo.chain.products}
    for order in demo.orders:
        for line in order["lines"]:
            product = by_sku[line["sku"]]
            assert line["name"] == product["name"]
            assert line["unit_price_jpy"] == product["price_jpy"]


def test_orders_cover_every_channel_with_stores_where_they_belong(demo: Materialised) -> None:
    stores = {s["id"] for s in demo.chain.stores}
    staff_store = {m.data["id"]: m.data["store_id"] for m in demo.chain.staff}
    channels = Counter(o["channel"] for o in demo.orders)
    assert set(channels) == {"store", "online", "app", "phone"}
    assert channels["store"] > channels["online"] > channels["app"] > channels["phone"]
    pickups = 0
    for order in demo.orders:
        assert UUID.match(order["id"])
        if order["channel"] in ("store", "phone") or order["status"] == "picked_up":
            assert order["store_id"] in stores, order
        if order["status"] == "picked_up":
            pickups += 1
        if order["store_id"] is None:
            assert order["channel"] in ("online", "app")
        if order["attributed_staff_id"] is not None:
            assert staff_store[order["attributed_staff_id"]] == order["store_id"]
    assert pickups > 0
    assert len({o["id"] for o in demo.orders}) == len(demo.orders)


def test_orders_fall_in_the_last_two_years_after_the_customer_joined(demo: Materialised) -> None:
    created = _created(demo)
    two_years_ago = REFERENCE_TIME - timedelta(days=2 * 365 + 1)
    buyers = set()
    for order in demo.orders:
        when = datetime.fromisoformat(order["ordered_at"])
        assert order["ordered_at"].endswith("+09:00")
        assert two_years_ago <= when < REFERENCE_TIME
        assert when > created[order["customer_id"]], order
        buyers.add(order["customer_id"])
    assert 0.4 * len(demo.customers) < len(buyers) < 0.8 * len(demo.customers)


def test_counter_sales_and_staff_notes_happen_in_opening_hours(demo: Materialised) -> None:
    for order in demo.orders:
        if order["channel"] == "store":
            assert 10 <= datetime.fromisoformat(order["ordered_at"]).hour < 20, order
    for row in (*demo.notes, *demo.interests):
        assert 10 <= datetime.fromisoformat(row["created_at"]).hour < 20, row


def test_activities_cover_the_channels_and_name_real_products(demo: Materialised) -> None:
    by_sku = {p["sku"]: p for p in demo.chain.products}
    created = _created(demo)
    kinds = Counter((a["channel"], a["kind"]) for a in demo.activities)
    assert {"web", "app", "sns", "support", "email"} == {channel for channel, _ in kinds}
    assert kinds[("support", "inquiry")] > 0 and kinds[("email", "open")] > 0
    for activity in demo.activities:
        assert UUID.match(activity["id"])
        assert JAPANESE.search(activity["summary"]), activity
        if activity["sku"] is not None:
            assert activity["sku"] in by_sku
            assert by_sku[activity["sku"]]["name"] in activity["summary"]
        when = datetime.fromisoformat(activity["occurred_at"])
        assert created[activity["customer_id"]] < when < REFERENCE_TIME
    active = {a["customer_id"] for a in demo.activities}
    assert 0.3 * len(demo.customers) < len(active) < 0.7 * len(demo.customers)


def test_notes_and_interests_are_written_by_staff_of_their_store(demo: Materialised) -> None:
    staff = {m.data["id"]: m.data for m in demo.chain.staff}
    by_sku = {p["sku"]: p for p in demo.chain.products}
    customers = {c["id"] for c in demo.customers}
    assert 50 < len(demo.notes) < 500 and 50 < len(demo.interests) < 500
    for note in demo.notes:
        author = staff[note["staff_id"]]
        assert note["staff_name"] == author["name"]
        assert note["store_id"] == author["store_id"]
        assert note["customer_id"] in customers and note["text"]
    for interest in demo.interests:
        assert staff[interest["staff_id"]]["store_id"] == interest["store_id"]
        assert interest["customer_id"] in customers
        assert (interest["sku"] is None) != (interest["category"] is None)
        if interest["sku"] is not None:
            assert interest["sku"] in by_sku
        assert interest["status"] in ("open", "purchased", "dismissed")
    ids = [n["id"] for n in demo.notes] + [i["id"] for i in demo.interests]
    assert len(ids) == len(set(ids))


def test_history_stops_after_the_first_5000_customers() -> None:
    chain = generate(customers=HISTORY_CUSTOMERS + 500)
    later = {c["id"] for c in list(chain.iter_customers())[HISTORY_CUSTOMERS:]}
    assert len(later) == 500
    for rows in (chain.iter_orders(), chain.iter_activities(), chain.iter_notes()):
        assert not any(row["customer_id"] in later for row in rows)


def test_history_of_a_small_chain_refers_only_to_its_customers() -> None:
    chain = generate(customers=40)
    ids = {c["id"] for c in chain.iter_customers()}
    orders = list(chain.iter_orders())
    assert orders and all(o["customer_id"] in ids for o in orders)
    assert all(a["customer_id"] in ids for a in chain.iter_activities())
