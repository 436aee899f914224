"""SearchService: typed and scanned input, helpful messages, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clienteling.services.search import MAX_QUERY, SearchOutcome, SearchService, clean_query
from clienteling.storage.cache import LocalCache
from tests.services.conftest import CUSTOMER


def test_finds_by_name_and_reports_no_message(cache: LocalCache) -> None:
    outcome = SearchService(cache).search("  たなか ")
    assert [h.id for h in outcome.hits] == [CUSTOMER["id"]]
    assert outcome.message is None


def test_scanned_card_with_symbology_prefix(cache: LocalCache) -> None:
    outcome = SearchService(cache).search("]E0" + CUSTOMER["loyalty_card"])
    assert [h.matched_on for h in outcome.hits] == ["card"]


def test_scanned_product_barcode_is_explained(cache: LocalCache) -> None:
    outcome = SearchService(cache).search("]E04901234567894")
    assert outcome.hits == () and outcome.message is not None
    assert "product" in outcome.message


def test_bad_scan_is_explained(cache: LocalCache) -> None:
    outcome = SearchService(cache).search("]E04901234567890")
    assert outcome.hits == () and outcome.message and "check digit" in outcome.message


@pytest.mark.parametrize("text", ["a", "１", "x "])
def test_too_short_asks_for_more(cache: LocalCache, text: str) -> None:
    assert SearchService(cache).search(text).message == "Type at least 2 characters"


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "\x00\x01"])
def test_an_empty_box_says_nothing(cache: LocalCache, text: str) -> None:
    """Clearing the box (Escape, a staff switch, a scan taken back) is not a too-short query."""
    assert SearchService(cache).search(text) == SearchOutcome((), None)


def test_too_long_is_refused_with_the_limit(cache: LocalCache) -> None:
    for text in ("あ" * (MAX_QUERY + 1), "x" * 10_000):
        outcome = SearchService(cache).search(text)
        assert outcome.hits == () and outcome.message == "Search text is too long (max 100)"


def test_single_kanji_family_name_is_allowed(cache: LocalCache) -> None:
    assert SearchService(cache).search("田").hits


def test_nothing_found_says_so(cache: LocalCache) -> None:
    outcome = SearchService(cache).search("存在しない名前")
    assert outcome.hits == () and outcome.message == "No customer found"


@pytest.mark.parametrize(
    "text", ['"*', "AND", "NEAR(", "OR たなか", "🚲🚲", "田中\x00花子", "'; DROP TABLE outbox; --"]
)
def test_query_syntax_and_odd_characters_never_raise(cache: LocalCache, text: str) -> None:
    outcome = SearchService(cache).search(text)
    assert isinstance(outcome.hits, tuple)
    assert outcome.hits or outcome.message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_returns_an_outcome(cache: LocalCache, text: str) -> None:
    outcome = SearchService(cache).search(text)
    assert len(outcome.hits) <= 50
    # Hits, or a message saying why none; only a box with nothing in it says nothing.
    assert outcome.hits or outcome.message or not clean_query(text)
