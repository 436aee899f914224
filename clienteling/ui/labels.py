"""Human, translated labels for the codes the data carries (channels, tiers, statuses, reasons).

Each label is a literal `translate()` call so `pyside6-lupdate` finds it; an unknown code is
shown as itself rather than hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from clienteling.domain.storetime import StoreClock

_CHANNELS: dict[str, Callable[[], str]] = {
    "store": lambda: QCoreApplication.translate("Labels", "Store"),
    "online": lambda: QCoreApplication.translate("Labels", "Online shop"),
    "app": lambda: QCoreApplication.translate("Labels", "App"),
    "phone": lambda: QCoreApplication.translate("Labels", "Phone"),
    "web": lambda: QCoreApplication.translate("Labels", "Web"),
    "sns": lambda: QCoreApplication.translate("Labels", "SNS"),
    "support": lambda: QCoreApplication.translate("Labels", "Support"),
    "email": lambda: QCoreApplication.translate("Labels", "Email"),
    "sms": lambda: QCoreApplication.translate("Labels", "SMS"),
    "line": lambda: QCoreApplication.translate("Labels", "LINE"),
    "app_push": lambda: QCoreApplication.translate("Labels", "App push"),
    "post": lambda: QCoreApplication.translate("Labels", "Post"),
}

_PURPOSES: dict[str, Callable[[], str]] = {
    "marketing": lambda: QCoreApplication.translate("Labels", "Marketing"),
    "service": lambda: QCoreApplication.translate("Labels", "Service"),
    "profiling": lambda: QCoreApplication.translate("Labels", "Profiling"),
}

_STATUSES: dict[str, Callable[[], str]] = {
    "open": lambda: QCoreApplication.translate("Labels", "Open"),
    "purchased": lambda: QCoreApplication.translate("Labels", "Purchased"),
    "dismissed": lambda: QCoreApplication.translate("Labels", "Dismissed"),
    "confirmed": lambda: QCoreApplication.translate("Labels", "Confirmed"),
    "rejected": lambda: QCoreApplication.translate("Labels", "Rejected"),
    "cancelled": lambda: QCoreApplication.translate("Labels", "Cancelled"),
    "fulfilled": lambda: QCoreApplication.translate("Labels", "Fulfilled"),
    "expired": lambda: QCoreApplication.translate("Labels", "Expired"),
    "requested": lambda: QCoreApplication.translate("Labels", "Requested — not confirmed"),
    "in_transit": lambda: QCoreApplication.translate("Labels", "On its way"),
    "ready": lambda: QCoreApplication.translate("Labels", "Ready"),
    "not_collected": lambda: QCoreApplication.translate("Labels", "Not collected"),
    "planned": lambda: QCoreApplication.translate("Labels", "Planned"),
    "sent": lambda: QCoreApplication.translate("Labels", "Sent"),
    "done": lambda: QCoreApplication.translate("Labels", "Done"),
    "completed": lambda: QCoreApplication.translate("Labels", "Completed"),
    "paid": lambda: QCoreApplication.translate("Labels", "Paid"),
    "shipped": lambda: QCoreApplication.translate("Labels", "Shipped"),
    "delivered": lambda: QCoreApplication.translate("Labels", "Delivered"),
    "returned": lambda: QCoreApplication.translate("Labels", "Returned"),
    "picked_up": lambda: QCoreApplication.translate("Labels", "Picked up in store"),
    "pending": lambda: QCoreApplication.translate("Labels", "Pending"),
    "applied": lambda: QCoreApplication.translate("Labels", "Applied"),
    "placed": lambda: QCoreApplication.translate("Labels", "Ordered"),
    "ready_for_pickup": lambda: QCoreApplication.translate("Labels", "Ready for pickup"),
    "part_returned": lambda: QCoreApplication.translate("Labels", "Partly returned"),
    "resolved": lambda: QCoreApplication.translate("Labels", "Resolved"),
    "closed": lambda: QCoreApplication.translate("Labels", "Closed"),
}

_KINDS: dict[str, Callable[[], str]] = {
    "hold": lambda: QCoreApplication.translate("Labels", "Hold"),
    "pickup": lambda: QCoreApplication.translate("Labels", "Pickup"),
    "transfer": lambda: QCoreApplication.translate("Labels", "Transfer"),
    "after_visit": lambda: QCoreApplication.translate("Labels", "After visit"),
    "occasion": lambda: QCoreApplication.translate("Labels", "Occasion"),
    "check_in": lambda: QCoreApplication.translate("Labels", "After the purchase"),
    "service": lambda: QCoreApplication.translate("Labels", "Service notice"),
    "back_in_stock": lambda: QCoreApplication.translate("Labels", "Back in stock"),
    "custom": lambda: QCoreApplication.translate("Labels", "Custom"),
    "view": lambda: QCoreApplication.translate("Labels", "Viewed"),
    "cart": lambda: QCoreApplication.translate("Labels", "Added to cart"),
    "inquiry": lambda: QCoreApplication.translate("Labels", "Inquiry"),
    "open": lambda: QCoreApplication.translate("Labels", "Opened"),
    "click": lambda: QCoreApplication.translate("Labels", "Clicked"),
    "engage": lambda: QCoreApplication.translate("Labels", "Reacted"),
    "sent": lambda: QCoreApplication.translate("Labels", "Sent"),
    "like": lambda: QCoreApplication.translate("Labels", "Liked"),
    "follow": lambda: QCoreApplication.translate("Labels", "Followed"),
    "share": lambda: QCoreApplication.translate("Labels", "Shared"),
}

_TIERS: dict[str, Callable[[], str]] = {
    "regular": lambda: QCoreApplication.translate("Labels", "Regular"),
    "standard": lambda: QCoreApplication.translate("Labels", "Standard"),
    "bronze": lambda: QCoreApplication.translate("Labels", "Bronze"),
    "silver": lambda: QCoreApplication.translate("Labels", "Silver"),
    "gold": lambda: QCoreApplication.translate("Labels", "Gold"),
    "platinum": lambda: QCoreApplication.translate("Labels", "Platinum"),
}

_MUTATIONS: dict[str, Callable[[], str]] = {
    "note.add": lambda: QCoreApplication.translate("Labels", "Note"),
    "interest.add": lambda: QCoreApplication.translate("Labels", "Item of interest"),
    "interest.update": lambda: QCoreApplication.translate("Labels", "Interest change"),
    "customer.create": lambda: QCoreApplication.translate("Labels", "New customer"),
    "customer.update": lambda: QCoreApplication.translate("Labels", "Customer change"),
    "consent.record": lambda: QCoreApplication.translate("Labels", "Consent"),
    "reservation.request": lambda: QCoreApplication.translate("Labels", "Reservation request"),
    "reservation.cancel": lambda: QCoreApplication.translate("Labels", "Cancel reservation"),
    "reservation.extend": lambda: QCoreApplication.translate("Labels", "Extend reservation"),
    "reservation.fulfil": lambda: QCoreApplication.translate("Labels", "Sold / collected"),
    "reservation.ready": lambda: QCoreApplication.translate("Labels", "Pickup ready"),
    "reservation.not_collected": lambda: QCoreApplication.translate("Labels", "Not collected"),
    "reservation.ship": lambda: QCoreApplication.translate("Labels", "Transfer sent"),
    "reservation.receive": lambda: QCoreApplication.translate("Labels", "Transfer received"),
    "followup.create": lambda: QCoreApplication.translate("Labels", "Follow-up"),
    "followup.snooze": lambda: QCoreApplication.translate("Labels", "Follow-up put off"),
    "followup.complete": lambda: QCoreApplication.translate("Labels", "Follow-up done"),
    "followup.assign": lambda: QCoreApplication.translate("Labels", "Follow-up reassigned"),
    "followup.update": lambda: QCoreApplication.translate("Labels", "Follow-up change"),
}

_REASONS: dict[str, Callable[[], str]] = {
    "invalid_args": lambda: QCoreApplication.translate("Labels", "the data was not valid"),
    "unknown_mutation": lambda: QCoreApplication.translate(
        "Labels", "the server does not know this change"
    ),
    "not_found": lambda: QCoreApplication.translate(
        "Labels", "the customer or product no longer exists"
    ),
    "forbidden": lambda: QCoreApplication.translate("Labels", "not allowed for your role or store"),
    "no_consent": lambda: QCoreApplication.translate(
        "Labels", "the customer has not agreed to this channel"
    ),
    "no_stock": lambda: QCoreApplication.translate("Labels", "not enough stock"),
    "too_old": lambda: QCoreApplication.translate("Labels", "the request was too old"),
    "conflict": lambda: QCoreApplication.translate(
        "Labels", "the record changed and no longer allows this"
    ),
}


def _lookup(table: dict[str, Callable[[], str]], code: str | None) -> str:
    if not code:
        return ""
    make = table.get(code)
    return make() if make is not None else code


def channel(code: str | None) -> str:
    return _lookup(_CHANNELS, code)


def purpose(code: str | None) -> str:
    return _lookup(_PURPOSES, code)


def status(code: str | None) -> str:
    return _lookup(_STATUSES, code)


def kind(code: str | None) -> str:
    return _lookup(_KINDS, code)


def tier(code: str | None) -> str:
    return _lookup(_TIERS, code)


def mutation(name: str) -> str:
    return _lookup(_MUTATIONS, name)


def reason(code: str | None) -> str:
    """A rejection reason code, or a free-text error, as a sentence for the staff member."""
    return _lookup(_REASONS, code)


_STEPS: dict[str, Callable[[], str]] = {
    "cancel": lambda: QCoreApplication.translate("Labels", "Cancel"),
    "extend": lambda: QCoreApplication.translate("Labels", "Extend"),
    "fulfil": lambda: QCoreApplication.translate("Labels", "Sold"),
    "ready": lambda: QCoreApplication.translate("Labels", "Ready for pickup"),
    "not_collected": lambda: QCoreApplication.translate("Labels", "Not collected"),
    "ship": lambda: QCoreApplication.translate("Labels", "Send"),
    "receive": lambda: QCoreApplication.translate("Labels", "Received"),
}


def step(verb: str, kind: str = "") -> str:
    """A reservation step as its button says it (a pickup is collected, not sold)."""
    if verb == "fulfil" and kind == "pickup":
        return QCoreApplication.translate("Labels", "Collected")
    return _lookup(_STEPS, verb)


def pending_sync() -> str:
    return QCoreApplication.translate("Labels", "pending sync")


def rejected_because(why: str | None) -> str:
    if not why:
        return QCoreApplication.translate("Labels", "rejected")
    return QCoreApplication.translate("Labels", "rejected: %1").replace("%1", reason(why))


def yen(amount: int) -> str:
    return QCoreApplication.translate("Labels", "¥%1").replace("%1", f"{amount:,}")


class _Clock:
    """The store whose time is shown (the window sets it when a staff member signs in)."""

    store = StoreClock()


def set_store_clock(clock: StoreClock) -> None:
    _Clock.store = clock


def store_clock() -> StoreClock:
    return _Clock.store


def when(iso: str | None, *, with_time: bool = True) -> str:
    """A stored time on the store's clock, in the UI language's short format (with the zone's
    name when this machine's zone is another); bad input is shown unchanged."""
    if not iso:
        return ""
    if len(iso) == 10 and iso[4] == "-" and iso[7] == "-":  # a plain date (a due date)
        try:
            day = datetime.fromisoformat(iso).date()
        except ValueError:
            return iso
        return QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
        )
    moment = _Clock.store.local(iso)
    if moment is None:
        return iso
    date = QDate(moment.year, moment.month, moment.day)
    if not with_time:
        return QLocale().toString(date, QLocale.FormatType.ShortFormat)
    text = QLocale().toString(
        QDateTime(date, QTime(moment.hour, moment.minute)), QLocale.FormatType.ShortFormat
    )
    machine = datetime.now().astimezone().utcoffset()
    if machine != moment.utcoffset():
        text += f" {moment.tzname()}"
    return text


def clock_time(iso: str | None) -> str:
    """Just the store's wall-clock time of day ("14:02")."""
    moment = _Clock.store.local(iso)
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


# Fixed messages of the services and the barcode parser (English at the source), translated
# here so a Japanese screen never shows English sentences. Literal calls so lupdate sees them.
_SERVICE_EXACT: dict[str, Callable[[], str]] = {
    "Exporting a customer's data needs the server: this terminal is offline.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages",
            "Exporting a customer's data needs the server: this terminal is offline.",
        )
    ),
    "Only a manager can export a customer's data.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager can export a customer's data."
    ),
    "The file could not be written there: choose another place.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "The file could not be written there: choose another place."
        )
    ),
    "Erasing a customer needs the server: this terminal is offline.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "Erasing a customer needs the server: this terminal is offline."
        )
    ),
    "Only a manager can erase a customer.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager can erase a customer."
    ),
    "The audit trail needs the server: this terminal is offline.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "The audit trail needs the server: this terminal is offline."
        )
    ),
    "Only a manager can read the audit trail.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager can read the audit trail."
    ),
    "The dashboard needs the server: this terminal is offline.": lambda: QCoreApplication.translate(
        "ServiceMessages", "The dashboard needs the server: this terminal is offline."
    ),
    "Only a manager sees the dashboard.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager sees the dashboard."
    ),
    "Messages need the server: this terminal is offline.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Messages need the server: this terminal is offline."
    ),
    "A message needs a text.": lambda: QCoreApplication.translate(
        "ServiceMessages", "A message needs a text."
    ),
    "The message is too long.": lambda: QCoreApplication.translate(
        "ServiceMessages", "The message is too long."
    ),
    "No customer found yet: this terminal is still loading its data.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "No customer found yet: this terminal is still loading its data."
        )
    ),
    "This is not a phone number.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This is not a phone number."
    ),
    "This is not an email address.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This is not an email address."
    ),
    "Give a phone number or an email address, so the customer can be found again.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages",
            "Give a phone number or an email address, so the customer can be found again.",
        )
    ),
    "This consent channel is not offered at the counter.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This consent channel is not offered at the counter."
    ),
    "Email marketing needs an email address.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Email marketing needs an email address."
    ),
    "Messages by SMS or LINE need a phone number.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Messages by SMS or LINE need a phone number."
    ),
    "This customer cannot be saved: check the fields.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This customer cannot be saved: check the fields."
    ),
    "Only a manager can review duplicate profiles.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager can review duplicate profiles."
    ),
    "Reviewing duplicates needs the server: this terminal is offline.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages",
            "Reviewing duplicates needs the server: this terminal is offline.",
        )
    ),
    "The terminal list needs the server: this terminal is offline.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "The terminal list needs the server: this terminal is offline."
        )
    ),
    "Only a manager can see and revoke terminals.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager can see and revoke terminals."
    ),
    "No terminal of this store has this id.": lambda: QCoreApplication.translate(
        "ServiceMessages", "No terminal of this store has this id."
    ),
    "Sign-in failed: check the credentials.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Sign-in failed: check the staff code (or badge) and the PIN."
    ),
    "Registration refused: only a manager of this store can register a terminal, with their "
    "staff code and PIN.": lambda: QCoreApplication.translate(
        "ServiceMessages",
        "Registration refused: only a manager of this store can register a terminal, with "
        "their staff code and PIN.",
    ),
    "No customer found": lambda: QCoreApplication.translate("ServiceMessages", "No customer found"),
    "Type at least 2 characters": lambda: QCoreApplication.translate(
        "ServiceMessages", "Type at least 2 characters"
    ),
    "Type a name, phone number, email or card number": lambda: QCoreApplication.translate(
        "ServiceMessages", "Type a name, phone number, email or card number"
    ),
    "That is a product barcode, not a loyalty card": lambda: QCoreApplication.translate(
        "ServiceMessages", "That is a product barcode, not a loyalty card"
    ),
    "Nothing was scanned.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Nothing was scanned."
    ),
    "Scan or type a product code, or choose a category.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Scan or type a product code, or choose a category."
    ),
    "Scan or type a product code.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Scan or type a product code."
    ),
    "That is a loyalty card, not a product: scan the product.": lambda: QCoreApplication.translate(
        "ServiceMessages", "That is a loyalty card, not a product: scan the product."
    ),
    "The scanner sent no code: scan again.": lambda: QCoreApplication.translate(
        "ServiceMessages", "The scanner sent no code: scan again."
    ),
    "This GS1 barcode could not be read: scan again.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This GS1 barcode could not be read: scan again."
    ),
    "This GS1 barcode holds no data.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This GS1 barcode holds no data."
    ),
    "This barcode holds no product code.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This barcode holds no product code."
    ),
    "This customer is not in the local cache: search for them again.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "This customer is not in the local cache: search for them again."
        )
    ),
    "This is not a barcode.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This is not a barcode."
    ),
    "This is not a barcode: the code is all zeros.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This is not a barcode: the code is all zeros."
    ),
    "This is not a barcode: the text is far too long.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This is not a barcode: the text is far too long."
    ),
    "This item of interest cannot be saved: check the code.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This item of interest cannot be saved: check the code."
    ),
    "This note cannot be saved: the customer id is not valid.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This note cannot be saved: the customer id is not valid."
    ),
    "This follow-up is not open on this terminal.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This follow-up is not open on this terminal."
    ),
    "This follow-up belongs to a colleague; ask a manager.": lambda: QCoreApplication.translate(
        "ServiceMessages", "This follow-up belongs to a colleague; ask a manager."
    ),
    "Put a follow-up off to a time ahead, at most 90 days.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Put a follow-up off to a time ahead, at most 90 days."
    ),
    "Say what was done: message sent, called, visited, not interested.": lambda: (
        QCoreApplication.translate(
            "ServiceMessages", "Say what was done: message sent, called, visited, not interested."
        )
    ),
    "The note is too long (at most 2,000 characters).": lambda: QCoreApplication.translate(
        "ServiceMessages", "The note is too long (at most 2,000 characters)."
    ),
    "Only a manager gives a follow-up to a colleague.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Only a manager gives a follow-up to a colleague."
    ),
    "Choose a colleague of this store.": lambda: QCoreApplication.translate(
        "ServiceMessages", "Choose a colleague of this store."
    ),
}

_WHAT: dict[str, Callable[[], str]] = {
    "Note": lambda: QCoreApplication.translate("ServiceMessages", "Note"),
    "Comment": lambda: QCoreApplication.translate("ServiceMessages", "Comment"),
    "Category": lambda: QCoreApplication.translate("ServiceMessages", "Category"),
    "Reason": lambda: QCoreApplication.translate("ServiceMessages", "Reason"),
    "Family name": lambda: QCoreApplication.translate("ServiceMessages", "Family name"),
    "Given name": lambda: QCoreApplication.translate("ServiceMessages", "Given name"),
    "Family name reading": lambda: QCoreApplication.translate(
        "ServiceMessages", "Family name reading"
    ),
    "Given name reading": lambda: QCoreApplication.translate(
        "ServiceMessages", "Given name reading"
    ),
    "Phone": lambda: QCoreApplication.translate("ServiceMessages", "Phone"),
    "Email": lambda: QCoreApplication.translate("ServiceMessages", "Email"),
    "phone": lambda: QCoreApplication.translate("ServiceMessages", "phone number"),
    "email": lambda: QCoreApplication.translate("ServiceMessages", "email address"),
}
# The fields a message may name, longest first (so "Family name reading" is not "Family name").
_WHATS = "|".join(re.escape(w) for w in sorted(_WHAT, key=len, reverse=True))

# Messages carrying values: the pattern's groups fill %1, %2, ... of the translated template.
_SERVICE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[], str]], ...] = (
    (
        re.compile(r"Too many failed sign-ins: try again in (\d+) minutes?\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages",
            "Too many failed sign-ins: sign-in is paused. Try again in %1 min.",
        ),
    ),
    (
        re.compile(r"Search text is too long \(max (\d+)\)"),
        lambda: QCoreApplication.translate("ServiceMessages", "Search text is too long (max %1)"),
    ),
    (
        re.compile(r"No product with code (.+) in the catalogue\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages", "No product with code %1 in the catalogue."
        ),
    ),
    (
        re.compile(r"Product (.+) is not in the catalogue\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages", "Product %1 is not in the catalogue."
        ),
    ),
    (
        re.compile(r"The check digit of product code (.+) does not match: scan again\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages", "The check digit of product code %1 does not match: scan again."
        ),
    ),
    (
        re.compile(r"The check digit of (.+) does not match: scan again or type the code\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages",
            "The check digit of %1 does not match: scan again or type the code.",
        ),
    ),
    (
        re.compile(r"This is not a product or card barcode: it has (\d+) digits .*"),
        lambda: QCoreApplication.translate(
            "ServiceMessages",
            "This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).",
        ),
    ),
    (
        re.compile(rf"({_WHATS}) is empty\."),
        lambda: QCoreApplication.translate("ServiceMessages", "%1 is empty."),
    ),
    (
        re.compile(rf"({_WHATS}) is too long: (\d+) characters, the limit is (\d+)\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages", "%1 is too long: %2 characters, the limit is %3."
        ),
    ),
    (
        re.compile(rf"({_WHATS}) must be text\."),
        lambda: QCoreApplication.translate("ServiceMessages", "%1 must be text."),
    ),
    (
        re.compile(rf"({_WHATS}) must be written in kana\."),
        lambda: QCoreApplication.translate("ServiceMessages", "%1 must be written in kana."),
    ),
    (
        re.compile(r"Another customer already has this (phone|email)\."),
        lambda: QCoreApplication.translate(
            "ServiceMessages", "Another customer already has this %1."
        ),
    ),
)


_EVIDENCE: dict[str, Callable[[], str]] = {
    "email": lambda: QCoreApplication.translate("Labels", "same email"),
    "phone": lambda: QCoreApplication.translate("Labels", "same phone"),
    "name": lambda: QCoreApplication.translate("Labels", "same name"),
    "birthday": lambda: QCoreApplication.translate("Labels", "same birthday"),
    "loyalty_card": lambda: QCoreApplication.translate("Labels", "same loyalty card"),
    "online_account": lambda: QCoreApplication.translate("Labels", "same online account"),
    "line_user": lambda: QCoreApplication.translate("Labels", "same LINE account"),
}


_AUDIT_ACTIONS: dict[str, Callable[[], str]] = {
    "profile.view": lambda: QCoreApplication.translate("Labels", "Opened the profile"),
    "search": lambda: QCoreApplication.translate("Labels", "Searched"),
    "reveal": lambda: QCoreApplication.translate("Labels", "Revealed contact details"),
    "export": lambda: QCoreApplication.translate("Labels", "Exported"),
}


def audit_action(action: str) -> str:
    """An audit event's action; a change is named by what was changed."""
    if action.startswith("edit:"):
        what = action.removeprefix("edit:")
        return QCoreApplication.translate("Labels", "Changed: %1").replace("%1", mutation(what))
    label = _AUDIT_ACTIONS.get(action)
    return label() if label is not None else action


def identity_evidence(kind: str) -> str:
    """What two profiles share that made the rules suspect one person."""
    label = _EVIDENCE.get(kind)
    return label() if label is not None else kind


def service_message(text: str) -> str:
    """A message from the services or the barcode parser in the UI language (unknown ones are
    shown as they are)."""
    exact = _SERVICE_EXACT.get(text)
    if exact is not None:
        return exact()
    for pattern, template in _SERVICE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        result = template()
        for number, value in enumerate(match.groups(), start=1):
            what = _WHAT.get(value)
            result = result.replace(f"%{number}", what() if what is not None else value)
        return result
    return text
