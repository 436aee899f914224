"""A terminal killed with SIGKILL right after a write loses nothing and never duplicates it.

A child process writes a note to its cache and is killed before any push; a fresh engine on the
same file pushes it once. Replaying the push from a copy of the file taken before the push (a
device that never recorded the server's answer) still leaves exactly one note on the server.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from clienteling.domain.models import SyncState
from clienteling.storage.cache import LocalCache
from sync.protocol import new_id
from sync.server.runner import ServerThread
from tests.sync_client.devices import (
    Terminal,
    count_applied,
    count_notes,
    customer_of_region,
    register_terminal,
)

pytestmark = pytest.mark.anyio

REPO = Path(__file__).resolve().parents[2]
TEXT = "SIGKILL の直前に書いたメモ"


def write_then_get_killed(path: Path, key: str, args: dict[str, str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.crash_writer"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write(json.dumps({"path": str(path), "key": key, "args": args}) + "\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "written"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL


def copy_cache(src: Path, dst: Path) -> None:
    """Copy a closed cache file (closing checkpoints the WAL, so the main file is complete)."""
    for suffix in ("-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)


async def push_with_fresh_engine(term: Terminal, path: Path, key: str) -> LocalCache:
    cache = LocalCache.open(path, key)
    await term.engine(cache).sync_once()
    return cache


async def test_note_written_just_before_sigkill_is_pushed_exactly_once(
    central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    term = await register_terminal(central.base_url)
    path, key = tmp_path / "till.db", os.urandom(32).hex()
    try:
        cache = await push_with_fresh_engine(term, path, key)  # first sync fills the cache
        cache.close()
        customer_id = customer_of_region(database_url, term.session.store.region)
        args = {"id": new_id(), "customer_id": customer_id, "text": TEXT}

        write_then_get_killed(path, key, args)

        cache = LocalCache.open(path, key)
        pending = cache.pending_mutations(10)
        assert [(p.name, p.args) for p in pending] == [("note.add", args)]
        cache.close()
        before_push = tmp_path / "before-push.db"
        copy_cache(path, before_push)

        cache = await push_with_fresh_engine(term, path, key)
        assert cache.outbox_entries() == []
        profile = cache.load_profile(customer_id)
        assert profile is not None
        assert [(n.id, n.sync) for n in profile.notes if n.text == TEXT] == [
            (args["id"], SyncState.SYNCED)
        ]
        cache.close()
        assert count_notes(database_url, customer_id=customer_id, text=TEXT) == 1

        # The device forgets it ever heard back: same file as before the push.
        copy_cache(before_push, path)
        cache = await push_with_fresh_engine(term, path, key)
        assert cache.outbox_entries() == []
        assert cache.pending_mutations(10) == []
        cache.close()
        assert count_notes(database_url, customer_id=customer_id, text=TEXT) == 1
        assert count_applied(database_url, term.device_id) == 1
    finally:
        await term.api.aclose()
