"""Search-as-you-type in the real window over a cache filled by a real pull."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Terminal, type_text


def test_typing_a_name_shows_matching_customers(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]

    # The first key searches at once; the rest of the burst is coalesced into one more search.
    with qtbot.waitSignal(
        window.search_finished,
        timeout=3000,
        check_params_cb=lambda text: text == hit.family_name,
    ):
        type_text(window.search_box, hit.family_name)

    hits = window.results.hits()
    assert hits, "typing a family name shows results"
    assert all(hit.family_name in h.display_name for h in hits[:10])
    first_row = window.results.model.index(0, 0).data()
    assert hits[0].display_name in first_row
    assert window.results.message.isHidden()


def test_enter_opens_the_selected_result(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]
    window.search_box.setText(hit.family_name)
    window.search_box.flush()
    first = window.results.hits()[0]

    with qtbot.waitSignal(window.customer_opened, timeout=3000) as opened:
        QTest.keyClick(window.search_box, Qt.Key.Key_Return)

    assert opened.args == [first.id]
    assert window.profile.name.text() == first.display_name


def test_clicking_a_result_opens_its_profile(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    window.search_box.search_now(terminal.sample_customers()[0].family_name)
    view = window.results.view
    second = window.results.hits()[min(1, len(window.results.hits()) - 1)]
    rect = view.visualRect(window.results.model.index(window.results.hits().index(second), 0))

    with qtbot.waitSignal(window.customer_opened, timeout=3000) as opened:
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )

    assert opened.args == [second.id]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 5000,
        "\x00\x01\x1b[31m",
        "'; DROP TABLE srv_customer; --",
        '"* AND NEAR(',
        "<b>bold</b> 🚲",
    ],
    ids=["empty", "spaces", "5000-chars", "control", "sql", "fts-syntax", "html-emoji"],
)
def test_bad_search_input_gives_a_message_and_search_keeps_working(
    qtbot: QtBot, terminal: Terminal, text: str
) -> None:
    window = terminal.window

    window.search_box.search_now(text)

    assert window.results.hits() == []
    if text.strip():
        assert not window.results.message.isHidden()
        assert window.results.message.text()
    else:  # an empty box is no mistake: no "type at least 2 characters" over an empty list
        assert window.results.message.isHidden()
    assert window.results.message.textFormat() == Qt.TextFormat.PlainText
    # The cache is intact and the next search works.
    name = terminal.sample_customers()[0].family_name
    window.search_box.search_now(name)
    assert window.results.hits()
