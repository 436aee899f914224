"""Shared steps of the follow-up loop's UI tests: a customer with an interest planned by the
server's planner, and the store's demo manager signed in through a client of their own."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from clienteling.services.context import StaffContext
from sync.client.api import ApiClient
from sync.server.planner import plan
from tests.ui.conftest import MANAGER_CODE, MANAGER_PIN, CentralServer, Terminal, run


def planned_interest(terminal: Terminal, central: CentralServer, qtbot: QtBot) -> tuple[Any, Any]:
    """A customer with email who agreed to it, a helmet logged as an interest, synced and
    planned: returns (the search hit, the product)."""
    services = terminal.services
    hit = next(h for h in terminal.sample_customers() if h.email)
    services.consents.change(hit.id, {"email": True})
    [product, *_] = services.products.search("ヘルメット")
    services.interests.add(hit.id, code=product.sku, category=None, comment="")
    run(qtbot, terminal.engine.sync_once())
    assert central.thread is not None
    plan(central.thread.app.state.engine)
    return hit, product


def manager_signed_in(qtbot: QtBot, api: ApiClient, store_id: str) -> StaffContext:
    """The demo manager on a device of their own registered to the store."""
    device = run(qtbot, api.register_device(MANAGER_CODE, MANAGER_PIN, store_id))
    session = run(
        qtbot, api.open_session(device.device_token, staff_code=MANAGER_CODE, pin=MANAGER_PIN)
    )
    return StaffContext(
        staff_id=session.staff.id,
        staff_name=session.staff.name,
        store_id=session.store.id,
        store_name=session.store.name,
        role=session.staff.role,
    )
