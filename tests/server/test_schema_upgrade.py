"""Several API worker processes starting at once on one PostgreSQL all reach the current schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from sync.server.db import make_engine
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
