"""Wire schemas of identity resolution: the chain's rules, duplicate suggestions, merges.

**Rules** are data, one set per chain, versioned (`/v1/identity/rules`; an admin replaces them,
managers read them). Two profiles are compared by their **evidence**: the identity kinds they
share (`loyalty_card`, `online_account`, `line_user`, `email`, `phone`) and whether their
names (`name`) and birthdays (`birthday`) agree. The first rule whose `when` is all in the
evidence decides: `merge` (at once, by the server) or `suggest` (a duplicate suggestion a
manager reviews). No rule: the two stay apart.

`create_from` lists the ingestion event kinds that may create a profile when they match no one
(the sending credential must allow it as well).

A **merge** keeps the merged-away profile with `merged_into` set; its orders, activities,
notes, interests, reservations, follow-ups, consents and identities move to the survivor; an id
that was merged away still resolves to the survivor. A merge can be undone: what it moved goes
back, and the pair is then never merged or suggested again by the rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, Field, StringConstraints, field_validator

from sync.protocol import Id, Strict
from sync.protocol.ingest import EventKind

Evidence = Literal[
    "loyalty_card", "online_account", "line_user", "email", "phone", "name", "birthday"
]
EVIDENCE: tuple[str, ...] = get_args(Evidence)
RuleAction = Literal["merge", "suggest"]


class IdentityRule(Strict):
    when: Annotated[list[Evidence], Field(min_length=1, max_length=len(EVIDENCE))]
    then: RuleAction

    @field_validator("when")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a kind of evidence is named twice")
        return value


class IdentityRules(Strict):
    rules: Annotated[list[IdentityRule], Field(max_length=50)]
    create_from: Annotated[list[EventKind], Field(max_length=20)]


DEFAULT_RULES = IdentityRules(
    rules=[
        IdentityRule(when=["loyalty_card"], then="merge"),
        IdentityRule(when=["online_account"], then="merge"),
        IdentityRule(when=["line_user"], then="merge"),
        IdentityRule(when=["email", "name"], then="merge"),
        IdentityRule(when=["phone", "name"], then="merge"),
        IdentityRule(when=["email"], then="suggest"),
        IdentityRule(when=["phone"], then="suggest"),
        IdentityRule(when=["name", "birthday"], then="suggest"),
    ],
    # A view on the web shop or an email opened names someone, but no one new to the chain.
    create_from=[
        "order",
        "pos.sale",
        "customer",
        "support.inquiry",
        "app.event",
        "sns.interaction",
    ],
)


class IdentityRulesVersion(BaseModel):
    version: int  # 0: the built-in defaults, never replaced
    rules: IdentityRules
    updated_at: datetime | None
    updated_by: str | None  # staff name


class ProfileBrief(BaseModel):
    """One side of a suggestion or merge: enough for a manager to judge, nothing more."""

    id: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    phone: str | None
    email: str | None
    home_store_id: str | None
    created_at: datetime
    orders: int
    notes: int


class SuggestionPublic(BaseModel):
    id: str
    first: ProfileBrief
    second: ProfileBrief
    evidence: list[str]
    created_at: datetime


class SuggestionList(BaseModel):
    suggestions: list[SuggestionPublic]


class MergeRequest(Strict):
    """Approve a suggestion (the survivor is one of its two profiles; by default the older)."""

    suggestion_id: Id
    survivor_id: Id | None = None


class DismissRequest(Strict):
    reason: Annotated[str, StringConstraints(max_length=200)] = ""


class MergePublic(BaseModel):
    id: str
    survivor: ProfileBrief
    merged: ProfileBrief
    evidence: list[str]
    automatic: bool
    merged_at: datetime
    merged_by: str | None  # staff name; None for an automatic merge
    undone_at: datetime | None
    moved: dict[str, int]  # rows moved per kind (orders, notes, ...)


class MergeList(BaseModel):
    merges: list[MergePublic]
