"""Channels in (over real HTTP, SQLite and PostgreSQL): other systems send orders and
activities with an integration credential; each lands once on the right profile and reaches
the store's terminals by sync."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from sync.server.db import read_session
from sync.server.models import IngestedEvent, Inventory, Order, Reservation
from sync.server.runner import ServerThread
from tests.server.authorship_helpers import device, signed_in
from tests.server.chain import SHIBUYA, tid
from tests.server.ingest_helpers import (
    activity_event,
    bearer,
    bulk,
    credential,
    ndjson,
    order_event,
    status_event,
)


@pytest.fixture
def http(server: ServerThread) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=60)


def send(http: httpx.Client, token: str, event: dict[str, object]) -> httpx.Response:
    return http.post("/v1/ingest/events", json=event, headers=bearer(token))


def test_an_online_order_lands_once_on_the_profile_and_reaches_the_stores_terminal(
    http: httpx.Client,
) -> None:
    shop = credential(http)
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    event = order_event("evt-1", "W-1001", customer={"email": "  C0@EXAMPLE.JP "})
    first = send(http, shop["token"], event)
    assert first.status_code == 200, first.text
    assert first.json()["outcome"] == "applied"
    assert first.json()["customer_id"] == tid("customer:0")
    again = send(http, shop["token"], event)
    assert again.json()["outcome"] == "duplicate"
    till.pull_all()
    orders = [o for o in till.entities("order").values() if o.get("source") == "webshop"]
    assert len(orders) == 1
    assert orders[0]["customer_id"] == tid("customer:0")
    assert orders[0]["channel"] == "online" and orders[0]["status"] == "paid"
    assert orders[0]["lines"][0]["name"] == "ヘルメット"
    assert orders[0]["total_jpy"] == "6800"
    # The same id with another body is refused: a source must not reuse ids.
    changed = order_event("evt-1", "W-1001", status="shipped")
    reused = send(http, shop["token"], changed)
    assert reused.status_code == 409 and reused.json()["error"] == "event_id_reused"


def test_products_by_jan_and_a_pos_sale_in_a_named_store(http: httpx.Client) -> None:
    pos = credential(http, "pos-vendor", kinds=["pos.sale"])
    sale = order_event(
        "pos-1",
        "R-77",
        source="pos-vendor",
        customer={"phone": "090-0000-0001"},
        lines=[{"jan": "4900000000039", "quantity": 2, "unit_price_jpy": "2980"}],
        store="S001",
    )
    sale["kind"] = "pos.sale"
    done = send(http, pos["token"], sale)
    assert done.status_code == 200, done.text
    assert done.json()["customer_id"] == tid("customer:1")
    no_store = order_event("pos-2", "R-78", source="pos-vendor")
    no_store["kind"] = "pos.sale"
    refused = send(http, pos["token"], no_store)
    assert refused.status_code == 422
    unknown = order_event(
        "pos-3",
        "R-79",
        source="pos-vendor",
        lines=[{"jan": "4999999999994", "quantity": 1, "unit_price_jpy": "1"}],
        store="S001",
    )
    unknown["kind"] = "pos.sale"
    assert send(http, pos["token"], unknown).json()["error"] == "unknown_product"


def test_a_customer_is_created_only_when_the_source_may_and_is_then_found_by_any_identifier(
    http: httpx.Client,
) -> None:
    shy = credential(http, "support-desk", kinds=["support.inquiry"])
    stranger = {"email": "new.person@example.jp", "family_name": "新井", "given_name": "花"}
    inquiry = activity_event(
        "t-1", "support.inquiry", source="support-desk", customer=stranger, ref="T-9"
    )
    refused = send(http, shy["token"], inquiry)
    assert refused.status_code == 422 and refused.json()["error"] == "unknown_customer"
    assert "new.person" not in refused.text  # no values in errors
    app = credential(http, "app", creates_customers=True, home_store="S001")
    made = send(
        http,
        app["token"],
        activity_event(
            "a-1",
            "app.event",
            source="app",
            customer={**stranger, "line_user_id": "U1234", "phone": "080-1111-2222"},
            action="cart",
            sku="BIKE-1",
        ),
    )
    assert made.status_code == 200, made.text
    assert made.json()["created_customer"] is True
    created = made.json()["customer_id"]
    # The desk's next attempt, by email only, finds that profile now.
    assert send(http, shy["token"], inquiry).json()["customer_id"] == created
    by_line = send(
        http,
        app["token"],
        activity_event("a-2", "app.event", source="app", customer={"line_user_id": "U1234"}),
    )
    assert by_line.json()["customer_id"] == created and not by_line.json()["created_customer"]
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    profile = till.entities("customer")[created]
    assert profile["family_name"] == "新井" and profile["phone"] == "+818011112222"
    assert {"kind": "line_user", "value": "U1234"} in profile["identities"]
    acts = [a for a in till.entities("activity").values() if a["customer_id"] == created]
    assert {(a["channel"], a["kind"]) for a in acts} == {
        ("app", "cart"),
        ("app", "view"),
        ("support", "inquiry"),
    }


def test_support_inquiry_updates_one_activity_in_the_order_they_happened(
    http: httpx.Client,
) -> None:
    desk = credential(http, "desk", kinds=["support.inquiry"])

    def inquiry(event_id: str, status: str, at: str) -> dict[str, object]:
        return activity_event(
            event_id,
            "support.inquiry",
            source="desk",
            ref="T-1",
            status=status,
            at=at,
            summary="パンク修理の問い合わせ",
        )

    assert send(http, desk["token"], inquiry("e1", "open", "2026-11-01T10:00:00Z")).is_success
    assert send(http, desk["token"], inquiry("e3", "closed", "2026-11-03T10:00:00Z")).is_success
    late = send(http, desk["token"], inquiry("e2", "pending", "2026-11-02T10:00:00Z"))
    assert late.json()["outcome"] == "stale"
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    tickets = [a for a in till.entities("activity").values() if a["channel"] == "support"]
    assert len(tickets) == 1 and tickets[0]["status"] == "closed"


def test_status_changes_out_of_order_and_before_their_order(
    http: httpx.Client, engine: Engine
) -> None:
    shop = credential(http)
    token = shop["token"]
    # The shipment is heard of before the order itself.
    early = send(http, token, status_event("s2", "W-5", "shipped", "2026-11-02T09:00:00Z"))
    assert early.json()["outcome"] == "waiting"
    placed = send(http, token, order_event("o1", "W-5", at="2026-11-01T09:00:00Z", status="paid"))
    assert placed.json()["outcome"] == "applied"
    # An older change after a newer one changes nothing.
    stale = send(http, token, status_event("s1", "W-5", "paid", "2026-11-01T12:00:00Z"))
    assert stale.json()["outcome"] == "stale"
    refund = send(
        http, token, status_event("s3", "W-5", "returned", "2026-11-05T09:00:00Z", refund="6800")
    )
    assert refund.json()["outcome"] == "applied"
    with read_session(engine) as session:
        order = session.execute(select(Order).where(Order.external_id == "W-5")).scalar_one()
        assert order.status == "returned" and int(order.refunded_jpy or 0) == 6800
        waiting = session.execute(
            select(func.count()).where(IngestedEvent.outcome == "waiting")
        ).scalar_one()
        assert waiting == 0


def test_click_and_collect_holds_the_stock_in_the_pickup_store_until_cancelled(
    http: httpx.Client, engine: Engine
) -> None:
    shop = credential(http)
    manager = signed_in(http, device(http, SHIBUYA, "M001"), "M001")
    manager.pull_all()
    order = order_event(
        "cc-1",
        "W-9",
        pickup_store="S001",
        lines=[{"sku": "LIGHT-1", "quantity": 3, "unit_price_jpy": "2980"}],
    )
    assert send(http, shop["token"], order).json()["outcome"] == "applied"
    manager.pull_all()
    pickups = [r for r in manager.entities("reservation").values() if r["kind"] == "pickup"]
    assert len(pickups) == 1
    assert pickups[0]["store_id"] == SHIBUYA and pickups[0]["quantity"] == 3
    assert pickups[0]["status"] == "confirmed"
    stock = manager.entities("inventory")[f"{SHIBUYA}:LIGHT-1"]
    assert stock["reserved"] == 3
    cancel = status_event("cc-2", "W-9", "cancelled", "2026-11-02T10:00:00Z")
    assert send(http, shop["token"], cancel).json()["outcome"] == "applied"
    manager.pull_all()
    assert manager.entities("inventory")[f"{SHIBUYA}:LIGHT-1"]["reserved"] == 0
    with read_session(engine) as session:
        row = session.execute(select(Reservation).where(Reservation.kind == "pickup")).scalar_one()
        assert row.status == "cancelled"
        inv = session.get(Inventory, (SHIBUYA, "LIGHT-1"))
        assert inv is not None and inv.reserved == 0


def test_credentials_are_scoped_revocable_and_never_a_staff_session(
    http: httpx.Client,
) -> None:
    mail = credential(http, "mailer", kinds=["email.engagement"])
    opened = activity_event("m-1", "email.engagement", source="mailer", action="open")
    assert send(http, mail["token"], opened).status_code == 200
    as_other = activity_event("m-2", "email.engagement", source="webshop", action="open")
    wrong_source = send(http, mail["token"], as_other)
    assert wrong_source.status_code == 403 and wrong_source.json()["error"] == "wrong_source"
    order = order_event("m-3", "X-1", source="mailer")
    not_allowed = send(http, mail["token"], order)
    assert not_allowed.status_code == 403 and not_allowed.json()["error"] == "kind_not_allowed"
    # A staff session is not an integration credential, nor the other way round.
    staff = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    assert send(http, staff.token, opened).status_code == 401
    assert http.get("/v1/sync/pull", headers=bearer(mail["token"])).status_code == 401
    # Only an admin makes, lists and revokes credentials; the list never shows a token.
    manager = signed_in(http, device(http, SHIBUYA, "M001"), "M001")
    body = {"source": "x", "name": "x", "kinds": ["order"]}
    assert (
        http.post("/v1/integrations", json=body, headers=bearer(manager.token)).status_code == 403
    )
    assert http.get("/v1/integrations", headers=bearer(staff.token)).status_code == 403
    admin = signed_in(http, device(http, SHIBUYA, "X900"), "X900")
    listed = http.get("/v1/integrations", headers=bearer(admin.token))
    assert mail["token"] not in listed.text and "mailer" in listed.text
    revoked = http.post(f"/v1/integrations/{mail['id']}/revoke", headers=bearer(admin.token))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    after = send(http, mail["token"], activity_event("m-4", "email.engagement", source="mailer"))
    assert after.status_code == 401 and after.json()["error"] == "credential_revoked"


def test_bulk_reports_bad_lines_by_number_and_keeps_the_good_ones(http: httpx.Client) -> None:
    shop = credential(http)
    lines: list[object] = [
        order_event("b-1", "W-100"),
        b"{not json",
        order_event("b-2", "W-101", lines=[{"sku": "NOPE", "quantity": 1, "unit_price_jpy": "1"}]),
        activity_event("b-3", "web.view", sku="BIKE-1"),
        {"source": "webshop", "event_id": "b-4", "kind": "order", "occurred_at": "2026-11-01"},
        order_event("b-1", "W-100"),  # a repeated delivery in the same body
        activity_event("b-5", "web.view", customer={"email": "nobody@example.jp"}),
        order_event("b-6", "W-102", customer={"phone": "bogus-12"}),
    ]
    done = bulk(http, shop["token"], ndjson(lines) + b"\n\n")
    assert done.status_code == 200, done.text
    report = done.json()
    assert report["lines"] == 8
    assert report["applied"] == 2 and report["duplicates"] == 1
    rejected = {r["line"]: r for r in report["rejected"]}
    assert sorted(rejected) == [2, 3, 5, 7, 8]
    assert rejected[2]["error"] == "invalid_event" and "JSON" in rejected[2]["reason"]
    assert rejected[3]["error"] == "unknown_product" and rejected[3]["event_id"] == "b-2"
    assert rejected[5]["error"] == "invalid_event" and "occurred_at" in rejected[5]["reason"]
    assert rejected[7]["error"] == "unknown_customer"
    assert rejected[8]["error"] == "invalid_customer" and "bogus" not in done.text
    assert report["rejected_count"] == 5
    # The same body again: nothing new.
    replay = bulk(http, shop["token"], ndjson(lines)).json()
    assert replay["applied"] == 0 and replay["duplicates"] == 3
    wrong_type = http.post(
        "/v1/ingest/bulk", content=ndjson(lines), headers={**bearer(shop["token"])}
    )
    assert wrong_type.status_code == 415


def test_ingestion_is_in_the_openapi_document(http: httpx.Client) -> None:
    doc = http.get("/openapi.json").json()
    assert {"/v1/ingest/events", "/v1/ingest/bulk", "/v1/integrations"} <= set(doc["paths"])
    bulk_op = doc["paths"]["/v1/ingest/bulk"]["post"]
    assert "application/x-ndjson" in bulk_op["requestBody"]["content"]
    assert bulk_op["security"] == [{"integrationToken": []}]


@pytest.mark.parametrize(
    "line",
    [
        b"[1, 2, 3]",
        b"null",
        b'"just a string"',
        b"\xff\xfe\x00garbage",
        b'{"source": 5, "event_id": [], "kind": {}, "occurred_at": true}',
        b'{"source": "webshop", "event_id": "x", "kind": "teleport",'
        b' "occurred_at": "2026-11-01T00:00:00Z"}',
        b'{"source": "webshop", "event_id": "' + b"x" * 5000 + b'", "kind": "order"}',
        b'{"a": ' * 5000 + b"1" + b"}" * 5000,
    ],
    ids=["array", "null", "string", "not-utf8", "wrong-types", "unknown-kind", "huge-id", "deep"],
)
def test_hostile_lines_are_reported_never_a_server_error(http: httpx.Client, line: bytes) -> None:
    shop = credential(http)
    good = ndjson([activity_event("ok-1", "web.view")])
    reply = bulk(http, shop["token"], line + b"\n" + good)
    assert reply.status_code == 200, reply.text
    report = reply.json()
    assert report["applied"] == 1 and report["rejected_count"] == 1
    assert report["rejected"][0]["line"] == 1
    single = http.post(
        "/v1/ingest/events",
        content=line,
        headers={**bearer(shop["token"]), "Content-Type": "application/json"},
    )
    assert single.status_code in (400, 422), single.text


def test_the_profile_adds_up_over_every_channel(http: httpx.Client) -> None:
    shop = credential(http)
    token = shop["token"]
    bike = [{"sku": "BIKE-1", "quantity": 1, "unit_price_jpy": "89800"}]
    helmets = [{"sku": "HELMET-1", "quantity": 2, "unit_price_jpy": "6800"}]
    lights = [{"sku": "LIGHT-1", "quantity": 1, "unit_price_jpy": "2980"}]
    sent = [
        order_event("p1", "W-1", at="2026-11-01T10:00:00Z", lines=helmets),
        order_event("p2", "W-2", at="2026-11-02T10:00:00Z", lines=lights, channel="app"),
        order_event("p3", "W-3", at="2026-11-03T10:00:00Z", lines=bike),
        status_event("p4", "W-3", "cancelled", "2026-11-03T11:00:00Z"),
        order_event("p5", "W-4", at="2026-11-04T10:00:00Z", lines=lights),
        status_event("p6", "W-4", "returned", "2026-11-05T10:00:00Z", refund="2980"),
        activity_event("p7", "support.inquiry", ref="T-1", status="open"),
        activity_event("p8", "support.inquiry", ref="T-2", status="closed"),
    ]
    for event in sent:
        assert send(http, token, event).status_code == 200
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    summary = till.entities("customer")[tid("customer:0")]["summary"]
    # The seeded store sale (89,800), helmets 13,600, the app light 2,980; the cancelled bike
    # and the refunded light count nothing.
    assert summary["lifetime_jpy"] == str(89800 + 13600 + 2980)
    assert summary["order_count"] == 4  # the returned one is an order, worth nothing now
    assert set(summary["last_purchase"]) == {"store", "online", "app"}
    assert summary["last_purchase"]["online"].startswith("2026-11-04")
    assert summary["preferred_channel"] == "online"
    assert summary["preferred_store_id"] == SHIBUYA
    assert summary["favourite_categories"][0] == "accessory"
    assert summary["open_inquiries"] == 1


def test_times_with_an_offset_are_kept_as_the_same_instant(
    http: httpx.Client, engine: Engine
) -> None:
    shop = credential(http)
    early = order_event("tz-1", "W-TZ", at="2026-11-01T08:00:00+09:00")
    assert send(http, shop["token"], early).status_code == 200
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    order = next(o for o in till.entities("order").values() if o.get("source") == "webshop")
    assert order["ordered_at"] == "2026-10-31T23:00:00Z"
    summary = till.entities("customer")[tid("customer:0")]["summary"]
    assert summary["last_purchase"]["online"] == "2026-10-31T23:00:00Z"
    # A later status change in another offset still counts as later.
    shipped = status_event("tz-2", "W-TZ", "shipped", "2026-11-01T00:30:00+01:00")
    assert send(http, shop["token"], shipped).json()["outcome"] == "applied"
    older = status_event("tz-3", "W-TZ", "paid", "2026-11-01T08:10:00+09:00")
    assert send(http, shop["token"], older).json()["outcome"] == "stale"
