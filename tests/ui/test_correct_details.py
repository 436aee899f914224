"""A customer's details corrected at the counter (a typo, a new address, a customer asking for
a correction under APPI): the form starts from the profile, the profile shows the correction at
once (offline too, pending), the server applies it and sends the document back; an associate
who has not revealed the contact details does not see them in the form, and leaving them blank
keeps them; a bad phone keeps the form open with the reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from clienteling.domain.errors import InvalidInput
from clienteling.services.customers import Correction
from clienteling.ui.customer_dialog import CorrectDetailsDialog
from sync.server.db import read_session
from sync.server.models import Customer
from tests.ui.conftest import CentralServer, Terminal, run


def _fill(qtbot: QtBot, changes: dict[str, str], seen: dict[str, object]) -> None:
    """Answer the form when it opens: note what it started from, type `changes`, save; a
    form still open afterwards (refused) is closed, so a failure cannot leave it waiting."""
    seen.clear()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, CorrectDetailsDialog)
            seen["form"] = {
                name: getattr(dialog, name).text()
                for name in ("family_name", "given_name", "family_kana", "phone", "email")
            }
            for name, text in changes.items():
                getattr(dialog, name).setText(text)
            dialog.save_button.click()
            seen["error"] = dialog.error.text() if dialog.isVisible() else ""
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)


def test_details_are_corrected_at_the_counter_and_reach_the_server(
    qtbot: QtBot, terminal: Terminal, central: CentralServer
) -> None:
    window = terminal.window
    hit = next(h for h in terminal.sample_customers() if h.phone and h.email)
    window.open_customer(hit.id)
    before = window.profile.profile
    assert before is not None
    seen: dict[str, object] = {}

    _fill(qtbot, {"phone": "12"}, seen)  # not a phone number: refused, nothing queued
    window.profile.correct_button.click()
    assert seen["error"]
    assert not [r for r in terminal.cache.pending_mutations(50) if r.name == "customer.update"]

    _fill(qtbot, {"given_name": "訂正", "email": "corrected.name@example.jp"}, seen)
    window.profile.correct_button.click()
    assert seen["error"] == ""
    form = seen["form"]
    assert isinstance(form, dict) and form["family_name"] == before.family_name
    assert form["given_name"] == before.given_name
    [pending] = [r for r in terminal.cache.pending_mutations(50) if r.name == "customer.update"]
    assert pending.args == {
        "id": hit.id,
        "given_name": "訂正",
        "email": "corrected.name@example.jp",
    }
    shown = window.profile.profile
    assert shown is not None and shown.given_name == "訂正"
    assert shown.email == "corrected.name@example.jp"
    assert "訂正" in window.profile.name.text()

    run(qtbot, terminal.engine.start())
    qtbot.waitUntil(lambda: not terminal.cache.pending_mutations(50), timeout=20_000)
    assert central.thread is not None
    with read_session(central.thread.app.state.engine) as session:
        row = session.execute(select(Customer).where(Customer.id == hit.id)).scalar_one()
    assert (row.given_name, row.email, row.phone) == (
        "訂正",
        "corrected.name@example.jp",
        before.phone,
    )
    qtbot.waitUntil(
        lambda: (p := terminal.cache.load_profile(hit.id)) is not None and p.given_name == "訂正",
        timeout=20_000,
    )

    # Nothing changed: nothing queued.
    _fill(qtbot, {}, seen)
    window.profile.correct_button.click()
    assert not [r for r in terminal.cache.pending_mutations(50) if r.name == "customer.update"]


def test_masked_contact_details_stay_out_of_the_form_and_as_they_are(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    hit = next(h for h in terminal.sample_customers() if h.phone and h.email)
    window.profile.set_masking(True)  # as for an associate
    window.open_customer(hit.id)
    before = window.profile.profile
    assert before is not None
    assert not window.profile.contact_visible
    seen: dict[str, object] = {}
    _fill(qtbot, {"family_kana": "ていせい"}, seen)
    window.profile.correct_button.click()
    form = seen["form"]
    assert isinstance(form, dict) and form["phone"] == "" and form["email"] == ""
    shown = terminal.services.profiles.load(hit.id)
    assert shown is not None and shown.family_kana == "ていせい"
    assert (shown.phone, shown.email) == (before.phone, before.email)


def test_the_service_refuses_what_it_cannot_save(terminal: Terminal) -> None:
    customers = terminal.services.customers
    hit = terminal.sample_customers()[0]
    for bad in (
        Correction(family_name=""),
        Correction(family_name="山田", family_kana="yamada"),
        Correction(family_name="山田", email="not an address"),
        Correction(family_name="山田", phone="call me"),
        Correction(family_name="x" * 500),
        Correction(family_name="\x00 "),  # nothing left once cleaned
    ):
        with pytest.raises(InvalidInput):
            customers.correct(hit.id, bad)
    with pytest.raises(InvalidInput):
        customers.correct("no-such-customer", Correction(family_name="山田"))
    assert not [r for r in terminal.cache.pending_mutations(50) if r.name == "customer.update"]
