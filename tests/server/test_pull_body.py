"""The pull reply body is assembled from stored JSON text without a model round trip."""

from __future__ import annotations

import json

from sync.protocol import MutationResult, PullResponse
from sync.server.pull import PullPage


def test_spliced_body_is_the_document_of_the_pull_response_model() -> None:
    data = {"id": "c1", "family_name": "田中", "identities": [{"kind": "email", "value": "a@b"}]}
    result = MutationResult(id="m1", status="rejected", reason="no_stock", data={"n": 1})
    page = PullPage(
        [
            ("customers:kanto", 7, "customer", "c1", "upsert", json.dumps(data)),
            ("customers:kanto", 8, "note", "n1", "delete", None),
        ],
        "cursor",
        False,
        ["m1"],
        [result],
    )
    body = page.to_json()
    parsed = PullResponse.model_validate_json(body)
    assert parsed.changes[0].data == data
    assert parsed.changes[1].data is None
    assert parsed.mutation_results == [result]
    assert json.loads(body) == json.loads(parsed.model_dump_json())
    assert list(json.loads(body)) == list(PullResponse.model_fields)
