"""Catalog data terminals show (categories with both labels and a picture, store time zones),
and a sale at the counter: a fulfilled hold becomes a store order credited to the staff
member, and the customer's open interests in that product or its category become purchased."""

from __future__ import annotations

from sqlalchemy import Engine, update

from sync.protocol import new_id
from sync.server.catalog import top_up_categories
from sync.server.db import write_session
from sync.server.models import Category
from sync.server.runner import ServerThread
from sync.server.seed import load_chain
from tests.server.chain import CATEGORIES, SHIBUYA, TinyChain, tid
from tests.server.conftest import PIN_COST, Terminal, mutation, open_terminal


def test_categories_and_store_zones_travel_in_the_catalog(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    t.pull_all()
    categories = t.entities("category")
    assert categories["bicycle"] == {
        "code": "bicycle",
        "label_ja": "自転車",
        "label_en": "Bicycles",
        "image": "res:catalog/bike",
        "position": 0,
    }
    assert set(categories) == {c["code"] for c in CATEGORIES}
    assert {s["timezone"] for s in t.entities("store").values()} == {"Asia/Tokyo"}
    assert all("image" in p for p in t.entities("product").values())


def test_a_database_loaded_before_categories_gets_them_and_terminals_hear_of_it(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    t.pull_all()
    with write_session(engine) as s:  # an old label (as an older version would have left)
        s.execute(update(Category).where(Category.code == "bicycle").values(label_en="bicycle"))  # type: ignore[arg-type]
    assert load_chain(engine, TinyChain(), pin_cost=PIN_COST) is False
    page = t.pull()
    assert [c["data"]["label_en"] for c in page["changes"] if c["entity"] == "category"] == [
        "Bicycles"
    ]
    assert top_up_categories(engine, CATEGORIES) == 0  # nothing more to correct


def _interest(t: Terminal, **args: str) -> str:
    iid = new_id()
    [r] = t.push(mutation("interest.add", {"id": iid, "customer_id": tid("customer:2"), **args}))
    assert r["status"] == "applied"
    return iid


def test_a_hold_sold_at_the_counter_is_an_order_and_its_interests_are_purchased(
    server: ServerThread,
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    helmet = _interest(t, sku="HELMET-1", comment="白のM")
    by_category = _interest(t, category="accessory", comment="何かアクセサリー")
    other = _interest(t, sku="BIKE-1")
    hold_id = new_id()
    [held] = t.push(
        mutation(
            "reservation.request",
            {
                "id": hold_id,
                "customer_id": tid("customer:2"),
                "store_id": SHIBUYA,
                "sku": "HELMET-1",
                "quantity": 1,
            },
        )
    )
    assert held["data"]["status"] == "confirmed"
    [sold] = t.push(mutation("reservation.fulfil", {"id": hold_id}))
    assert sold["data"]["status"] == "fulfilled"
    t.pull_all()
    orders = [o for o in t.entities("order").values() if o["customer_id"] == tid("customer:2")]
    [order] = orders
    assert (order["channel"], order["store_id"], order["total_jpy"]) == ("store", SHIBUYA, "6800")
    assert order["attributed_staff_id"] == tid("staff:A001")
    assert [(x["sku"], x["quantity"]) for x in order["lines"]] == [("HELMET-1", 1)]
    interests = t.entities("interest")
    assert interests[helmet]["status"] == "purchased"
    assert interests[by_category]["status"] == "purchased"  # a helmet is an accessory
    assert interests[other]["status"] == "open"
    assert t.entities("reservation")[hold_id]["order_id"] == order["id"]


def test_an_interest_is_dismissed_with_its_reason(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    iid = _interest(t, sku="LIGHT-1")
    [r] = t.push(
        mutation("interest.update", {"id": iid, "status": "dismissed", "reason": "他店で購入済み"})
    )
    assert r["status"] == "applied"
    t.pull_all()
    row = t.entities("interest")[iid]
    assert (row["status"], row["status_reason"]) == ("dismissed", "他店で購入済み")
