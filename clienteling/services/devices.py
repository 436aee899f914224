"""The store's terminals, for managers: who registered each, when it was last seen, and
revoking one (a lost tablet, a departed colleague's device). Online only: the list lives on the
central API, which also decides who may see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.ports import DeviceAdmin
from sync.client.api import ApiError
from sync.protocol import DevicePublic

MANAGER_ROLES = ("manager", "admin")
DEVICE_REVOKED = "device_revoked"


class TerminalRevoked(Exception):
    """The server says this very terminal was revoked: the app must erase its data."""


@dataclass(frozen=True, slots=True)
class DeviceRow:
    id: str
    name: str
    registered_at: datetime
    registered_by: str
    last_seen_at: datetime | None
    revoked_at: datetime | None
    this_device: bool


def _row(d: DevicePublic) -> DeviceRow:
    return DeviceRow(
        id=d.id,
        name=d.name,
        registered_at=d.registered_at,
        registered_by=d.registered_by,
        last_seen_at=d.last_seen_at,
        revoked_at=d.revoked_at,
        this_device=d.this_device,
    )


class DeviceService:
    def __init__(self, api: DeviceAdmin | None, context: StaffContext) -> None:
        self._api = api
        self._context = context

    @property
    def can_manage(self) -> bool:
        """The signed-in person may see and revoke terminals (the server checks it again)."""
        return self._api is not None and self._context.role in MANAGER_ROLES

    async def list(self) -> list[DeviceRow]:
        api = self._require()
        try:
            reply = await api.devices()
        except ApiError as exc:
            raise _problem(exc) from exc
        return [_row(d) for d in reply.devices]

    async def revoke(self, device_id: str) -> DeviceRow:
        api = self._require()
        try:
            return _row(await api.revoke_device(device_id))
        except ApiError as exc:
            raise _problem(exc) from exc

    def _require(self) -> DeviceAdmin:
        if self._api is None or not self.can_manage:
            raise InvalidInput("Only a manager can see and revoke terminals.")
        return self._api


def online_problem(exc: ApiError, offline: str) -> Exception:
    """What a manager's online request that failed means: this terminal was revoked (it must
    erase its data), the server is out of reach (`offline` says what needs it), or the
    server's own reason."""
    if exc.code == DEVICE_REVOKED:
        return TerminalRevoked(exc.message)
    if exc.transient:
        return InvalidInput(offline)
    return InvalidInput(exc.message)


def _problem(exc: ApiError) -> Exception:
    return online_problem(exc, "The terminal list needs the server: this terminal is offline.")
