"""A SHA-256 over everything a demo chain yields, to compare runs byte for byte."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sync.server.demo import DemoChain


def _feed(digest: Any, label: str, rows: Iterable[Any]) -> None:
    digest.update(label.encode())
    for row in rows:
        # Key order is kept (no sort_keys): a change in field order is a change in output.
        digest.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
        digest.update(b"\n")


def chain_digest(chain: DemoChain) -> str:
    digest = hashlib.sha256()
    _feed(digest, "stores", chain.stores)
    _feed(digest, "staff", ({**m.data, "pin": m.pin, "badge": m.badge} for m in chain.staff))
    _feed(digest, "products", chain.products)
    _feed(digest, "inventory", chain.inventory)
    _feed(digest, "customers", chain.iter_customers())
    _feed(digest, "orders", chain.iter_orders())
    _feed(digest, "activities", chain.iter_activities())
    _feed(digest, "notes", chain.iter_notes())
    _feed(digest, "interests", chain.iter_interests())
    return digest.hexdigest()
