"""Reading pull reply bodies in SQLite: every body that breaks protocol v1 is refused with a
PageRejected that says why, and nothing reaches the cache."""

from __future__ import annotations

import json
from typing import Any

import pytest

from clienteling.storage.cache import LocalCache
from sync.protocol import PageRejected
from tests.storage.factories import customer


def _change(**overrides: Any) -> dict[str, Any]:
    c = customer()
    change = {"bucket": "customers:kanto", "seq": 1, "entity": "customer", "id": c["id"]}
    return {**change, "op": "upsert", "data": c, **overrides}


def _body(changes: Any = None, **overrides: Any) -> bytes:
    page = {"changes": [] if changes is None else changes, "cursors": "c1", "has_more": False}
    return json.dumps({**page, **overrides}).encode()


BAD_BODIES: dict[str, bytes] = {
    "empty": b"",
    "not json": b"<html>gateway error</html>",
    "not utf-8": b'{"changes": [], "cursors": "\xff\xfe", "has_more": false}',
    "truncated": _body([_change()])[:-40],
    "null": b"null",
    "array": b"[]",
    "no changes": json.dumps({"cursors": "c1", "has_more": False}).encode(),
    "changes not a list": _body({"a": 1}),
    "no cursors": json.dumps({"changes": [], "has_more": False}).encode(),
    "cursors not text": _body(cursors=12),
    "has_more not a bool": _body(has_more="perhaps"),
    "must_resync not a bool": _body(must_resync=1),
    "acks not a list": _body(acked_mutation_ids="m1"),
    "results of the wrong shape": _body(mutation_results=[{"id": "m1"}]),
    "change not an object": _body([1]),
    "upsert without data": _body([_change(data=None)]),
    "data not an object": _body([_change(data=[1, 2])]),
    "unknown op": _body([_change(op="merge")]),
    "empty id": _body([_change(id="")]),
    "id not text": _body([_change(id=7)]),
    "entity not text": _body([_change(entity=None)]),
    "deeply nested": b'{"changes": [], "cursors": "c1", "has_more": false, "x": '
    + b"[" * 5000
    + b"]" * 5000
    + b"}",
}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_a_body_that_breaks_the_protocol_is_refused(cache: LocalCache, body: bytes) -> None:
    with pytest.raises(PageRejected) as caught:
        cache.read_pull_page(body)
    assert str(caught.value).startswith("The server sent")
    assert cache.cursors() is None
    assert cache.row_counts()["srv_customer"] == 0


def test_a_good_body_is_read_without_writing_anything(cache: LocalCache) -> None:
    changes = [_change(), _change(), _change(entity="hologram", id="h1", data={"id": "h1"})]
    page = cache.read_pull_page(_body(changes, has_more=True, acked_mutation_ids=["m1"]))
    assert (page.cursors, page.has_more, page.must_resync) == ("c1", True, False)
    assert page.change_count == 3
    assert page.acked_mutation_ids == ["m1"]
    assert cache.cursors() is None and cache.customer_count() == 0
    cache.apply_pull_page(page)
    assert cache.customer_count() == 2 and cache.cursors() == "c1"


def test_a_delete_may_carry_data_or_none(cache: LocalCache) -> None:
    c = _change()
    cache.apply_pull_page(cache.read_pull_page(_body([c])))
    gone = {**c, "op": "delete", "data": None}
    cache.apply_pull_page(cache.read_pull_page(_body([gone])))
    assert cache.customer_count() == 0
