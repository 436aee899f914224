"""A shared counter terminal: a note the associate wrote offline is pushed later under the
manager's session, and the central database credits it to the associate who wrote it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from clienteling.services.notes import NoteService
from clienteling.storage.cache import LocalCache
from sync.server.demo.chain import DEMO_LOGINS
from sync.server.models import Note
from sync.server.runner import ServerThread
from tests.e2e.test_two_terminals import staff_context
from tests.sync_client.devices import customer_of_region, register_terminal

pytestmark = pytest.mark.anyio


def _author_of(database_url: str, note_id: str) -> str | None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(Note.staff_id).where(Note.id == note_id)).first()  # type: ignore[call-overload]
            return None if row is None else str(row[0])
    finally:
        engine.dispose()


async def test_a_note_is_credited_to_the_associate_who_wrote_it(
    central: ServerThread, database_url: str, tmp_path: Path
) -> None:
    term = await register_terminal(central.base_url)
    store = term.login.store_name
    code, pin = next((c, p) for s, role, c, p in DEMO_LOGINS if s == store and role == "associate")
    manager_session = term.session
    # The associate signs in at this counter and writes a note; it stays pending (no sync).
    associate = await term.api.open_session(term.device_token, code, pin)
    term.session = associate
    cache = LocalCache.open(tmp_path / "till.db", os.urandom(32).hex())
    engine = term.engine(cache)
    try:
        await engine.sync_once()
        customer_id = customer_of_region(database_url, associate.store.region)
        note = NoteService(cache, staff_context(term), engine).add(customer_id, "試乗の予約を希望")
        # The manager takes over the counter before anything is sent: signing in again ends
        # the associate's session on the server (one person at a terminal).
        await term.api.open_session(term.device_token, term.login.staff_code, term.login.pin)
        await engine.sync_once()
    finally:
        await engine.stop()
        await term.api.aclose()
    cache.close()
    assert _author_of(database_url, note.id) == associate.staff.id != manager_session.staff.id
