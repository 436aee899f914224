"""The chain's identity rules (data, versioned in `chain_rule`) and the evidence two profiles
give that they are one person. See sync.protocol.merges for what the rules say."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy.orm import Session
from sqlmodel import col, func, select

from sync.protocol.merges import DEFAULT_RULES, IdentityRules, IdentityRulesVersion, RuleAction
from sync.server.models import ChainRule, Customer, Staff
from sync.server.timeutil import as_utc, utcnow

RULES_KIND = "identity"
MAX_HOPS = 16


def current(session: Session) -> IdentityRules:
    row = _latest(session)
    return IdentityRules.model_validate_json(row.body_json) if row else DEFAULT_RULES


def current_version(session: Session) -> IdentityRulesVersion:
    row = _latest(session)
    if row is None:
        return IdentityRulesVersion(
            version=0, rules=DEFAULT_RULES, updated_at=None, updated_by=None
        )
    staff = session.get(Staff, row.created_by)
    return IdentityRulesVersion(
        version=row.version,
        rules=IdentityRules.model_validate_json(row.body_json),
        updated_at=as_utc(row.created_at),
        updated_by=staff.name if staff else None,
    )


def replace(session: Session, rules: IdentityRules, staff_id: str) -> int:
    """Store `rules` as the next version; returns it. (Two admins at once: the unique key
    refuses the second, which the caller reports as a conflict.)"""
    top = session.execute(
        select(func.max(ChainRule.version)).where(ChainRule.kind == RULES_KIND)
    ).scalar_one()
    version = int(top or 0) + 1
    session.add(
        ChainRule(
            kind=RULES_KIND,
            version=version,
            body_json=rules.model_dump_json(),
            created_by=staff_id,
            created_at=utcnow(),
        )
    )
    session.flush()
    return version


def _latest(session: Session) -> ChainRule | None:
    return session.execute(
        select(ChainRule)
        .where(ChainRule.kind == RULES_KIND)
        .order_by(col(ChainRule.version).desc())
        .limit(1)
    ).scalar_one_or_none()


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
