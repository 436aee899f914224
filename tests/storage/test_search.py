"""Customer search in the cache: every lookup mode, width/kana folding, ranking, hostile text."""

from __future__ import annotations

import pytest

from clienteling.storage.cache import LocalCache
from sync.protocol import new_id
from tests.storage.factories import customer, page, upsert

TANAKA = customer(id=new_id())
SATO = customer(
    id=new_id(),
    family_name="佐藤",
    given_name="健太",
    family_kana="さとう",  # stored in hiragana: katakana queries must still match
    given_kana="けんた",
    email="Kenta.Sato@Example.COM",
    phone="+818011112222",
    loyalty_card="2900000000025",
)
OHNO = customer(
    id=new_id(),
    family_name="大野",
    given_name="翔",
    family_kana="オオノ",
    given_kana="ショウ",
    email="sho.ohno@example.jp",
    phone="+817033334444",
    loyalty_card="2900000000032",
)
NAKATA = customer(  # "田中" appears inside its reading only as a substring: なかた
    id=new_id(),
    family_name="中田",
    given_name="花",
    family_kana="ナカタ",
    given_kana="ハナ",
    email=None,
    phone=None,
    loyalty_card=None,
)


@pytest.fixture
def filled(cache: LocalCache) -> LocalCache:
    cache.apply_pull_page(page(*[upsert("customer", c) for c in (TANAKA, SATO, OHNO, NAKATA)]))
    return cache


def ids(cache: LocalCache, query: str, limit: int = 50) -> list[str]:
    return [h.id for h in cache.search_customers(query, limit)]


def modes(cache: LocalCache, query: str) -> list[str]:
    return [h.matched_on for h in cache.search_customers(query)]


@pytest.mark.parametrize("query", ["2900000000018", "２９００００００００018"])
def test_loyalty_card_number(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [TANAKA["id"]]
    assert modes(filled, query) == ["card"]


@pytest.mark.parametrize(
    "query",
    [
        "090-1234-5678",
        "09012345678",
        "+81 90 1234 5678",
        "０９０ー１２３４ー５６７８",
        "(090) 1234 5678",
    ],
)
def test_phone_in_any_format(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [TANAKA["id"]]
    assert modes(filled, query)[0] == "phone"


def test_phone_last_four_digits(filled: LocalCache) -> None:
    assert ids(filled, "2222") == [SATO["id"]]
    assert modes(filled, "４４４４") == ["phone_last4"]
    assert ids(filled, "9999") == []


def test_partly_typed_phone_number_is_a_prefix(filled: LocalCache) -> None:
    assert ids(filled, "080-1111") == [SATO["id"]]


@pytest.mark.parametrize(
    "query", ["kenta.sato@example.com", "KENTA.SATO@EXAMPLE.COM", "kenta.sato@"]
)
def test_email_ignores_case_and_matches_a_prefix(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [SATO["id"]]
    assert modes(filled, query) == ["email"]


def test_kanji_name_prefix_full_name_and_given_name(filled: LocalCache) -> None:
    assert ids(filled, "田中") == [TANAKA["id"]]
    assert ids(filled, "田中 花子") == [TANAKA["id"]]
    assert ids(filled, "田中　花") == [TANAKA["id"]]  # ideographic space
    assert ids(filled, "健太") == [SATO["id"]]
    assert modes(filled, "佐藤") == ["name"]


@pytest.mark.parametrize("query", ["さとう", "サトウ", "ｻﾄｳ", "さとうけんた", "サトウ ケンタ"])
def test_kana_in_hiragana_katakana_and_half_width(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [SATO["id"]]
    assert modes(filled, query) == ["kana"]


def test_kana_given_name_prefix(filled: LocalCache) -> None:
    assert ids(filled, "けんた") == [SATO["id"]]


@pytest.mark.parametrize("query", ["tanaka", "Tanaka", "ＴＡＮＡＫＡ", "tanaka hanako"])
def test_romaji_family_name(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [TANAKA["id"]]
    assert modes(filled, query)[0] == "romaji"


@pytest.mark.parametrize("query", ["sato", "satou", "satoh", "Satō"])
def test_romaji_long_vowel_spellings(filled: LocalCache, query: str) -> None:
    assert ids(filled, query) == [SATO["id"]]


@pytest.mark.parametrize("query", ["ohno", "ono", "oono"])
def test_romaji_long_o_in_either_spelling(filled: LocalCache, query: str) -> None:
    assert OHNO["id"] in ids(filled, query)


def test_romaji_given_name(filled: LocalCache) -> None:
    assert ids(filled, "kenta") == [SATO["id"]]


def test_romaji_in_western_order(filled: LocalCache) -> None:
    assert ids(filled, "Kenta Sato") == [SATO["id"]]
    assert ids(filled, "hanako tanaka") == [TANAKA["id"]]


def test_email_typed_without_its_domain(filled: LocalCache) -> None:
    assert ids(filled, "sho.ohno") == [OHNO["id"]]
    assert modes(filled, "sho.ohno") == ["email"]


def test_ranking_exact_then_prefix_then_substring(cache: LocalCache) -> None:
    exact = customer(
        id=new_id(), family_name="中田", given_name="", family_kana="ナカタ", given_kana=""
    )
    prefix = customer(
        id=new_id(), family_name="中田", given_name="一", family_kana="ナカタ", given_kana="ハジメ"
    )
    inside = customer(
        id=new_id(), family_name="田中", given_name="太", family_kana="タナカ", given_kana="タ"
    )
    cache.apply_pull_page(page(*[upsert("customer", c) for c in (inside, prefix, exact)]))
    assert ids(cache, "なかた") == [exact["id"], prefix["id"], inside["id"]]


def test_substring_of_a_reading(filled: LocalCache) -> None:
    assert ids(filled, "なかは") == [TANAKA["id"]]  # たなかはなこ
    assert ids(filled, "たはな") == [NAKATA["id"]]  # なかたはな
    assert modes(filled, "たはな") == ["kana"]


def test_results_are_capped_at_the_limit(cache: LocalCache) -> None:
    many = [customer(id=new_id(), given_name=f"花{i}") for i in range(12)]
    cache.apply_pull_page(page(*[upsert("customer", c) for c in many]))
    assert len(ids(cache, "田中", limit=5)) == 5
    assert len(ids(cache, "たなか", limit=7)) == 7
    assert len(set(ids(cache, "田中", limit=50))) == 12


@pytest.mark.parametrize(
    "query",
    ['"*', "AND", "NEAR(", 'たな" OR "', "a*", "NOT たなか", "':-- ;", "%", "_", "\x00", "🚲🚲🚲"],
)
def test_query_syntax_is_matched_literally(filled: LocalCache, query: str) -> None:
    assert filled.search_customers(query) == [] or "たな" in query or "たなか" in query


def test_empty_or_blank_query_finds_nothing(filled: LocalCache) -> None:
    assert ids(filled, "") == []
    assert ids(filled, "   ") == []
    assert ids(filled, "x" * 10_000) == []
