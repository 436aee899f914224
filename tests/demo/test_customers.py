"""Demo customers: unique contact points, valid numbers, Japanese names, plausible profiles."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from itertools import pairwise

import phonenumbers
import pytest

from clienteling.domain.barcode import LoyaltyCardScan, parse_scan
from sync.server.demo import REFERENCE_TIME, generate
from sync.server.demo.customers import card_for, email_number_for, online_account_for, phone_for
from sync.server.demo.ean import is_valid_ean13

from .conftest import Materialised

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL = re.compile(r"^[a-z]+[._]?[a-z]+\d+@example\.(jp|com|ne\.jp|co\.jp|org)$")
HIRAGANA = re.compile(r"^[ぁ-ゖー]+$")


def test_default_chain_has_5000_customers(demo: Materialised) -> None:
    assert len(demo.customers) == 5_000


def test_ids_phones_emails_cards_and_accounts_are_unique(demo: Materialised) -> None:
    for field in ("id", "phone", "email", "loyalty_card", "online_account"):
        values = [c[field] for c in demo.customers if c[field] is not None]  # type: ignore[literal-required]
        assert len(values) == len(set(values)), field
    identities = [(i["kind"], i["value"]) for c in demo.customers for i in c["identities"]]
    assert len(identities) == len(set(identities))


def test_ids_are_lowercase_uuids(demo: Materialised) -> None:
    assert all(UUID.match(c["id"]) for c in demo.customers)


def test_phones_are_valid_japanese_mobiles_in_e164(demo: Materialised) -> None:
    prefixes = Counter()
    for customer in demo.customers:
        phone = customer["phone"]
        assert phone is not None and re.fullmatch(r"\+81[789]0\d{8}", phone), phone
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
        prefixes[phone[3:5]] += 1
    assert set(prefixes) == {"70", "80", "90"}


def test_cards_are_in_store_ean13_that_the_app_reads_as_loyalty_cards(demo: Materialised) -> None:
    for customer in demo.customers:
        card = customer["loyalty_card"]
        assert card is not None and card.startswith("29") and is_valid_ean13(card), card
    sample = [c["loyalty_card"] for c in demo.customers[:200]]
    assert all(isinstance(parse_scan(card or ""), LoyaltyCardScan) for card in sample)


def test_emails_are_romaji_lowercase_at_example_domains(demo: Materialised) -> None:
    emails = [c["email"] for c in demo.customers if c["email"] is not None]
    assert 0.85 * len(demo.customers) < len(emails) < len(demo.customers)
    for email in emails:
        assert EMAIL.match(email), email


def test_names_are_kanji_with_hiragana_readings(demo: Materialised) -> None:
    for customer in demo.customers:
        assert customer["family_name"] and customer["given_name"]
        assert HIRAGANA.match(customer["family_kana"]), customer["family_kana"]
        assert HIRAGANA.match(customer["given_kana"]), customer["given_kana"]
    families = Counter(c["family_name"] for c in demo.customers)
    assert families.most_common(1)[0][0] in ("佐藤", "鈴木")
    assert len(families) >= 140
    assert len({(c["given_name"], c["given_kana"]) for c in demo.customers}) >= 140


def test_profiles_have_a_realistic_mix(demo: Materialised) -> None:
    customers = demo.customers
    tiers = Counter(c["tier"] for c in customers)
    assert set(tiers) == {"regular", "silver", "gold", "platinum"}
    assert tiers["regular"] > tiers["silver"] > tiers["gold"] > tiers["platinum"] > 0
    birthdays = [c["birthday"] for c in customers]
    assert 0 < birthdays.count(None) < len(customers) // 2
    for birthday in filter(None, birthdays):
        year = int(birthday[:4])
        assert 1935 <= year <= 2008, birthday
    assert all(c["points"] >= 0 for c in customers)
    assert 0 < sum(c["online_account"] is not None for c in customers) < len(customers)
    assert all(c["merged_into"] is None for c in customers)


def test_home_stores_favour_the_bike_shops_region(demo: Materialised) -> None:
    stores = {s["id"]: s for s in demo.chain.stores}
    homes = Counter(c["home_store_id"] for c in demo.customers)
    assert set(homes) == set(stores)
    bike_shop = demo.chain.stores[0]
    in_region = sum(n for sid, n in homes.items() if stores[sid]["region"] == bike_shop["region"])
    assert in_region > 0.55 * len(demo.customers)
    assert homes[bike_shop["id"]] == max(homes.values())


def test_preferred_staff_work_in_the_home_store(demo: Materialised) -> None:
    staff_store = {m.data["id"]: m.data["store_id"] for m in demo.chain.staff}
    preferred = [c for c in demo.customers if c["preferred_staff_id"] is not None]
    assert 0.05 * len(demo.customers) < len(preferred) < 0.3 * len(demo.customers)
    for customer in preferred:
        assert staff_store[customer["preferred_staff_id"] or ""] == customer["home_store_id"]


def test_identities_repeat_the_contact_fields(demo: Materialised) -> None:
    for c in demo.customers:
        expected = {
            ("email", c["email"]),
            ("phone", c["phone"]),
            ("loyalty_card", c["loyalty_card"]),
            ("online_account", c["online_account"]),
        }
        expected = {(kind, value) for kind, value in expected if value is not None}
        assert {(i["kind"], i["value"]) for i in c["identities"]} == expected


def test_consents_are_a_realistic_mix_on_channels_the_customer_has(demo: Materialised) -> None:
    with_none = 0
    states: Counter[str] = Counter()
    for c in demo.customers:
        if not c["consents"]:
            with_none += 1
        channels = [x["channel"] for x in c["consents"]]
        assert len(channels) == len(set(channels))
        for consent in c["consents"]:
            assert consent["purpose"] == "marketing"
            assert consent["channel"] in ("email", "sms", "line", "app_push")
            assert consent["wording_version"] == "2026-04"
            assert consent["source"]
            assert c["created_at"] <= consent["recorded_at"] <= REFERENCE_TIME.isoformat()
            states[consent["state"]] += 1
            if consent["channel"] == "email":
                assert c["email"] is not None
        assert len(channels) <= 4
    assert 0.1 * len(demo.customers) < with_none < 0.5 * len(demo.customers)
    assert states["granted"] > states["withdrawn"] > 0


def test_timestamps_are_jst_and_ordered(demo: Materialised) -> None:
    for c in demo.customers:
        created = datetime.fromisoformat(c["created_at"])
        updated = datetime.fromisoformat(c["updated_at"])
        assert c["created_at"].endswith("+09:00") and c["updated_at"].endswith("+09:00")
        assert created <= updated <= REFERENCE_TIME


def test_the_first_customers_do_not_depend_on_how_many_are_asked_for(demo: Materialised) -> None:
    small = list(generate(customers=300).iter_customers())
    assert small == demo.customers[:300]


@pytest.mark.parametrize("count", [-1, 10_000_001])
def test_out_of_range_counts_are_refused(count: int) -> None:
    with pytest.raises(ValueError, match="customers must be"):
        generate(customers=count)


def test_tiny_chains_work() -> None:
    assert list(generate(customers=0).iter_customers()) == []
    assert [c["family_name"] for c in generate(customers=1).iter_customers()] == ["山本"]
    assert len(list(generate(customers=3).iter_customers())) == 3


def test_contact_numbers_stay_unique_far_beyond_the_default_scale() -> None:
    # Phones, cards, email numbers and online accounts come from bijections of the customer
    # index, so they stay unique at 1M without remembering what was handed out.
    indexes = range(0, 10_000_000, 97)  # 103k indexes spread over the whole allowed range
    assert len({phone_for(i, "90")[5:] for i in indexes}) == len(indexes)
    assert len({card_for(i) for i in indexes}) == len(indexes)
    assert len({email_number_for(i) for i in indexes}) == len(indexes)
    assert len({online_account_for(i) for i in indexes}) == len(indexes)


def test_customers_joined_as_teenagers_or_adults(demo: Materialised) -> None:
    for c in demo.customers:
        if c["birthday"] is not None:
            born = datetime.fromisoformat(c["birthday"])
            joined = datetime.fromisoformat(c["created_at"]).replace(tzinfo=None)
            assert (joined - born).days >= 16 * 365, (c["birthday"], c["created_at"])


def test_consecutive_customers_do_not_show_a_numbering_stride(demo: Materialised) -> None:
    # Staff search by the last four digits of a phone; those must look random, not +k each row.
    last4 = [int((c["phone"] or "")[-4:]) for c in demo.customers[2:202]]
    steps = {(b - a) % 10_000 for a, b in pairwise(last4)}
    assert len(steps) > 150
