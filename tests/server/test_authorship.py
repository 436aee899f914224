"""Authority comes from credentials only. A change made offline by one staff member and pushed
under a colleague's session on the same shared terminal is credited to its author only with
the proof the author got when they signed in on that terminal; it then has the author's own
role and store, never more, and only within the maximum offline age."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, update

from sync.protocol import new_id
from sync.server.models import StaffSession
from sync.server.runner import ServerThread
from sync.server.timeutil import utcnow
from tests.server.authorship_helpers import device as _device
from tests.server.authorship_helpers import note as _note
from tests.server.authorship_helpers import signed_in as _signed_in
from tests.server.chain import SHIBUYA, UMEDA, tid

KANSAI_CUSTOMER = "customer:100"


@pytest.fixture
def http(server: ServerThread) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=20)


def test_a_change_is_credited_to_the_colleague_who_made_it(http: httpx.Client) -> None:
    till = _device(http, SHIBUYA, "M001")
    associate = _signed_in(http, till, "A001")  # the associate worked here earlier ...
    manager = _signed_in(http, till, "M001")  # ... and the manager signed in after

    by_associate, by_manager, unsaid = _note(associate), _note(manager), _note(None)
    results = manager.push(by_associate, by_manager, unsaid)

    assert [r["status"] for r in results] == ["applied"] * 3
    manager.pull_all()
    author = {n["id"]: n["staff_id"] for n in manager.entities("note").values()}
    assert author[by_associate["args"]["id"]] == tid("staff:A001")
    assert author[by_manager["args"]["id"]] == tid("staff:M001")
    assert author[unsaid["args"]["id"]] == tid("staff:M001")  # no author: the session's
    # A replay (a lost reply) gives the same stored result.
    assert manager.push(by_associate) == results[:1]


def _refused(results: list[dict[str, Any]]) -> None:
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "forbidden")] * len(
        results
    )


def test_a_staff_id_without_its_proof_is_refused(http: httpx.Client) -> None:
    """The defect: any staff id of someone who signed in here was taken at its word."""
    till = _device(http, SHIBUYA, "M001")
    admin = _signed_in(http, till, "X900")  # the admin signed in on this till earlier
    manager = _signed_in(http, till, "M001")
    associate = _signed_in(http, till, "A001")

    no_proof = _note(None, staff_id=admin.staff["id"])
    wrong_proof = _note(None, staff_id=admin.staff["id"], staff_proof=manager.proof)  # type: ignore[attr-defined]
    garbage_proof = _note(None, staff_id=admin.staff["id"], staff_proof="x" * 43)
    # The admin's proof with the associate's claim of being the manager.
    mixed = _note(None, staff_id=manager.staff["id"], staff_proof=admin.proof)  # type: ignore[attr-defined]
    results = associate.push(no_proof, wrong_proof, garbage_proof, mixed)

    _refused(results)
    assert "cannot be sent in their name" in results[0]["data"]["message"]
    associate.pull_all()
    assert not any(n["text"] == "オフラインのメモ" for n in associate.entities("note").values())


def test_a_proof_from_another_terminal_is_refused(http: httpx.Client) -> None:
    till, other_till = _device(http, SHIBUYA, "M001"), _device(http, SHIBUYA, "M001")
    elsewhere = _signed_in(http, other_till, "A001")  # signed in on another terminal only
    manager = _signed_in(http, till, "M001")
    _refused(manager.push(_note(elsewhere), _note(None, staff_id=new_id())))


def test_a_proof_older_than_the_maximum_offline_age_is_refused(
    http: httpx.Client, engine: Engine
) -> None:
    till = _device(http, SHIBUYA, "M001")
    associate = _signed_in(http, till, "A001")
    manager = _signed_in(http, till, "M001")
    with engine.begin() as conn:
        conn.execute(
            update(StaffSession)
            .where(StaffSession.staff_id == tid("staff:A001"))  # type: ignore[arg-type]
            .values(created_at=utcnow() - timedelta(days=3, minutes=1))
        )
    _refused(manager.push(_note(associate)))


def test_a_proven_author_has_their_own_authority_only(http: httpx.Client) -> None:
    """The admin's offline work is the admin's (any region); an associate's proof never lends
    the associate more than the associate may do, whoever's session pushes it."""
    till = _device(http, SHIBUYA, "M001")
    admin = _signed_in(http, till, "X900")
    associate = _signed_in(http, till, "A001")
    # The admin may write on a kansai customer; pushed under the associate's session.
    [by_admin] = associate.push(_note(admin, KANSAI_CUSTOMER))
    assert by_admin["status"] == "applied"
    # The associate's own note on a kansai customer is refused, under the admin's session too.
    admin_session = _signed_in(http, till, "X900")
    [by_associate] = admin_session.push(_note(associate, KANSAI_CUSTOMER))
    assert (by_associate["status"], by_associate["reason"]) == ("rejected", "not_found")


def test_an_umeda_associates_proof_does_not_work_on_shibuya_terminals(
    http: httpx.Client,
) -> None:
    umeda_till, shibuya_till = _device(http, UMEDA, "M003"), _device(http, SHIBUYA, "M001")
    umeda = _signed_in(http, umeda_till, "A003")
    shibuya = _signed_in(http, shibuya_till, "A001")
    _refused(shibuya.push(_note(umeda)))
