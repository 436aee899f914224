"""Adding a note to a customer's profile: saved locally at once, uploaded by the sync engine."""

from __future__ import annotations

from pydantic import ValidationError

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import Note, SyncState
from clienteling.domain.validation import clean_user_text
from clienteling.services.cached import require_customer
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.outbox import utc_now_iso
from sync.protocol import NoteAddArgs, new_id

MAX_NOTE = 4000


class NoteService:
    def __init__(self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger

    def add(self, customer_id: str, text: str) -> Note:
        """Save a note (pending until the server confirms it); InvalidInput on bad input."""
        cid = require_customer(self._cache, customer_id)
        cleaned = clean_user_text(text, max_len=MAX_NOTE, what="Note")
        try:
            args = NoteAddArgs(id=new_id(), customer_id=cid, text=cleaned)
        except ValidationError as exc:
            raise InvalidInput("This note cannot be saved: the customer id is not valid.") from exc
        created_at = utc_now_iso()
        self._cache.enqueue(
            "note.add",
            args.model_dump(mode="json"),
            customer_id=cid,
            summary=cleaned,
            meta=self._context.author_meta(),
            created_at=created_at,
        )
        self._trigger.request_sync()
        return Note(
            id=args.id,
            text=cleaned,
            staff_id=self._context.staff_id,
            staff_name=self._context.staff_name,
            created_at=created_at,
            sync=SyncState.PENDING,
        )
