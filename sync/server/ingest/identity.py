"""Which customer an event is about: its identifiers, normalised, looked up in
`customer_identity` (the unique key of identity resolution) for a whole batch at once.

Identifiers are tried strongest first: loyalty card, online account, LINE user id, email,
phone. A customer merged into another resolves to the survivor. An identifier the event carries
that nobody holds yet is added to the matched customer (one per kind), so the next event that
knows only that one finds them too. A customer is created only when the sending credential may
create them; two events of one batch about the same new person make one profile.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.ingest import CustomerRef
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of
from sync.server.documents import publish_customer
from sync.server.models import Customer, CustomerIdentity, Store, table_of
from sync.server.mutations.base import Rejected
from sync.server.mutations.customers import normalise_email, normalise_phone
from sync.server.timeutil import utcnow

# Strongest first: a card or an account id names one person; a phone can be a household's.
IDENTITY_ORDER = ("loyalty_card", "online_account", "line_user", "email", "phone")
# Identities that are also columns of the profile.
PROFILE_COLUMNS = ("email", "phone", "loyalty_card", "online_account")
MAX_MERGE_HOPS = 16

Key = tuple[str, str]


class IngestRejected(Exception):
    """One event cannot be applied: a stable code and a reason without the values in it."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


_normalised: dict[Key, str] = {}


def _normalise(kind: str, raw: str) -> str:
    """Phone parsing costs ~50 µs: values seen before are remembered (bounded)."""
    found = _normalised.get((kind, raw))
    if found is not None:
        return found
    try:
        if kind == "email":
            value = normalise_email(raw)
        elif kind == "phone":
            value = normalise_phone(raw)
        else:
            value = raw.strip()
    except Rejected as exc:
        raise IngestRejected("invalid_customer", f"customer.{exc.message}") from None
    if len(_normalised) > 200_000:
        _normalised.clear()
    _normalised[(kind, raw)] = value
    return value


def identifiers(ref: CustomerRef) -> list[Key]:
    """The event's identifiers as (kind, normalised value), strongest first."""
    raw = {
        "loyalty_card": ref.loyalty_card,
        "online_account": ref.online_account,
        "line_user": ref.line_user_id,
        "email": ref.email,
        "phone": ref.phone,
    }
    found = [
        (kind, _normalise(kind, value))
        for kind in IDENTITY_ORDER
        if (value := raw[kind]) is not None and value.strip()
    ]
    if not found:
        raise IngestRejected("invalid_customer", "customer: no identifier")
    return found


@dataclass
class Person:
    """A customer as the batch knows them."""

    id: str
    region: str
    merged_into: str | None
    kinds: set[str] = field(default_factory=set)  # identity kinds held
    new: Customer | None = None  # created by this batch
    learned: list[Key] = field(default_factory=list)


@dataclass(frozen=True)
class Resolved:
    customer_id: str
    region: str
    created: bool


class IdentityResolver:
    """Resolves every event of a batch with a handful of queries, then writes what it made."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.owners: dict[Key, str] = {}
        self.people: dict[str, Person] = {}
        # Two profiles one event names (its card is one's, its email the other's): the identity
        # kinds linking them, for the chain's rules to judge once the batch is written.
        self.links: dict[tuple[str, str], set[str]] = {}

    def load(self, refs: Iterable[list[Key]]) -> None:
        by_kind: dict[str, set[str]] = {}
        for keys in refs:
            for kind, value in keys:
                by_kind.setdefault(kind, set()).add(value)
        table = table_of(CustomerIdentity)
        for kind, values in by_kind.items():
            for part in chunks(sorted(values), chunk_size(self.session)):
                rows = self.session.execute(
                    select(table.c.value, table.c.customer_id).where(
                        table.c.kind == kind, one_of(self.session, table.c.value, part)
                    )
                ).all()
                for value, customer_id in rows:
                    self.owners[(kind, value)] = customer_id
        self._load_people(set(self.owners.values()))

    def _load_people(self, ids: set[str]) -> None:
        for _ in range(MAX_MERGE_HOPS):
            wanted = ids - set(self.people)
            if not wanted:
                return
            survivors: set[str] = set()
            for part in chunks(sorted(wanted), chunk_size(self.session)):
                rows = self.session.execute(
                    select(Customer.id, Customer.region, Customer.merged_into).where(
                        one_of(self.session, col(Customer.id), part)
                    )
                ).all()
                for cid, region, merged_into in rows:
                    self.people[cid] = Person(cid, region, merged_into)
                    if merged_into is not None:
                        survivors.add(merged_into)
                held = self.session.execute(
                    select(CustomerIdentity.customer_id, CustomerIdentity.kind).where(
                        one_of(self.session, col(CustomerIdentity.customer_id), part)
                    )
                ).all()
                for cid, kind in held:
                    if cid in self.people:
                        self.people[cid].kinds.add(kind)
            ids = survivors

    def _survivor(self, person: Person) -> Person:
        for _ in range(MAX_MERGE_HOPS):
            if person.merged_into is None or person.merged_into not in self.people:
                return person
            person = self.people[person.merged_into]
        return person

    def resolve(
        self,
        ref: CustomerRef,
        keys: list[Key],
        *,
        may_create: bool,
        store: Store | None,
        rules_allow: bool = True,
    ) -> Resolved:
        owner: Person | None = None
        for key in keys:
            owner_id = self.owners.get(key)
            if owner_id is not None and owner_id in self.people:
                owner = self._survivor(self.people[owner_id])
                break
        if owner is None:
            if not may_create:
                raise IngestRejected(
                    "unknown_customer",
                    "customer: no profile matches and this source may not create one"
                    if rules_allow
                    else "customer: no profile matches and the chain's rules create none "
                    "from this kind of event",
                )
            if store is None:
                raise IngestRejected(
                    "unknown_customer",
                    "customer: no profile matches and the event names no store to create it in",
                )
            person = self._create(ref, keys, store)
            return Resolved(person.id, person.region, True)
        for kind, value in keys:
            other_id = self.owners.get((kind, value))
            if other_id is not None and other_id in self.people:
                other = self._survivor(self.people[other_id])
                if other.id != owner.id and other.region == owner.region:
                    first, second = sorted((owner.id, other.id))
                    self.links.setdefault((first, second), set()).add(kind)
            if (kind, value) in self.owners or kind in owner.kinds:
                continue
            owner.learned.append((kind, value))
            owner.kinds.add(kind)
            self.owners[(kind, value)] = owner.id
        return Resolved(owner.id, owner.region, False)

    def _create(self, ref: CustomerRef, keys: list[Key], store: Store) -> Person:
        now = utcnow()
        values = dict(keys)
        row = Customer(
            id=str(uuid.uuid4()),
            family_name=ref.family_name,
            given_name=ref.given_name,
            family_kana=ref.family_kana,
            given_kana=ref.given_kana,
            email=values.get("email"),
            phone=values.get("phone"),
            loyalty_card=values.get("loyalty_card"),
            online_account=values.get("online_account"),
            home_store_id=store.id,
            region=store.region,
            created_at=now,
            updated_at=now,
        )
        person = Person(row.id, row.region, None, {k for k, _ in keys}, new=row)
        person.learned = list(keys)
        self.people[row.id] = person
        for key in keys:
            self.owners[key] = row.id
        return person

    def write(self) -> None:
        """Insert the profiles and identities this batch made (before anything refers to
        them), and publish every profile that changed."""
        made = [p.new for p in self.people.values() if p.new is not None]
        changed = [p for p in self.people.values() if p.learned]
        if not changed:
            return
        if made:
            self.session.add_all(made)
            self.session.flush()
        rows = sorted(
            (
                {"customer_id": p.id, "kind": kind, "value": value}
                for p in changed
                for kind, value in p.learned
            ),
            key=lambda r: (r["kind"], r["value"]),
        )
        insert_many(self.session, table_of(CustomerIdentity), rows)
        now = utcnow()
        for person in changed:
            customer = person.new or self.session.get(Customer, person.id)
            if customer is None:
                continue
            if person.new is None:
                for kind, value in person.learned:
                    if kind in PROFILE_COLUMNS and not getattr(customer, kind):
                        setattr(customer, kind, value)
                customer.updated_at = now
            publish_customer(self.session, customer)
