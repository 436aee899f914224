"""Contact details partly hidden: enough to tell customers apart, not to copy them down."""

from __future__ import annotations

import pytest

from clienteling.domain.masking import mask_email, mask_phone


@pytest.mark.parametrize(
    ("shown", "masked"),
    [
        ("090-1234-5678", "090-****-5678"),
        ("03-1234-5678", "03-****-5678"),
        ("+1 650-253-0000", "+1 ***-***-0000"),
        ("09012345678", "090****5678"),
        ("5678", "5678"),
        ("", ""),
    ],
)
def test_a_phone_keeps_its_first_group_and_last_four_digits(shown: str, masked: str) -> None:
    assert mask_phone(shown) == masked


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("hanako.sato@example.jp", "h**********@example.jp"),
        ("a@b.jp", "a*@b.jp"),
        ("not-an-address", "n*************"),
        ("", ""),
    ],
)
def test_an_email_keeps_its_first_letter_and_domain(email: str, masked: str) -> None:
    assert mask_email(email) == masked
