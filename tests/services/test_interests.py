"""InterestService: scanned or typed product codes, categories, and clear refusals."""

from __future__ import annotations

import pytest

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import SyncState
from clienteling.services.context import StaffContext
from clienteling.services.interests import InterestService
from clienteling.services.profiles import ProfileService
from clienteling.storage.cache import LocalCache
from sync.protocol import InterestAddArgs
from tests.services.conftest import CUSTOMER, LIGHT, RecordingTrigger


@pytest.fixture
def service(cache: LocalCache, staff: StaffContext, trigger: RecordingTrigger) -> InterestService:
    return InterestService(cache, staff, trigger)


@pytest.mark.parametrize(
    "code",
    [
        "4901234567801",
        "４９０１２３４５６７８０１",
        "]E04901234567801",
        "AC-LIGHT-1",
        "ac-light-1",
        "(01)04901234567801",
    ],
)
def test_scanned_or_typed_code_logs_the_product(
    service: InterestService, cache: LocalCache, trigger: RecordingTrigger, code: str
) -> None:
    saved = service.add(CUSTOMER["id"], code=code, category=None, comment="色違いも見たい")

    assert (saved.sku, saved.product_name, saved.sync) == (
        "AC-LIGHT-1",
        "LEDライト",
        SyncState.PENDING,
    )
    assert trigger.calls == 1
    [entry] = cache.pending_mutations(10)
    args = InterestAddArgs.model_validate(entry.args)
    assert (args.sku, args.comment) == ("AC-LIGHT-1", "色違いも見たい")
    assert cache.outbox_entries()[0].summary == "LEDライト: 色違いも見たい"
    profile = ProfileService(cache).load(CUSTOMER["id"])
    assert profile is not None and [i.id for i in profile.interests] == [saved.id]


def test_category_without_a_product(service: InterestService, cache: LocalCache) -> None:
    saved = service.add(CUSTOMER["id"], code=None, category="helmet", comment="")
    assert (saved.sku, saved.category, saved.comment) == (None, "helmet", "")
    assert cache.pending_mutations(10)[0].args["category"] == "helmet"


@pytest.mark.parametrize(
    ("code", "category", "message"),
    [
        ("4901234567890", None, "check digit"),
        ("4901234567818", None, "not in the catalogue"),
        ("NO-SUCH-SKU", None, "No product with code NO-SUCH-SKU"),
        (LIGHT["gtin"][:-1] + "x", None, "No product"),
        ("2900000000018", None, "loyalty card"),
        (None, None, "Scan or type a product code"),
        ("   ", "  ", "Scan or type a product code"),
        ("]E0", None, "no code"),
    ],
)
def test_bad_codes_are_refused_with_a_clear_message(
    service: InterestService,
    cache: LocalCache,
    code: str | None,
    category: str | None,
    message: str,
) -> None:
    with pytest.raises(InvalidInput, match=message):
        service.add(CUSTOMER["id"], code=code, category=category, comment="x")
    assert cache.outbox_entries() == []


def test_overlong_comment_is_refused(service: InterestService, cache: LocalCache) -> None:
    with pytest.raises(InvalidInput, match="Comment is too long"):
        service.add(CUSTOMER["id"], code="AC-LIGHT-1", category=None, comment="あ" * 2001)
    assert cache.outbox_entries() == []
