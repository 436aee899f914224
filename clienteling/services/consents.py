"""Marketing consent asked and changed at the counter: each change is a new entry of the
customer's consent ledger (purpose × channel, granted or withdrawn, the staff member, the
wording version the customer was shown, the time), saved offline too. A grant needs the
channel's address on the profile; a withdrawal is always taken."""

from __future__ import annotations

from clienteling.domain.errors import InvalidInput
from clienteling.services.cached import require_customer
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.outbox import utc_now_iso
from sync.protocol import ConsentRecordArgs, new_id

# The channels the counter asks about (marketing), and the wording read to the customer.
CONSENT_CHANNELS = ("email", "sms", "line")
CONSENT_WORDING = "counter-2026-12"
_NEEDS_PHONE = ("sms", "line")


def check_channels(channels: set[str], *, email: bool, phone: bool) -> None:
    """InvalidInput when a channel is not offered, or its address is missing."""
    if channels - set(CONSENT_CHANNELS):
        raise InvalidInput("This consent channel is not offered at the counter.")
    if "email" in channels and not email:
        raise InvalidInput("Email marketing needs an email address.")
    if channels & set(_NEEDS_PHONE) and not phone:
        raise InvalidInput("Messages by SMS or LINE need a phone number.")


def consent_args(customer_id: str, channel: str, granted: bool) -> ConsentRecordArgs:
    return ConsentRecordArgs(
        id=new_id(),
        customer_id=customer_id,
        purpose="marketing",
        channel=channel,
        state="granted" if granted else "withdrawn",
        wording_version=CONSENT_WORDING,
    )


class ConsentService:
    def __init__(self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger

    def marketing(self, customer_id: str) -> dict[str, bool]:
        """channel -> granted now (pending changes included), for the channels asked here."""
        profile = self._cache.load_profile(require_customer(self._cache, customer_id))
        states = dict.fromkeys(CONSENT_CHANNELS, False)
        if profile is not None:
            for consent in profile.consents:  # oldest first: the latest wins
                if consent.purpose == "marketing" and consent.channel in states:
                    states[consent.channel] = consent.state == "granted"
        return states

    def change(self, customer_id: str, wanted: dict[str, bool]) -> int:
        """Record what the customer said for each channel that differs from now; returns how
        many entries were made (0: nothing changed)."""
        cid = require_customer(self._cache, customer_id)
        profile = self._cache.load_profile(cid)
        if profile is None:
            raise InvalidInput("This customer is not in the local cache: search for them again.")
        now = self.marketing(cid)
        changed = {c: g for c, g in wanted.items() if now.get(c) != g}
        check_channels(
            {c for c, g in changed.items() if g},
            email=bool(profile.email),
            phone=bool(profile.phone),
        )
        if set(changed) - set(CONSENT_CHANNELS):
            raise InvalidInput("This consent channel is not offered at the counter.")
        if not changed:
            return 0
        entries = [
            ("consent.record", consent_args(cid, channel, granted).model_dump(mode="json"))
            for channel, granted in sorted(changed.items())
        ]
        self._cache.enqueue_all(
            entries,
            customer_id=cid,
            summary=profile.display_name,
            meta=self._context.author_meta(),
            created_at=utc_now_iso(),
        )
        self._trigger.request_sync()
        return len(entries)
