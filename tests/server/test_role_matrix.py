"""Every endpoint × every caller (nobody, an associate, a manager, an admin), over real HTTP on
SQLite and PostgreSQL: what each may do is decided on the server. The matrix must name every
route the app serves, so a new endpoint cannot arrive without its row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from sync.protocol import PROTOCOL_VERSION
from sync.protocol.followups import DEFAULT_FOLLOWUP_RULES
from sync.protocol.merges import DEFAULT_RULES
from sync.server.runner import ServerThread
from tests.server.authorship_helpers import device, signed_in
from tests.server.chain import PIN, SHIBUYA

ROLES = ("nobody", "associate", "manager", "admin")
CODES = {"associate": "A001", "manager": "M001", "admin": "X900"}

Call = Callable[[httpx.Client, dict[str, str], dict[str, Any]], httpx.Response]


def _push(http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]) -> httpx.Response:
    body = {"protocol_version": PROTOCOL_VERSION, "client_id": ctx["device_id"], "mutations": []}
    return http.post("/v1/sync/push", json=body, headers=auth)


def _register(http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]) -> httpx.Response:
    code = CODES.get(ctx["role"], "ZZ99")
    return http.post("/v1/devices", json={"staff_code": code, "pin": PIN, "store_id": SHIBUYA})


def _session(http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]) -> httpx.Response:
    code = CODES.get(ctx["role"], "ZZ99")
    return http.post(
        "/v1/sessions",
        json={"device_token": ctx["spare_token"], "staff_code": code, "pin": PIN},
    )


def _events(http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]) -> httpx.Response:
    with http.stream("GET", "/v1/sync/events", headers=auth) as resp:
        return resp  # the status is enough; the stream is closed at once


def _credential_body(ctx: dict[str, Any]) -> dict[str, Any]:
    return {"source": f"shop-{ctx['role']}", "name": "web shop", "kinds": ["order"]}


def _revoke_credential(
    http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]
) -> httpx.Response:
    return http.post(f"/v1/integrations/{ctx['credential_id']}/revoke", headers=auth)


def _ingest(path: str) -> Call:
    """Staff sessions are never integration credentials: every role is refused."""

    def call(http: httpx.Client, auth: dict[str, str], ctx: dict[str, Any]) -> httpx.Response:
        headers = {**auth, "Content-Type": "application/x-ndjson"}
        return http.post(path, content=b"{}", headers=headers)

    return call


MANAGERS = {"nobody": 401, "associate": 403, "manager": 200, "admin": 200}
# Signed in as a manager, an id nobody has is not found.
MANAGERS_UNKNOWN = {"nobody": 401, "associate": 403, "manager": 404, "admin": 404}
# Signed in in any role, an id nobody has is not found.
SIGNED_IN_UNKNOWN = {"nobody": 401, "associate": 404, "manager": 404, "admin": 404}
UNKNOWN = "01900000-0000-7000-8000-000000000000"
FORGED = "AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA"

# (method, route) -> (call, expected status per role)
MATRIX: dict[tuple[str, str], tuple[Call, dict[str, int]]] = {
    ("GET", "/openapi.json"): (
        lambda h, a, c: h.get("/openapi.json"),
        dict.fromkeys(ROLES, 200),
    ),
    ("GET", "/docs"): (lambda h, a, c: h.get("/docs"), dict.fromkeys(ROLES, 200)),
    ("GET", "/v1/health"): (lambda h, a, c: h.get("/v1/health"), dict.fromkeys(ROLES, 200)),
    ("GET", "/v1/stores"): (lambda h, a, c: h.get("/v1/stores"), dict.fromkeys(ROLES, 200)),
    ("POST", "/v1/devices"): (
        _register,
        {"nobody": 401, "associate": 401, "manager": 200, "admin": 200},
    ),
    ("POST", "/v1/sessions"): (
        _session,
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("GET", "/v1/devices"): (
        lambda h, a, c: h.get("/v1/devices", headers=a),
        {"nobody": 401, "associate": 403, "manager": 200, "admin": 200},
    ),
    ("POST", "/v1/devices/{device_id}/revoke"): (
        lambda h, a, c: h.post(f"/v1/devices/{c['victim']}/revoke", headers=a),
        {"nobody": 401, "associate": 403, "manager": 200, "admin": 200},
    ),
    ("DELETE", "/v1/sessions/current"): (
        lambda h, a, c: h.delete("/v1/sessions/current", headers=a),
        {"nobody": 401, "associate": 204, "manager": 204, "admin": 204},
    ),
    ("POST", "/v1/sync/push"): (
        _push,
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("GET", "/v1/sync/pull"): (
        lambda h, a, c: h.get("/v1/sync/pull", headers=a),
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("GET", "/v1/sync/snapshot"): (
        lambda h, a, c: h.get("/v1/sync/snapshot", params={"format": 3}, headers=a),
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("GET", "/v1/sync/snapshot/{snapshot_id}"): (
        lambda h, a, c: h.get("/v1/sync/snapshot/not-a-snapshot", headers=a),
        # Signed in, an unknown snapshot is not found (none is offered to this device).
        {"nobody": 401, "associate": 404, "manager": 404, "admin": 404},
    ),
    ("GET", "/v1/sync/events"): (
        _events,
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("POST", "/v1/integrations"): (
        lambda h, a, c: h.post("/v1/integrations", json=_credential_body(c), headers=a),
        {"nobody": 401, "associate": 403, "manager": 403, "admin": 201},
    ),
    ("GET", "/v1/integrations"): (
        lambda h, a, c: h.get("/v1/integrations", headers=a),
        {"nobody": 401, "associate": 403, "manager": 403, "admin": 200},
    ),
    ("POST", "/v1/integrations/{credential_id}/revoke"): (
        _revoke_credential,
        {"nobody": 401, "associate": 403, "manager": 403, "admin": 200},
    ),
    ("GET", "/v1/identity/suggestions"): (
        lambda h, a, c: h.get("/v1/identity/suggestions", headers=a),
        MANAGERS,
    ),
    ("POST", "/v1/identity/suggestions/{suggestion_id}/dismiss"): (
        lambda h, a, c: h.post(f"/v1/identity/suggestions/{UNKNOWN}/dismiss", json={}, headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("POST", "/v1/identity/merges"): (
        lambda h, a, c: h.post("/v1/identity/merges", json={"suggestion_id": UNKNOWN}, headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("GET", "/v1/identity/merges"): (
        lambda h, a, c: h.get("/v1/identity/merges", headers=a),
        MANAGERS,
    ),
    ("POST", "/v1/identity/merges/{merge_id}/undo"): (
        lambda h, a, c: h.post(f"/v1/identity/merges/{UNKNOWN}/undo", headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("GET", "/v1/identity/rules"): (
        lambda h, a, c: h.get("/v1/identity/rules", headers=a),
        MANAGERS,
    ),
    ("PUT", "/v1/identity/rules"): (
        lambda h, a, c: h.put("/v1/identity/rules", json=DEFAULT_RULES.model_dump(), headers=a),
        {"nobody": 401, "associate": 403, "manager": 403, "admin": 200},
    ),
    ("GET", "/v1/followups/rules"): (
        lambda h, a, c: h.get("/v1/followups/rules", headers=a),
        MANAGERS,
    ),
    ("PUT", "/v1/followups/rules"): (
        lambda h, a, c: h.put(
            "/v1/followups/rules",
            json=DEFAULT_FOLLOWUP_RULES.model_dump(mode="json"),
            headers=a,
        ),
        MANAGERS,
    ),
    ("POST", "/v1/followups/plan"): (
        lambda h, a, c: h.post("/v1/followups/plan", headers=a),
        MANAGERS,
    ),
    ("POST", "/v1/followups/{followup_id}/messages"): (
        lambda h, a, c: h.post(f"/v1/followups/{UNKNOWN}/messages", json={}, headers=a),
        SIGNED_IN_UNKNOWN,
    ),
    ("PUT", "/v1/messages/{message_id}"): (
        lambda h, a, c: h.put(f"/v1/messages/{UNKNOWN}", json={"body": "x"}, headers=a),
        SIGNED_IN_UNKNOWN,
    ),
    ("POST", "/v1/messages/{message_id}/approve"): (
        lambda h, a, c: h.post(f"/v1/messages/{UNKNOWN}/approve", headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("POST", "/v1/messages/{message_id}/reject"): (
        lambda h, a, c: h.post(f"/v1/messages/{UNKNOWN}/reject", headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("GET", "/v1/messages"): (
        lambda h, a, c: h.get("/v1/messages", headers=a),
        {"nobody": 401, "associate": 200, "manager": 200, "admin": 200},
    ),
    ("POST", "/v1/messages/dispatch"): (
        lambda h, a, c: h.post("/v1/messages/dispatch", headers=a),
        MANAGERS,
    ),
    # The unsubscribe link: the key is the credential, no session; one nobody has is not found.
    ("GET", "/u/{key}"): (lambda h, a, c: h.get(f"/u/{UNKNOWN}"), dict.fromkeys(ROLES, 404)),
    ("POST", "/u/{key}"): (lambda h, a, c: h.post(f"/u/{UNKNOWN}"), dict.fromkeys(ROLES, 404)),
    ("GET", "/v1/dashboard"): (
        lambda h, a, c: h.get("/v1/dashboard?since=2026-11-01&until=2026-11-30", headers=a),
        MANAGERS,
    ),
    ("GET", "/v1/dashboard/export.csv"): (
        lambda h, a, c: h.get(
            "/v1/dashboard/export.csv?since=2026-11-01&until=2026-11-30", headers=a
        ),
        MANAGERS,
    ),
    # The storefront of cart links: the signed token is the credential; a forged one opens
    # nothing (the open pixel answers alike, so it tells nothing).
    ("GET", "/shop/c/{token}"): (
        lambda h, a, c: h.get(f"/shop/c/{FORGED}"),
        dict.fromkeys(ROLES, 404),
    ),
    ("GET", "/shop/c/{token}/k/{code}"): (
        lambda h, a, c: h.get(f"/shop/c/{FORGED}/k/bike"),
        dict.fromkeys(ROLES, 404),
    ),
    ("POST", "/shop/c/{token}/checkout"): (
        lambda h, a, c: h.post(f"/shop/c/{FORGED}/checkout", content=b"nonce=x"),
        dict.fromkeys(ROLES, 404),
    ),
    ("GET", "/shop/o/{token}"): (
        lambda h, a, c: h.get(f"/shop/o/{FORGED}"),
        dict.fromkeys(ROLES, 200),
    ),
    ("POST", "/v1/customers/{customer_id}/erase"): (
        lambda h, a, c: h.post(f"/v1/customers/{UNKNOWN}/erase", headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("GET", "/v1/customers/{customer_id}/disclosure"): (
        lambda h, a, c: h.get(f"/v1/customers/{UNKNOWN}/disclosure", headers=a),
        MANAGERS_UNKNOWN,
    ),
    ("GET", "/v1/audit"): (lambda h, a, c: h.get("/v1/audit", headers=a), MANAGERS),
    ("GET", "/v1/audit/verify"): (
        lambda h, a, c: h.get("/v1/audit/verify", headers=a),
        MANAGERS,
    ),
    ("POST", "/v1/ingest/events"): (_ingest("/v1/ingest/events"), dict.fromkeys(ROLES, 401)),
    ("POST", "/v1/ingest/bulk"): (_ingest("/v1/ingest/bulk"), dict.fromkeys(ROLES, 401)),
}


def test_the_matrix_names_every_route(server: ServerThread) -> None:
    served = {
        (method, route.path)  # type: ignore[attr-defined]
        for route in server.app.routes
        for method in getattr(route, "methods", None) or ()
        if method != "HEAD"
    }
    assert served == set(MATRIX)


@pytest.mark.parametrize("endpoint", sorted(MATRIX), ids=lambda e: f"{e[0]} {e[1]}")
def test_each_role_gets_what_the_server_allows(
    server: ServerThread, endpoint: tuple[str, str]
) -> None:
    call, expected = MATRIX[endpoint]
    with httpx.Client(base_url=server.base_url, timeout=20) as http:
        admin = signed_in(http, device(http, SHIBUYA, "X900"), "X900")
        made = http.post(
            "/v1/integrations",
            json={"source": "victim-shop", "name": "to revoke", "kinds": ["order"]},
            headers={"Authorization": f"Bearer {admin.token}"},
        )
        seen = {}
        for role in ROLES:
            till = device(http, SHIBUYA, "M001")
            victim = device(http, SHIBUYA, "M001")
            spare = device(http, SHIBUYA, "M001")
            ctx: dict[str, Any] = {
                "role": role,
                "device_id": till["device_id"],
                "victim": victim["device_id"],
                "spare_token": spare["device_token"] if role != "nobody" else "x" * 43,
                "credential_id": made.json()["id"],
            }
            auth: dict[str, str] = {}
            if role != "nobody":
                auth = {"Authorization": f"Bearer {signed_in(http, till, CODES[role]).token}"}
            seen[role] = call(http, auth, ctx).status_code
        assert seen == expected
