"""Cart links and attribution (real server over HTTP, real SMTP server; SQLite and PostgreSQL):
a sent message carries a link to a cart of its follow-up's items with an opaque signed token;
the storefront page opens it pre-filled and records the click and the open on the follow-up
and the profile; checkout for pickup is an online order through ingestion, a pickup
reservation at the store, credited by the token to the follow-up and its staff member; an
order without the token is credited only inside the attribution window."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine
from sqlmodel import col, select

from sync.protocol import new_id
from sync.server.cart_links import cart_url
from sync.server.config import Settings
from sync.server.db import read_session
from sync.server.dispatch import Dispatcher, SmtpEmail
from sync.server.models import Activity, FollowUp, Interest, Message, Order, Reservation
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, tid
from tests.server.conftest import Terminal, mutation, open_terminal
from tests.server.ingest_helpers import bearer, credential, order_event
from tests.server.mail import Inbox

CONSENTING = tid("customer:0")  # marketing by email granted (c0@example.jp)


def _sent(server: ServerThread, engine: Engine, port: int) -> tuple[Terminal, str, Message]:
    """An interest in the helmet, a follow-up about it, its message approved and sent."""
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    [r] = associate.push(
        mutation("interest.add", {"id": new_id(), "customer_id": CONSENTING, "sku": "HELMET-1"})
    )
    assert r["status"] == "applied", r
    fid = new_id()
    due = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    args = {"id": fid, "customer_id": CONSENTING, "due_date": due, "channel": "email"}
    [r] = associate.push(mutation("followup.create", {**args, "skus": ["HELMET-1"]}))
    assert r["status"] == "applied", r
    draft = associate.http.post(f"/v1/followups/{fid}/messages", json={}, headers=associate.auth)
    assert draft.status_code == 201 and draft.json()["has_cart_link"], draft.text
    mid = draft.json()["id"]
    assert manager.http.post(f"/v1/messages/{mid}/approve", headers=manager.auth).is_success
    smtp = SmtpEmail("127.0.0.1", port, "shop@example.jp", timeout_s=5)
    dispatcher = Dispatcher(engine, {"email": smtp}, Settings(public_base_url=server.base_url))
    assert dispatcher.run(now=datetime.now(UTC) + timedelta(days=3)).sent == 1
    with read_session(engine) as session:
        message = session.get(Message, mid)
        assert message is not None
    return associate, fid, message


def _followup(engine: Engine, fid: str) -> FollowUp:
    with read_session(engine) as session:
        row = session.get(FollowUp, fid)
        assert row is not None
        return row


def _link(mail: Any) -> str:
    page = mail.get_body(("html",)).get_content()
    found = re.search(r'<a class="cart" href="([^"]+)"', page)
    assert found, page
    return str(found.group(1))


def _checkout(http: httpx.Client, link: str, nonce: str, qty: int = 1) -> httpx.Response:
    form = f"sku=HELMET-1&qty_HELMET-1={qty}&store=S001&nonce={nonce}"
    return http.post(
        link + "/checkout",
        content=form.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


def test_the_link_opens_the_cart_and_its_checkout_is_a_credited_pickup(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    associate, fid, message = _sent(server, engine, port)
    [mail] = box.messages
    link = _link(mail)
    # Opaque: the token and nothing about the customer.
    assert link == f"{server.base_url}/shop/c/{message.link_token}"
    for pii in ("c0@example.jp", "山田", "+8190", CONSENTING):
        assert pii not in link
    assert f"/shop/c/{message.link_token}" in mail.get_body(("plain",)).get_content()
    assert _followup(engine, fid).message_status == "sent"
    assert _followup(engine, fid).status == "done"  # the message went: the contact is made

    with httpx.Client(timeout=20) as http:
        page = http.get(link)
        assert page.status_code == 200
        assert "ヘルメット" in page.text and "¥6,800" in page.text and "渋谷店" in page.text
        assert "山田" not in page.text and "c0@example.jp" not in page.text
        assert page.headers["cache-control"] == "no-store"
        pixel = re.search(r'<img src="([^"]+)"', mail.get_body(("html",)).get_content())
        assert pixel and http.get(pixel.group(1)).headers["content-type"] == "image/gif"
        nonce = secrets.token_hex(16)
        done = _checkout(http, link, nonce)
        assert done.status_code == 200 and "ご注文ありがとうございます" in done.text, done.text
        again = _checkout(http, link, nonce)  # a double tap, a reload
        assert again.status_code == 200

    f = _followup(engine, fid)
    assert f.message_status == "clicked"  # the later open does not hide the click
    assert f.credited_jpy == 6800 and f.credited_order_id is not None
    with read_session(engine) as session:
        [order] = session.execute(
            select(Order).where(
                col(Order.customer_id) == CONSENTING, col(Order.source) == "storefront"
            )
        ).scalars()
        assert order.channel == "online" and order.total_jpy == 6800
        assert order.attributed_followup_id == fid and order.attribution_rule == "token"
        assert order.attributed_staff_id == tid("staff:A001")
        [pickup] = session.execute(
            select(Reservation).where(col(Reservation.order_id) == order.id)
        ).scalars()
        assert (pickup.kind, pickup.store_id, pickup.sku) == ("pickup", SHIBUYA, "HELMET-1")
        [interest] = session.execute(
            select(Interest).where(col(Interest.customer_id) == CONSENTING)
        ).scalars()
        assert interest.status == "purchased"
        kinds = {
            a.summary
            for a in session.execute(
                select(Activity).where(col(Activity.customer_id) == CONSENTING)
            ).scalars()
        }
        assert "HELMET-1" in kinds and message.subject in kinds  # the click and the open
        sent = session.get(Message, message.id)
        assert sent is not None and sent.clicked_at is not None and sent.opened_at is not None

    # The store's terminals see the pickup, the order's credit and the follow-up's outcome.
    associate.pull_all()
    assert any(r["order_id"] == order.id for r in associate.entities("reservation").values())
    seen = associate.entities("followup")[fid]
    assert seen["message_status"] == "clicked" and seen["credited_jpy"] == 6800
    assert associate.entities("order")[order.id]["attributed_staff_id"] == tid("staff:A001")


def test_a_forged_or_altered_token_opens_nothing(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    _, port = inbox
    _, _, message = _sent(server, engine, port)
    assert message.link_token
    body, _, signature = message.link_token.partition(".")
    altered = f"{body[:-1]}{'A' if body[-1] != 'A' else 'B'}.{signature}"
    with httpx.Client(base_url=server.base_url, timeout=20) as http:
        for token in (altered, f"{body}.{'A' * len(signature)}", "x" * 16 + "." + "y" * 16):
            assert http.get(f"/shop/c/{token}").status_code == 404
            assert _checkout(http, f"{server.base_url}/shop/c/{token}", "0" * 32).status_code == 404
        assert http.get("/shop/c/not-a-token").status_code == 422
        # A genuine token whose form is not whole: a clear error, no order.
        link = f"{server.base_url}/shop/c/{message.link_token}"
        bad = http.post(link + "/checkout", content=b"sku=HELMET-1&qty_HELMET-1=1&store=S001")
        assert bad.status_code == 422
        none = _checkout(http, link, secrets.token_hex(16), qty=0)
        assert none.status_code == 200 and "1点以上" in none.text
    with read_session(engine) as session:
        assert not session.execute(select(Order).where(col(Order.source) == "storefront")).first()


def test_an_order_without_the_token_is_credited_inside_the_window_only(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    _, port = inbox
    _, fid, message = _sent(server, engine, port)
    assert message.sent_at is not None
    with httpx.Client(base_url=server.base_url, timeout=20) as http:
        token = credential(http, "posx", kinds=["pos.sale", "order"])["token"]
        sent = message.sent_at.astimezone(UTC)
        inside = order_event("e1", "O-1", source="posx", at=(sent + timedelta(days=5)).isoformat())
        outside = order_event(
            "e2", "O-2", source="posx", at=(sent + timedelta(days=15)).isoformat()
        )
        before = order_event("e3", "O-3", source="posx", at=(sent - timedelta(days=1)).isoformat())
        for event in (inside, outside, before):
            r = http.post("/v1/ingest/events", json=event, headers=bearer(token))
            assert r.status_code == 200, r.text
    with read_session(engine) as session:
        rows = {
            o.external_id: o
            for o in session.execute(select(Order).where(col(Order.source) == "posx")).scalars()
        }
    assert rows["O-1"].attributed_followup_id == fid and rows["O-1"].attribution_rule == "window"
    assert rows["O-2"].attributed_followup_id is None  # 15 days: outside the 14-day window
    assert rows["O-3"].attributed_followup_id is None  # before the message
    assert _followup(engine, fid).credited_jpy == 6800


def test_a_shopify_link_is_a_cart_permalink_with_the_token_as_an_attribute() -> None:
    settings = Settings(cart_link_format="shopify", shop_domain="bikes.myshopify.com")
    url = cart_url(settings, "abc.def", [("40123", 1), ("40456", 2)])
    assert url == (
        "https://bikes.myshopify.com/cart/40123:1,40456:2"
        "?attributes[clienteling]=abc.def&ref=clienteling"
    )
    assert cart_url(Settings(), "abc.def", [("40123", 1)]) is None  # no public address
