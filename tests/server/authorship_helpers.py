"""Shared by the authorship and sign-out tests: a registered terminal, a signed-in staff
member with their authorship proof, and a note in someone's name."""

from __future__ import annotations

from typing import Any

import httpx

from sync.protocol import new_id
from tests.server.chain import PIN, tid
from tests.server.conftest import Terminal, mutation


def device(http: httpx.Client, store_id: str, manager: str) -> dict[str, Any]:
    reg = http.post("/v1/devices", json={"staff_code": manager, "pin": PIN, "store_id": store_id})
    assert reg.status_code == 200, reg.text
    device: dict[str, Any] = reg.json()
    return device


def signed_in(http: httpx.Client, device: dict[str, Any], staff_code: str) -> Terminal:
    body = {"device_token": device["device_token"], "staff_code": staff_code, "pin": PIN}
    sess = http.post("/v1/sessions", json=body)
    assert sess.status_code == 200, sess.text
    reply = sess.json()
    term = Terminal(http, device["device_id"], reply["session_token"], reply["staff"])
    term.proof = reply["author_proof"]  # type: ignore[attr-defined]
    return term


def note(author: Terminal | None, customer: str = "customer:0", **extra: Any) -> dict[str, Any]:
    args = {"id": new_id(), "customer_id": tid(customer), "text": "オフラインのメモ"}
    if author is not None:
        extra = {"staff_id": author.staff["id"], "staff_proof": author.proof, **extra}  # type: ignore[attr-defined]
    return mutation("note.add", args, **extra)
