"""Messages for follow-ups, from the terminal's side: the owner (or a manager) drafts one from
the chain's template and the profile and edits it; a manager approves it (the server sends it
when the follow-up is due, if the customer still agrees) or rejects it. Online: the server
composes, decides and sends."""

from __future__ import annotations

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import MessageSource
from sync.client.api import ApiError
from sync.protocol.messages import MessagePublic

OFFLINE = "Messages need the server: this terminal is offline."
MESSAGE_CHANNELS = ("email", "sms", "line")
MAX_BODY = 5000


class MessageService:
    def __init__(self, api: MessageSource | None, context: StaffContext, language: str) -> None:
        self._api, self._context, self._language = api, context, language

    @property
    def available(self) -> bool:
        return self._api is not None

    @property
    def can_decide(self) -> bool:
        return self.available and self._context.role in MANAGER_ROLES

    async def draft_for(self, followup_id: str) -> MessagePublic:
        """The follow-up's message: the one already written (newest), else a new draft
        from the template, in the terminal's language."""
        api = self._require()
        try:
            found = await api.messages(followup_id=followup_id)
            if found.messages:
                return found.messages[0]
            return await api.compose_message(followup_id, self._language)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc

    async def to_review(self) -> list[MessagePublic]:
        """The store's drafts waiting for a manager, oldest first."""
        api = self._require()
        try:
            found = await api.messages(status="draft")
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return list(reversed(found.messages))

    async def save(self, message_id: str, subject: str, body: str) -> MessagePublic:
        subject, body = subject.strip(), body.strip()
        if not body:
            raise InvalidInput("A message needs a text.")
        if len(body) > MAX_BODY or len(subject) > 200:
            raise InvalidInput("The message is too long.")
        api = self._require()
        try:
            return await api.edit_message(message_id, subject, body)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc

    async def decide(self, message_id: str, approve: bool) -> MessagePublic:
        api = self._require()
        try:
            return await api.decide_message(message_id, approve)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc

    def _require(self) -> MessageSource:
        if self._api is None:
            raise InvalidInput(OFFLINE)
        return self._api
