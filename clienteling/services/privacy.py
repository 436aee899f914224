"""A customer's rights, for managers: erasure (the server removes the person everywhere and
every terminal's copy goes at its next sync). Online only: the central API decides who may."""

from __future__ import annotations

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import PrivacyAdmin, SyncTrigger
from sync.client.api import ApiError

OFFLINE = "Erasing a customer needs the server: this terminal is offline."
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
