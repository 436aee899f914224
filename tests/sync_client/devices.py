"""Terminals for live tests: register a device at a demo store and open a staff session on it.

Shared by the sync-client and end-to-end tests; the central database is inspected directly
(read-only) to count what the server really stored.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, func, select

from sync.client.api import ApiClient
from sync.client.engine import SyncEngine
from sync.client.store import LocalStore
from sync.protocol import SessionResponse
from sync.server.demo.chain import DEMO_LOGINS
from sync.server.models import AppliedMutation, Customer, Note


@dataclass
class Login:
    store_name: str
    staff_code: str
    pin: str


def manager_login(store_index: int = 0) -> Login:
    """The demo manager of the `store_index`-th demo store (managers may register devices)."""
    stores: list[str] = []
    for store_name, role, code, pin in DEMO_LOGINS:
        if store_name not in stores:
            stores.append(store_name)
        if role == "manager" and stores.index(store_name) == store_index:
            return Login(store_name, code, pin)
    raise LookupError(f"no demo manager for store #{store_index}")


@dataclass
class Terminal:
    """One registered device with an open session."""

    api: ApiClient
    device_id: str
    device_token: str
    session: SessionResponse
    login: Login

    def engine(self, store: LocalStore, **options: Any) -> SyncEngine:
        defaults: dict[str, Any] = {
            "pull_interval_s": 300.0,  # only pokes and explicit requests wake it in tests
            "backoff_base_s": 0.05,
            "backoff_cap_s": 0.4,
            "rng": random.Random(3),
        }
        defaults.update(options)
        return SyncEngine(store, self.api, self.device_id, **defaults)


async def register_terminal(base_url: str, *, store_index: int = 0, name: str = "test") -> Terminal:
    login = manager_login(store_index)
    api = ApiClient(base_url, timeout=5)
    stores = await api.stores()
    store = next(s for s in stores if s.name == login.store_name)
    device = await api.register_device(login.staff_code, login.pin, store.id, name)
    session = await api.open_session(device.device_token, login.staff_code, login.pin)
    return Terminal(api, device.device_id, device.device_token, session, login)


def count_notes(database_url: str, *, customer_id: str, text: str) -> int:
    """How many notes with this text the central database holds for the customer."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            stmt = (
                select(func.count())
                .select_from(Note)
                .where(Note.customer_id == customer_id, Note.text == text)  # type: ignore[arg-type]
            )
            return int(conn.execute(stmt).scalar_one())
    finally:
        engine.dispose()


def count_applied(database_url: str, client_id: str) -> int:
    """How many mutations the server has recorded as applied for this device."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            stmt = (
                select(func.count())
                .select_from(AppliedMutation)
                .where(AppliedMutation.client_id == client_id)  # type: ignore[arg-type]
            )
            return int(conn.execute(stmt).scalar_one())
    finally:
        engine.dispose()


def customer_of_region(database_url: str, region: str) -> str:
    """The id of a customer whose documents travel to terminals of this region."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            stmt = (
                select(Customer.__table__.c.id)  # type: ignore[attr-defined]
                .where(Customer.region == region)  # type: ignore[arg-type]
                .order_by(Customer.__table__.c.id)  # type: ignore[attr-defined]
                .limit(1)
            )
            return str(conn.execute(stmt).scalar_one())
    finally:
        engine.dispose()
