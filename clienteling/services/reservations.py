"""Reserving stock at the counter (Lane B): the terminal records a request and only the
server decides. Requests and steps are kept locally at once ("requested — not confirmed")
and sent by the sync engine; the answers come back as results, rows and notices."""

from __future__ import annotations

from pydantic import ValidationError

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import (
    RESERVATION_STEPS,
    Notice,
    Reservation,
    StoreLists,
    SyncState,
)
from clienteling.services.cached import require_customer
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.errors import OutboxFull
from clienteling.storage.outbox import utc_now_iso
from sync.protocol import ReservationRefArgs, ReservationRequestArgs, new_id

KINDS = ("hold", "pickup", "transfer")
MAX_QUANTITY = 99


class ReservationService:
    def __init__(self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger

    @property
    def store_id(self) -> str:
        return self._context.store_id

    def request(
        self,
        customer_id: str,
        sku: str,
        *,
        quantity: int = 1,
        kind: str = "hold",
        from_store_id: str | None = None,
    ) -> Reservation:
        """Ask the server to hold stock (here, or from another store for a transfer). The
        answer comes later; InvalidInput when the request cannot even be made."""
        cid = require_customer(self._cache, customer_id)
        if kind not in KINDS:
            raise InvalidInput("Choose hold, pickup or transfer.")
        if not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
            raise InvalidInput(f"The quantity must be between 1 and {MAX_QUANTITY}.")
        if kind == "transfer" and (not from_store_id or from_store_id == self.store_id):
            raise InvalidInput("Choose the store the transfer comes from.")
        product = self._cache.product_by_sku(sku)
        if product is None:
            raise InvalidInput("This product is not in the catalogue.")
        try:
            args = ReservationRequestArgs(
                id=new_id(),
                customer_id=cid,
                store_id=self.store_id,
                sku=sku,
                quantity=quantity,
                kind=kind,
                from_store_id=from_store_id if kind == "transfer" else None,
            )
        except ValidationError as exc:
            raise InvalidInput("This request cannot be made: check the store and product.") from exc
        created_at = utc_now_iso()
        try:
            self._cache.enqueue(
                "reservation.request",
                args.model_dump(mode="json"),
                customer_id=cid,
                summary=f"{product.get('name', sku)} × {quantity}",
                meta=self._context.author_meta(),
                created_at=created_at,
            )
        except OutboxFull as exc:
            raise InvalidInput(str(exc)) from exc
        self._trigger.request_sync()
        found = self._cache.reservation(args.id)
        if found is not None:
            return found
        return Reservation(
            id=args.id,
            store_id=self.store_id,
            sku=sku,
            product_name=str(product.get("name", "")) or None,
            quantity=quantity,
            kind=kind,
            status="requested",
            expires_at=None,
            created_at=created_at,
            sync=SyncState.PENDING,
            customer_id=cid,
        )

    def step(self, reservation_id: str, verb: str) -> None:
        """Send one step (cancel, extend, fulfil, ready, not_collected, ship, receive)."""
        if verb not in RESERVATION_STEPS:
            raise InvalidInput("This is not a step a reservation can take.")
        current = self._cache.reservation(reservation_id)
        if current is None:
            raise InvalidInput("This reservation is not on this terminal.")
        if current.sync != SyncState.SYNCED:
            raise InvalidInput("The server has not confirmed this request yet: wait for it.")
        if current.pending_step is not None:
            raise InvalidInput("A step for this reservation is still waiting to be sent.")
        if verb not in current.steps_for(self.store_id):
            raise InvalidInput("This reservation cannot take that step now.")
        args = ReservationRefArgs(id=current.id)
        self._cache.enqueue(
            f"reservation.{verb}",
            args.model_dump(mode="json"),
            customer_id=current.customer_id or None,
            summary=f"{current.product_name or current.sku} × {current.quantity}",
            meta=self._context.author_meta(),
        )
        self._trigger.request_sync()

    def of_customer(self, customer_id: str) -> list[Reservation]:
        return self._cache.customer_reservations(customer_id)

    def store_lists(self) -> StoreLists:
        return self._cache.store_lists(self.store_id)

    def notices(self, *, unseen_only: bool = False) -> list[Notice]:
        return self._cache.notices(unseen_only=unseen_only)

    def mark_seen(self, notices: list[Notice]) -> None:
        if notices:
            self._cache.mark_notices_seen(max(n.seq for n in notices))
