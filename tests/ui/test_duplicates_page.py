"""The duplicates page for a manager, against the real central API: two walk-ins with one phone
and other given names become a suggestion; "keep A" merges them (the other id opens A, with
both notes), the merge is listed and can be undone; an associate has no such page."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clienteling import terminal as terminals
from clienteling.services.bundle import AppServices
from clienteling.services.customers import NewCustomer
from clienteling.ui.main_window import MainWindow
from clienteling.ui.sign_in import Credentials
from tests.ui.conftest import MANAGER_CODE, MANAGER_PIN, CentralServer, SignedInTill, run


def test_a_manager_merges_a_suggested_pair_and_undoes_it(
    qtbot: QtBot, central: CentralServer, signed_in_till: SignedInTill
) -> None:
    till = signed_in_till
    cache, api, terminal, engine = till.cache, till.api, till.terminal, till.engine
    associate = AppServices.build(cache, till.associate, engine, identity_admin=api)
    window = MainWindow(associate)
    qtbot.addWidget(window)
    window.show()
    button = window.page_action("duplicates")  # in the Manage menu
    assert not button.isVisible()  # an associate reviews no duplicates

    run(qtbot, engine.start())
    a = associate.customers.create(
        NewCustomer("五十嵐", "翔", "いがらし", "しょう", phone="070-1212-3434")
    )
    b = associate.customers.create(
        NewCustomer("五十嵐", "翔太", "いがらし", "しょうた", phone="07012123434")
    )
    associate.notes.add(b, "翔太さんのメモ")
    qtbot.waitUntil(lambda: cache.outbox_entries() == [], timeout=20_000)

    session = run(qtbot, terminal.switch_staff(Credentials(None, MANAGER_CODE, MANAGER_PIN)))
    manager = terminals.context_of(session)
    window.set_services(AppServices.build(cache, manager, engine, identity_admin=api))
    assert button.isVisible()
    page = window.duplicates
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        button.trigger()
    [suggestion] = [s for s in page.view.suggestion_rows() if {s.first.id, s.second.id} == {a, b}]
    cell = page.view.suggestions.item(0, 2).text()
    assert "same phone" in cell or "電話番号" in cell
    assert "五十嵐 翔" in page.view.suggestions.item(0, 0).text()

    page.view.select_suggestion(suggestion.id)
    keep = page.view.keep_first if suggestion.first.id == a else page.view.keep_second
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        keep.click()
    assert suggestion.id not in {s.id for s in page.view.suggestion_rows()}
    [merge] = [m for m in page.view.merge_rows() if m.merged.id == b]
    assert merge.survivor.id == a and merge.undone_at is None and merge.moved >= 1

    def joined() -> bool:
        profile = cache.load_profile(b)
        return profile is not None and profile.id == a and len(profile.notes) == 1

    qtbot.waitUntil(joined, timeout=20_000)
    window.open_customer(b)
    assert window.profile.profile is not None and window.profile.profile.id == a
    assert window.profile.standing.isVisible()  # "another profile ... was joined"

    page.view.select_merge(merge.id)
    assert page.view.undo.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.view.undo.click()
    [undone] = [m for m in page.view.merge_rows() if m.id == merge.id]
    assert undone.undone_at is not None

    def apart() -> bool:
        profile = cache.load_profile(b)
        return profile is not None and profile.id == b and len(profile.notes) == 1

    qtbot.waitUntil(apart, timeout=20_000)
