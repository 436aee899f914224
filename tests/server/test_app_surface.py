"""The published surface: OpenAPI with every mutation schema, public store list, runner, CLI."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from sync.protocol import MUTATION_ARGS
from sync.server.runner import ServerStartError, ServerThread
from tests.server.chain import SHIBUYA


def test_openapi_publishes_every_mutation_args_schema(server: ServerThread) -> None:
    doc = httpx.get(f"{server.base_url}/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for name, _version in MUTATION_ARGS:
        assert name in schemas, name
    note = schemas["note.add"]
    assert set(note["required"]) == {"id", "customer_id", "text"}
    assert note["additionalProperties"] is False
    ops = {op["operationId"] for path in doc["paths"].values() for op in path.values()}
    assert {
        "push_mutations",
        "pull_changes",
        "poke_events",
        "register_device",
        "open_session",
        "list_stores",
        "health_check",
    } <= ops


def test_store_list_is_public_and_has_no_staff_data(server: ServerThread) -> None:
    stores = httpx.get(f"{server.base_url}/v1/stores").json()
    assert [s["code"] for s in stores] == ["S001", "S002", "S003"]
    assert set(stores[0]) == {"id", "code", "name", "region"}
    assert stores[0]["id"] == SHIBUYA


def test_runner_binds_a_free_port_and_stops() -> None:
    app = FastAPI()

    @app.get("/ping")
    def ping() -> dict[str, str]:
        return {"pong": "yes"}

    first, second = ServerThread(app), ServerThread(app)
    first.start()
    second.start()
    try:
        assert first.port != second.port
        assert httpx.get(f"{first.base_url}/ping").json() == {"pong": "yes"}
        taken = ServerThread(app, port=first.port)
        with pytest.raises(ServerStartError):
            taken.start()
    finally:
        first.stop()
        second.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{first.base_url}/ping", timeout=2)


CLI_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


def _server_cli(db: Path, *options: str) -> list[str]:
    """The server's command line on a SQLite file, with more options."""
    return [sys.executable, "-m", "sync.server", "--database-url", f"sqlite:///{db}", *options]


def test_cli_serves_a_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    port_probe = ServerThread(FastAPI())
    port_probe.start()
    port = port_probe.port
    port_probe.stop()
    proc = subprocess.Popen(
        _server_cli(
            db,
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--snapshot-dir",
            str(tmp_path / "snapshots"),
        ),
        env=CLI_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "the CLI server did not come up"
                time.sleep(0.2)
        assert resp.json() == {"status": "ok"}
        assert httpx.get(f"http://127.0.0.1:{port}/v1/stores").json() == []
        assert db.exists()
        offer = httpx.get(f"http://127.0.0.1:{port}/v1/sync/snapshot", params={"format": 2})
        assert offer.status_code == 401  # the route is there, for signed-in devices only
    finally:
        proc.terminate()
        proc.wait(20)


def test_cli_refuses_a_snapshot_builder_it_cannot_load(tmp_path: Path) -> None:
    done = subprocess.run(
        _server_cli(
            tmp_path / "cli.db",
            "--snapshot-dir",
            str(tmp_path / "snapshots"),
            "--snapshot-builder",
            "json:dumps",
        ),
        env=CLI_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "is not a snapshot builder" in done.stderr


def test_replies_do_not_wait_for_the_clients_delayed_ack(server: ServerThread) -> None:
    """The runner hands uvicorn its own socket, on which asyncio does not set TCP_NODELAY:
    every reply then waited ~40 ms for the client's delayed ACK. The median health check takes
    far less than one such wait (the median, so a moment of load on a busy machine does not
    count)."""
    with httpx.Client(base_url=server.base_url) as http:
        http.get("/v1/health")
        took = []
        for _ in range(21):
            started = time.monotonic()
            assert http.get("/v1/health").status_code == 200
            took.append(time.monotonic() - started)
        assert statistics.median(took) < 0.04 / 2
