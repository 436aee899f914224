"""The unified profile read: srv_* rows of one customer with pending outbox entries overlaid."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from clienteling.domain.models import (
    Activity,
    Consent,
    FollowUp,
    Interest,
    Note,
    Order,
    OrderLine,
    Profile,
    ProfileSummary,
    SyncState,
)
from clienteling.storage.followups import from_doc as followup_from_doc
from clienteling.storage.outbox import OUTBOX_COLUMNS, OutboxRow
from clienteling.storage.reservations import of_customer

MAX_MERGE_HOPS = 16
_OVERLAID = (
    "note.add",
    "interest.add",
    "interest.update",
    "consent.record",
    "followup.create",
    "customer.update",
)
# Fields of a pending customer.update shown over the server's copy (last write wins per field,
# and a change still waiting to be sent is later than anything the server has sent).
_UPDATABLE = (
    "family_name",
    "given_name",
    "family_kana",
    "given_kana",
    "email",
    "phone",
    "birthday",
    "preferred_staff_id",
)


def _yen(value: Any) -> int:
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return 0


def _docs(cur: Any, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in cur.execute(sql, params).fetchall()]


class _Names:
    """Store and product names looked up once per profile read."""

    def __init__(self, cur: Any) -> None:
        self._cur = cur
        self._stores: dict[str, str | None] = {}
        self._products: dict[str, str | None] = {}
        self._images: dict[str, str | None] = {}

    def store(self, store_id: str | None) -> str | None:
        if not store_id:
            return None
        if store_id not in self._stores:
            row = self._cur.execute("SELECT json(data) FROM srv_store WHERE id = ?", (store_id,))
            found = row.fetchone()
            self._stores[store_id] = json.loads(found[0]).get("name") if found else None
        return self._stores[store_id]

    def image(self, sku: str | None, category: str | None = None) -> str | None:
        """The picture of a product, else of its (or the given) category."""
        key = f"{sku or ''}|{category or ''}"
        if key not in self._images:
            found = None
            if sku:
                row = self._cur.execute(
                    "SELECT data ->> '$.image', data ->> '$.category' FROM srv_product "
                    "WHERE sku = ?",
                    (sku,),
                ).fetchone()
                if row is not None:
                    found, category = row[0], category or row[1]
            if found is None and category:
                row = self._cur.execute(
                    "SELECT data ->> '$.image' FROM srv_category WHERE code = ?", (category,)
                ).fetchone()
                found = row[0] if row else None
            self._images[key] = found
        return self._images[key]

    def product(self, sku: str | None) -> str | None:
        if not sku:
            return None
        if sku not in self._products:
            found = self._cur.execute("SELECT name FROM srv_product WHERE sku = ?", (sku,))
            row = found.fetchone()
            self._products[sku] = row[0] if row and row[0] else None
        return self._products[sku]


def _sync_of(entry: OutboxRow) -> SyncState:
    return SyncState.REJECTED if entry.status == "rejected" else SyncState.PENDING


def _reason(entry: OutboxRow) -> str | None:
    return entry.last_error if entry.status == "rejected" else None


def _customer_doc(cur: Any, customer_id: str) -> dict[str, Any] | None:
    row = cur.execute(
        # (While a first sync loads, a customer sent twice has two rows: the newer has the
        # higher pk.)
        "SELECT json(d.data) FROM srv_customer AS c JOIN srv_customer_doc AS d ON d.pk = c.pk "
        "WHERE c.id = ? ORDER BY c.pk DESC LIMIT 1",
        (customer_id,),
    ).fetchone()
    return json.loads(row[0]) if row else None


def survivor_id(cur: Any, customer_id: str) -> str:
    """The profile an id lives on in: itself, or the one it was merged into (an id held from
    before the merge, in a note written offline or a list, opens the survivor)."""
    for _ in range(MAX_MERGE_HOPS):
        doc = _customer_doc(cur, customer_id)
        target = doc.get("merged_into") if doc else None
        if not isinstance(target, str) or _customer_doc(cur, target) is None:
            return customer_id
        customer_id = target
    return customer_id


def load_profile(cur: Any, customer_id: str) -> Profile | None:
    asked = customer_id
    customer_id = survivor_id(cur, customer_id)
    c = _customer_doc(cur, customer_id)
    created: OutboxRow | None = None
    if c is None:
        created = pending_customer(cur, customer_id)
        if created is None:
            return None
        c = {**created.args, "consents": []}
    names = _Names(cur)
    by_customer = "WHERE customer_id = ? ORDER BY {} DESC"

    orders = tuple(
        Order(
            id=o["id"],
            channel=o.get("channel", ""),
            store_id=o.get("store_id"),
            store_name=names.store(o.get("store_id")),
            ordered_at=o.get("ordered_at", ""),
            total_jpy=_yen(o.get("total_jpy", 0)),
            status=o.get("status", ""),
            lines=tuple(
                OrderLine(
                    sku=line.get("sku", ""),
                    name=line.get("name") or names.product(line.get("sku")) or "",
                    quantity=int(line.get("quantity", 0)),
                    unit_price_jpy=_yen(line.get("unit_price_jpy", 0)),
                    image=names.image(line.get("sku")),
                )
                for line in o.get("lines", [])
            ),
        )
        for o in _docs(
            cur,
            "SELECT json(data) FROM srv_order " + by_customer.format("ordered_at"),
            (customer_id,),
        )
    )
    activities = tuple(
        Activity(
            id=a["id"],
            channel=a.get("channel", ""),
            kind=a.get("kind", ""),
            occurred_at=a.get("occurred_at", ""),
            sku=a.get("sku"),
            summary=a.get("summary", ""),
        )
        for a in _docs(
            cur,
            "SELECT json(data) FROM srv_activity " + by_customer.format("occurred_at"),
            (customer_id,),
        )
    )
    interests = [
        Interest(
            id=i["id"],
            sku=i.get("sku"),
            product_name=names.product(i.get("sku")),
            category=i.get("category"),
            comment=i.get("comment", ""),
            staff_id=i.get("staff_id", ""),
            created_at=i.get("created_at", ""),
            status=i.get("status", "open"),
            image=names.image(i.get("sku"), i.get("category")),
            status_reason=i.get("status_reason"),
        )
        for i in _docs(
            cur,
            "SELECT json(data) FROM srv_interest " + by_customer.format("created_at"),
            (customer_id,),
        )
    ]
    notes = [
        Note(
            id=n["id"],
            text=n.get("text", ""),
            staff_id=n.get("staff_id", ""),
            staff_name=n.get("staff_name", ""),
            created_at=n.get("created_at", ""),
        )
        for n in _docs(
            cur,
            "SELECT json(data) FROM srv_note " + by_customer.format("created_at"),
            (customer_id,),
        )
    ]
    reservations = of_customer(cur, customer_id)
    followups = [
        followup_from_doc(f)
        for f in _docs(
            cur,
            "SELECT json(data) FROM srv_followup " + by_customer.format("due_date"),
            (customer_id,),
        )
    ]
    consents = [
        Consent(
            purpose=k.get("purpose", ""),
            channel=k.get("channel", ""),
            state=k.get("state", ""),
            recorded_at=k.get("recorded_at", ""),
        )
        for k in c.get("consents", [])
    ]

    # Overlay: outbox entries whose row the server has not sent back yet (same id = same row).
    marks = ", ".join("?" for _ in _OVERLAID)
    entries = [
        OutboxRow.from_db(r)
        for r in cur.execute(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE customer_id IN (?, ?) "
            f"AND name IN ({marks}) ORDER BY seq",
            (customer_id, asked, *_OVERLAID),
        ).fetchall()
    ]
    have = {n.id for n in notes} | {i.id for i in interests}
    have |= {f.id for f in followups}
    interest_changes: dict[str, dict[str, Any]] = {}
    for e in entries:
        a, m = e.args, e.meta
        if e.name == "interest.update":
            if e.status == "pending":
                interest_changes.setdefault(str(a.get("id", "")), {}).update(
                    {k: a[k] for k in ("status", "reason", "comment") if a.get(k) is not None}
                )
            continue
        if e.name == "customer.update":
            if e.status != "rejected" and a.get("id") in (customer_id, asked):
                c.update({k: a[k] for k in _UPDATABLE if a.get(k) is not None})
            continue
        if a.get("id") in have:
            continue
        if e.name == "note.add":
            notes.append(
                Note(
                    id=a["id"],
                    text=a.get("text", ""),
                    staff_id=m.get("staff_id", ""),
                    staff_name=m.get("staff_name", ""),
                    created_at=e.created_at,
                    sync=_sync_of(e),
                    rejected_reason=_reason(e),
                )
            )
        elif e.name == "interest.add":
            interests.append(
                Interest(
                    id=a["id"],
                    sku=a.get("sku"),
                    product_name=names.product(a.get("sku")),
                    category=a.get("category"),
                    comment=a.get("comment", ""),
                    staff_id=m.get("staff_id", ""),
                    created_at=e.created_at,
                    status="open",
                    sync=_sync_of(e),
                    rejected_reason=_reason(e),
                    image=names.image(a.get("sku"), a.get("category")),
                )
            )
        elif e.name == "consent.record" and e.status != "rejected":
            consents.append(
                Consent(
                    purpose=a.get("purpose", ""),
                    channel=a.get("channel", ""),
                    state=a.get("state", ""),
                    recorded_at=e.created_at,
                    sync=SyncState.PENDING,
                )
            )
        elif e.name == "followup.create":
            followups.append(
                FollowUp(
                    id=a["id"],
                    due_date=str(a.get("due_date", "")),
                    channel=a.get("channel", ""),
                    kind=a.get("kind", "after_visit"),
                    status="planned",
                    skus=tuple(a.get("skus", [])),
                    note=a.get("note", ""),
                    staff_id=m.get("staff_id", ""),
                    sync=_sync_of(e),
                )
            )

    for index, interest in enumerate(interests):
        change = interest_changes.get(interest.id)
        if change:
            interests[index] = dataclasses.replace(
                interest,
                status=change.get("status", interest.status),
                status_reason=change.get("reason", interest.status_reason),
                comment=change.get("comment", interest.comment),
                sync=SyncState.PENDING,
            )

    def newest_first(items: list[Any], attr: str) -> tuple[Any, ...]:
        return tuple(sorted(items, key=lambda x: getattr(x, attr), reverse=True))

    return Profile(
        id=c["id"],
        family_name=c.get("family_name", ""),
        given_name=c.get("given_name", ""),
        family_kana=c.get("family_kana", ""),
        given_kana=c.get("given_kana", ""),
        email=c.get("email"),
        phone=c.get("phone"),
        loyalty_card=c.get("loyalty_card"),
        birthday=c.get("birthday"),
        tier=c.get("tier", ""),
        points=int(c.get("points", 0) or 0),
        home_store_id=c.get("home_store_id"),
        home_store_name=names.store(c.get("home_store_id")),
        consents=tuple(consents),
        orders=orders,
        activities=activities,
        interests=newest_first(interests, "created_at"),
        notes=newest_first(notes, "created_at"),
        reservations=tuple(reservations),
        followups=tuple(sorted(followups, key=lambda f: f.due_date)),
        summary=_summary(c.get("summary"), names),
        sync=_sync_of(created) if created else SyncState.SYNCED,
        rejected_reason=_reason(created) if created else None,
        merged_from=asked if asked != customer_id else None,
    )


def pending_customer(cur: Any, customer_id: str) -> OutboxRow | None:
    """The customer.create made here for this id that the server has not sent back yet."""
    row = cur.execute(
        f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE customer_id = ? AND name = 'customer.create' "
        "AND status IN ('pending', 'applied', 'rejected') ORDER BY seq DESC LIMIT 1",
        (customer_id,),
    ).fetchone()
    return OutboxRow.from_db(row) if row else None


def _summary(data: Any, names: _Names) -> ProfileSummary | None:
    """The server's summary in the customer's document (None before it sent one)."""
    if not isinstance(data, dict):
        return None
    last = data.get("last_purchase") or {}
    return ProfileSummary(
        lifetime_jpy=_yen(data.get("lifetime_jpy", 0)),
        order_count=int(data.get("order_count", 0) or 0),
        last_purchase=tuple(
            sorted(((str(k), str(v)) for k, v in last.items()), key=lambda kv: kv[1], reverse=True)
        ),
        preferred_store_name=names.store(data.get("preferred_store_id")),
        preferred_channel=data.get("preferred_channel"),
        favourite_categories=tuple(str(c) for c in data.get("favourite_categories") or ()),
        sizes=tuple(str(x) for x in data.get("sizes") or ()),
        open_inquiries=int(data.get("open_inquiries", 0) or 0),
    )
