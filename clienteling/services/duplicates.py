"""Duplicate profiles, for managers: the suggestions the chain's identity rules left for review
(two profiles that may be one person), merging or dismissing one, the recent merges and undoing
one. Online only: the central API holds the suggestions and decides who may see them; after a
merge or an undo the terminal syncs to receive the profiles as they now are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clienteling.domain.errors import InvalidInput
from clienteling.services.context import StaffContext
from clienteling.services.devices import MANAGER_ROLES, online_problem
from clienteling.services.ports import IdentityAdmin, SyncTrigger
from sync.client.api import ApiError
from sync.protocol.merges import MergePublic, ProfileBrief, SuggestionPublic

OFFLINE = "Reviewing duplicates needs the server: this terminal is offline."
NOT_A_MANAGER = "Only a manager can review duplicate profiles."


@dataclass(frozen=True, slots=True)
class Side:
    """One of two profiles, as a manager compares them."""

    id: str
    name: str
    kana: str
    phone: str | None
    email: str | None
    created_at: datetime
    orders: int
    notes: int


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    first: Side
    second: Side
    evidence: tuple[str, ...]  # "email", "phone", "name", "birthday", "loyalty_card", ...
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MergeRow:
    id: str
    survivor: Side
    merged: Side
    evidence: tuple[str, ...]
    automatic: bool
    merged_at: datetime
    merged_by: str | None
    undone_at: datetime | None
    moved: int  # rows moved in all


def _side(p: ProfileBrief) -> Side:
    return Side(
        id=p.id,
        name=f"{p.family_name} {p.given_name}".strip(),
        kana=f"{p.family_kana} {p.given_kana}".strip(),
        phone=p.phone,
        email=p.email,
        created_at=p.created_at,
        orders=p.orders,
        notes=p.notes,
    )


def _suggestion(s: SuggestionPublic) -> Suggestion:
    return Suggestion(s.id, _side(s.first), _side(s.second), tuple(s.evidence), s.created_at)


def _merge(m: MergePublic) -> MergeRow:
    return MergeRow(
        id=m.id,
        survivor=_side(m.survivor),
        merged=_side(m.merged),
        evidence=tuple(m.evidence),
        automatic=m.automatic,
        merged_at=m.merged_at,
        merged_by=m.merged_by,
        undone_at=m.undone_at,
        moved=sum(m.moved.values()),
    )


class DuplicateService:
    def __init__(
        self, api: IdentityAdmin | None, context: StaffContext, trigger: SyncTrigger
    ) -> None:
        self._api = api
        self._context = context
        self._trigger = trigger

    @property
    def can_review(self) -> bool:
        """The signed-in person may review duplicates (the server checks it again)."""
        return self._api is not None and self._context.role in MANAGER_ROLES

    async def suggestions(self) -> list[Suggestion]:
        api = self._require()
        try:
            reply = await api.merge_suggestions()
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return [_suggestion(s) for s in reply.suggestions]

    async def merge(self, suggestion_id: str, survivor_id: str) -> MergeRow:
        """The two profiles are one person: everything moves to `survivor_id`."""
        api = self._require()
        try:
            done = _merge(await api.approve_merge(suggestion_id, survivor_id))
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        self._trigger.request_sync()
        return done

    async def dismiss(self, suggestion_id: str) -> list[Suggestion]:
        """Two people: the rules never suggest or merge the pair again."""
        api = self._require()
        try:
            reply = await api.dismiss_suggestion(suggestion_id)
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return [_suggestion(s) for s in reply.suggestions]

    async def merges(self) -> list[MergeRow]:
        api = self._require()
        try:
            reply = await api.merges()
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        return [_merge(m) for m in reply.merges]

    async def undo(self, merge_id: str) -> MergeRow:
        api = self._require()
        try:
            done = _merge(await api.undo_merge(merge_id))
        except ApiError as exc:
            raise online_problem(exc, OFFLINE) from exc
        self._trigger.request_sync()
        return done

    def _require(self) -> IdentityAdmin:
        if self._api is None or not self.can_review:
            raise InvalidInput(NOT_A_MANAGER)
        return self._api
