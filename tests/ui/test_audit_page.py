"""The audit trail from the counter to the manager's page, against the real central API: an
associate's searches and profile views are queued like changes (but not counted as the staff
member's pending changes), the server records the note as an edit, and the manager's Audit
page lists them, filters them and says the trail is intact."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clienteling import terminal as terminals
from clienteling.services.bundle import AppServices
from clienteling.ui.main_window import MainWindow
from clienteling.ui.sign_in import Credentials
from tests.ui.conftest import MANAGER_CODE, MANAGER_PIN, CentralServer, SignedInTill, run


def test_searches_views_and_edits_reach_the_managers_audit_page(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, api, terminal, engine = till.cache, till.api, till.terminal, till.engine
    associate = AppServices.build(cache, till.associate, engine, audit_source=api)
    window = MainWindow(associate)
    qtbot.addWidget(window)
    window.show()
    audit_button = window.page_action("audit")  # in the Manage menu
    assert not audit_button.isVisible()  # an associate reads no audit trail

    run(qtbot, engine.start())
    qtbot.waitUntil(cache.first_sync_done, timeout=20_000)
    window.search_box.search_now("yamada")
    [hit, *_] = window.results.hits()
    window.open_customer(hit.id)
    associate.notes.add(hit.id, "試乗の予約")
    # Staff see their own changes waiting, never the audit events.
    assert {c.name for c in associate.sync_status.pending_changes()} <= {"note.add"}
    qtbot.waitUntil(lambda: not cache.pending_mutations(10), timeout=20_000)  # audits too

    session = run(qtbot, terminal.switch_staff(Credentials(None, MANAGER_CODE, MANAGER_PIN)))
    manager = terminals.context_of(session)
    window.set_services(AppServices.build(cache, manager, engine, audit_source=api))
    assert audit_button.isVisible()
    page = window.audit
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        audit_button.trigger()
    mine = [r for r in page.view.rows() if r.staff_name == till.associate.staff_name]
    actions = {r.action for r in mine}
    assert {"search", "profile.view", "edit:note.add"} <= actions
    viewed = next(r for r in mine if r.action == "profile.view")
    assert viewed.customer_id == hit.id and viewed.customer_name == hit.display_name
    searched = next(r for r in mine if r.action == "search")
    assert "yamada" not in searched.detail  # what was typed is never recorded
    cells = [page.view.table.item(r, 3).text() for r in range(page.view.table.rowCount())]
    assert any("プロフィール" in c or "Opened the profile" in c for c in cells)

    edits = page.view.action.findData("edit")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.view.action.setCurrentIndex(edits)
    assert page.view.rows() and all(r.action.startswith("edit:") for r in page.view.rows())
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.view.verify.click()
    assert page.view.message.isVisible()
    assert "intact" in page.view.message.text()
