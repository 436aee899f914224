"""Erasure over real HTTP (SQLite and PostgreSQL): a manager erases a customer and everything
about them goes — profile, a profile merged into it, identities, consents, notes, interests,
orders, a hold (its stock given back) — as tombstones in the feed with no PII left there; the
phone is free again; associates and other regions cannot."""

from __future__ import annotations

from sqlalchemy import Engine, func
from sqlmodel import col, select

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import (
    AuditEvent,
    ChangeRow,
    Consent,
    Customer,
    CustomerIdentity,
    Interest,
    Inventory,
    Note,
    Order,
    Reservation,
)
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA
from tests.server.conftest import mutation, open_terminal

EMAIL = "wanibuchi.erase@example.jp"
NAME = "鰐淵"


def test_a_manager_erases_a_customer_everywhere(server: ServerThread, engine: Engine) -> None:
    till = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid, twin = new_id(), new_id()
    person = {
        "family_name": NAME,
        "given_name": "凛",
        "family_kana": "わにぶち",
        "given_kana": "りん",
    }
    hold = new_id()
    results = till.push(
        mutation(
            "customer.create", {"id": cid, **person, "email": EMAIL, "phone": "080-7070-1212"}
        ),
        # The same person again from another terminal: merged into the first at once.
        mutation("customer.create", {"id": twin, **person, "phone": "08070701212"}),
        mutation("note.add", {"id": new_id(), "customer_id": twin, "text": f"{NAME}様 秘密"}),
        mutation("interest.add", {"id": new_id(), "customer_id": cid, "sku": "HELMET-1"}),
        mutation(
            "consent.record",
            {
                "id": new_id(),
                "customer_id": cid,
                "purpose": "marketing",
                "channel": "email",
                "state": "granted",
                "wording_version": "v1",
            },
        ),
        mutation(
            "reservation.request",
            {"id": hold, "customer_id": cid, "store_id": SHIBUYA, "sku": "HELMET-1", "quantity": 2},
        ),
    )
    assert [r["status"] for r in results] == ["applied"] * 6, results
    sold = till.push(mutation("reservation.fulfil", {"id": hold}))
    assert sold[0]["status"] == "applied"  # a store order on the profile now
    again = new_id()
    till.push(
        mutation(
            "reservation.request",
            {"id": again, "customer_id": cid, "store_id": SHIBUYA, "sku": "LIGHT-1", "quantity": 3},
        )
    )
    with read_session(engine) as s:
        held_before = s.get(Inventory, (SHIBUYA, "LIGHT-1"))
        assert held_before is not None and held_before.reserved >= 3
        reserved_before = held_before.reserved
        assert s.get(Customer, twin).merged_into == cid  # type: ignore[union-attr]

    # Associates may not; another region's manager finds no such customer.
    path = f"/v1/customers/{cid}/erase"
    assert till.http.post(path, headers=till.auth).status_code == 403
    umeda = open_terminal(server.base_url, UMEDA, "M003")
    assert umeda.http.post(path, headers=umeda.auth).status_code == 404
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    assert manager.http.post(f"/v1/customers/{twin}/erase", headers=manager.auth).status_code == 409
    r = manager.http.post(path, headers=manager.auth)
    assert r.status_code == 200, r.text
    erased = r.json()["erased"]
    assert erased["profiles"] == 2 and erased["notes"] == 1 and erased["orders"] == 1
    assert erased["reservations"] == 2 and erased["consents"] == 1 and erased["interests"] == 1
    assert manager.http.post(path, headers=manager.auth).status_code == 404

    with read_session(engine) as s:
        for model in (Note, Interest, Order, Reservation, Consent, CustomerIdentity):
            table = model.__table__  # type: ignore[attr-defined]
            left = s.execute(
                select(func.count()).select_from(table).where(table.c.customer_id.in_([cid, twin]))
            ).scalar_one()
            assert left == 0, model
        assert s.get(Customer, cid) is None and s.get(Customer, twin) is None
        light = s.get(Inventory, (SHIBUYA, "LIGHT-1"))
        assert light is not None and light.reserved == reserved_before - 3  # stock given back
        feed = s.execute(select(ChangeRow.data_json)).scalars().all()
        assert not [d for d in feed if d and (EMAIL in d or NAME in d)]  # no PII in the feed
        tombstones = (
            s.execute(select(ChangeRow.entity).where(col(ChangeRow.entity_id).in_([cid, twin])))
            .scalars()
            .all()
        )
        assert tombstones == ["customer", "customer"]
        trail = s.execute(select(AuditEvent).where(AuditEvent.action == "erase")).scalars().all()
        assert [(e.customer_id, e.staff_id != "") for e in trail] == [(cid, True)]
        assert NAME not in trail[0].detail and EMAIL not in trail[0].detail

    # A terminal syncing from scratch never sees them; the phone is free for someone new.
    fresh = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    fresh.pull_all()
    assert cid not in fresh.entities("customer") and twin not in fresh.entities("customer")
    [made] = till.push(
        mutation(
            "customer.create", {"id": new_id(), "family_name": "別人", "phone": "080-7070-1212"}
        )
    )
    assert made["status"] == "applied" and "suggested" not in made["data"]
