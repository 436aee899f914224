"""note.add: a staff note on a customer, travelling with the customer's region."""

from __future__ import annotations

from typing import Any

from sync.protocol import NoteAddArgs
from sync.server.documents import note_data, publish_customer_child
from sync.server.models import Note
from sync.server.mutations.base import (
    MutationContext,
    Rejected,
    handles,
    load_customer,
)


@handles("note.add")
def add_note(ctx: MutationContext, args: NoteAddArgs) -> dict[str, Any]:
    customer = load_customer(ctx, args.customer_id)
    if ctx.session.get(Note, args.id) is not None:
        raise Rejected("conflict", "A note with this id already exists.")
    note = Note(
        id=args.id,
        customer_id=customer.id,
        text=args.text,
        staff_id=ctx.auth.staff_id,
        staff_name=ctx.auth.staff_name,
        store_id=ctx.store_id,
        created_at=ctx.now,
    )
    ctx.session.add(note)
    ctx.session.flush()
    publish_customer_child(ctx.session, customer.region, "note", note.id, note_data(note))
    return {"id": note.id}
