"""A walk-in customer created at the counter (online or offline), and a customer's details
corrected there (APPI's right to correction, or a typo).

A new customer is a `customer.create` in the outbox with the marketing consents given at the
counter as `consent.record` entries after it. Until the server sends the profile back it is
found by name, kana, phone and email and opens like any other (storage overlays the outbox).
If the server finds the same person already (another terminal made them offline too, by the
chain's identity rules), this profile is merged into that one and opens as it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from clienteling.domain.errors import InvalidInput
from clienteling.domain.phone import normalise_phone
from clienteling.domain.text import is_kana
from clienteling.domain.validation import clean_user_text
from clienteling.services.consents import CONSENT_CHANNELS, check_channels, consent_args
from clienteling.services.context import StaffContext
from clienteling.services.ports import SyncTrigger
from clienteling.storage.cache import LocalCache
from clienteling.storage.outbox import utc_now_iso
from sync.protocol import CustomerCreateArgs, CustomerUpdateArgs, new_id

MAX_NAME = 200
MAX_EMAIL = 254


@dataclass(frozen=True, slots=True)
class CustomerDetails:
    """What the staff member typed: name, reading, phone, email (empty strings for blanks)."""

    family_name: str
    given_name: str = ""
    family_kana: str = ""
    given_kana: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class NewCustomer(CustomerDetails):
    """A walk-in, with the marketing channels the customer agreed to."""

    consents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Correction(CustomerDetails):
    """The details as corrected at the counter. A blank phone or email leaves it as it is
    (an associate sees them masked and does not retype them)."""


def _optional(text: str, what: str, max_len: int) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    return clean_user_text(text, max_len=max_len, what=what)


def _kana(text: str, what: str) -> str:
    reading = _optional(text, what, MAX_NAME)
    if reading and not is_kana(reading):
        raise InvalidInput(f"{what} must be written in kana.")
    return reading


def _email(text: str) -> str:
    email = _optional(text, "Email", MAX_EMAIL)
    if not email:
        return ""
    folded = unicodedata.normalize("NFKC", email)
    local, _, domain = folded.partition("@")
    if not local or "." not in domain.strip(".") or any(ch.isspace() for ch in folded):
        raise InvalidInput("This is not an email address.")
    return email


class CustomerService:
    def __init__(self, cache: LocalCache, context: StaffContext, trigger: SyncTrigger) -> None:
        self._cache = cache
        self._context = context
        self._trigger = trigger

    def correct(self, customer_id: str, entry: Correction) -> bool:
        """Queue the changed details as a `customer.update` (the profile shows them at once,
        online or not); False when nothing changed. Raises InvalidInput saying what to fix."""
        current = self._cache.load_profile(customer_id)
        if current is None:
            raise InvalidInput("This customer is not on this terminal.")
        wanted = {
            "family_name": clean_user_text(entry.family_name, max_len=MAX_NAME, what="Family name"),
            "given_name": _optional(entry.given_name, "Given name", MAX_NAME),
            "family_kana": _kana(entry.family_kana, "Family name reading"),
            "given_kana": _kana(entry.given_kana, "Given name reading"),
        }
        changes: dict[str, str] = {k: v for k, v in wanted.items() if v != getattr(current, k)}
        phone_text = _optional(entry.phone, "Phone", 40)
        if phone_text:
            phone = normalise_phone(phone_text)
            if phone is None:
                raise InvalidInput("This is not a phone number.")
            if phone != current.phone:
                changes["phone"] = phone
        email = _email(entry.email)
        if email and email != current.email:
            changes["email"] = email
        if not changes:
            return False
        try:
            args = CustomerUpdateArgs(id=current.id, **changes)
        except ValidationError as exc:
            raise InvalidInput("This customer cannot be saved: check the fields.") from exc
        name = f"{changes.get('family_name', current.family_name)} "
        name += changes.get("given_name", current.given_name)
        self._cache.enqueue(
            "customer.update",
            args.model_dump(mode="json", exclude_none=True),
            customer_id=current.id,
            summary=name.strip(),
            meta=self._context.author_meta(),
            created_at=utc_now_iso(),
        )
        self._trigger.request_sync()
        return True

    def create(self, entry: NewCustomer) -> str:
        """Save a walk-in (pending until the server confirms it); returns its id, or raises
        InvalidInput saying what to fix."""
        family = clean_user_text(entry.family_name, max_len=MAX_NAME, what="Family name")
        given = _optional(entry.given_name, "Given name", MAX_NAME)
        family_kana = _kana(entry.family_kana, "Family name reading")
        given_kana = _kana(entry.given_kana, "Given name reading")
        phone_text = _optional(entry.phone, "Phone", 40)
        phone = normalise_phone(phone_text) if phone_text else None
        if phone_text and phone is None:
            raise InvalidInput("This is not a phone number.")
        email = _email(entry.email)
        if not phone and not email:
            raise InvalidInput(
                "Give a phone number or an email address, so the customer can be found again."
            )
        check_channels(set(entry.consents), email=bool(email), phone=bool(phone))
        try:
            args = CustomerCreateArgs(
                id=new_id(),
                family_name=family,
                given_name=given,
                family_kana=family_kana,
                given_kana=given_kana,
                phone=phone,
                email=email or None,
                home_store_id=self._context.store_id,
            )
        except ValidationError as exc:
            raise InvalidInput("This customer cannot be saved: check the fields.") from exc
        entries: list[tuple[str, dict[str, Any]]] = [
            ("customer.create", args.model_dump(mode="json", exclude_none=True))
        ]
        entries += [
            ("consent.record", consent_args(args.id, channel, True).model_dump(mode="json"))
            for channel in CONSENT_CHANNELS
            if channel in entry.consents
        ]
        self._cache.enqueue_all(
            entries,
            customer_id=args.id,
            summary=f"{family} {given}".strip(),
            meta=self._context.author_meta(),
            created_at=utc_now_iso(),
        )
        self._trigger.request_sync()
        return args.id
