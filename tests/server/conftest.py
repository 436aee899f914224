"""Fixtures of the server suite: each test runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from sync.protocol import PROTOCOL_VERSION, Cursors, new_id
from sync.server.app import create_app
from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.pins import FAST_PIN_COST
from sync.server.runner import ServerThread
from sync.server.schema import upgrade
from sync.server.seed import load_chain
from tests.server.chain import PIN, TinyChain
from tests.server.mail import inbox  # noqa: F401 (the local SMTP server, a fixture)
from tests.support.postgres import PostgresCluster, PostgresUnavailable

PIN_COST = FAST_PIN_COST  # the staff PIN hashes are not what these measure


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield cluster
    cluster.stop()


def _prepare(url: str) -> None:
    """Migrate and load the tiny chain once; tests get copies of the result."""
    eng = make_engine(url)
    try:
        upgrade(eng)
        load_chain(eng, TinyChain(), pin_cost=PIN_COST)
    finally:
        eng.dispose()


@pytest.fixture(scope="session")
def sqlite_golden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("golden") / "central.db"
    _prepare(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_golden(pg_cluster: PostgresCluster) -> str:
    name = pg_cluster.create_database()
    _prepare(pg_cluster.url(name))
    return name


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database already migrated and holding the tiny chain, one per test."""
    if request.param == "sqlite":
        golden: Path = request.getfixturevalue("sqlite_golden")
        target = tmp_path / "central.db"
        shutil.copyfile(golden, target)
        yield f"sqlite:///{target}"
        return
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    template: str = request.getfixturevalue("pg_golden")
    with cluster.database(template=template) as url:
        yield url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        pin_cost=PIN_COST,
        heartbeat_s=0.5,
        run_migrations=False,  # the golden copy is migrated already
        # The tests run the planner and the dispatcher themselves, by a clock they move.
        planner_interval_s=3600.0,
        dispatch_interval_s=3600.0,
    )


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    eng = make_engine(settings.database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def server(settings: Settings, engine: Engine) -> Iterator[ServerThread]:
    app = create_app(settings, engine=engine)
    thread = ServerThread(app)
    thread.start()
    yield thread
    thread.stop()


@dataclass
class Terminal:
    """A registered device with an open staff session, talking plain HTTP to the server."""

    http: httpx.Client
    device_id: str
    token: str
    staff: dict[str, Any]
    cursors: str | None = None
    seen: dict[tuple[str, str], dict[str, Any] | None] = field(default_factory=dict)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push_raw(self, mutations: list[dict[str, Any]], **extra: Any) -> httpx.Response:
        body = {"protocol_version": PROTOCOL_VERSION, "client_id": self.device_id}
        body.update(extra)
        body["mutations"] = mutations
        return self.http.post("/v1/sync/push", json=body, headers=self.auth)

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        resp = self.push_raw(list(mutations))
        assert resp.status_code == 200, resp.text
        results: list[dict[str, Any]] = resp.json()["results"]
        return results

    def pull(self, limit: int = 1000) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if self.cursors:
            params["cursors"] = self.cursors
        resp = self.http.get("/v1/sync/pull", params=params, headers=self.auth)
        assert resp.status_code == 200, resp.text
        page: dict[str, Any] = resp.json()
        if page["must_resync"]:
            return page
        for ch in page["changes"]:
            self.seen[(ch["entity"], ch["id"])] = ch["data"] if ch["op"] == "upsert" else None
        self.cursors = page["cursors"]
        return page

    def pull_all(self, limit: int = 1000) -> list[dict[str, Any]]:
        pages = [self.pull(limit)]
        while pages[-1]["has_more"] and not pages[-1]["must_resync"]:
            pages.append(self.pull(limit))
        return pages

    def entities(self, entity: str) -> dict[str, dict[str, Any]]:
        return {k[1]: v for k, v in self.seen.items() if k[0] == entity and v is not None}

    def acked_through(self) -> int:
        return Cursors.decode(self.cursors).acked_through


def open_terminal(
    base_url: str, store_id: str, staff_code: str, manager_code: str | None = None
) -> Terminal:
    http = httpx.Client(base_url=base_url, timeout=20)
    manager = manager_code or staff_code
    reg = http.post("/v1/devices", json={"staff_code": manager, "pin": PIN, "store_id": store_id})
    assert reg.status_code == 200, reg.text
    device = reg.json()
    sess = http.post(
        "/v1/sessions",
        json={"device_token": device["device_token"], "staff_code": staff_code, "pin": PIN},
    )
    assert sess.status_code == 200, sess.text
    body = sess.json()
    return Terminal(http, device["device_id"], body["session_token"], body["staff"])


def mutation(name: str, args: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": new_id(), "name": name, "version": 1, "args": args, **extra}
