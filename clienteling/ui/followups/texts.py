"""What a follow-up's rule, result and timing reason read as, in the UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from clienteling.domain.models import FollowUp, FollowupTiming
from clienteling.ui import labels

_RULES: dict[str, Callable[[], str]] = {
    "visit_few_days": lambda: QCoreApplication.translate(
        "Followups", "After the visit (a few days)"
    ),
    "visit_month": lambda: QCoreApplication.translate("Followups", "After the visit (a month)"),
    "purchase_check_in": lambda: QCoreApplication.translate("Followups", "After the purchase"),
    "birthday": lambda: QCoreApplication.translate("Followups", "Birthday"),
    "gift_first_birthday": lambda: QCoreApplication.translate(
        "Followups", "Gift recipient's first birthday"
    ),
    "hold_expiring": lambda: QCoreApplication.translate("Followups", "Hold running out"),
    "pickup_ready": lambda: QCoreApplication.translate("Followups", "Pickup ready"),
    "pickup_not_collected": lambda: QCoreApplication.translate(
        "Followups", "Pickup not collected yet"
    ),
    "back_in_stock": lambda: QCoreApplication.translate("Followups", "Back in stock"),
}

RESULTS: dict[str, Callable[[], str]] = {
    "message_sent": lambda: QCoreApplication.translate("Followups", "Message sent"),
    "called": lambda: QCoreApplication.translate("Followups", "Called"),
    "visited": lambda: QCoreApplication.translate("Followups", "Visited the store"),
    "not_interested": lambda: QCoreApplication.translate("Followups", "Not interested"),
}

_DELIVERY: dict[str, Callable[[], str]] = {
    "draft": lambda: QCoreApplication.translate("Followups", "Message drafted"),
    "queued": lambda: QCoreApplication.translate("Followups", "Message queued"),
    "sent": lambda: QCoreApplication.translate("Followups", "Message sent"),
    "opened": lambda: QCoreApplication.translate("Followups", "Message opened"),
    "clicked": lambda: QCoreApplication.translate("Followups", "Link clicked"),
    "blocked": lambda: QCoreApplication.translate("Followups", "Not sent: no consent"),
    "failed": lambda: QCoreApplication.translate("Followups", "Sending failed"),
    "rejected": lambda: QCoreApplication.translate("Followups", "Message rejected"),
    "unknown": lambda: QCoreApplication.translate("Followups", "Delivery unknown"),
}

_WEEKDAYS: tuple[Callable[[], str], ...] = (
    lambda: QCoreApplication.translate("Followups", "Monday"),
    lambda: QCoreApplication.translate("Followups", "Tuesday"),
    lambda: QCoreApplication.translate("Followups", "Wednesday"),
    lambda: QCoreApplication.translate("Followups", "Thursday"),
    lambda: QCoreApplication.translate("Followups", "Friday"),
    lambda: QCoreApplication.translate("Followups", "Saturday"),
    lambda: QCoreApplication.translate("Followups", "Sunday"),
)

_PARTS: tuple[Callable[[], str], ...] = (
    lambda: QCoreApplication.translate("Followups", "nights"),
    lambda: QCoreApplication.translate("Followups", "mornings"),
    lambda: QCoreApplication.translate("Followups", "afternoons"),
    lambda: QCoreApplication.translate("Followups", "evenings"),
)

_BASES: dict[str, Callable[[], str]] = {
    # %1 of %2 ... were %3 ("Friday evenings", or "evenings" on any day)
    "online_orders": lambda: QCoreApplication.translate(
        "Followups", "%1 of %2 online orders were on %3"
    ),
    "store_visits": lambda: QCoreApplication.translate(
        "Followups", "%1 of %2 store visits were on %3"
    ),
    "email_engagement": lambda: QCoreApplication.translate(
        "Followups", "%1 of %2 email opens and clicks were on %3"
    ),
}


def rule(f: FollowUp) -> str:
    found = _RULES.get(f.rule or "")
    return found() if found else labels.kind(f.kind)


def result(code: str | None) -> str:
    found = RESULTS.get(code or "")
    return found() if found else (code or "")


def delivery(f: FollowUp) -> str:
    """'Link clicked · ¥9,780 credited': the message's delivery and the sale it brought."""
    parts = []
    found = _DELIVERY.get(f.message_status or "")
    if found and not (f.message_status == "sent" and f.result == "message_sent"):
        parts.append(found())
    if f.credited_jpy:
        parts.append(
            QCoreApplication.translate("Followups", "%1 credited").replace(
                "%1", labels.yen(f.credited_jpy)
            )
        )
    return " · ".join(parts)


def _part_of_day(hour: int) -> int:
    if 5 <= hour < 12:
        return 1
    if 12 <= hour < 17:
        return 2
    if 17 <= hour < 23:
        return 3
    return 0


def weekday(index: int) -> str:
    return _WEEKDAYS[index % 7]()


def why(timing: FollowupTiming | None) -> str:
    """'4 of 6 online orders were on Friday evenings', and whether the time was moved."""
    if timing is None:
        return ""
    template = _BASES.get(timing.basis)
    if template is None:
        text = QCoreApplication.translate(
            "Followups", "Nothing in their history yet: the usual time"
        )
    else:
        part = _PARTS[_part_of_day(timing.hour)]()
        when = (
            QCoreApplication.translate("Followups", "%1 %2")
            .replace("%1", weekday(timing.weekday))
            .replace("%2", part)
            if timing.weekday is not None
            else part
        )
        text = (
            template()
            .replace("%1", str(timing.count))
            .replace("%2", str(timing.total))
            .replace("%3", when)
        )
    if timing.quiet_hours:
        text += QCoreApplication.translate("Followups", " (moved out of the quiet hours)")
    if timing.capped:
        text += QCoreApplication.translate("Followups", " (another day: contact limit)")
    return text
