"""Command line: `python -m sync.server --database-url URL --host H --port P --seed demo`, and
`python -m sync.server import ...` to load CSV files (sync.server.import_cli)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.server.app import create_app
from sync.server.config import DEFAULT_DATABASE_URL, Settings
from sync.server.db import make_engine
from sync.server.runner import StreamClosingServer, server_config
from sync.server.snapshots import load_builder

# The terminal app's builder, loaded by name only when snapshots are switched on.
DEFAULT_BUILDER = "clienteling.storage.snapshot:BUILDER"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m sync.server", description="Run the Clienteling central API."
    )
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="sqlite:///path.db or postgresql://user@host/db (default: %(default)s)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", choices=["none", "demo"], default="none")
    parser.add_argument("--scale", type=int, default=5000, help="demo customers (with --seed demo)")
    parser.add_argument("--log-level", default="info")
    parser.add_argument(
        "--snapshot-dir",
        type=Path,
        help="build and serve ready-made first syncs (snapshots) in this folder",
    )
    parser.add_argument(
        "--snapshot-builder",
        default=DEFAULT_BUILDER,
        help="module:attribute of the terminal's snapshot builder (default: %(default)s)",
    )
    parser.add_argument("--smtp-host", help="send email through this SMTP server")
    parser.add_argument("--smtp-port", type=int, default=25)
    parser.add_argument("--mail-from", default="clienteling@example.invalid")
    parser.add_argument(
        "--public-url", help="the address customers reach this API at (unsubscribe links)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["import"]:
        from sync.server.import_cli import main as import_main

        return import_main(given[1:])
    args = parse_args(given)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s %(message)s")
    builder = None
    if args.snapshot_dir is not None:
        try:
            builder = load_builder(args.snapshot_builder)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    settings = Settings(
        database_url=args.database_url,
        host=args.host,
        port=args.port,
        snapshot_dir=args.snapshot_dir,
        snapshot_builder=builder,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        mail_from=args.mail_from,
        public_base_url=args.public_url,
    )
    engine = make_engine(settings.database_url)
    app = create_app(settings, engine=engine)
    if args.seed == "demo":
        from sync.server.seed import seed_demo

        seed_demo(engine, scale=args.scale)
        try:
            from sync.server.demo import DEMO_LOGINS

            for store, role, code, pin in DEMO_LOGINS:
                print(f"demo login: {store} {role} staff code {code} PIN {pin}")
        except ImportError:
            pass
    config = server_config(app, settings.host, settings.port, args.log_level.lower())
    StreamClosingServer(config, app).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
