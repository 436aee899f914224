"""The terminals of a store for its managers (over real HTTP, SQLite and PostgreSQL): the list
with when each was last seen, and revocation — the revoked terminal's sessions end at once and
it is told `device_revoked` (its cue to erase its data). Roles decide, on the server."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
import time_machine

from sync.server.runner import ServerThread
from sync.server.timeutil import utcnow
from tests.server.authorship_helpers import device, signed_in
from tests.server.chain import PIN, SHIBUYA, YOKOHAMA


@pytest.fixture
def http(server: ServerThread) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=20)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_managers_see_their_stores_terminals_and_when_each_was_last_seen(
    http: httpx.Client,
) -> None:
    front, back = device(http, SHIBUYA, "M001"), device(http, SHIBUYA, "M001")
    other_store = device(http, YOKOHAMA, "M002")
    manager = signed_in(http, front, "M001")
    signed_in(http, back, "A001").pull_all()
    listed = http.get("/v1/devices", headers=_bearer(manager.token))
    assert listed.status_code == 200, listed.text
    rows = {d["id"]: d for d in listed.json()["devices"]}
    assert set(rows) >= {front["device_id"], back["device_id"]}
    assert other_store["device_id"] not in rows  # only this store's
    assert rows[front["device_id"]]["this_device"] and not rows[back["device_id"]]["this_device"]
    assert rows[back["device_id"]]["last_seen_at"] is not None
    assert rows[back["device_id"]]["registered_by"] == "スタッフ M001"
    assert all(d["revoked_at"] is None for d in rows.values())
    # An associate may not look.
    associate = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    refused = http.get("/v1/devices", headers=_bearer(associate.token))
    assert refused.status_code == 403
    # The admin sees every store's.
    admin = signed_in(http, device(http, SHIBUYA, "X900"), "X900")
    everyone = http.get("/v1/devices", headers=_bearer(admin.token)).json()["devices"]
    assert other_store["device_id"] in {d["id"] for d in everyone}


def test_last_seen_moves_on_by_the_minute(http: httpx.Client) -> None:
    till = device(http, SHIBUYA, "M001")
    manager = signed_in(http, till, "M001")

    def seen() -> str:
        rows = http.get("/v1/devices", headers=_bearer(manager.token)).json()["devices"]
        return str(next(d for d in rows if d["id"] == till["device_id"])["last_seen_at"])

    first = seen()
    assert seen() == first  # within the minute: not written again
    with time_machine.travel(utcnow() + timedelta(minutes=2), tick=True):
        assert seen() != first


def test_a_revoked_terminal_is_told_at_its_next_contact_and_cannot_sign_in(
    http: httpx.Client,
) -> None:
    front, lost = device(http, SHIBUYA, "M001"), device(http, SHIBUYA, "M001")
    manager = signed_in(http, front, "M001")
    on_lost = signed_in(http, lost, "A001")
    revoked = http.post(f"/v1/devices/{lost['device_id']}/revoke", headers=_bearer(manager.token))
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["revoked_at"] is not None
    told = http.get("/v1/sync/pull", headers=_bearer(on_lost.token))
    assert told.status_code == 401 and told.json()["error"] == "device_revoked"
    again = http.post(
        "/v1/sessions",
        json={"device_token": lost["device_token"], "staff_code": "A001", "pin": PIN},
    )
    assert again.status_code == 401 and again.json()["error"] == "device_revoked"
    # Revoking twice changes nothing; the manager's own terminal goes on.
    twice = http.post(f"/v1/devices/{lost['device_id']}/revoke", headers=_bearer(manager.token))
    assert twice.json()["revoked_at"] == revoked.json()["revoked_at"]
    assert http.get("/v1/sync/pull", headers=_bearer(manager.token)).status_code == 200


def test_only_a_manager_of_that_store_or_an_admin_revokes(http: httpx.Client) -> None:
    target = device(http, SHIBUYA, "M001")
    yokohama_manager = signed_in(http, device(http, YOKOHAMA, "M002"), "M002")
    associate = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    path = f"/v1/devices/{target['device_id']}/revoke"
    other = http.post(path, headers=_bearer(yokohama_manager.token))
    unknown = http.post(
        "/v1/devices/00000000-0000-0000-0000-000000000000/revoke",
        headers=_bearer(yokohama_manager.token),
    )
    assert other.status_code == unknown.status_code == 404  # another store's: as if unknown
    assert other.json() == unknown.json()
    assert http.post(path, headers=_bearer(associate.token)).status_code == 403
    assert http.post(path).status_code == 401
    admin = signed_in(http, device(http, SHIBUYA, "X900"), "X900")
    assert http.post(path, headers=_bearer(admin.token)).status_code == 200
