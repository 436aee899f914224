"""One person at a terminal: a staff switch signs the previous person out on the server, and
sign-out ends a session at once (today's tokens no longer stay valid for their 12 hours)."""

from __future__ import annotations

import httpx
import pytest

from sync.server.runner import ServerThread
from tests.server.authorship_helpers import device as _device
from tests.server.authorship_helpers import note, signed_in
from tests.server.chain import SHIBUYA, tid


@pytest.fixture
def http(server: ServerThread) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=20)


def _pull_status(http: httpx.Client, token: str) -> httpx.Response:
    return http.get("/v1/sync/pull", headers={"Authorization": f"Bearer {token}"})


def test_a_staff_switch_signs_the_previous_person_out(http: httpx.Client) -> None:
    till, other_till = _device(http, SHIBUYA, "M001"), _device(http, SHIBUYA, "M001")
    associate = signed_in(http, till, "A001")
    elsewhere = signed_in(http, other_till, "A001")
    assert _pull_status(http, associate.token).status_code == 200
    manager = signed_in(http, till, "M001")  # the switch
    ended = _pull_status(http, associate.token)
    assert ended.status_code == 401 and ended.json()["error"] == "session_ended"
    assert _pull_status(http, manager.token).status_code == 200
    # Only on that terminal: the associate's session on the other till goes on.
    assert _pull_status(http, elsewhere.token).status_code == 200
    # What the associate did offline before the switch is still theirs.
    earlier = note(associate)
    assert [r["status"] for r in manager.push(earlier)] == ["applied"]
    manager.pull_all()
    assert manager.entities("note")[earlier["args"]["id"]]["staff_id"] == tid("staff:A001")


def test_sign_out_ends_the_session_at_once(http: httpx.Client) -> None:
    till = _device(http, SHIBUYA, "M001")
    associate = signed_in(http, till, "A001")
    auth = {"Authorization": f"Bearer {associate.token}"}
    out = http.delete("/v1/sessions/current", headers=auth)
    assert out.status_code == 204
    assert _pull_status(http, associate.token).json()["error"] == "session_ended"
    assert http.delete("/v1/sessions/current", headers=auth).status_code == 401
    pushed = http.post(
        "/v1/sync/push",
        headers=auth,
        json={"protocol_version": 1, "client_id": till["device_id"], "mutations": []},
    )
    assert pushed.status_code == 401
    # Signing in again works.
    again = signed_in(http, till, "A001")
    assert _pull_status(http, again.token).status_code == 200
    assert http.delete("/v1/sessions/current").status_code == 401  # no token, nothing to end
