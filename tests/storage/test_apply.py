"""Applying pull pages: upserts, deletes, cursors, acks, rejections, must_resync, atomicity."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from clienteling.storage.cache import CacheError, LocalCache, OutboxFull
from clienteling.storage.outbox import PENDING_CAPS
from sync.protocol import Change, MutationResult, PageRejected, new_id
from tests.storage.factories import customer, delete, note, page, product, store, upsert


def _enqueue_note(cache: LocalCache, customer_id: str, text: str = "メモ") -> str:
    args = {"id": new_id(), "customer_id": customer_id, "text": text}
    return cache.enqueue("note.add", args, customer_id=customer_id, summary=text)


def test_upserts_replace_rows_and_their_search_keys(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    renamed = customer(id=c["id"], family_name="鈴木", family_kana="スズキ", phone="+819099998888")
    cache.apply_pull_page(page(upsert("customer", renamed)))

    assert cache.customer_count() == 1
    assert cache.search_customers("田中") == []
    assert cache.search_customers("たなか") == []
    hits = cache.search_customers("鈴木")
    assert [h.id for h in hits] == [c["id"]]
    assert [h.id for h in cache.search_customers("8888")] == [c["id"]]
    assert [h.id for h in cache.search_customers("ずきはな")] == [c["id"]]  # trigram, kept in step
    profile = cache.load_profile(c["id"])
    assert profile is not None and profile.family_name == "鈴木"


def test_last_change_of_an_entity_in_a_page_wins(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(
        page(upsert("customer", c), upsert("customer", {**c, "tier": "platinum"}))
    )
    hits = cache.search_customers("田中")
    assert [h.tier for h in hits] == ["platinum"]

    cache.apply_pull_page(page(upsert("customer", c), delete("customer", c["id"])))
    assert cache.customer_count() == 0


def test_deletes_remove_rows_from_reads_and_search(cache: LocalCache) -> None:
    keep, gone = customer(), customer(given_name="次郎", given_kana="ジロウ")
    cache.apply_pull_page(page(upsert("customer", keep), upsert("customer", gone)))
    cache.apply_pull_page(page(delete("customer", gone["id"])))

    assert cache.load_profile(gone["id"]) is None
    assert [h.id for h in cache.search_customers("田中")] == [keep["id"]]
    assert cache.search_customers("なかじろ") == []
    assert cache.customer_count() == 1


def test_cursors_are_stored_with_the_page(cache: LocalCache) -> None:
    assert cache.cursors() is None
    first = page(upsert("store", store()), has_more=True)
    cache.apply_pull_page(first)
    assert cache.cursors() == first.cursors
    second = page(upsert("product", product()))
    cache.apply_pull_page(second)
    assert cache.cursors() == second.cursors


def test_first_sync_builds_the_search_index_on_its_last_page(cache: LocalCache) -> None:
    people = [customer(given_name=f"花{i}", given_kana="ハナ") for i in range(30)]
    cache.apply_pull_page(page(*[upsert("customer", p) for p in people[:20]], has_more=True))
    assert cache.get_state("bulk_load") == "1"  # indexes dropped while loading
    assert len(cache.search_customers("田中")) == 20  # still correct, just without indexes

    cache.apply_pull_page(page(*[upsert("customer", p) for p in people[20:]]))
    assert cache.get_state("bulk_load") == "0"
    assert cache.get_state("search_index_dirty") == "0"
    assert len(cache.search_customers("なかはな", limit=100)) == 30  # trigram substring
    assert len(cache.search_customers("田中", limit=10)) == 10


def test_an_interrupted_first_sync_resumes_from_its_cursor(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    cache = LocalCache.open(path, None)
    first = page(upsert("customer", customer()), has_more=True)
    cache.apply_pull_page(first)
    cache.close()

    reopened = LocalCache.open(path, None)
    assert reopened.cursors() == first.cursors
    reopened.apply_pull_page(page(upsert("customer", customer(given_name="次郎"))))
    assert len(reopened.search_customers("田中")) == 2
    assert reopened.get_state("bulk_load") == "0"
    reopened.close()


def test_push_results_mark_entries_and_pull_acks_delete_applied_ones(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    ok, refused = _enqueue_note(cache, c["id"]), _enqueue_note(cache, c["id"], "二件目")
    assert [e.mutation_id for e in cache.pending_mutations(10)] == [ok, refused]

    cache.record_push_results(
        [
            MutationResult(id=ok, status="applied"),
            MutationResult(id=refused, status="rejected", reason="forbidden"),
        ]
    )
    assert cache.pending_mutations(10) == []
    entries = {e.mutation_id: e for e in cache.outbox_entries()}
    assert list(entries) == [refused]
    assert entries[refused].status == "rejected" and entries[refused].last_error == "forbidden"

    cache.apply_pull_page(page(acked=[ok, refused]))
    # The applied one is gone; the rejection stays until a person dismisses it.
    assert [e.mutation_id for e in cache.outbox_entries()] == [refused]
    stats = cache.outbox_stats()
    assert (stats.pending, stats.rejected) == (0, 1)
    cache.dismiss_rejected(refused)
    assert cache.outbox_entries() == []


def test_a_lost_push_reply_is_settled_by_the_pull(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    applied, rejected = _enqueue_note(cache, c["id"]), _enqueue_note(cache, c["id"])
    # No push reply arrived: both still pending. The pull carries the stored results.
    cache.apply_pull_page(
        page(
            acked=[applied, rejected],
            results=[
                MutationResult(id=applied, status="applied"),
                MutationResult(id=rejected, status="rejected", reason="not_found"),
            ],
        )
    )
    [left] = cache.outbox_entries()
    assert left.mutation_id == rejected and left.status == "rejected"
    assert left.last_error == "not_found"


def test_dismiss_never_drops_a_pending_entry(cache: LocalCache) -> None:
    mid = _enqueue_note(cache, new_id())
    cache.dismiss_rejected(mid)
    assert [e.mutation_id for e in cache.outbox_entries()] == [mid]


def test_push_failure_counts_attempts_and_keeps_entries_pending(cache: LocalCache) -> None:
    mid = _enqueue_note(cache, new_id())
    cache.record_push_failure([mid], "connection refused")
    cache.record_push_failure([mid], "timeout")
    [entry] = cache.pending_mutations(5)
    assert entry.attempts == 2 and entry.last_error == "timeout"
    assert entry.client_time == entry.created_at


def test_outbox_stats_report_the_oldest_pending_entry(cache: LocalCache) -> None:
    assert cache.outbox_stats().oldest_pending_at is None
    before = datetime.now(UTC)
    _enqueue_note(cache, new_id())
    _enqueue_note(cache, new_id())
    stats = cache.outbox_stats()
    assert stats.pending == 2 and stats.rejected == 0
    assert stats.oldest_pending_at is not None
    assert abs((stats.oldest_pending_at - before).total_seconds()) < 5


def test_must_resync_drops_server_rows_but_keeps_the_outbox(cache: LocalCache) -> None:
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c), upsert("note", note(c["id"]))))
    mid = _enqueue_note(cache, c["id"], "オフラインで書いたメモ")

    cache.apply_pull_page(page(must_resync=True))

    assert cache.cursors() is None
    assert cache.customer_count() == 0
    assert cache.search_customers("田中") == []
    assert [e.mutation_id for e in cache.pending_mutations(10)] == [mid]
    # The rebuilt state arrives as a fresh first sync.
    cache.apply_pull_page(page(upsert("customer", c)))
    profile = cache.load_profile(c["id"])
    assert profile is not None
    assert [n.text for n in profile.notes] == ["オフラインで書いたメモ"]


def test_a_failing_page_changes_nothing(cache: LocalCache) -> None:
    good = page(upsert("product", product()))
    cache.apply_pull_page(good)
    # The database refuses the store row after the page's customer rows are written (customers
    # are applied first): a real SQLite failure in the middle of the page's transaction.
    with cache._lock:  # white-box: a trigger stands in for a full disk
        cache._raw.execute(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.srv_store "
            "BEGIN SELECT RAISE(ABORT, 'no space left for this row'); END"
        )
    bad = page(upsert("customer", customer()), upsert("store", store()), acked=[])

    with pytest.raises(CacheError, match="no space left"):
        cache.apply_pull_page(bad)

    assert cache.cursors() == good.cursors
    counts = cache.row_counts()
    assert (counts["srv_store"], counts["srv_customer"], counts["srv_product"]) == (0, 0, 1)
    assert cache.search_customers("田中") == []
    assert cache.product_by_sku("BK-ROAD-01") is not None


def test_odd_field_types_from_the_server_are_stored_as_text(cache: LocalCache) -> None:
    odd = customer(phone=["not", "a", "string"], given_name=42, email="  Hanako@Example.JP ")
    cache.apply_pull_page(page(upsert("customer", odd)))
    hits = cache.search_customers("hanako@example.jp")
    assert [h.id for h in hits] == [odd["id"]]
    assert hits[0].given_name == "42"
    assert hits[0].phone == '["not","a","string"]'


@pytest.mark.parametrize(
    "stored",
    [
        "hanako@example.jp",
        "Hanako@Example.JP",
        "  hanako@example.jp ",
        "\thanako@example.jp\n",
        "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
    ],
)
def test_stored_emails_are_keyed_as_queries_are(cache: LocalCache, stored: str) -> None:
    c = customer(email=stored)
    cache.apply_pull_page(page(upsert("customer", c)))
    assert [h.id for h in cache.search_customers("HANAKO@example.jp")] == [c["id"]]


def test_a_change_that_breaks_the_protocol_rejects_the_whole_page(cache: LocalCache) -> None:
    good = page(upsert("product", product()))
    cache.apply_pull_page(good)
    fields: dict[str, Any] = {"bucket": "x", "seq": 2, "entity": "customer", "id": "c9"}
    no_data = Change.model_construct(**fields, op="upsert", data=None)
    with pytest.raises(PageRejected, match="break the sync protocol"):
        cache.apply_pull_page(page(upsert("store", store()), no_data))
    assert cache.cursors() == good.cursors
    assert cache.row_counts()["srv_store"] == 0


def test_unknown_entities_are_ignored(cache: LocalCache) -> None:
    # A newer server may send entities this app does not know (built unvalidated on purpose).
    fields: dict[str, Any] = {
        "bucket": "x",
        "seq": 1,
        "entity": "hologram",
        "id": "h1",
        "op": "upsert",
        "data": {"id": "h1"},
    }
    odd = Change.model_construct(**fields)
    cache.apply_pull_page(page(odd, upsert("store", store())))
    assert cache.cursors() is not None


def test_products_are_found_by_sku_and_gtin(cache: LocalCache) -> None:
    cache.apply_pull_page(page(upsert("product", product(), entity_id="BK-ROAD-01")))
    by_gtin = cache.product_by_gtin("4901234567894")
    assert by_gtin is not None and by_gtin["sku"] == "BK-ROAD-01"
    assert cache.product_by_sku("NOPE") is None


def _fts_rows(cache: LocalCache) -> list[tuple[int, str]]:
    with cache._read() as db:  # white-box: the trigram index must mirror srv_customer exactly
        fts = db.execute("SELECT rowid, text FROM customer_fts ORDER BY rowid").fetchall()
        rows = db.execute("SELECT pk, kana_key FROM srv_customer ORDER BY pk").fetchall()
    assert [tuple(r) for r in fts] == [tuple(r) for r in rows]
    return [tuple(r) for r in rows]


def test_trigram_index_follows_updates_deletes_and_new_rows_in_one_page(
    cache: LocalCache,
) -> None:
    a, b, c = (
        customer(given_name=n, given_kana=k)
        for n, k in [("一", "イチ"), ("二", "ニ"), ("三", "サン")]
    )
    cache.apply_pull_page(page(*(upsert("customer", x) for x in (a, b, c))))
    _fts_rows(cache)
    # c holds the highest pk: deleting it lets a new row reuse that pk in the same page.
    d = customer(given_name="四", given_kana="ヨン")
    renamed = {**a, "family_kana": "スズキ"}
    cache.apply_pull_page(
        page(upsert("customer", renamed), delete("customer", c["id"]), upsert("customer", d))
    )
    assert len(_fts_rows(cache)) == 3
    assert [h.id for h in cache.search_customers("ずきいち")] == [a["id"]]
    assert cache.search_customers("なかいち") == []
    assert cache.search_customers("なかさん") == []
    assert [h.id for h in cache.search_customers("なかよん")] == [d["id"]]


def test_first_sync_keeps_the_trigram_index_in_step_across_pages(cache: LocalCache) -> None:
    a, b = customer(given_name="一", given_kana="イチ"), customer(given_name="二", given_kana="ニ")
    cache.apply_pull_page(page(upsert("customer", a), upsert("customer", b), has_more=True))
    assert cache.get_state("bulk_load") == "1"
    # The same customer again on a later page (updated on the server meanwhile).
    cache.apply_pull_page(
        page(upsert("customer", {**a, "given_kana": "ハジメ"}), delete("customer", b["id"]))
    )
    assert cache.get_state("bulk_load") == "0"
    assert cache.get_state("search_index_dirty") == "0"
    assert len(_fts_rows(cache)) == 1
    assert [h.id for h in cache.search_customers("かはじめ")] == [a["id"]]
    assert cache.search_customers("なかいち") == []


def test_rows_sent_twice_during_a_first_sync_are_kept_once_with_their_latest_payload(
    cache: LocalCache,
) -> None:
    c, other = customer(tier="silver"), customer(given_name="次郎", given_kana="ジロウ")
    n = note(c["id"])
    cache.apply_pull_page(
        page(upsert("customer", c), upsert("customer", other), upsert("note", n), has_more=True)
    )
    # Found while the first sync is still loading (no indexes yet).
    assert [h.id for h in cache.search_customers("たなかはなこ")] == [c["id"]]
    # The same rows again on a later page: from a second bucket, or changed meanwhile.
    cache.apply_pull_page(
        page(
            upsert("customer", {**c, "tier": "platinum"}),
            upsert("note", {**n, "text": "書き直したメモ"}),
            has_more=True,
        )
    )
    loading = cache.load_profile(c["id"])  # still loading: the newer copy is shown
    assert loading is not None and loading.tier == "platinum"
    cache.apply_pull_page(page())

    assert cache.customer_count() == 2
    assert cache.row_counts()["srv_note"] == 1
    profile = cache.load_profile(c["id"])
    assert profile is not None and profile.tier == "platinum"
    assert [x.text for x in profile.notes] == ["書き直したメモ"]
    assert [h.tier for h in cache.search_customers("田中花子")] == ["platinum"]
    assert len(_fts_rows(cache)) == 2
    # The unique indexes are back: a later page updates in place.
    cache.apply_pull_page(page(upsert("customer", {**c, "tier": "gold"})))
    assert cache.customer_count() == 2
    assert [h.tier for h in cache.search_customers("田中花子")] == ["gold"]


def test_pending_reservation_requests_are_capped_per_terminal(cache: LocalCache) -> None:
    def request() -> str:
        args = {"id": new_id(), "customer_id": "c1", "store_id": "s1", "sku": "BK-1", "qty": 1}
        return cache.enqueue("reservation.request", args, customer_id="c1", summary="取り置き")

    waiting = [request() for _ in range(PENDING_CAPS["reservation.request"])]
    with pytest.raises(OutboxFull, match="still waiting to be sent"):
        request()
    _enqueue_note(cache, "c1")  # other changes are not held back
    assert cache.outbox_stats().pending == len(waiting) + 1

    # Once the server has answered one, there is room for one more.
    cache.record_push_results([MutationResult(id=waiting[0], status="applied")])
    request()
    with pytest.raises(OutboxFull):
        request()
