"""Lane A handlers: customers, consent, interests and follow-ups, with their rules."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import select

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import AuditEvent, CustomerIdentity
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, tid
from tests.server.conftest import mutation, open_terminal


def test_customer_create_normalises_identities_and_suggests_on_a_clash(
    server: ServerThread, engine: Engine
) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid = new_id()
    create = mutation(
        "customer.create",
        {
            "id": cid,
            "family_name": "佐藤",
            "given_name": "花子",
            "family_kana": "さとう",
            "email": " Hanako.Sato@Example.JP ",
            "phone": "０９０ー1234ー5678",
        },
    )
    clash = mutation(
        "customer.create",
        {"id": new_id(), "family_name": "別人", "phone": "090-1234-5678"},
    )

    results = t.push(create, clash)

    assert results[0]["status"] == "applied"
    # Another name with the same phone: maybe the same person (the default rules), so the
    # profile is made and a manager is asked; the phone stays its first owner's identity.
    assert results[1]["status"] == "applied"
    assert results[1]["data"]["suggested"] is True
    assert "merged_into" not in results[1]["data"]
    t.pull_all()
    doc = t.entities("customer")[cid]
    assert doc["email"] == "hanako.sato@example.jp"
    assert doc["phone"] == "+819012345678"
    assert doc["family_name"] == "佐藤"  # stored exactly as entered
    assert {(i["kind"], i["value"]) for i in doc["identities"]} == {
        ("email", "hanako.sato@example.jp"),
        ("phone", "+819012345678"),
    }
    with read_session(engine) as s:
        owners = (
            s.execute(
                select(CustomerIdentity.customer_id).where(
                    CustomerIdentity.value == "+819012345678"
                )
            )
            .scalars()
            .all()
        )
    assert owners == [cid]


def test_customer_update_changes_only_the_fields_sent(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid = tid("customer:0")
    t.push(mutation("customer.update", {"id": cid, "given_name": "次郎", "email": "NEW@x.jp"}))
    t.pull_all()
    doc = t.entities("customer")[cid]
    assert (doc["family_name"], doc["given_name"], doc["email"]) == ("山田", "次郎", "new@x.jp")
    assert ("email", "c0@example.jp") not in {(i["kind"], i["value"]) for i in doc["identities"]}


def test_another_regions_customer_is_not_found_word_for_word(server: ServerThread) -> None:
    """A rejection must not tell an Umeda associate that a kanto customer id exists."""
    t = open_terminal(server.base_url, UMEDA, "A003", "M003")
    kanto, nobody = tid("customer:0"), new_id()
    results = t.push(
        *(
            mutation("note.add", {"id": new_id(), "customer_id": cid, "text": "x"})
            for cid in (kanto, nobody)
        ),
        *(
            mutation("customer.update", {"id": cid, "given_name": "次郎"})
            for cid in (kanto, nobody)
        ),
        *(
            mutation("interest.add", {"id": new_id(), "customer_id": cid, "sku": "BIKE-1"})
            for cid in (kanto, nobody)
        ),
    )
    for there, absent in zip(results[::2], results[1::2], strict=True):
        assert (there["status"], there["reason"]) == ("rejected", "not_found")
        assert there["data"] == absent["data"]


def test_phone_or_email_held_in_another_region_is_not_revealed(
    server: ServerThread, engine: Engine
) -> None:
    """An Umeda associate creating a customer with a kanto customer's phone and email learns
    nothing: the create is applied like any other, the values stay with their owner."""
    t = open_terminal(server.base_url, UMEDA, "A003", "M003")
    kanto_phone, kanto_email = "+819000000001", "c1@example.jp"  # customer:1 (kanto)
    taken, fresh = new_id(), new_id()
    results = t.push(
        mutation(
            "customer.create",
            {"id": taken, "family_name": "中村", "phone": "090-0000-0001", "email": kanto_email},
        ),
        mutation(
            "customer.create",
            {"id": fresh, "family_name": "中村", "phone": "090-5555-0001", "email": "n@x.jp"},
        ),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert set(results[0]) == set(results[1])
    t.pull_all()
    docs = t.entities("customer")
    assert docs[taken]["phone"] == kanto_phone and docs[taken]["email"] == kanto_email
    kinds = {(i["kind"]) for i in docs[taken]["identities"]}
    assert kinds == {(i["kind"]) for i in docs[fresh]["identities"]} == {"email", "phone"}
    with read_session(engine) as s:
        owner = s.execute(
            select(CustomerIdentity.customer_id).where(CustomerIdentity.value == kanto_phone)
        ).scalar_one()
    assert owner == tid("customer:1")
    # An update to such a value behaves the same.
    [upd] = t.push(mutation("customer.update", {"id": fresh, "phone": "090-0000-0001"}))
    assert upd["status"] == "applied"


def test_a_customer_cannot_be_created_in_another_region(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid = new_id()
    [r] = t.push(
        mutation("customer.create", {"id": cid, "family_name": "越境", "home_store_id": UMEDA})
    )
    assert (r["status"], r["reason"]) == ("rejected", "forbidden")
    t.pull_all()
    assert cid not in t.entities("customer")
    # An admin may.
    admin = open_terminal(server.base_url, SHIBUYA, "X900", "M001")
    [ok] = admin.push(
        mutation("customer.create", {"id": cid, "family_name": "越境", "home_store_id": UMEDA})
    )
    assert ok["status"] == "applied"


def test_followup_needs_marketing_consent_on_its_channel(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    withdrawn = tid("customer:1")  # the chain withdrew email marketing for odd customers
    due = (date.today() + timedelta(days=3)).isoformat()
    fu = {
        "customer_id": withdrawn,
        "due_date": due,
        "channel": "email",
        "skus": ["HELMET-1", "LIGHT-1"],
        "note": "週末前に",
    }

    [refused] = t.push(mutation("followup.create", {"id": new_id(), **fu}))
    assert (refused["status"], refused["reason"]) == ("rejected", "no_consent")

    grant = {
        "id": new_id(),
        "customer_id": withdrawn,
        "purpose": "marketing",
        "channel": "email",
        "state": "granted",
        "wording_version": "v2",
    }
    fid = new_id()
    results = t.push(
        mutation("consent.record", grant), mutation("followup.create", {"id": fid, **fu})
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    done = t.push(mutation("followup.complete", {"id": fid, "outcome": "sent"}))
    assert done[0]["data"]["status"] == "done"

    t.pull_all()
    doc = t.entities("customer")[withdrawn]
    email = [c for c in doc["consents"] if (c["purpose"], c["channel"]) == ("marketing", "email")]
    assert [(c["state"], c["wording_version"]) for c in email] == [("granted", "v2")]
    assert t.entities("followup")[fid]["status"] == "done"
    assert t.entities("followup")[fid]["skus"] == ["HELMET-1", "LIGHT-1"]


def test_interest_needs_a_known_product_and_can_be_updated(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid, iid = tid("customer:0"), new_id()
    results = t.push(
        mutation(
            "interest.add",
            {"id": iid, "customer_id": cid, "sku": "HELMET-1", "comment": "赤が好き"},
        ),
        mutation("interest.add", {"id": new_id(), "customer_id": cid, "sku": "NOPE"}),
        mutation("interest.add", {"id": new_id(), "customer_id": cid}),
        mutation("interest.update", {"id": iid, "status": "purchased"}),
    )
    assert [(r["status"], r["reason"]) for r in results] == [
        ("applied", None),
        ("rejected", "not_found"),
        ("rejected", "invalid_args"),
        ("applied", None),
    ]
    t.pull_all()
    row = t.entities("interest")[iid]
    assert (row["category"], row["status"], row["comment"]) == (
        "accessory",
        "purchased",
        "赤が好き",
    )


def test_audit_record_is_kept_on_the_server(server: ServerThread, engine: Engine) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    aid = new_id()
    [r] = t.push(
        mutation(
            "audit.record", {"id": aid, "action": "profile.view", "subject_id": tid("customer:0")}
        )
    )
    assert r["status"] == "applied"
    with read_session(engine) as s:
        row = s.get(AuditEvent, aid)
    assert row is not None and row.device_id == t.device_id and row.action == "profile.view"
