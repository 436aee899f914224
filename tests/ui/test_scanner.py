"""Keyboard-wedge scans: fast keystrokes ending in Enter, anywhere in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from clienteling.ui.interest_dialog import InterestDialog
from clienteling.ui.products.scan_choice import ScanChoiceDialog
from clienteling.ui.scanner import looks_like_scan, to_ascii
from tests.ui.conftest import Terminal, type_text


def _scan(qtbot: QtBot, terminal: Terminal, code: str) -> None:
    box = terminal.window.search_box
    type_text(box, code)
    QTest.keyClick(box, Qt.Key.Key_Return)


def _card_customer(terminal: Terminal) -> tuple[str, str]:
    hit = next(h for h in terminal.sample_customers() if h.loyalty_card)
    assert hit.loyalty_card is not None
    return hit.id, hit.loyalty_card


def test_scanning_a_loyalty_card_opens_the_customer(qtbot: QtBot, terminal: Terminal) -> None:
    customer_id, card = _card_customer(terminal)

    with qtbot.waitSignal(terminal.window.customer_opened, timeout=3000) as opened:
        _scan(qtbot, terminal, card)

    assert opened.args == [customer_id]
    assert terminal.window.profile.customer_id == customer_id


def test_full_width_card_scan_from_an_ime_opens_the_customer(
    qtbot: QtBot, terminal: Terminal
) -> None:
    customer_id, card = _card_customer(terminal)
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in card)

    with qtbot.waitSignal(terminal.window.customer_opened, timeout=3000) as opened:
        _scan(qtbot, terminal, full_width)

    assert opened.args == [customer_id]


def test_garbage_scan_shows_a_clear_message(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    window.search_box.setText("")

    with qtbot.waitSignal(window.message_shown, timeout=3000) as shown:
        _scan(qtbot, terminal, "4901234567890")  # wrong check digit

    assert window.banner.isVisible()
    assert shown.args[0]
    assert window.profile.customer_id is None
    # The scanned digits were taken back out of the search box.
    assert window.search_box.text() == ""


def test_a_product_scan_without_a_profile_opens_the_product(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    product = terminal.services.products.search("ヘルメット")[0]
    with qtbot.waitSignal(window.product_opened, timeout=3000) as opened:
        _scan(qtbot, terminal, product.gtin)
    assert opened.args == [product.sku]
    assert window.page == "products"
    assert window.product_view.name.text() == product.name
    assert window.profile.customer_id is None
    # A valid code the catalogue does not hold is a clear message, nothing opens.
    window.show_page("customers")
    with qtbot.waitSignal(window.message_shown, timeout=3000) as shown:
        _scan(qtbot, terminal, "4901234567894")
    assert "4901234567894" in shown.args[0]
    assert window.page == "customers"


def test_a_person_typing_a_name_and_enter_is_not_a_scan(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]
    window.search_box.setText(hit.family_name)
    window.search_box.flush()
    with qtbot.waitSignal(window.customer_opened, timeout=3000):
        QTest.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.profile.customer_id == window.results.hits()[0].id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("４９０１２３４５６７８９４", "4901234567894"), (" 2900000000017\r", "2900000000017")],
)
def test_scans_are_converted_to_ascii(raw: str, expected: str) -> None:
    assert to_ascii(raw) == expected
    assert looks_like_scan(raw)


@pytest.mark.parametrize("text", ["tanaka", "yamada hanako", "1234", "abcdefgh1"])
def test_names_and_short_codes_are_not_scans(text: str) -> None:
    assert not looks_like_scan(text)


def test_product_scan_on_an_open_profile_logs_an_interest(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit, profile = terminal.customer_with_orders()
    window.open_customer(hit.id)
    window.search_box.setFocus()
    product = terminal.cache.product_by_sku(profile.orders[0].lines[0].sku)
    assert product is not None
    seen: list[str] = []

    def choose() -> None:
        # With a profile open, a scanned product asks what to do with it.
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScanChoiceDialog)
        QTimer.singleShot(50, fill)
        dialog.findChild(QPushButton, "choice_interest").click()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, InterestDialog)
        seen.append(dialog.code.text())
        type_text(dialog.comment, "試乗して気に入った")
        dialog.save_button.click()

    QTimer.singleShot(50, choose)
    with qtbot.waitSignal(window.interest_logged, timeout=5000):
        _scan(qtbot, terminal, str(product["gtin"]))

    assert seen == [str(product["gtin"])]  # the dialog opened prefilled with the scan
    newest = window.profile.interests.item(0)
    assert newest is not None
    assert str(product["name"]) in newest.text()
    assert "試乗して気に入った" in newest.text()
