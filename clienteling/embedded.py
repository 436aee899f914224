"""The embedded default: the central API in-process on loopback with the demo chain."""

from __future__ import annotations

import logging
import socket
from typing import Any

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


def start_embedded_server(sock: socket.socket | None = None) -> Any:
    """The central API in-process on 127.0.0.1 (on `sock` when given), its SQLite file in the
    data folder, seeded with the demo chain the first time."""
    from sync.server.app import create_app
    from sync.server.config import Settings
    from sync.server.db import make_engine
    from sync.server.runner import ServerThread
    from sync.server.seed import seed_demo

    db_path = paths.server_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    from clienteling.storage.snapshot import BUILDER

    # Snapshots as in production (built once a region holds enough changes to need one).
    settings = Settings(
        database_url=f"sqlite:///{db_path}",
        snapshot_dir=db_path.parent / "snapshots",
        snapshot_builder=BUILDER,
    )
    engine = make_engine(settings.database_url)
    app = create_app(settings, engine=engine)  # migrates the schema
    # A no-op once the chain is loaded, so every start can call it.
    seed_demo(engine, scale=5000, seed=1, pin_cost=settings.pin_cost)
    server = ServerThread(app, host="127.0.0.1", port=0, sock=sock)
    server.start()
    log.info("embedded central API on port %d", server.port)
    return server
