"""Push and pull over real HTTP: a note made on one terminal reaches another terminal."""

from __future__ import annotations

from sync.protocol import new_id
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, YOKOHAMA, tid
from tests.server.conftest import mutation, open_terminal


def test_note_pushed_on_one_terminal_is_pulled_by_another_in_the_region(
    server: ServerThread,
) -> None:
    shibuya = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    yokohama = open_terminal(server.base_url, YOKOHAMA, "A002", "M002")
    yokohama.pull_all()
    customer_id = tid("customer:0")
    note_id = new_id()
    m = mutation("note.add", {"id": note_id, "customer_id": customer_id, "text": "自転車を購入"})

    [result] = shibuya.push(m)

    assert result == {"id": m["id"], "status": "applied", "reason": None, "data": {"id": note_id}}
    pages = yokohama.pull_all()
    notes = yokohama.entities("note")
    assert notes[note_id]["text"] == "自転車を購入"
    assert notes[note_id]["staff_id"] == tid("staff:A001")
    assert notes[note_id]["store_id"] == SHIBUYA
    # Only the pushing device gets the ack, on its last page.
    assert pages[-1]["acked_mutation_ids"] == []
    own = shibuya.pull_all()
    assert own[-1]["acked_mutation_ids"] == [m["id"]]
    assert own[-1]["mutation_results"] == [result]
    # Acks are handed out once: the next pull with the advanced cursor has none.
    assert shibuya.pull()["acked_mutation_ids"] == []


def test_first_pull_gives_catalog_store_and_region_only(server: ServerThread) -> None:
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    t.pull_all()
    assert len(t.entities("store")) == 3
    assert len(t.entities("product")) == 3
    # The stock of every store of the region (stores nearby); not of the other region.
    assert {d["store_id"] for d in t.entities("inventory").values()} == {SHIBUYA, YOKOHAMA}
    customers = t.entities("customer")
    assert len(customers) == 4  # the kanto customers; the kansai ones stay on the server
    assert {c["home_store_id"] for c in customers.values()} == {SHIBUYA}
    assert UMEDA not in {c["home_store_id"] for c in customers.values()}
    assert len(t.entities("order")) == 1
    assert len(t.entities("activity")) == 1
    # Staff payloads never carry PIN or badge material.
    for staff in t.entities("staff").values():
        assert set(staff) == {"id", "code", "name", "name_kana", "role", "store_id"}
