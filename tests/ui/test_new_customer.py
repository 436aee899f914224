"""A walk-in registered at the counter through the window, with the server down: the form
starts from what was typed in the search box, refuses what cannot be saved (keeping what was
typed), then opens the new profile; search lists it as not synced yet; once the server is back
it is an ordinary profile."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.ui.customer_dialog import NewCustomerDialog
from tests.ui.conftest import CentralServer, Terminal, run, type_text


def test_a_walk_in_is_registered_offline_and_synced_later(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window = terminal.window
    run(qtbot, terminal.engine.start())
    central.stop()
    terminal.engine.request_sync()
    qtbot.waitUntil(lambda: not terminal.engine.status.online, timeout=10_000)
    window.search_box.search_now("東海林 光")
    seen: dict[str, str] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewCustomerDialog)
        seen["family"], seen["given"] = dialog.family_name.text(), dialog.given_name.text()
        dialog.save_button.click()  # no phone or email: refused, the form stays
        seen["refused"] = dialog.error.text()
        type_text(dialog.family_kana, "しょうじ")
        type_text(dialog.given_kana, "ひかる")
        type_text(dialog.phone, "080-9753-1864")
        dialog.consent_email.setChecked(True)  # email news without an email: refused
        dialog.save_button.click()
        seen["refused_email"] = dialog.error.text()
        dialog.consent_email.setChecked(False)
        dialog.consent_sms.setChecked(True)
        dialog.save_button.click()

    QTimer.singleShot(0, fill)
    window.new_customer_button.click()

    assert (seen["family"], seen["given"]) == ("東海林", "光")
    assert (
        "電話番号かメールアドレス" in seen["refused"]
        or "phone number or an email" in seen["refused"]
    )
    assert seen["refused_email"] and seen["refused_email"] != seen["refused"]
    profile = window.profile.profile
    assert profile is not None and profile.display_name == "東海林 光"
    assert window.profile.standing.isVisible()
    assert [(c.channel, c.state) for c in profile.consents] == [("sms", "granted")]
    window.search_box.search_now("しょうじ ひかる")
    [hit] = [h for h in window.results.hits() if h.id == profile.id]
    row = window.results.model.index(window.results.hits().index(hit), 0)
    pending_text = row.data()
    assert "080-****-1864" in pending_text  # an associate sees it partly hidden
    assert window.sync_indicator.pending_count == 2  # the customer and the consent

    central.start()
    qtbot.waitUntil(lambda: window.sync_indicator.pending_count == 0, timeout=20_000)
    window.search_box.search_now("しょうじ ひかる")
    [synced] = [h for h in window.results.hits() if h.id == profile.id]
    row = window.results.model.index(window.results.hits().index(synced), 0)
    assert row.data() != pending_text  # no longer marked as waiting
    window.open_customer(profile.id)
    qtbot.waitUntil(lambda: not window.profile.standing.isVisible(), timeout=5000)


def test_the_form_starts_from_what_was_searched(qtbot: QtBot) -> None:
    """Romaji becomes the kana reading (the name is then written in kanji), digits the phone,
    an address the email, anything else the name."""
    cases = {
        "Kobayashi Aoi": ("", "", "こばやし", "あおい", "", ""),
        "こばやし あおい": ("", "", "こばやし", "あおい", "", ""),
        "090-1234-5678": ("", "", "", "", "090-1234-5678", ""),
        "aoi@example.jp": ("", "", "", "", "", "aoi@example.jp"),
        "小林 葵": ("小林", "葵", "", "", "", ""),
        "John Smith": ("John", "Smith", "", "", "", ""),
    }
    for typed, expected in cases.items():
        dialog = NewCustomerDialog(lambda entry: None, typed=typed)
        qtbot.addWidget(dialog)
        fields = (
            dialog.family_name,
            dialog.given_name,
            dialog.family_kana,
            dialog.given_kana,
            dialog.phone,
            dialog.email,
        )
        assert tuple(f.text() for f in fields) == expected, typed
