"""The embedded default's central database sits on the tablet beside the cache and holds every
customer of the chain: it is a SQLCipher file readable by this user only, one left in plaintext
by an earlier version is encrypted in place with nothing lost, and one whose key was lost is
moved aside (the demo chain is loaded afresh)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from clienteling import paths
from clienteling.embedded import prepare_central_file, start_embedded_server
from sync.server.db import make_engine
from sync.server.demo import REFERENCE_TIME, generate
from sync.server.models import Customer
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import seed_demo

KEY = "5a" * 32


def _files(folder: Path, name: str) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(name)]


def _leaks(folder: Path, name: str, needles: list[bytes]) -> list[str]:
    found = []
    for part in _files(folder, name):
        data = part.read_bytes()
        found += [f"{part.name}: {n.decode()}" for n in needles if n in data]
    return found


def _story_needles() -> list[bytes]:
    customers = list(generate(customers=300, seed=1).iter_customers())[:20]
    values = [c["email"] for c in customers if c["email"]] + [c["phone"] for c in customers]
    return [str(v).encode() for v in values if v]


def test_the_embedded_central_database_is_encrypted_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    server = start_embedded_server(KEY)
    try:
        health = httpx.get(f"{server.base_url}/v1/health", timeout=10)
        assert health.status_code == 200
    finally:
        server.stop()
    db = paths.server_db_path()
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    for part in _files(db.parent, db.name):
        assert stat.S_IMODE(part.stat().st_mode) == 0o600, part
    assert _leaks(db.parent, db.name, [n.encode() for n in ("山本", "健太")]) == []
    # It opens with its key, and holds the demo chain.
    engine = make_engine(f"sqlite:///{db}", key=KEY)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() > 1000
    engine.dispose()


def test_a_plaintext_central_database_is_encrypted_in_place_with_nothing_lost(
    tmp_path: Path,
) -> None:
    db = tmp_path / "server.db"
    plain = make_engine(f"sqlite:///{db}")
    upgrade(plain)
    seed_demo(plain, scale=300, seed=1, pin_cost=FAST_PIN_COST, reference=REFERENCE_TIME)
    with plain.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Customer)).scalar_one()
    plain.dispose()
    os.chmod(db, 0o644)
    needles = _story_needles()
    assert _leaks(tmp_path, "server.db", needles)  # the earlier version's file: plaintext

    prepare_central_file(db, KEY)

    assert _leaks(tmp_path, "server.db", needles) == []
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    engine = make_engine(f"sqlite:///{db}", key=KEY)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == before
    engine.dispose()
    # A second start changes nothing.
    prepare_central_file(db, KEY)
    engine = make_engine(f"sqlite:///{db}", key=KEY)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == before
    engine.dispose()


def test_a_central_database_whose_key_was_lost_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    prepare_central_file(db, KEY)
    engine = make_engine(f"sqlite:///{db}", key=KEY)
    upgrade(engine)
    engine.dispose()

    prepare_central_file(db, "7b" * 32)

    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert aside, "the unreadable file is kept aside"
    assert db.exists() and db.stat().st_size == 0  # a fresh one takes its place
    fresh = make_engine(f"sqlite:///{db}", key="7b" * 32)
    upgrade(fresh)
    fresh.dispose()
