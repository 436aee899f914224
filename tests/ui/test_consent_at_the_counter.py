"""Marketing consent changed at the counter: the dialog starts from the customer's consent as it
stands, records each change (pending at once, confirmed by the server later) with the wording
version, and refuses a grant whose address the profile lacks, keeping the dialog open."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.domain.models import SyncState
from clienteling.services.consents import CONSENT_WORDING
from clienteling.services.customers import NewCustomer
from clienteling.ui.consent_dialog import ConsentDialog
from tests.ui.conftest import Terminal, run


def _answer(qtbot: QtBot, want: dict[str, bool], seen: dict[str, object]) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConsentDialog)
        seen["before"] = dialog.choices.states()
        dialog.choices.set_states(want)
        dialog.save_button.click()
        seen["error"] = dialog.error.text() if dialog.isVisible() else ""
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, fill)


def test_consent_is_changed_at_the_counter_and_reaches_the_server(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    hit = next(h for h in terminal.sample_customers() if h.phone and h.email)
    window.open_customer(hit.id)
    before = terminal.services.consents.marketing(hit.id)
    want = {"email": not before["email"], "sms": True, "line": before["line"]}
    seen: dict[str, object] = {}
    _answer(qtbot, want, seen)
    window.profile.consent_button.click()
    assert seen["before"] == before and seen["error"] == ""
    assert terminal.services.consents.marketing(hit.id) == want
    pending = [r for r in terminal.cache.pending_mutations(50) if r.name == "consent.record"]
    assert {r.args["channel"] for r in pending} == {"email", "sms"} - (
        {"sms"} if before["sms"] else set()
    )
    assert {r.args["wording_version"] for r in pending} == {CONSENT_WORDING}
    shown = window.profile.profile
    assert shown is not None and any(c.sync is SyncState.PENDING for c in shown.consents)

    run(qtbot, terminal.engine.start())
    qtbot.waitUntil(lambda: not terminal.cache.pending_mutations(50), timeout=20_000)
    qtbot.waitUntil(
        lambda: (
            (p := terminal.cache.load_profile(hit.id)) is not None
            and all(c.sync is SyncState.SYNCED for c in p.consents)
        ),
        timeout=20_000,
    )
    assert terminal.services.consents.marketing(hit.id) == want

    # Nothing changed: nothing recorded.
    _answer(qtbot, want, seen)
    window.profile.consent_button.click()
    assert not [r for r in terminal.cache.pending_mutations(50) if r.name == "consent.record"]


def test_a_grant_without_its_address_is_refused_in_the_dialog(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    cid = terminal.services.customers.create(NewCustomer("電話", "のみ", phone="090-1357-2468"))
    window.open_customer(cid)
    seen: dict[str, object] = {}
    _answer(qtbot, {"email": True, "sms": False, "line": False}, seen)
    window.profile.consent_button.click()
    assert "email" in str(seen["error"]).lower() or "メール" in str(seen["error"])
    assert not any(terminal.services.consents.marketing(cid).values())
