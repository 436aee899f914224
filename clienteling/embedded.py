"""The embedded default: the central API in-process on loopback with the demo chain."""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path
from typing import Any

import sqlcipher3

from clienteling import paths

log = logging.getLogger("clienteling")

LISTEN_BACKLOG = 2048  # as sync.server.runner (not imported here: it loads the whole server)


def reserve_loopback_port() -> socket.socket:
    """A listening socket on 127.0.0.1 for the embedded API: its address is known at once, so
    the window can come up while the server itself still starts (imports, migrations)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(LISTEN_BACKLOG)
    return sock


def start_embedded_server(key: str, sock: socket.socket | None = None) -> Any:
    """The central API in-process on 127.0.0.1 (on `sock` when given), its SQLite file in the
    data folder encrypted with `key` (it holds every customer of the chain, on the tablet),
    seeded with the demo chain the first time."""
    from sync.server.app import create_app
    from sync.server.config import Settings
    from sync.server.db import make_engine
    from sync.server.runner import ServerThread
    from sync.server.seed import seed_demo

    db_path = paths.server_db_path()
    prepare_central_file(db_path, key)
    from clienteling.storage.snapshot import BUILDER

    # Bound first, so the cart links of its messages can name the storefront's address.
    sock = sock or reserve_loopback_port()
    # Snapshots as in production (built once a region holds enough changes to need one).
    settings = Settings(
        database_url=f"sqlite:///{db_path}",
        snapshot_dir=db_path.parent / "snapshots",
        snapshot_builder=BUILDER,
        planner_first_run_s=15.0,
        public_base_url=f"http://127.0.0.1:{sock.getsockname()[1]}",
    )
    engine = make_engine(settings.database_url, key=key)
    app = create_app(settings, engine=engine)  # migrates the schema
    # A no-op once the chain is loaded, so every start can call it.
    seed_demo(engine, scale=5000, seed=1, pin_cost=settings.pin_cost)
    server = ServerThread(app, host="127.0.0.1", port=0, sock=sock)
    server.start()
    log.info("embedded central API on port %d", server.port)
    return server


def prepare_central_file(path: Path, key: str) -> None:
    """Make the central database file ready for SQLCipher with `key`: readable by this user
    only; one left in plaintext by an earlier version is encrypted (and its plaintext pages
    overwritten); one that does not open with the key (the key was lost) is moved aside and
    the demo chain is loaded afresh."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        return
    os.chmod(path, 0o600)
    if _is_plaintext(path):
        _encrypt_in_place(path, key)
        log.info("embedded central database encrypted")
        return
    try:
        conn = sqlcipher3.connect(str(path))
        try:
            conn.execute(f"PRAGMA key = \"x'{key}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlcipher3.DatabaseError:
        aside = path.with_name(f"{path.name}.unreadable-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(path) + suffix)
            if part.exists():
                part.rename(Path(str(aside) + suffix))
        log.warning("embedded central database did not open with its key: moved aside")
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _is_plaintext(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def _encrypt_in_place(path: Path, key: str) -> None:
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())
    # Best effort against the plaintext lingering on disk: overwrite it before it goes.
    size = path.stat().st_size
    with open(path, "rb+") as f:
        f.write(b"\x00" * size)
        f.flush()
        os.fsync(f.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(target, path)
