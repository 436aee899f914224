"""Stores and staff of the demo chain, and the logins the README prints."""

from __future__ import annotations

import re
from collections import Counter

import phonenumbers

from sync.server.demo import DEMO_LOGINS, generate
from sync.server.demo.ean import BADGE_PREFIX, is_valid_ean13

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PREFECTURE = re.compile(r"^.+[都道府県]$")


def test_three_kinds_of_store_in_two_regions() -> None:
    stores = generate(customers=0).stores
    assert len(stores) >= 3
    assert {"bicycle", "baby_kids", "general"} <= {s["kind"] for s in stores}
    assert len({s["region"] for s in stores}) >= 2
    assert stores[0]["kind"] == "bicycle"  # the embedded terminal's store
    assert "二子玉川" in stores[0]["name"]
    assert len({s["id"] for s in stores}) == len({s["code"] for s in stores}) == len(stores)


def test_store_addresses_phones_and_positions_are_real_japanese_ones() -> None:
    for store in generate(customers=0).stores:
        assert UUID.match(store["id"])
        assert PREFECTURE.match(store["prefecture"]), store["prefecture"]
        assert store["city"]
        assert 24.0 < store["latitude"] < 46.0 and 122.0 < store["longitude"] < 146.0
        number = phonenumbers.parse(store["phone"])
        assert phonenumbers.is_valid_number(number), store["phone"]
        assert number.country_code == 81
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert e164 == store["phone"]


def test_every_store_has_a_manager_and_two_associates_and_there_is_an_admin() -> None:
    chain = generate(customers=0)
    roles = Counter((m.data["store_id"], m.data["role"]) for m in chain.staff)
    for store in chain.stores:
        assert roles[(store["id"], "manager")] >= 1, store["name"]
        assert roles[(store["id"], "associate")] >= 2, store["name"]
    assert sum(m.data["role"] == "admin" for m in chain.staff) == 1
    store_ids = {s["id"] for s in chain.stores}
    assert all(m.data["store_id"] in store_ids for m in chain.staff)


def test_staff_codes_pins_and_badges_are_usable() -> None:
    staff = generate(customers=0).staff
    assert len({m.data["code"] for m in staff}) == len(staff)
    assert len({m.data["id"] for m in staff}) == len(staff)
    assert len({m.badge for m in staff}) == len(staff)
    for member in staff:
        assert re.fullmatch(r"S\d{3}", member.data["code"])
        assert re.fullmatch(r"\d{4,6}", member.pin)
        assert is_valid_ean13(member.badge) and member.badge.startswith(BADGE_PREFIX)
        assert len(member.data["name"].split(" ")) == 2
        family_kana, given_kana = member.data["name_kana"].split(" ")
        assert re.fullmatch(r"[ぁ-ゖ]+", family_kana + given_kana), member.data["name_kana"]


def test_demo_logins_match_the_staff_and_cover_each_store() -> None:
    chain = generate(customers=0)
    by_code = {m.data["code"]: m for m in chain.staff}
    store_names = {s["id"]: s["name"] for s in chain.stores}
    for store_name, role, code, pin in DEMO_LOGINS:
        member = by_code[code]
        assert member.pin == pin
        assert member.data["role"] == role
        assert store_names[member.data["store_id"]] == store_name
    for name in store_names.values():
        roles = {role for store_name, role, _, _ in DEMO_LOGINS if store_name == name}
        assert {"manager", "associate"} <= roles
