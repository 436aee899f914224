"""Builders for server payloads and pull pages used by the storage and services tests."""

from __future__ import annotations

import itertools
from typing import Any

from sync.protocol import Change, Cursors, MutationResult, PullResponse, new_id

_seq = itertools.count(1)


def customer(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": new_id(),
        "family_name": "田中",
        "given_name": "花子",
        "family_kana": "タナカ",
        "given_kana": "ハナコ",
        "email": "hanako.tanaka@example.jp",
        "phone": "+819012345678",
        "loyalty_card": "2900000000018",
        "online_account": None,
        "birthday": "1990-04-01",
        "tier": "gold",
        "points": 1200,
        "home_store_id": None,
        "preferred_staff_id": None,
        "merged_into": None,
        "identities": [],
        "consents": [
            {
                "purpose": "marketing",
                "channel": "email",
                "state": "granted",
                "source": "store",
                "recorded_at": "2026-01-01T10:00:00+09:00",
                "wording_version": "2026-01",
            }
        ],
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z",
    }
    data.update(overrides)
    return data


def store(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": new_id(),
        "code": "S001",
        "name": "渋谷店",
        "kind": "bicycle",
        "region": "kanto",
        "prefecture": "東京都",
        "city": "渋谷区",
        "latitude": 35.66,
        "longitude": 139.7,
        "phone": "+81312345678",
    }
    data.update(overrides)
    return data


def product(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sku": "BK-ROAD-01",
        "gtin": "4901234567894",
        "name": "ロードバイク R1",
        "name_kana": "ろーどばいく",
        "category": "bicycle",
        "brand": "Demo",
        "price_jpy": "128000",
        "accessory_skus": [],
    }
    data.update(overrides)
    return data


def note(customer_id: str, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": new_id(),
        "customer_id": customer_id,
        "text": "自転車の相談",
        "staff_id": new_id(),
        "staff_name": "山田 太郎",
        "store_id": new_id(),
        "created_at": "2026-11-01T10:00:00Z",
    }
    data.update(overrides)
    return data


def upsert(entity: str, data: dict[str, Any], entity_id: str | None = None) -> Change:
    key = entity_id or data.get("id") or data["sku"]
    return Change(
        bucket="customers:kanto", seq=next(_seq), entity=entity, id=key, op="upsert", data=data
    )


def delete(entity: str, entity_id: str) -> Change:
    return Change(
        bucket="customers:kanto", seq=next(_seq), entity=entity, id=entity_id, op="delete"
    )


def page(
    *changes: Change,
    has_more: bool = False,
    acked: list[str] | None = None,
    results: list[MutationResult] | None = None,
    must_resync: bool = False,
) -> PullResponse:
    top = max((c.seq for c in changes), default=0)
    return PullResponse(
        changes=list(changes),
        cursors=Cursors(buckets={"customers:kanto": top}).encode(),
        has_more=has_more,
        acked_mutation_ids=acked or [],
        mutation_results=results or [],
        must_resync=must_resync,
    )
