"""The unified profile in the real window, showing demo data pulled from the real server."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from clienteling.ui import labels
from tests.ui.conftest import CentralServer, Terminal, run, type_text


def row(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(index)
    assert item is not None
    return item


def test_profile_shows_identity_consent_and_orders_with_channels(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    hit, profile = terminal.customer_with_orders()

    with qtbot.waitSignal(window.customer_opened, timeout=3000):
        window.results.customer_open_requested.emit(hit.id)

    view = window.profile
    assert view.name.text() == profile.display_name
    assert view.name.textFormat() == Qt.TextFormat.PlainText
    assert f"{profile.points:,}" in view.tier.text()
    # Every order is a row, each with its channel shown in words.
    assert view.orders.topLevelItemCount() == len(profile.orders)
    shown_channels = {row(view.orders, i).text(1) for i in range(len(profile.orders))}
    assert shown_channels == {labels.channel(o.channel) for o in profile.orders}
    first = profile.orders[0]
    assert row(view.orders, 0).text(3) == labels.yen(first.total_jpy)
    assert first.lines[0].name in row(view.orders, 0).text(5)
    # Consent per channel, granted or withdrawn, with a mark and words.
    consent_labels = view.consents_frame.findChildren(QLabel)
    if profile.consents:
        assert len(consent_labels) == len(profile.consents)
        texts = " ".join(label.text() for label in consent_labels)
        for consent in profile.consents:
            assert labels.channel(consent.channel) in texts
    # Tabs carry counts so staff see at a glance what is there.
    assert view.tabs.tabText(0).endswith(f"({len(profile.orders)})")
    assert view.activities.topLevelItemCount() == len(profile.activities)
    assert view.notes.count() == len(profile.notes)
    assert view.interests.count() == len(profile.interests)


def test_unknown_customer_id_shows_a_message(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    with qtbot.waitSignal(window.message_shown, timeout=1000):
        window.open_customer("00000000-0000-7000-8000-000000000000")
    assert window.profile.customer_id is None
    assert window.banner.isVisible()


def test_interest_logged_by_typed_sku_shows_as_pending(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    hit, profile = terminal.customer_with_orders()
    window.open_customer(hit.id)
    sku = profile.orders[0].lines[0].sku
    before = window.profile.interests.count()

    def fill() -> None:
        from PySide6.QtWidgets import QApplication

        from clienteling.ui.interest_dialog import InterestDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, InterestDialog)
        # Unknown code first: the dialog stays open with the reason; nothing typed is lost.
        type_text(dialog.code, "NO-SUCH-SKU")
        type_text(dialog.comment, "色違いを検討中")
        dialog.save_button.click()
        assert dialog.isVisible()
        assert dialog.error.text()
        assert dialog.comment.toPlainText() == "色違いを検討中"
        dialog.code.setText(sku)
        dialog.save_button.click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(window.interest_logged, timeout=5000):
        window.profile.add_interest_button.click()

    assert window.profile.interests.count() == before + 1
    newest = window.profile.interests.item(0).text()
    assert "色違いを検討中" in newest
    assert labels.pending_sync() in newest


def test_opening_another_customer_replaces_every_section(qtbot: QtBot, terminal: Terminal) -> None:
    window = terminal.window
    first, second = terminal.sample_customers()[:2]
    window.open_customer(first.id)
    window.open_customer(second.id)
    profile = terminal.services.profiles.load(second.id)
    assert profile is not None

    view = window.profile
    assert view.name.text() == profile.display_name
    shown = view.consents_frame.findChildren(QLabel)
    assert len(shown) == max(1, len(profile.consents))
    assert view.orders.topLevelItemCount() == len(profile.orders)
    assert view.notes.count() == len(profile.notes)


def test_an_online_order_from_the_web_shop_adds_up_at_the_top_of_the_profile(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    """A web shop sends an order through the ingestion API; after a sync the profile's summary
    line counts it (lifetime value, orders, the last online purchase)."""
    hit, profile = terminal.customer_with_orders()
    card = profile.loyalty_card
    assert card is not None
    http = httpx.Client(base_url=central.base_url, timeout=30)
    stores = http.get("/v1/stores").json()
    admin_store = next(s for s in stores if s["code"] == "FUT")
    reg = http.post(
        "/v1/devices", json={"staff_code": "S900", "pin": "900900", "store_id": admin_store["id"]}
    ).json()
    admin = http.post(
        "/v1/sessions",
        json={"device_token": reg["device_token"], "staff_code": "S900", "pin": "900900"},
    ).json()["session_token"]
    made = http.post(
        "/v1/integrations",
        json={"source": f"shop-{hit.id[:8]}", "name": "Web shop", "kinds": ["order"]},
        headers={"Authorization": f"Bearer {admin}"},
    ).json()
    sku = profile.orders[0].lines[0].sku
    event = {
        "source": made["source"],
        "event_id": "ui-1",
        "kind": "order",
        "occurred_at": "2026-11-30T20:00:00+09:00",
        "customer": {"loyalty_card": card},
        "order": {
            "order_id": "W-UI-1",
            "lines": [{"sku": sku, "quantity": 1, "unit_price_jpy": "12345"}],
            "status": "paid",
        },
    }
    sent = http.post(
        "/v1/ingest/events", json=event, headers={"Authorization": f"Bearer {made['token']}"}
    )
    assert sent.status_code == 200, sent.text
    run(qtbot, terminal.engine.sync_once())
    window = terminal.window
    with qtbot.waitSignal(window.customer_opened, timeout=3000):
        window.results.customer_open_requested.emit(hit.id)
    shown = terminal.services.profiles.load(hit.id)
    assert shown is not None and shown.summary is not None
    # Every order counts but a cancelled one.
    counted = [o for o in shown.orders if o.status != "cancelled"]
    assert shown.summary.order_count == len(counted)
    text = window.profile.summary.text()
    assert window.profile.summary.isVisible()
    assert labels.yen(shown.summary.lifetime_jpy) in text
    online = dict(shown.summary.last_purchase)["online"]
    assert f"{labels.channel('online')} {labels.when(online, with_time=False)}" in text
    assert window.profile.summary.textFormat() == Qt.TextFormat.PlainText
