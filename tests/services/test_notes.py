"""NoteService: a note is saved with its outbox entry, shown pending, and bad input is refused."""

from __future__ import annotations

import pytest

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import SyncState
from clienteling.services.context import StaffContext
from clienteling.services.notes import NoteService
from clienteling.services.profiles import ProfileService
from clienteling.storage.cache import LocalCache
from sync.protocol import NoteAddArgs, new_id
from tests.services.conftest import CUSTOMER, RecordingTrigger


def test_added_note_is_pending_in_the_profile_and_queued_for_upload(
    cache: LocalCache, staff: StaffContext, trigger: RecordingTrigger
) -> None:
    saved = NoteService(cache, staff, trigger).add(
        CUSTOMER["id"], "  ライトを検討中\r\n週末に再来店  "
    )

    assert saved.text == "ライトを検討中\n週末に再来店"
    assert saved.sync == SyncState.PENDING and saved.staff_name == "山田 太郎"
    assert trigger.calls == 1

    profile = ProfileService(cache).load(CUSTOMER["id"])
    assert profile is not None
    assert [(n.id, n.text, n.sync) for n in profile.notes] == [
        (saved.id, saved.text, SyncState.PENDING)
    ]

    [entry] = cache.pending_mutations(10)
    assert entry.name == "note.add" and entry.customer_id == CUSTOMER["id"]
    # What goes on the wire is exactly the published args schema.
    assert NoteAddArgs.model_validate(entry.args).text == saved.text
    assert cache.outbox_entries()[0].summary == "ライトを検討中"


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Note is empty"), ("  \n\t ", "Note is empty"), ("あ" * 4001, "too long")],
)
def test_bad_text_is_refused_and_nothing_is_queued(
    cache: LocalCache, staff: StaffContext, trigger: RecordingTrigger, text: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        NoteService(cache, staff, trigger).add(CUSTOMER["id"], text)
    assert cache.outbox_entries() == [] and trigger.calls == 0


@pytest.mark.parametrize("customer_id", ["", "   ", "not-an-id", new_id()])
def test_unknown_customer_is_refused(
    cache: LocalCache, staff: StaffContext, trigger: RecordingTrigger, customer_id: str
) -> None:
    with pytest.raises(InvalidInput, match="not in the local cache"):
        NoteService(cache, staff, trigger).add(customer_id, "メモ")
    assert cache.outbox_entries() == []


def test_profile_service_handles_blank_and_unknown_ids(cache: LocalCache) -> None:
    assert ProfileService(cache).load("  ") is None
    assert ProfileService(cache).load(new_id()) is None
