"""Helpers of the ingestion tests: an admin's session, credentials, events, NDJSON."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.server.authorship_helpers import device, signed_in
from tests.server.chain import SHIBUYA

ALL_KINDS = [
    "order",
    "pos.sale",
    "order.status",
    "web.view",
    "app.event",
    "sns.interaction",
    "support.inquiry",
    "email.engagement",
]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def admin_token(http: httpx.Client) -> str:
    return signed_in(http, device(http, SHIBUYA, "X900"), "X900").token


def credential(
    http: httpx.Client,
    source: str = "webshop",
    *,
    kinds: list[str] | None = None,
    creates_customers: bool = False,
    home_store: str | None = None,
    admin: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "source": source,
        "name": f"{source} integration",
        "kinds": kinds or ALL_KINDS,
        "creates_customers": creates_customers,
    }
    if home_store is not None:
        body["home_store"] = home_store
    made = http.post("/v1/integrations", json=body, headers=bearer(admin or admin_token(http)))
    assert made.status_code == 201, made.text
    found: dict[str, Any] = made.json()
    return found


def order_event(
    event_id: str,
    order_id: str,
    *,
    source: str = "webshop",
    at: str = "2026-11-01T10:00:00+09:00",
    customer: dict[str, Any] | None = None,
    status: str = "paid",
    lines: list[dict[str, Any]] | None = None,
    **order: Any,
) -> dict[str, Any]:
    return {
        "source": source,
        "event_id": event_id,
        "kind": "order",
        "occurred_at": at,
        "customer": customer or {"email": "C0@Example.jp"},
        "order": {
            "order_id": order_id,
            "status": status,
            "lines": lines or [{"sku": "HELMET-1", "quantity": 1, "unit_price_jpy": "6800"}],
            **order,
        },
    }


def status_event(
    event_id: str,
    order_id: str,
    status: str,
    at: str,
    *,
    source: str = "webshop",
    refund: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"order_id": order_id, "status": status}
    if refund is not None:
        body["refund_jpy"] = refund
    return {
        "source": source,
        "event_id": event_id,
        "kind": "order.status",
        "occurred_at": at,
        "status": body,
    }


def activity_event(
    event_id: str,
    kind: str = "web.view",
    *,
    source: str = "webshop",
    at: str = "2026-11-01T10:00:00+09:00",
    customer: dict[str, Any] | None = None,
    **activity: Any,
) -> dict[str, Any]:
    return {
        "source": source,
        "event_id": event_id,
        "kind": kind,
        "occurred_at": at,
        "customer": customer or {"email": "c0@example.jp"},
        "activity": activity,
    }


def ndjson(events: list[Any]) -> bytes:
    return b"".join(
        (e if isinstance(e, bytes) else json.dumps(e, ensure_ascii=False).encode()) + b"\n"
        for e in events
    )


def bulk(http: httpx.Client, token: str, body: bytes) -> httpx.Response:
    return http.post(
        "/v1/ingest/bulk",
        content=body,
        headers={**bearer(token), "Content-Type": "application/x-ndjson"},
    )
