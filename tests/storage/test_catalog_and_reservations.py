"""The cached catalog and reservations: product search as you type, the product view with
stock here and nearby (nearest first), reservation requests and steps overlaid until the
server answers, the store's lists, and the notices of outcomes that came later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clienteling.domain.models import SyncState
from clienteling.storage.cache import LocalCache
from sync.protocol import MutationResult, new_id
from tests.storage.factories import customer, page, product, store, upsert

HERE = store(code="S001", name="二子玉川店", latitude=35.611, longitude=139.626)
NEAR = store(code="S002", name="吉祥寺店", latitude=35.703, longitude=139.580)
FAR = store(code="S003", name="横浜店", latitude=35.457, longitude=139.632)


def _inventory(store_id: str, sku: str, on_hand: int, reserved: int = 0) -> dict[str, Any]:
    item = f"{store_id}:{sku}"
    return {"id": item, "store_id": store_id, "sku": sku, "on_hand": on_hand, "reserved": reserved}


def _category(code: str, ja: str, en: str, position: int) -> dict[str, Any]:
    return {
        "code": code,
        "label_ja": ja,
        "label_en": en,
        "image": f"res:catalog/{code}",
        "position": position,
    }


@pytest.fixture
def cache(tmp_path: Path) -> LocalCache:
    c = LocalCache.open(tmp_path / "cache.db", None)
    light = product(
        sku="LT-F400-BK",
        gtin="4923451000039",
        name="USB充電フロントライト 400",
        name_kana="ユーエスビージュウデンフロントライト",
        category="bike_light",
        brand="ヒカリ",
        price_jpy="4980",
        image=None,
    )
    bike = product(accessory_skus=["LT-F400-BK", "NO-SUCH-SKU"], image="res:catalog/bike")
    changes = [
        upsert("category", _category("bike_light", "自転車ライト", "Bike lights", 1), "bike_light"),
        upsert("category", _category("bicycle", "自転車", "Bicycles", 0), "bicycle"),
        *(upsert("store", s) for s in (HERE, NEAR, FAR)),
        upsert("product", light, light["sku"]),
        upsert("product", bike, bike["sku"]),
        upsert("inventory", _inventory(HERE["id"], "LT-F400-BK", 4, 1)),
        upsert("inventory", _inventory(FAR["id"], "LT-F400-BK", 9)),
        upsert("inventory", _inventory(NEAR["id"], "LT-F400-BK", 2)),
    ]
    c.apply_pull_page(page(*changes))
    yield c
    c.close()


@pytest.mark.parametrize(
    "query",
    [
        "フロントライト",
        "ふろんとらいと",
        "ﾌﾛﾝﾄﾗｲﾄ",
        "ライト 400",
        "lt-f400",
        "4923451",
        "LT-F400-BK",
    ],
)
def test_products_are_found_by_name_reading_sku_and_jan(cache: LocalCache, query: str) -> None:
    hits = cache.search_products(query, "ja")
    assert [h.sku for h in hits][:1] == ["LT-F400-BK"]
    assert hits[0].category_label == "自転車ライト"
    assert hits[0].image == "res:catalog/bike_light"  # the category's picture
    assert hits[0].price_jpy == 4980


def test_product_search_of_nothing_or_garbage_finds_nothing(cache: LocalCache) -> None:
    for query in ("", "   ", "zzzz", "'; DROP TABLE srv_product; --", "\x00"):
        assert cache.search_products(query, "ja") == []
    assert cache.search_products("ライト", "en")[0].category_label == "Bike lights"


def test_the_product_view_shows_stock_here_first_then_nearest(cache: LocalCache) -> None:
    detail = cache.product_detail("LT-F400-BK", HERE["id"], "ja")
    assert detail is not None
    assert [s.store_name for s in detail.stock] == ["二子玉川店", "吉祥寺店", "横浜店"]
    here, near, far = detail.stock
    assert (here.here, here.free, here.reserved, here.distance_km) == (True, 3, 1, 0.0)
    assert 9 < near.distance_km < 12 and 16 < far.distance_km < 19
    assert detail.stock_as_of is not None  # the pull that brought it
    bike = cache.product_detail("BK-ROAD-01", HERE["id"], "en")
    assert bike is not None
    assert [a.sku for a in bike.accessories] == ["LT-F400-BK"]  # unknown accessories skipped
    assert bike.product.image == "res:catalog/bike"
    assert [(s.store_name, s.free) for s in bike.stock] == [("二子玉川店", 0)]
    assert cache.product_detail("NO-SUCH", HERE["id"], "ja") is None


def _request(cache: LocalCache, customer_id: str, **args: Any) -> tuple[str, str]:
    rid = new_id()
    body = {
        "id": rid,
        "customer_id": customer_id,
        "store_id": HERE["id"],
        "sku": "LT-F400-BK",
        "quantity": 1,
        "kind": "hold",
        **args,
    }
    mid = cache.enqueue("reservation.request", body, customer_id=customer_id, summary="light")
    return rid, mid


def test_requests_show_as_requested_then_as_the_server_answered(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    held, held_mid = _request(cache, c["id"])
    refused, refused_mid = _request(cache, c["id"], quantity=9)
    rows = {r.id: r for r in cache.customer_reservations(c["id"])}
    assert {r.status for r in rows.values()} == {"requested"}
    assert {r.sync for r in rows.values()} == {SyncState.PENDING}
    assert {r.id for r in cache.store_lists(HERE["id"]).waiting} == {held, refused}

    cache.record_push_results(
        [
            MutationResult(
                id=held_mid,
                status="applied",
                data={"id": held, "status": "confirmed", "expires_at": "2026-12-03T10:00:00Z"},
            ),
            MutationResult(
                id=refused_mid,
                status="rejected",
                reason="no_stock",
                data={
                    "status": "rejected",
                    "available": 3,
                    "alternatives": [
                        {
                            "store_id": NEAR["id"],
                            "store_name": "吉祥寺店",
                            "available": 2,
                            "distance_km": 10.6,
                        }
                    ],
                },
            ),
        ]
    )
    rows = {r.id: r for r in cache.customer_reservations(c["id"])}
    assert (rows[held].status, rows[held].sync) == ("confirmed", SyncState.SYNCED)
    assert rows[held].steps_for(HERE["id"]) == ("fulfil", "extend", "cancel")
    no = rows[refused]
    assert (no.status, no.rejected_reason, no.sync) == ("rejected", "no_stock", SyncState.REJECTED)
    assert [(a.store_name, a.available, a.distance_km) for a in no.alternatives] == [
        ("吉祥寺店", 2, 10.6)
    ]
    told = cache.notices(unseen_only=True)
    assert sorted((n.subject_id, n.status, n.reason) for n in told) == sorted(
        [(held, "confirmed", None), (refused, "rejected", "no_stock")]
    )
    assert {n.product_name for n in told} == {"USB充電フロントライト 400"}
    assert cache.store_lists(HERE["id"]).waiting == ()


def _server_row(rid: str, customer_id: str, status: str, kind: str = "hold", **extra: Any) -> Any:
    data = {
        "id": rid,
        "customer_id": customer_id,
        "store_id": HERE["id"],
        "sku": "LT-F400-BK",
        "quantity": 1,
        "kind": kind,
        "status": status,
        "expires_at": "2026-12-02T10:00:00Z",
        "created_at": "2026-12-01T10:00:00Z",
        "staff_id": new_id(),
        "stock_store_id": HERE["id"],
        "source_store_id": None,
        "order_id": None,
        "updated_at": "2026-12-01T10:00:00Z",
        **extra,
    }
    return upsert("reservation", data)


def test_the_servers_later_moves_are_notices_and_own_steps_are_not(cache: LocalCache) -> None:
    c = customer()
    mine, theirs = new_id(), new_id()
    cache.apply_pull_page(
        page(
            upsert("customer", c),
            _server_row(mine, c["id"], "confirmed"),
            _server_row(theirs, c["id"], "confirmed"),
        )
    )
    assert cache.notices() == []  # what a sync first brings is no news
    cache.enqueue("reservation.cancel", {"id": mine}, customer_id=c["id"], summary="x")
    assert cache.reservation(mine).pending_step == "cancel"  # type: ignore[union-attr]
    cache.apply_pull_page(
        page(_server_row(mine, c["id"], "cancelled"), _server_row(theirs, c["id"], "expired"))
    )
    assert [(n.subject_id, n.status) for n in cache.notices()] == [(theirs, "expired")]


def test_store_lists_sort_reservations_into_the_counters_lists(cache: LocalCache) -> None:
    c = customer()
    pickup, hold, inbound, outbound = (new_id() for _ in range(4))
    cache.apply_pull_page(
        page(
            upsert("customer", c),
            _server_row(pickup, c["id"], "ready", kind="pickup"),
            _server_row(hold, c["id"], "confirmed", expires_at="2000-01-01T00:00:00Z"),
            _server_row(
                inbound,
                c["id"],
                "in_transit",
                kind="transfer",
                stock_store_id=NEAR["id"],
                source_store_id=NEAR["id"],
            ),
            _server_row(
                outbound,
                c["id"],
                "confirmed",
                kind="transfer",
                store_id=FAR["id"],
                stock_store_id=HERE["id"],
                source_store_id=HERE["id"],
            ),
        )
    )
    lists = cache.store_lists(HERE["id"])
    assert [r.id for r in lists.pickups] == [pickup]
    assert [r.id for r in lists.expiring] == [hold]
    assert [r.id for r in lists.transfers_in] == [inbound]
    assert [r.id for r in lists.transfers_out] == [outbound]
    assert {r.id for r in lists.open} == {pickup, hold, inbound}
    assert lists.transfers_in[0].steps_for(HERE["id"]) == ("receive",)
    assert lists.transfers_out[0].steps_for(HERE["id"]) == ("ship", "cancel")
    assert lists.pickups[0].customer_name == "田中 花子"


def test_a_request_whose_row_first_arrives_expired_is_a_notice(cache: LocalCache) -> None:
    """The hold expired before this terminal pulled its row: the staff member is still told."""
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    mine, _ = _request(cache, c["id"])
    someone_elses = new_id()
    cache.apply_pull_page(
        page(
            _server_row(mine, c["id"], "expired"),
            _server_row(someone_elses, c["id"], "expired"),
        )
    )
    assert [(n.subject_id, n.status) for n in cache.notices()] == [(mine, "expired")]
