"""Fixtures: a real cache file with one customer and a small catalogue; a recording trigger."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache
from sync.protocol import new_id
from tests.storage.factories import customer, page, product, upsert

CUSTOMER = customer(id=new_id())
BIKE = product()
LIGHT = product(sku="AC-LIGHT-1", gtin="4901234567801", name="LEDライト", category="accessory")


@dataclass
class RecordingTrigger:
    """Stands in for the sync engine's wake-up call (not what these tests are about)."""

    calls: int = 0
    urgent: int = 0

    def request_sync(self, *, now: bool = False) -> None:
        self.calls += 1
        self.urgent += now


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LocalCache]:
    opened = LocalCache.open(tmp_path / "cache.db", None)
    opened.apply_pull_page(
        page(
            upsert("customer", CUSTOMER),
            upsert("product", BIKE, entity_id=BIKE["sku"]),
            upsert("product", LIGHT, entity_id=LIGHT["sku"]),
        )
    )
    yield opened
    opened.close()


@pytest.fixture
def staff() -> StaffContext:
    return StaffContext(
        staff_id=new_id(),
        staff_name="山田 太郎",
        store_id=new_id(),
        store_name="渋谷店",
        role="associate",
    )


@pytest.fixture
def trigger() -> RecordingTrigger:
    return RecordingTrigger()
