"""Contact details partly hidden (an associate sees them so until revealing them, and each
reveal is audited): enough to tell two customers apart, not enough to copy down."""

from __future__ import annotations

KEEP_LAST_DIGITS = 4


def mask_phone(display: str) -> str:
    """ "090-1234-5678" -> "090-****-5678": the first group and the last four digits stay."""
    if not display:
        return ""
    digits = [i for i, ch in enumerate(display) if ch.isdigit()]
    if len(digits) <= KEEP_LAST_DIGITS:
        return display
    first_group_end = next((i for i, ch in enumerate(display) if not ch.isdigit() and i), 3)
    hidden = {i for i in digits[:-KEEP_LAST_DIGITS] if i >= first_group_end}
    return "".join("*" if i in hidden else ch for i, ch in enumerate(display))


def mask_email(email: str) -> str:
    """ "hanako.sato@example.jp" -> "h**********@example.jp": the first letter and the domain."""
    if not email:
        return ""
    local, at, domain = email.partition("@")
    if not at:
        return email[:1] + "*" * max(0, len(email) - 1)
    return local[:1] + "*" * max(1, len(local) - 1) + "@" + domain
