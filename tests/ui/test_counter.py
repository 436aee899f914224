"""The counter screens in the real window: find a product, see its stock here and nearby,
reserve it for the open customer, follow the request to confirmed, sell it; the store lists."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from clienteling.ui.reservations.dialog import ReserveDialog
from clienteling.ui.reservations.table import ID_ROLE
from tests.ui.conftest import Terminal, run, type_text


def _stocked(terminal: Terminal) -> str:
    """A product the demo store has free stock of."""
    for hit in terminal.services.products.search("ライト"):
        detail = terminal.services.products.detail(hit.sku)
        if detail is not None and detail.here is not None and detail.here.free >= 2:
            return hit.sku
    raise AssertionError("the demo store stocks no light")


def test_typing_in_the_product_search_finds_and_opens_a_product(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    window.show_page("products")
    search = window.product_search
    type_text(search.field, "ヘルメット")
    assert search.results.count() > 0
    assert str(search.results.count()) in search.count.text()
    with qtbot.waitSignal(window.product_opened, timeout=3000) as opened:
        search.results.itemClicked.emit(search.results.item(0))
    view = window.product_view
    assert view.sku == opened.args[0]
    assert view.picture.ref is not None  # the category's picture
    assert view.detail is not None
    assert view.detail.product.category_label in view.category.text()
    assert view.detail.product.category_label != view.detail.product.category  # a label
    stock = view.detail.stock if view.detail else ()
    assert stock and stock[0].here
    assert [s.distance_km for s in stock[1:]] == sorted(s.distance_km for s in stock[1:])
    assert view.stock.topLevelItemCount() == len(stock)
    assert not view.reserve_button.isEnabled()  # no customer open


def test_reserve_for_the_open_customer_then_sell_it(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]
    window.open_customer(hit.id)
    sku = _stocked(terminal)
    assert window.open_product(sku)
    assert window.product_view.reserve_button.isEnabled()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReserveDialog)
        dialog.quantity.setValue(2)
        dialog.save_button.click()

    QTimer.singleShot(50, fill)
    with qtbot.waitSignal(window.reservation_requested, timeout=5000) as made:
        window.product_view.reserve_button.click()
    rid = made.args[0]
    mine = next(r for r in terminal.services.reservations.of_customer(hit.id) if r.id == rid)
    assert (mine.status, mine.quantity) == ("requested", 2)

    run(qtbot, terminal.engine.sync_once())
    window.refresh_after_sync()
    window.show_page("customers")
    table = window.profile.reservations
    table.select(rid)
    assert table.selected() is not None and table.selected().status == "confirmed"  # type: ignore[union-attr]
    sold = table.action_bar.findChild(QPushButton, "step_fulfil")
    assert sold is not None
    sold.click()
    assert table.selected().pending_step == "fulfil"  # type: ignore[union-attr]
    run(qtbot, terminal.engine.sync_once())
    window.refresh_after_sync()
    table.select(rid)
    assert table.selected().status == "fulfilled"  # type: ignore[union-attr]
    profile = window.profile.profile
    assert profile is not None
    assert any(line.sku == sku for o in profile.orders for line in o.lines)


def test_the_store_page_lists_what_waits_for_the_server(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit = terminal.sample_customers()[0]
    window.open_customer(hit.id)
    made = terminal.services.reservations.request(hit.id, _stocked(terminal), kind="pickup")
    window.show_page("store")
    lists = window.store_lists
    assert made.id in {
        lists.waiting.tree.topLevelItem(i).data(0, ID_ROLE)
        for i in range(lists.waiting.tree.topLevelItemCount())
    }  # type: ignore[union-attr]
    run(qtbot, terminal.engine.sync_once())
    window.refresh_after_sync()
    ids = {
        lists.pickups.tree.topLevelItem(i).data(0, ID_ROLE)  # type: ignore[union-attr]
        for i in range(lists.pickups.tree.topLevelItemCount())
    }
    assert made.id in ids
    assert lists.tabs.tabText(1).endswith(f"({len(ids)})")
