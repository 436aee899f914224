"""A customer's rights, for managers: disclosure (everything held about them, as JSON or CSV, to
hand over) and erasure (the server removes the person everywhere and every terminal's copy goes
at its next sync). Online only: the central API decides who may, and records each."""

from __future__ import annotations

from pathlib import Path

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import PrivacyAdmin, SyncTrigger
from sync.client.api import ApiError

OFFLINE = "Erasing a customer needs the server: this terminal is offline."
EXPORT_OFFLINE = "Exporting a customer's data needs the server: this terminal is offline."
FORMATS = ("json", "csv")
NOT_WRITTEN = "The file could not be written there: choose another place."
NOT_A_MANAGER_EXPORT = "Only a manager can export a customer's data."
NOT_A_MANAGER = "Only a manager can erase a customer."


class PrivacyService:
    def __init__(
        self, api: PrivacyAdmin | None, context: StaffContext, trigger: SyncTrigger
    ) -> None:
        self._api = api
        self._context = context
        self._trigger = trigger

    @property
    def can_erase(self) -> bool:
        return self._api is not None and self._context.role in MANAGER_ROLES

    async def export(self, customer_id: str, format: str, to: Path) -> int:
        """Write everything held about the customer to `to` (a file the manager chose, to hand
        over); returns its size. Only a finished download is written."""
        if self._api is None or not self.can_erase:
            raise InvalidInput(NOT_A_MANAGER_EXPORT)
        if format not in FORMATS:
            raise InvalidInput("Choose JSON or CSV.")
        try:
            body = await self._api.disclosure(customer_id, format)
        except ApiError as exc:
            raise online_problem(exc, EXPORT_OFFLINE) from exc
        try:
            to.write_bytes(body)
        except OSError as exc:
            raise InvalidInput(NOT_WRITTEN) from exc
        return len(body)

    async def erase(self, customer_id: str) -> int:
        """Erase the customer; returns how many records went. This terminal's copy goes with
        the sync that follows at once."""
        if self._api is None or not self.can_erase:
            raise InvalidInput(NOT_A_MANAGER)
        try:
            report = await self._api.erase_customer(customer_id)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        self._trigger.request_sync(now=True)
        return sum(report.erased.values())
