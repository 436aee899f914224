"""`python -m sync.server import`: load a retailer's CSV files into a central database.

    python -m sync.server import --database-url URL [--source NAME] [--home-store CODE] \\
        [--products F] [--stock F] [--customers F] [--orders F]

Files are applied products, stock, customers, orders (what later rows refer to first), each
through the ingestion path (sync.server.ingest.csv_import). Prints one report per file with
every refused row's line number and reason. Exit status 0 when every row was accepted, 1 when
some were refused (the others are in), 2 when a file could not be read at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import select

from sync.server.config import DEFAULT_DATABASE_URL
from sync.server.db import make_engine, read_session
from sync.server.ingest.csv_import import ORDER, CsvError, import_file, importer_auth
from sync.server.models import Store
from sync.server.schema import upgrade


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m sync.server import",
        description="Load CSV files (products, stock, customers, orders) into a central database.",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument(
        "--source", default="csv-import", help="the name the rows are recorded under"
    )
    parser.add_argument(
        "--home-store", help="store code for new customers whose row names no home store"
    )
    for kind in ORDER:
        parser.add_argument(f"--{kind}", type=Path, action="append", default=[], metavar="FILE")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    files = [(kind, path) for kind in ORDER for path in getattr(args, kind)]
    if not files:
        print("nothing to import: name at least one of --products, --stock, --customers, --orders")
        return 2
    engine = make_engine(args.database_url)
    upgrade(engine)
    home_store_id = None
    if args.home_store:
        with read_session(engine) as session:
            store = session.execute(select(Store).where(Store.code == args.home_store)).scalar()
        if store is None:
            print(f"error: no store has the code {args.home_store}")
            return 2
        home_store_id = store.id
    auth = importer_auth(args.source, home_store_id)
    status = 0
    for kind, path in files:
        try:
            report = import_file(engine, auth, kind, path)
        except (CsvError, OSError) as exc:
            print(f"{path} ({kind}): not imported: {exc}")
            status = 2
            continue
        for line in report.lines():
            print(line)
        if report.problems and status == 0:
            status = 1
    engine.dispose()
    return status
