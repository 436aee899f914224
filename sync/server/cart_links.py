"""Cart links: a message's link to a cart already holding the follow-up's items, carrying an
opaque signed **attribution token** and nothing else about the customer.

The token is 96 random bits and an HMAC of them under the database's own link key
(`server_secret`), so a forged or mistyped token is refused before any lookup; the message it
belongs to is found by the stored token. The link's format is a setting: this server's own
small storefront (`/shop/c/<token>`, the embedded default and the tests), or a Shopify cart
permalink (`https://SHOP/cart/VARIANT:QTY,...?attributes[clienteling]=<token>`): the shop
carries the attribute into the order, which comes back through ingestion with the token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import weakref
from urllib.parse import quote

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync.server.config import Settings
from sync.server.server_secrets import read_or_make

LINK_KEY = "link_key"
TOKEN_ATTRIBUTE = "clienteling"  # the cart attribute a shop carries the token in
_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def link_key(session: Session) -> bytes:
    """This database's link key, made on first use (in the caller's transaction), then kept
    for the process."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    cached = _KEYS.get(engine)
    if cached is None:
        cached = bytes.fromhex(read_or_make(session.connection(), LINK_KEY, secrets.token_hex(32)))
        _KEYS[engine] = cached
    return cached


def _signature(key: bytes, body: str) -> str:
    return _b64(hmac.new(key, body.encode(), hashlib.sha256).digest()[:12])


def new_token(key: bytes) -> str:
    body = _b64(secrets.token_bytes(12))
    return f"{body}.{_signature(key, body)}"


def is_genuine(key: bytes, token: str) -> bool:
    """Made by this database (not forged, not mistyped)."""
    body, dot, signature = token.partition(".")
    if not dot or not body or len(token) > 64:
        return False
    return hmac.compare_digest(_signature(key, body), signature)


def cart_url(settings: Settings, token: str, items: list[tuple[str, int]]) -> str | None:
    """The link a message carries (None: this server has no public address to link to)."""
    if settings.cart_link_format == "shopify" and settings.shop_domain:
        lines = ",".join(f"{quote(sku, safe='')}:{qty}" for sku, qty in items)
        return (
            f"https://{settings.shop_domain}/cart/{lines}"
            f"?attributes[{TOKEN_ATTRIBUTE}]={token}&ref={TOKEN_ATTRIBUTE}"
        )
    if not settings.public_base_url:
        return None
    return f"{storefront_base(settings)}/c/{token}"


def category_url(settings: Settings, token: str, code: str) -> str | None:
    """A category block's link: the storefront's page of that category (a Shopify shop's
    collection otherwise), recorded as a click on the profile."""
    if settings.cart_link_format == "shopify" and settings.shop_domain:
        return f"https://{settings.shop_domain}/collections/{quote(code, safe='')}?ref={token}"
    if not settings.public_base_url:
        return None
    return f"{storefront_base(settings)}/c/{token}/k/{quote(code, safe='')}"


def open_pixel_url(settings: Settings, token: str) -> str | None:
    if not settings.public_base_url:
        return None
    return f"{storefront_base(settings)}/o/{token}"


def storefront_base(settings: Settings) -> str:
    assert settings.public_base_url
    return settings.public_base_url.rstrip("/") + "/shop"
