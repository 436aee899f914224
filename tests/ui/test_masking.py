"""An associate sees a customer's phone and email partly hidden, in the results and on the
profile; "Show contact details" shows them in full and queues an audited reveal; another
customer, or the terminal locking, hides them again. A manager sees them in full."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from clienteling.services.bundle import AppServices
from clienteling.services.context import StaffContext
from clienteling.ui.formatting import national_phone
from tests.ui.conftest import Terminal


def _reveals(terminal: Terminal) -> list[dict[str, object]]:
    rows = terminal.cache.pending_mutations(500)
    return [r.args for r in rows if r.name == "audit.record" and r.args["action"] == "reveal"]


def test_contact_details_are_masked_for_associates_until_revealed(
    qtbot: QtBot, terminal: Terminal
) -> None:
    window = terminal.window
    first, second = [h for h in terminal.sample_customers() if h.phone and h.email][:2]
    full = national_phone(first.phone)
    window.search_box.search_now(first.display_name)
    row = window.results.hits().index(next(h for h in window.results.hits() if h.id == first.id))
    listed = window.results.model.index(row, 0).data()
    assert full not in listed and full[-4:] in listed and "*" in listed

    window.open_customer(first.id)
    contact = window.profile.contact.text()
    assert full not in contact and first.email not in contact and full[-4:] in contact
    assert window.profile.reveal_button.isVisible() and _reveals(terminal) == []

    window.profile.reveal_button.click()
    contact = window.profile.contact.text()
    assert full in contact and first.email in contact
    assert not window.profile.reveal_button.isVisible()
    [reveal] = _reveals(terminal)
    assert reveal["customer_id"] == first.id
    assert first.email not in json.dumps(reveal)  # the audit names whose, never the values

    window.open_customer(second.id)
    assert national_phone(second.phone) not in window.profile.contact.text()
    window.open_customer(first.id)
    assert full not in window.profile.contact.text()  # revealed once is not revealed forever
    window.profile.reveal_button.click()
    assert window.lock()
    assert full not in window.profile.contact.text()

    manager = StaffContext(
        "m",
        "店長",
        terminal.services.context.store_id,
        "",
        "manager",
        terminal.services.context.proof,
    )
    window.set_services(AppServices.build(terminal.cache, manager, terminal.engine))
    window.open_customer(first.id)
    assert full in window.profile.contact.text()
    assert not window.profile.reveal_button.isVisible()
