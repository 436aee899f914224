"""Reads never wait behind the writer: the counter can search while a long pull is applied."""

from __future__ import annotations

import threading

from clienteling.storage.cache import LocalCache
from tests.storage.factories import customer, page, upsert


def test_search_answers_while_a_write_transaction_is_open(cache: LocalCache) -> None:
    cache.apply_pull_page(page(upsert("customer", customer())))
    writing, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with cache._write() as cur:  # stands in for a first sync's index build
            cur.execute("DELETE FROM srv_customer")
            writing.set()
            release.wait(10)
            raise RuntimeError("abandon the write")  # rolled back

    errors: list[BaseException] = []

    def run() -> None:
        try:
            long_write()
        except RuntimeError as exc:
            errors.append(exc)

    writer = threading.Thread(target=run)
    writer.start()
    assert writing.wait(10)
    try:
        # The uncommitted delete is invisible and the read does not block on the writer.
        assert len(cache.search_customers("田中")) == 1
        assert cache.customer_count() == 1
    finally:
        release.set()
        writer.join(10)
    assert errors and cache.customer_count() == 1
