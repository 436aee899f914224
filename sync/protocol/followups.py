"""Wire schemas of the follow-up planner: the chain's follow-up rules and why a time was chosen.

**Rules** are data, one set per chain, versioned (`/v1/followups/rules`; managers and admins
replace them, everyone signed in reads them). Each rule names a **trigger**:

- `visit_with_interests`: items of interest logged at a store visit (one visit = one customer,
  one store, one day); the follow-up carries those interests;
- `purchase`: a completed order (`channels` limits which: store, online, app, phone);
- `birthday`: the customer's own birthday (`offset_days` before it: negative);
- `gift_first_birthday`: an order holding a birth gift (`gift_skus` prefixes or
  `gift_categories`) — the recipient's first birthday falls about a year after it; the
  follow-up carries `suggest_skus` and `suggest_categories` (age-appropriate ideas);
- `hold_expiring`: a confirmed hold about to expire (`offset_hours` before it);
- `pickup_ready` / `pickup_not_collected`: a pickup ready for collection, and still not
  collected `offset_days` after it became ready;
- `back_in_stock`: an open interest in a product the store had none of, when stock is back.

`offset_days` + `window_days` give the days the contact may fall on; `before_weekend` keeps
it on a weekday before the next weekend, nearest to it. The **time** is chosen from the
customer's own history (store visits, online orders, email opens and clicks), inside the
chain's quiet hours and under its frequency cap per customer, counted across all staff and
stores; the reason travels with the follow-up (`FollowupTiming`).

Marketing rules need the customer's consent on the channel (the first of `channels` they
agreed to); service rules (holds, pickups) use the first channel the customer can be reached
on, unless they withdrew service messages on it.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from sync.protocol import FollowupChannel, Strict

Trigger = Literal[
    "visit_with_interests",
    "purchase",
    "birthday",
    "gift_first_birthday",
    "hold_expiring",
    "pickup_ready",
    "pickup_not_collected",
    "back_in_stock",
]
TRIGGERS: tuple[str, ...] = get_args(Trigger)
SERVICE_TRIGGERS = frozenset({"hold_expiring", "pickup_ready", "pickup_not_collected"})
OrderChannel = Literal["store", "online", "app", "phone"]
# What a chosen time was based on (the customer's history), or the rule's default.
TimingBasis = Literal["store_visits", "online_orders", "email_engagement", "default"]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]
Prefix = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class PartnerOffer(Strict):
    """An offer of a partner shop a rule's messages mention (a bakery's birthday cake)."""

    partner: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    title_ja: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    title_en: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class FollowupRule(Strict):
    code: Code  # stable name: a follow-up planned by the rule keeps it
    trigger: Trigger
    enabled: bool = True
    offset_days: Annotated[int, Field(ge=-60, le=400)] = 0
    window_days: Annotated[int, Field(ge=0, le=30)] = 0
    offset_hours: Annotated[int, Field(ge=0, le=168)] = 0  # hold_expiring: before expiry
    before_weekend: bool = False
    channels: Annotated[list[FollowupChannel], Field(min_length=1, max_length=6)]
    order_channels: Annotated[list[OrderChannel], Field(max_length=4)] = Field(
        default_factory=list
    )  # purchase: which orders (empty: all)
    gift_skus: Annotated[list[Prefix], Field(max_length=50)] = Field(default_factory=list)
    gift_categories: Annotated[list[Prefix], Field(max_length=50)] = Field(default_factory=list)
    suggest_skus: Annotated[list[Prefix], Field(max_length=50)] = Field(default_factory=list)
    suggest_categories: Annotated[list[Prefix], Field(max_length=50)] = Field(default_factory=list)
    template: Annotated[str, StringConstraints(max_length=64)] | None = None
    # Partner offers named in its messages ({offers}).
    offers: Annotated[list[PartnerOffer], Field(max_length=5)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _gift_needs_products(self) -> FollowupRule:
        if self.trigger == "gift_first_birthday" and not (self.gift_skus or self.gift_categories):
            raise ValueError("a gift_first_birthday rule names gift_skus or gift_categories")
        return self


class QuietHours(Strict):
    """No contact from `start` to `end` (store time; across midnight when start > end)."""

    start: time = time(21, 0)
    end: time = time(9, 0)


class FrequencyCap(Strict):
    """At most `max_contacts` planned contacts per customer in any `per_days` days."""

    max_contacts: Annotated[int, Field(ge=1, le=50)] = 2
    per_days: Annotated[int, Field(ge=1, le=90)] = 7


class FollowupRules(Strict):
    rules: Annotated[list[FollowupRule], Field(max_length=50)]
    quiet_hours: QuietHours = Field(default_factory=QuietHours)
    frequency_cap: FrequencyCap = Field(default_factory=FrequencyCap)
    default_hour: Annotated[int, Field(ge=0, le=23)] = 18  # when the history says nothing
    horizon_days: Annotated[int, Field(ge=1, le=60)] = 21  # occasions planned this far ahead
    # An order without a cart link's token is credited to the latest message sent to its
    # customer at most this many days before it (0: only orders carrying a token).
    attribution_window_days: Annotated[int, Field(ge=0, le=90)] = 14

    @field_validator("rules")
    @classmethod
    def _codes_unique(cls, value: list[FollowupRule]) -> list[FollowupRule]:
        codes = [rule.code for rule in value]
        if len(set(codes)) != len(codes):
            raise ValueError("two rules have the same code")
        return value


_MESSAGING: list[FollowupChannel] = ["line", "email", "sms"]

DEFAULT_FOLLOWUP_RULES = FollowupRules(
    rules=[
        # A few days after a visit with interests, before the weekend; again about a month on.
        FollowupRule(
            code="visit_few_days",
            trigger="visit_with_interests",
            offset_days=3,
            window_days=6,
            before_weekend=True,
            channels=_MESSAGING,
        ),
        FollowupRule(
            code="visit_month",
            trigger="visit_with_interests",
            offset_days=28,
            window_days=6,
            before_weekend=True,
            channels=_MESSAGING,
        ),
        FollowupRule(
            code="purchase_check_in",
            trigger="purchase",
            offset_days=7,
            window_days=4,
            channels=_MESSAGING,
            order_channels=["store"],
        ),
        FollowupRule(
            code="birthday", trigger="birthday", offset_days=-7, window_days=4, channels=_MESSAGING
        ),
        FollowupRule(
            code="gift_first_birthday",
            trigger="gift_first_birthday",
            offset_days=365 - 21,
            window_days=7,
            channels=_MESSAGING,
            gift_skus=["GS-BIRTH"],
            suggest_skus=["GS-FIRST-01"],
            suggest_categories=["toy", "baby_clothes", "gift_set"],
            offers=[
                PartnerOffer(
                    partner="ベーカリー こむぎの木",
                    title_ja="1歳のお誕生日ケーキ（ご予約でお届け）",
                    title_en="a first-birthday cake, delivered to order",
                )
            ],
        ),
        FollowupRule(
            code="hold_expiring", trigger="hold_expiring", offset_hours=12, channels=_MESSAGING
        ),
        FollowupRule(code="pickup_ready", trigger="pickup_ready", channels=_MESSAGING),
        FollowupRule(
            code="pickup_not_collected",
            trigger="pickup_not_collected",
            offset_days=3,
            channels=["phone", *_MESSAGING],
        ),
        FollowupRule(code="back_in_stock", trigger="back_in_stock", channels=_MESSAGING),
    ]
)


class FollowupRulesVersion(BaseModel):
    version: int  # 0: the built-in defaults, never replaced
    rules: FollowupRules
    updated_at: datetime | None
    updated_by: str | None  # staff name


class FollowupTiming(BaseModel):
    """Why the follow-up is due when it is: `count` of `total` of the customer's `basis`
    events fell on `weekday` (0 = Monday; None: any day) around `hour` (store time).
    `quiet_hours`: the time was moved out of the quiet hours; `capped`: the day was moved
    because the customer already had as many contacts as the cap allows around it."""

    basis: TimingBasis
    count: int = 0
    total: int = 0
    weekday: int | None = None
    hour: int
    quiet_hours: bool = False
    capped: bool = False


class PlannerReport(BaseModel):
    """One run of the planner: follow-ups created per rule, and candidates left out."""

    created: dict[str, int]
    skipped_no_channel: int  # no channel the customer agreed to (or can be reached on)
    skipped_cap: int  # no day left under the frequency cap
    skipped_no_owner: int  # no staff member at the store to own it
    already_planned: int
