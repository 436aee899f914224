"""The unified profile: server rows newest first, names resolved, pending changes overlaid."""

from __future__ import annotations

from clienteling.domain.models import SyncState
from clienteling.storage.cache import LocalCache
from sync.protocol import MutationResult, new_id
from tests.storage.factories import customer, note, page, product, store, upsert


def _order(customer_id: str, store_id: str, when: str, total: str) -> dict[str, object]:
    return {
        "id": new_id(),
        "customer_id": customer_id,
        "channel": "store",
        "store_id": store_id,
        "ordered_at": when,
        "total_jpy": total,
        "status": "completed",
        "attributed_staff_id": None,
        "attributed_followup_id": None,
        "lines": [
            {"sku": "BK-ROAD-01", "name": "ロードバイク R1", "quantity": 1, "unit_price_jpy": total}
        ],
    }


def _interest(customer_id: str, sku: str, when: str) -> dict[str, object]:
    return {
        "id": new_id(),
        "customer_id": customer_id,
        "sku": sku,
        "category": None,
        "comment": "ライトを検討",
        "staff_id": new_id(),
        "store_id": new_id(),
        "created_at": when,
        "status": "open",
    }


def _add_note(cache: LocalCache, customer_id: str, text: str) -> tuple[str, str]:
    note_id = new_id()
    mid = cache.enqueue(
        "note.add",
        {"id": note_id, "customer_id": customer_id, "text": text},
        customer_id=customer_id,
        summary=text,
        meta={"staff_id": "s1", "staff_name": "山田 太郎"},
    )
    return note_id, mid


def test_profile_gathers_orders_interests_and_notes_newest_first(cache: LocalCache) -> None:
    shop = store()
    c = customer(home_store_id=shop["id"])
    light = product(sku="AC-LIGHT-1", gtin="4901234567801", name="LEDライト")
    cache.apply_pull_page(
        page(
            upsert("store", shop),
            upsert("product", light, entity_id="AC-LIGHT-1"),
            upsert("customer", c),
            upsert("order", _order(c["id"], shop["id"], "2026-10-01T10:00:00Z", "128000")),
            upsert("order", _order(c["id"], shop["id"], "2026-11-01T10:00:00Z", "3000")),
            upsert("interest", _interest(c["id"], "AC-LIGHT-1", "2026-11-02T10:00:00Z")),
            upsert("note", note(c["id"], text="古い", created_at="2026-01-01T00:00:00Z")),
            upsert("note", note(c["id"], text="新しい", created_at="2026-11-01T00:00:00Z")),
        )
    )
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert profile.display_name == "田中 花子"
    assert profile.home_store_name == "渋谷店"
    assert [o.total_jpy for o in profile.orders] == [3000, 128000]
    assert profile.orders[0].store_name == "渋谷店"
    assert profile.orders[1].lines[0].name == "ロードバイク R1"
    assert [(i.sku, i.product_name) for i in profile.interests] == [("AC-LIGHT-1", "LEDライト")]
    assert [n.text for n in profile.notes] == ["新しい", "古い"]
    assert [k.channel for k in profile.consents] == ["email"]


def test_unknown_customer_has_no_profile(cache: LocalCache) -> None:
    assert cache.load_profile(new_id()) is None


def test_pending_note_is_overlaid_then_replaced_by_the_server_copy(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    note_id, mid = _add_note(cache, c["id"], "サドルの高さを調整\n次回はライト")

    profile = cache.load_profile(c["id"])
    assert profile is not None
    [pending] = profile.notes
    assert (pending.id, pending.sync, pending.staff_name) == (
        note_id,
        SyncState.PENDING,
        "山田 太郎",
    )
    assert cache.outbox_entries()[0].summary == "サドルの高さを調整"

    # The push is applied; until the server copy arrives the note still shows once, pending.
    cache.record_push_results([MutationResult(id=mid, status="applied")])
    profile = cache.load_profile(c["id"])
    assert profile is not None and [n.sync for n in profile.notes] == [SyncState.PENDING]

    server_copy = note(c["id"], id=note_id, text="サドルの高さを調整\n次回はライト")
    cache.apply_pull_page(page(upsert("note", server_copy), acked=[mid]))
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert [(n.id, n.sync) for n in profile.notes] == [(note_id, SyncState.SYNCED)]
    assert cache.outbox_entries() == []


def test_server_copy_before_the_ack_still_shows_one_note(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    note_id, _mid = _add_note(cache, c["id"], "一件だけ")
    cache.apply_pull_page(page(upsert("note", note(c["id"], id=note_id, text="一件だけ"))))
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert [(n.id, n.sync) for n in profile.notes] == [(note_id, SyncState.SYNCED)]


def test_rejected_note_shows_its_reason_until_dismissed(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    _note_id, mid = _add_note(cache, c["id"], "却下されるメモ")
    cache.record_push_results([MutationResult(id=mid, status="rejected", reason="forbidden")])

    profile = cache.load_profile(c["id"])
    assert profile is not None
    [shown] = profile.notes
    assert shown.sync == SyncState.REJECTED and shown.rejected_reason == "forbidden"

    cache.dismiss_rejected(mid)
    profile = cache.load_profile(c["id"])
    assert profile is not None and profile.notes == ()


def test_pending_interest_resolves_the_product_name(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(
        page(upsert("customer", c), upsert("product", product(), entity_id="BK-ROAD-01"))
    )
    interest_id = new_id()
    cache.enqueue(
        "interest.add",
        {"id": interest_id, "customer_id": c["id"], "sku": "BK-ROAD-01", "comment": "週末に試乗"},
        customer_id=c["id"],
        summary="ロードバイク R1: 週末に試乗",
    )
    profile = cache.load_profile(c["id"])
    assert profile is not None
    [shown] = profile.interests
    assert (shown.id, shown.product_name, shown.sync) == (
        interest_id,
        "ロードバイク R1",
        SyncState.PENDING,
    )


def test_a_pending_customer_update_shows_over_the_server_copy_until_it_is_rejected(
    cache: LocalCache,
) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    mid = cache.enqueue(
        "customer.update",
        {"id": c["id"], "phone": "+819012345678", "family_name": "佐藤", "email": None},
        customer_id=c["id"],
        summary="電話番号と姓",
    )
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert (profile.family_name, profile.phone) == ("佐藤", "+819012345678")
    assert profile.email == c["email"]  # a field the change leaves out keeps the server's value
    assert profile.given_name == c["given_name"]

    # Sent and applied, not pulled back yet: still the new values (not the stale server copy).
    cache.record_push_results([MutationResult(id=mid, status="applied")])
    profile = cache.load_profile(c["id"])
    assert profile is not None and profile.family_name == "佐藤"

    # Rejected: the server's values are the truth again (the change stays listed, with reason).
    cache.record_push_results([MutationResult(id=mid, status="rejected", reason="invalid")])
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert (profile.family_name, profile.phone) == (c["family_name"], c["phone"])
    assert [e.mutation_id for e in cache.outbox_entries()] == [mid]


def test_a_pending_update_of_another_customer_changes_nothing(cache: LocalCache) -> None:
    mine, other = customer(), customer()
    cache.apply_pull_page(page(upsert("customer", mine), upsert("customer", other)))
    cache.enqueue(
        "customer.update",
        {"id": other["id"], "family_name": "別人"},
        customer_id=mine["id"],  # a damaged entry: its args name another customer
        summary="x",
    )
    profile = cache.load_profile(mine["id"])
    assert profile is not None and profile.family_name == mine["family_name"]
