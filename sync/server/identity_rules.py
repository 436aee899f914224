"""The chain's identity rules (data, versioned in `chain_rule`) and the evidence two profiles
give that they are one person. See sync.protocol.merges for what the rules say."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.merges import DEFAULT_RULES, IdentityRules, IdentityRulesVersion, RuleAction
from sync.server import chain_rules
from sync.server.models import Customer

RULES_KIND = "identity"
MAX_HOPS = 16


def current(session: Session) -> IdentityRules:
    return chain_rules.current(session, RULES_KIND, IdentityRules, DEFAULT_RULES)


def current_version(session: Session) -> IdentityRulesVersion:
    version, rules, updated_at, updated_by = chain_rules.versioned(
        session, RULES_KIND, IdentityRules, DEFAULT_RULES
    )
    return IdentityRulesVersion(
        version=version, rules=rules, updated_at=updated_at, updated_by=updated_by
    )


def replace(session: Session, rules: IdentityRules, staff_id: str) -> int:
    """Store `rules` as the next version; returns it."""
    return chain_rules.store(session, RULES_KIND, rules.model_dump_json(), staff_id)


def decide(rules: IdentityRules, evidence: Iterable[str]) -> RuleAction | None:
    """What the first rule all of whose evidence is present says, or None (no rule: apart)."""
    have = set(evidence)
    for rule in rules.rules:
        if set(rule.when) <= have:
            return rule.then
    return None


def name_key(*parts: str | None) -> str:
    """Names compared as people write them: width and case folded, spaces dropped, katakana as
    hiragana (ヤマダ = やまだ = ﾔﾏﾀﾞ)."""
    text = unicodedata.normalize("NFKC", "".join(p or "" for p in parts)).casefold()
    return "".join(
        chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text if not ch.isspace()
    )


def _same_name(a: Customer, b: Customer) -> bool:
    """The whole name, read (kana) or written, agrees: a family name alone is not a name (two
    of a family share it), unless neither has a given name at all."""
    if name_key(a.family_name, a.given_name) == name_key(b.family_name, b.given_name):
        return bool(name_key(a.family_name))
    whole = (a.given_kana and b.given_kana) or not (a.given_name or b.given_name)
    kana_a = name_key(a.family_kana, a.given_kana)
    return bool(whole and kana_a and kana_a == name_key(b.family_kana, b.given_kana))


def profile_evidence(a: Customer, b: Customer, shared: Iterable[str]) -> set[str]:
    """The identity kinds `a` and `b` share, plus whether their names and birthdays agree."""
    found = set(shared)
    if _same_name(a, b):
        found.add("name")
    if a.birthday is not None and a.birthday == b.birthday:
        found.add("birthday")
    return found


def survivor_of(session: Session, customer: Customer) -> Customer:
    """The profile `customer` lives on in: itself, or where its merges lead."""
    for _ in range(MAX_HOPS):
        if customer.merged_into is None:
            return customer
        nxt = session.get(Customer, customer.merged_into)
        if nxt is None:
            return customer
        customer = nxt
    return customer


def with_merged(session: Session, customer: Customer, *, lock: bool = False) -> list[Customer]:
    """The customer and every profile merged into them (directly or further back): one
    person, for an erasure or a disclosure."""
    found = {customer.id: customer}
    frontier = [customer.id]
    while frontier:
        query = select(Customer).where(col(Customer.merged_into).in_(frontier))
        if lock:
            query = query.with_for_update()
        frontier = []
        for person in session.execute(query).scalars():
            if person.id not in found:
                found[person.id] = person
                frontier.append(person.id)
    return list(found.values())
