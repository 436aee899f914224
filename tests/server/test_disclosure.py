"""Disclosure over real HTTP (SQLite and PostgreSQL): a manager exports everything held about a
customer as JSON or CSV — a profile merged into theirs included — and the export is in the
audit trail; associates and other regions cannot."""

from __future__ import annotations

import csv
import io

from sqlalchemy import Engine
from sqlmodel import select

from sync.protocol import new_id
from sync.server.db import read_session
from sync.server.models import AuditEvent
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA
from tests.server.conftest import mutation, open_terminal


def test_a_manager_exports_everything_held_about_a_customer(
    server: ServerThread, engine: Engine
) -> None:
    till = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    cid, twin = new_id(), new_id()
    who = {
        "family_name": "開示",
        "given_name": "請求",
        "family_kana": "かいじ",
        "given_kana": "せいきゅう",
    }
    till.push(
        mutation("customer.create", {"id": cid, **who, "phone": "090-3030-4040"}),
        mutation("customer.create", {"id": twin, **who, "phone": "09030304040", "email": "k@x.jp"}),
        mutation("note.add", {"id": new_id(), "customer_id": twin, "text": "オフラインのメモ"}),
        mutation(
            "consent.record",
            {
                "id": new_id(),
                "customer_id": cid,
                "purpose": "marketing",
                "channel": "sms",
                "state": "granted",
                "wording_version": "counter-2026-12",
            },
        ),
        mutation("interest.add", {"id": new_id(), "customer_id": cid, "sku": "LIGHT-1"}),
    )
    path = f"/v1/customers/{cid}/disclosure"
    assert till.http.get(path, headers=till.auth).status_code == 403
    umeda = open_terminal(server.base_url, UMEDA, "M003")
    assert umeda.http.get(path, headers=umeda.auth).status_code == 404
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    assert manager.http.get(path, params={"format": "xml"}, headers=manager.auth).status_code == 422

    r = manager.http.get(path, headers=manager.auth)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert "attachment" in r.headers["content-disposition"]
    assert r.headers["cache-control"] == "no-store"
    doc = r.json()
    assert {p["id"] for p in doc["profiles"]} == {cid, twin}
    assert [n["text"] for n in doc["notes"]] == ["オフラインのメモ"]
    assert [(c["channel"], c["state"], c["wording_version"]) for c in doc["consent_ledger"]] == [
        ("sms", "granted", "counter-2026-12")
    ]
    assert [i["sku"] for i in doc["interests"]] == ["LIGHT-1"]
    assert doc["merges"] and doc["merges"][0]["joined"] == twin
    assert any(e["action"].startswith("edit:") for e in doc["access_log"])

    r = manager.http.get(path, params={"format": "csv"}, headers=manager.auth)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["section", "record", "field", "value"]
    assert ["notes", "1", "text", "オフラインのメモ"] in rows
    assert ["consent_ledger", "1", "channel", "sms"] in rows
    with read_session(engine) as s:
        exports = (
            s.execute(
                select(AuditEvent).where(
                    AuditEvent.action == "export", AuditEvent.customer_id == cid
                )
            )
            .scalars()
            .all()
        )
    assert len(exports) == 2  # each export is recorded
    assert (
        manager.http.get(f"/v1/customers/{twin}/disclosure", headers=manager.auth).status_code
        == 409
    )
