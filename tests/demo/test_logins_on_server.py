"""The README's demo logins work against the real central API seeded with the demo chain."""

from __future__ import annotations

from pathlib import Path

import httpx

from sync.server.demo import DEMO_LOGINS, generate
from tests.support.server import running_test_server


def test_every_demo_login_and_badge_opens_a_session_in_its_store(tmp_path: Path) -> None:
    chain = generate(customers=50)
    badges = {m.data["code"]: m.badge for m in chain.staff}
    with (
        running_test_server(f"sqlite:///{tmp_path / 'central.db'}", scale=50) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        for store in chain.stores:
            logins = [login for login in DEMO_LOGINS if login[0] == store["name"]]
            _, _, manager_code, manager_pin = next(x for x in logins if x[1] == "manager")
            registered = http.post(
                "/v1/devices",
                json={"staff_code": manager_code, "pin": manager_pin, "store_id": store["id"]},
            )
            assert registered.status_code == 200, registered.text
            token = registered.json()["device_token"]
            for _, role, code, pin in logins:
                by_pin = http.post(
                    "/v1/sessions", json={"device_token": token, "staff_code": code, "pin": pin}
                )
                assert by_pin.status_code == 200, (code, by_pin.text)
                assert by_pin.json()["staff"]["code"] == code
                assert by_pin.json()["staff"]["role"] == role
                assert by_pin.json()["store"]["id"] == store["id"]
                by_badge = http.post(
                    "/v1/sessions",
                    json={"device_token": token, "badge": badges[code], "pin": pin},
                )
                assert by_badge.status_code == 200, (code, by_badge.text)
                assert by_badge.json()["staff"]["code"] == code
            wrong = http.post(
                "/v1/sessions",
                json={"device_token": token, "staff_code": manager_code, "pin": "0000"},
            )
            assert wrong.status_code == 401
