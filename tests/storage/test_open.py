"""Opening the cache: encryption, wrong keys, damaged files, moving a broken file aside."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest

from clienteling.storage.cache import CacheCorrupt, CacheError, LocalCache
from sync.protocol import new_id
from tests.storage.factories import customer, page, upsert

KEY = secrets.token_hex(32)


def _fill(path: Path, key: str | None) -> str:
    cache = LocalCache.open(path, key)
    data = customer()
    cache.apply_pull_page(page(upsert("customer", data)))
    cache.close()
    return str(data["id"])


def test_encrypted_cache_reopens_with_its_key_and_hides_its_contents(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    cid = _fill(path, KEY)

    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "田中".encode() not in raw and b"hanako.tanaka" not in raw

    cache = LocalCache.open(path, KEY)
    try:
        assert [h.id for h in cache.search_customers("田中")] == [cid]
    finally:
        cache.close()


def test_wrong_key_is_reported_as_corrupt_and_the_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    _fill(path, KEY)
    before = path.read_bytes()

    with pytest.raises(CacheCorrupt, match="cannot be read"):
        LocalCache.open(path, secrets.token_hex(32))

    assert path.read_bytes() == before
    LocalCache.open(path, KEY).close()  # the right key still works


def test_plain_file_opened_with_a_key_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    _fill(path, None)
    with pytest.raises(CacheCorrupt):
        LocalCache.open(path, KEY)


def test_garbage_file_is_corrupt_and_quarantine_moves_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    garbage = secrets.token_bytes(8192)
    path.write_bytes(garbage)

    with pytest.raises(CacheCorrupt) as caught:
        LocalCache.open(path, KEY)
    assert "cache.db" in str(caught.value)

    moved = LocalCache.quarantine(path)
    assert moved.name.startswith("cache.db.corrupt-")
    assert moved.read_bytes() == garbage  # nothing deleted
    assert not path.exists()

    fresh = LocalCache.open(path, KEY)  # the app can start over and resync
    assert fresh.customer_count() == 0
    fresh.close()


def test_damaged_pages_inside_a_valid_file_are_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    _fill(path, None)
    data = bytearray(path.read_bytes())
    # Keep the header page, overwrite the rest (the schema and tables live there).
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))

    with pytest.raises(CacheCorrupt):
        cache = LocalCache.open(path, None)
        cache.search_customers("田中")
        cache.close()


def test_a_key_that_is_not_hex_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    with pytest.raises(CacheError, match="hexadecimal"):
        LocalCache.open(path, "x'; DROP TABLE outbox; --")
    assert not path.exists()


def test_a_cache_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    cache = LocalCache.open(path, None)
    cache.set_state("schema_version", "999")
    cache.close()
    with pytest.raises(CacheError, match="newer version"):
        LocalCache.open(path, None)


def test_closed_cache_says_so(tmp_path: Path) -> None:
    cache = LocalCache.open(tmp_path / "cache.db", None)
    cache.close()
    with pytest.raises(CacheError, match="closed"):
        cache.customer_count()


@pytest.mark.parametrize("old", ["1", "2"])
def test_a_cache_of_a_previous_schema_resyncs_and_keeps_its_outbox(
    tmp_path: Path, old: str
) -> None:
    path = tmp_path / "cache.db"
    cache = LocalCache.open(path, None)
    c = customer()
    cache.apply_pull_page(page(upsert("customer", c)))
    args = {"id": new_id(), "customer_id": c["id"], "text": "未送信のメモ"}
    mid = cache.enqueue("note.add", args, customer_id=c["id"], summary="未送信のメモ")
    cache.set_state("schema_version", old)
    cache.close()
    if old == "2":  # what schema 2 lacked: the server's answer on outbox rows, notices
        conn = sqlite3.connect(path)
        conn.execute("ALTER TABLE outbox DROP COLUMN result_json")
        conn.execute("DROP TABLE notice")
        conn.commit()
        conn.close()

    reopened = LocalCache.open(path, None)
    assert reopened.get_state("schema_version") == "3"
    assert reopened.cursors() is None  # the next pull is a first sync
    assert reopened.customer_count() == 0
    assert [e.mutation_id for e in reopened.pending_mutations(10)] == [mid]
    reopened.apply_pull_page(page(upsert("customer", c)))
    assert [h.id for h in reopened.search_customers("田中")] == [c["id"]]
    reopened.close()
