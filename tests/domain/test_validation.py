"""Free text for notes and comments: cleaned, never silently cut, clear errors."""

from __future__ import annotations

import pytest

from clienteling.domain.errors import InvalidInput
from clienteling.domain.validation import clean_user_text


def test_trims_and_keeps_words_exactly() -> None:
    text = "  ｻｲｽﾞはＭ\t(ﾈｲﾋﾞｰ)\n  次回入荷で連絡 "
    assert clean_user_text(text, max_len=100) == "ｻｲｽﾞはＭ\t(ﾈｲﾋﾞｰ)\n  次回入荷で連絡"


def test_control_characters_removed_line_breaks_unified() -> None:
    assert clean_user_text("a\x00b\x1bc\r\nd\re\u2028f", max_len=100) == "abc\nd\ne\nf"


def test_emoji_sequences_survive() -> None:
    family = "👨\u200d👩\u200d👧"
    assert clean_user_text(f"gift for {family}", max_len=100) == f"gift for {family}"


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\x00\x01"])
def test_empty_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        clean_user_text(text, max_len=10)


def test_too_long_is_refused_with_the_numbers() -> None:
    with pytest.raises(InvalidInput) as info:
        clean_user_text("あ" * 11, max_len=10, what="Note")
    assert info.value.message == "Note is too long: 11 characters, the limit is 10."


def test_exactly_max_len_is_fine() -> None:
    assert clean_user_text("あ" * 10, max_len=10) == "あ" * 10


def test_non_text_is_refused() -> None:
    with pytest.raises(InvalidInput):
        clean_user_text(None, max_len=10)  # type: ignore[arg-type]
