"""This terminal towards the central API: device registration, the staff session, sign-in."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from typing import TypeVar

from PySide6.QtWidgets import QDialog

from clienteling.secrets import SecretStore
from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache
from clienteling.ui import labels
from clienteling.ui.sign_in import Credentials, SignInDialog
from sync.client.api import ApiClient, ApiError
from sync.protocol import SessionResponse

log = logging.getLogger("clienteling")
_T = TypeVar("_T")

# sync_state key of the last signed-in staff member (lets a registered terminal start offline).
STAFF_CONTEXT_STATE = "app.staff_context"


DEVICE_REVOKED = "device_revoked"  # the central API's word that a manager revoked us


class StartupError(Exception):
    """The app cannot start; str(e) is the message shown to the person at the terminal."""


def demo_logins() -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """(store name, manager code, PIN) and (store name, associate code, PIN) of the demo
    bicycle store."""
    from sync.server.demo.chain import DEMO_LOGINS

    def is_bicycle(name: str) -> bool:
        return any(word in name for word in ("サイクル", "自転車", "バイク", "Cycle", "Bike"))

    stores = [entry[0] for entry in DEMO_LOGINS]
    store = next((name for name in stores if is_bicycle(name)), stores[0])
    manager = next(e for e in DEMO_LOGINS if e[0] == store and e[1] in ("manager", "admin"))
    associate = next((e for e in DEMO_LOGINS if e[0] == store and e[1] == "associate"), manager)
    return (store, manager[2], manager[3]), (store, associate[2], associate[3])


def resolve(future: asyncio.Future[_T], value: _T) -> None:
    """Set a future's result once (Qt may emit a signal more than once)."""
    if not future.done():
        future.set_result(value)


async def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog without a nested event loop (exec() inside a coroutine re-enters asyncio)."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: resolve(done, code))
    dialog.open()
    return await done == QDialog.DialogCode.Accepted.value


class Terminal:
    """Device registration and the staff session for one central API."""

    def __init__(self, api: ApiClient, secrets: SecretStore, scope: str, embedded: bool) -> None:
        self._api = api
        self._secrets = secrets
        self._embedded = embedded
        self.last_sign_in: tuple[str, str] | None = None  # (staff id, PIN) of the last sign-in
        self._token_name = f"device-token:{scope}"
        self._id_name = f"device-id:{scope}"
        self._login: Credentials | None = None

    @property
    def device_id(self) -> str | None:
        return self._secrets.get(self._id_name)

    @property
    def api(self) -> ApiClient:
        return self._api

    @property
    def secret_names(self) -> tuple[str, str]:
        """The credentials this terminal keeps for its central API (erased when revoked)."""
        return self._token_name, self._id_name

    async def ensure_registered(self) -> str:
        token = self._secrets.get(self._token_name)
        if token and self.device_id:
            return token
        stores = await self._api.stores()
        if self._embedded:
            (store_name, code, pin), _ = demo_logins()
            store = next((s for s in stores if s.name == store_name), None)
            if store is None:
                raise StartupError(f"The demo store {store_name} is missing on the server.")
            response = await self._api.register_device(code, pin, store.id, name="demo terminal")
        else:
            message = ""
            while True:
                dialog = SignInDialog(stores=[(s.id, s.name) for s in stores], message=message)
                if not await run_dialog(dialog):
                    raise StartupError("This terminal is not registered to a store.")
                creds = dialog.credentials()
                try:
                    response = await self._api.register_device(
                        creds.staff_code, creds.pin, creds.store_id or "", name="terminal"
                    )
                    break
                except ApiError as exc:
                    message = labels.service_message(exc.message)
        self._secrets.set(self._token_name, response.device_token)
        self._secrets.set(self._id_name, response.device_id)
        log.info("terminal registered as device %s", response.device_id)
        return response.device_token

    async def open_session(self) -> SessionResponse:
        """Embedded: the demo associate. Remote: ask for a staff code and PIN. After a staff
        switch, a new session for whoever signed in last (a renewal keeps the same person)."""
        token = await self.ensure_registered()
        if self._embedded and self._login is None:
            _, (_, code, pin) = demo_logins()
            try:
                return self._opened(
                    await self._api.open_session(token, staff_code=code, pin=pin), pin
                )
            except ApiError as exc:
                if not exc.auth_failed or exc.code == DEVICE_REVOKED:
                    raise
                # The embedded database was recreated: this terminal's token is unknown there.
                self._secrets.delete(self._token_name)
                token = await self.ensure_registered()
                return self._opened(
                    await self._api.open_session(token, staff_code=code, pin=pin), pin
                )
        message = ""
        while True:
            if self._login is None:
                dialog = SignInDialog(message=message)
                if not await run_dialog(dialog):
                    raise StartupError("No staff member signed in.")
                self._login = dialog.credentials()
            try:
                return await self._open(token, self._login)
            except ApiError as exc:
                if exc.code == DEVICE_REVOKED:
                    raise  # not a wrong PIN: this terminal must erase its data
                self._login = None
                message = labels.service_message(exc.message)

    async def switch_staff(self, login: Credentials) -> SessionResponse:
        """A colleague takes over this terminal: a new staff session in their name (needs the
        central API). Raises ApiError when it is refused or cannot be reached; the current
        session then stays as it was."""
        token = await self.ensure_registered()
        session = await self._open(token, login)
        self._login = login
        return session

    async def _open(self, token: str, login: Credentials) -> SessionResponse:
        if login.badge:
            session = await self._api.open_session(token, badge=login.badge, pin=login.pin)
        else:
            session = await self._api.open_session(
                token, staff_code=login.staff_code, pin=login.pin
            )
        return self._opened(session, login.pin)

    def _opened(self, session: SessionResponse, pin: str) -> SessionResponse:
        # The lock screen unlocks with this PIN later, offline too (clienteling.services.lock).
        self.last_sign_in = (session.staff.id, pin)
        return session


def context_of(session: SessionResponse) -> StaffContext:
    return StaffContext(
        staff_id=session.staff.id,
        staff_name=session.staff.name,
        store_id=session.store.id,
        store_name=session.store.name,
        role=session.staff.role,
        proof=session.author_proof,
    )


async def sign_in(terminal: Terminal, cache: LocalCache) -> StaffContext:
    """Open the staff session. When the central API cannot be reached but this terminal is
    registered and has worked before, start offline as the last staff member (offline-first);
    the engine opens a real session once the server answers (its 401 triggers the renewal)."""
    try:
        session = await terminal.open_session()
    except ApiError as exc:
        saved = cache.get_state(STAFF_CONTEXT_STATE)
        if not exc.transient or terminal.device_id is None or saved is None:
            raise StartupError(f"Could not sign in: {exc.message}") from exc
        log.warning("central API unreachable (%s): starting offline", exc.code)
        return StaffContext(**json.loads(saved))
    return remember(cache, context_of(session))


def remember(cache: LocalCache, context: StaffContext) -> StaffContext:
    """Keep who works here, so a registered terminal can start offline as them."""
    cache.set_state(STAFF_CONTEXT_STATE, json.dumps(dataclasses.asdict(context)))
    return context
