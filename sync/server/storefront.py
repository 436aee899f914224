"""The storefront a cart link opens when the chain has no shop of its own (the embedded default
and the tests): the cart already holding the follow-up's items, a page per recommended
category, and checkout with pickup at a store.

Nothing here writes to the profile directly: the order, the clicks and the opens are events
of the source `storefront` through the same ingestion code as any web shop's (so the order
becomes a pickup reservation at the store and is credited by its token, sync.server.
attribution). The link's token is the only credential; the pages show product names and
prices, never the customer.
"""

from __future__ import annotations

import html
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Annotated
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session
from sqlmodel import col, select
from starlette.concurrency import run_in_threadpool

from sync.protocol.ingest import ActivityIn, CustomerRef, IngestEvent, OrderIn, OrderLineIn
from sync.server import delivery
from sync.server.auth import EngineDep
from sync.server.cart_links import is_genuine, link_key
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.ingest.bulk import apply_events, ingest_one
from sync.server.ingest.identity import IngestRejected
from sync.server.integrations import IntegrationAuth
from sync.server.models import Category, Customer, FollowUp, Message, Product, Store
from sync.server.timeutil import utcnow

SOURCE = "storefront"
AUTH = IntegrationAuth(
    credential_id="storefront",
    source=SOURCE,
    kinds=frozenset({"order", "web.view", "email.engagement"}),
    creates_customers=False,
    home_store_id=None,
)
MAX_ITEMS = 20
TokenPath = Annotated[
    str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{1,32}$")
]
CodePath = Annotated[str, Path(max_length=64, pattern=r"^[!-~]{1,64}$")]
Publish = Callable[[Iterable[str]], None]
# A transparent 1x1 GIF: the open pixel.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
_STYLE = (
    "body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#222}"
    "h1{font-size:1.4rem}table{width:100%;border-collapse:collapse}"
    "td{padding:.5rem;border-bottom:1px solid #ddd}td.price{text-align:right}"
    "input[type=number]{width:4rem;font-size:1rem}select,button{font-size:1.1rem;padding:.5rem}"
    "button{background:#1a5fb4;color:#fff;border:0;border-radius:.3rem;margin-top:1rem}"
    ".note{color:#555}"
)
_WORDS = {
    "ja": {
        "cart": "カート",
        "intro": "スタッフがご用意したカートです。数量を変えてご注文いただけます。",
        "pickup": "受け取り店舗",
        "order": "注文して店舗で受け取る",
        "empty": "カートは空です。",
        "total": "合計",
        "thanks": "ご注文ありがとうございます",
        "ready": (
            "ご注文番号 {number}。{store}でお受け取りいただけます（準備ができ次第ご連絡します）。"
        ),
        "add": "カートに入れる",
        "back": "カートに戻る",
        "unknown": "このリンクは無効です",
        "unknown_text": "リンクの有効期限が切れたか、正しくありません。",
        "none": "1点以上お選びください。",
        "free": "ギフト包装・配送無料",
    },
    "en": {
        "cart": "Your cart",
        "intro": "Our staff put this cart together for you. Change the quantities and order.",
        "pickup": "Pick up at",
        "order": "Order and pick up in store",
        "empty": "The cart is empty.",
        "total": "Total",
        "thanks": "Thank you for your order",
        "ready": "Order {number}. Pick it up at {store} (we will tell you when it is ready).",
        "add": "Add to cart",
        "back": "Back to the cart",
        "unknown": "This link is not valid",
        "unknown_text": "The link has expired or is not correct.",
        "none": "Choose at least one item.",
        "free": "Gift wrapping and shipping free",
    },
}


@dataclass(frozen=True)
class Link:
    """What a genuine token opens: its message, follow-up and customer."""

    message: Message
    followup: FollowUp
    customer: Customer

    @property
    def language(self) -> str:
        return self.message.language if self.message.language in _WORDS else "ja"


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["ja"])


def _page(language: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>",
        status_code=status,
    )


def _not_found() -> HTMLResponse:
    w = _words("ja")
    return _page("ja", w["unknown"], f"<p>{html.escape(w['unknown_text'])}</p>", 404)


def _link(session: Session, token: str) -> Link | None:
    if not is_genuine(link_key(session), token):
        return None
    message = session.execute(
        select(Message).where(col(Message.link_token) == token)
    ).scalar_one_or_none()
    if message is None:
        return None
    followup = session.get(FollowUp, message.followup_id)
    customer = session.get(Customer, message.customer_id)
    if followup is None or customer is None:
        return None
    return Link(message, followup, customer)


def _customer_ref(customer: Customer) -> CustomerRef | None:
    """How the storefront names the customer to ingestion: their card, else email, else phone
    (read here, on the server; never in the link)."""
    if customer.loyalty_card:
        return CustomerRef(loyalty_card=customer.loyalty_card)
    if customer.email:
        return CustomerRef(email=customer.email)
    if customer.phone:
        return CustomerRef(phone=customer.phone)
    return None


def _price(value: Decimal) -> str:
    return f"¥{int(value):,}"


def _event(
    link: Link, event_id: str, kind: str, at: datetime, **body: object
) -> IngestEvent | None:
    ref = _customer_ref(link.customer)
    if ref is None:
        return None
    return IngestEvent.model_validate(
        {"source": SOURCE, "event_id": event_id, "kind": kind, "occurred_at": at, "customer": ref}
        | body
    )


class Storefront:
    def __init__(self, engine: Engine, publish: Publish) -> None:
        self.engine, self.publish = engine, publish

    def open(self, token: str) -> Link | None:
        with write_session(self.engine) as session:  # the link key may be made here
            return _link(session, token)

    def record(self, link: Link, what: str, event: IngestEvent | None) -> None:
        """A click or an open: on the message (first time), its follow-up's delivery status,
        and the profile's activities (once per thing, by the event id)."""
        now = utcnow()
        name = "clicked_at" if what == "clicked" else "opened_at"
        with write_session(self.engine) as session:
            first = session.execute(
                update(Message)
                .where(col(Message.id) == link.message.id, getattr(Message, name).is_(None))
                .values({name: now})
            )
            if getattr(first, "rowcount", 0):
                row = session.get(Message, link.message.id)
                if row is not None:
                    delivery.note(session, row, what, now)
        if event is not None:
            ingest_one(self.engine, AUTH, event, self.publish)

    def products(self, skus: list[str]) -> list[Product]:
        with read_session(self.engine) as session:
            found = {
                p.sku: p
                for p in session.execute(select(Product).where(col(Product.sku).in_(skus)))
                .scalars()
                .all()
            }
        return [found[s] for s in dict.fromkeys(skus) if s in found]

    def stores(self, link: Link) -> list[Store]:
        with read_session(self.engine) as session:
            rows = list(
                session.execute(
                    select(Store).where(col(Store.region) == link.customer.region)
                ).scalars()
            )
        rows.sort(key=lambda s: (s.id != link.followup.store_id, s.code))
        return rows

    def category(self, code: str) -> tuple[Category | None, list[Product]]:
        with read_session(self.engine) as session:
            cat = session.execute(
                select(Category).where(col(Category.code) == code)
            ).scalar_one_or_none()
            rows = list(
                session.execute(
                    select(Product)
                    .where(col(Product.category) == code)
                    .order_by(Product.sku)
                    .limit(24)
                ).scalars()
            )
        return cat, rows


def _cart_page(
    front: Storefront, token: str, link: Link, skus: list[str], error: str = ""
) -> HTMLResponse:
    w = _words(link.language)
    items = front.products(skus)
    rows = "".join(
        f'<tr><td>{html.escape(p.name)}</td><td class="price">{_price(p.price_jpy)}</td>'
        f'<td><input type="hidden" name="sku" value="{html.escape(p.sku, quote=True)}">'
        f'<input type="number" min="0" max="9" name="qty_{html.escape(p.sku, quote=True)}" '
        f'value="1" aria-label="{html.escape(p.name, quote=True)}"></td></tr>'
        for p in items
    )
    stores = "".join(
        f'<option value="{html.escape(s.code, quote=True)}">{html.escape(s.name)}</option>'
        for s in front.stores(link)
    )
    total = sum((p.price_jpy for p in items), Decimal(0))
    body = f'<p class="note">{html.escape(w["intro"])}</p>'
    if error:
        body += f'<p class="error" role="alert">{html.escape(error)}</p>'
    if not items:
        return _page(link.language, w["cart"], body + f"<p>{html.escape(w['empty'])}</p>")
    if link.followup.kind == "occasion":
        body += f'<p class="note">{html.escape(w["free"])}</p>'
    body += (
        f'<form method="post" action="/shop/c/{token}/checkout" id="checkout">'
        f'<table id="cart">{rows}</table>'
        f'<p>{html.escape(w["total"])}: <span id="total">{_price(total)}</span></p>'
        f'<label>{html.escape(w["pickup"])} <select name="store" id="store">{stores}</select>'
        f'</label><input type="hidden" name="nonce" value="{secrets.token_hex(16)}">'
        f'<p><button type="submit" id="order">{html.escape(w["order"])}</button></p></form>'
    )
    return _page(link.language, w["cart"], body)


def install_storefront_routes(app: FastAPI, publish: Publish) -> None:
    def front(engine: Engine) -> Storefront:
        return Storefront(engine, publish)

    @app.get("/shop/c/{token}", tags=["storefront"], response_class=HTMLResponse)
    def cart_page(
        engine: EngineDep,
        token: TokenPath,
        add: Annotated[list[str] | None, Query(max_length=MAX_ITEMS)] = None,
    ) -> HTMLResponse:
        """The cart of a message's link, already holding the follow-up's items (and any
        added from a category page); the visit is recorded as a click."""
        shop = front(engine)
        link = shop.open(token)
        if link is None:
            return _not_found()
        summary = ", ".join(json.loads(link.followup.skus_json))[:2000]
        activity = ActivityIn(action="cart_link", summary=summary)
        event = _event(link, f"cart-{link.message.id}", "web.view", utcnow(), activity=activity)
        shop.record(link, "clicked", event)
        skus = [*json.loads(link.followup.skus_json), *(a[:64] for a in add or [])]
        return _cart_page(shop, token, link, skus[:MAX_ITEMS])

    @app.get("/shop/c/{token}/k/{code}", tags=["storefront"], response_class=HTMLResponse)
    def category_page(engine: EngineDep, token: TokenPath, code: CodePath) -> HTMLResponse:
        """A recommended category's products (a block in the message), each one tap from the
        cart; the visit is recorded on the profile."""
        shop = front(engine)
        link = shop.open(token)
        if link is None:
            return _not_found()
        cat, products = shop.category(code)
        if cat is None:
            return _not_found()
        label = cat.label_ja if link.language == "ja" else cat.label_en
        activity = ActivityIn(action="category_link", summary=label[:2000])
        event = _event(
            link, f"category-{link.message.id}-{code}", "web.view", utcnow(), activity=activity
        )
        shop.record(link, "clicked", event)
        w = _words(link.language)
        rows = "".join(
            f'<tr><td>{html.escape(p.name)}</td><td class="price">{_price(p.price_jpy)}</td>'
            f'<td><a href="/shop/c/{token}?add={quote(p.sku, safe="")}">'
            f"{html.escape(w['add'])}</a></td></tr>"
            for p in products
        )
        back = f'<p><a href="/shop/c/{token}">{html.escape(w["back"])}</a></p>'
        return _page(link.language, label, f'<table id="products">{rows}</table>{back}')

    @app.post("/shop/c/{token}/checkout", tags=["storefront"], response_class=HTMLResponse)
    async def checkout(request: Request, engine: EngineDep, token: TokenPath) -> HTMLResponse:
        """Order the cart for pickup at a store: an online order through ingestion (a pickup
        reservation at the store; credited by the link's token). Sent twice (a double tap, a
        reload), it is one order."""
        form = parse_qs((await request.body())[:20_000].decode("utf-8", "replace"))
        return await run_in_threadpool(_checkout, front(engine), token, form)

    @app.get("/shop/o/{token}", tags=["storefront"], response_class=Response)
    def opened(engine: EngineDep, token: TokenPath) -> Response:
        """The open pixel of an email: the first load marks the message opened."""
        shop = front(engine)
        link = shop.open(token)
        if link is not None:
            activity = ActivityIn(action="open", summary=link.message.subject[:2000])
            event = _event(
                link, f"open-{link.message.id}", "email.engagement", utcnow(), activity=activity
            )
            shop.record(link, "opened", event)
        return Response(PIXEL, media_type="image/gif")


def _checkout(shop: Storefront, token: str, form: dict[str, list[str]]) -> HTMLResponse:
    link = shop.open(token)
    if link is None:
        return _not_found()
    w = _words(link.language)
    nonce = (form.get("nonce") or [""])[0]
    if not (16 <= len(nonce) <= 64 and nonce.isalnum()):
        raise ApiError(422, "invalid_form", "The order form is incomplete: reload the cart.")
    wanted: list[tuple[Product, int]] = []
    for product in shop.products([s[:64] for s in form.get("sku", [])][:MAX_ITEMS]):
        raw = (form.get(f"qty_{product.sku}") or ["0"])[0]
        qty = int(raw) if raw.isdigit() and len(raw) <= 2 else 0
        if qty > 0:
            wanted.append((product, min(qty, 9)))
    stores = {s.code: s for s in shop.stores(link)}
    store = stores.get((form.get("store") or [""])[0])
    if not wanted or store is None:
        skus = [p.sku for p, _ in wanted] or json.loads(link.followup.skus_json)
        return _cart_page(shop, token, link, skus, w["none"])
    number = f"W{nonce[:10].upper()}"
    order = OrderIn(
        order_id=number,
        channel="online",
        status="placed",
        pickup_store=store.code,
        lines=[OrderLineIn(sku=p.sku, quantity=q, unit_price_jpy=p.price_jpy) for p, q in wanted],
        attribution_token=token,
    )
    event = _event(link, f"checkout-{nonce}", "order", utcnow(), order=order)
    if event is None:
        raise ApiError(409, "conflict", "This customer cannot order online.")
    [result] = apply_events(shop.engine, AUTH, [event], shop.publish)
    # The same form sent again (a double tap, a reload) is the order already placed.
    if isinstance(result, IngestRejected) and result.code != "event_id_reused":
        raise ApiError(409, "conflict", "The order could not be placed.")
    text = w["ready"].format(number=number, store=store.name)
    return _page(link.language, w["thanks"], f'<p id="done">{html.escape(text)}</p>')
