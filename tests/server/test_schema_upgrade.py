"""Several API worker processes starting at once on one PostgreSQL all reach the current schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, text

from sync.server.db import make_engine
from sync.server.runner import ServerThread
from sync.server.schema import upgrade
from tests.server.chain import SHIBUYA, YOKOHAMA
from tests.server.conftest import open_terminal
from tests.support.postgres import PostgresCluster

ROOT = Path(__file__).resolve().parents[2]
# Each worker is its own process, as uvicorn workers are (Alembic's context is process-global).
# Workers import everything, then wait for a start signal so their migrations really overlap.
WORKER = (
    "import os, sys, time\n"
    "from sync.server.db import make_engine\n"
    "from sync.server.schema import upgrade\n"
    "engine = make_engine(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "while not os.path.exists(sys.argv[2]):\n"
    "    time.sleep(0.001)\n"
    "upgrade(engine)\n"
)


def test_workers_migrating_an_empty_database_at_once_all_succeed(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    with pg_cluster.database() as url:
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, url, str(go)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
        go.touch()
        outcomes = [(w.wait(timeout=120), w.communicate()[1]) for w in workers]
        assert [code for code, _ in outcomes] == [0, 0, 0, 0], [err[-400:] for _, err in outcomes]
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
                tables = conn.execute(
                    text("SELECT count(*) FROM pg_tables WHERE tablename = 'change'")
                ).scalar_one()
        finally:
            engine.dispose()
        assert len(versions) == 1
        assert tables == 1


def test_an_older_database_moves_its_stock_rows_to_the_region_stock_buckets(
    engine: Engine, server: ServerThread
) -> None:
    """A central database from before stock buckets (revision 0003): its stock change rows
    sat in the store buckets. Upgraded, every terminal of the region gets every store's
    stock, and nothing of it is left in the store buckets."""
    from alembic import command

    from sync.server.schema import alembic_config

    config = alembic_config(engine)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            # Going back rebuilds tables others refer to: SQLite checks that unless told not to.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        conn.execute(
            text(
                "INSERT INTO change (bucket, seq, entity, entity_id, op, data_json, changed_at) "
                "SELECT 'store:' || store_id, 1000 + ROW_NUMBER() OVER (ORDER BY sku), "
                "'inventory', store_id || ':' || sku, 'upsert', "
                '\'{"id":"\' || store_id || \':\' || sku || \'","store_id":"\' || store_id || '
                '\'","sku":"\' || sku || \'","on_hand":\' || on_hand || \',"reserved"\\:0}\', '
                "CURRENT_TIMESTAMP FROM inventory"
            )
        )
        conn.commit()
        if engine.dialect.name == "sqlite":
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    upgrade(engine)
    with engine.connect() as conn:
        where = conn.execute(
            text("SELECT bucket, count(*) FROM change WHERE entity = 'inventory' GROUP BY bucket")
        ).all()
    assert {b for b, _ in where} == {"stock:kanto", "stock:kansai"}
    t = open_terminal(server.base_url, SHIBUYA, "M001")
    t.pull_all()
    assert {d["store_id"] for d in t.entities("inventory").values()} == {SHIBUYA, YOKOHAMA}
