"""Command line: `python -m sync.server --database-url URL --host H --port P --seed demo`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

import uvicorn

from sync.server.app import create_app
from sync.server.config import DEFAULT_DATABASE_URL, Settings
from sync.server.db import make_engine


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
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s %(message)s")
    settings = Settings(database_url=args.database_url, host=args.host, port=args.port)
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
    uvicorn.run(app, host=settings.host, port=settings.port, log_level=args.log_level.lower())
    return 0


if __name__ == "__main__":
    sys.exit(main())
