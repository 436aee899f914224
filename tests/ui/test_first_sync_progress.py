"""A new terminal's first sync, as the staff member sees it: the indicator says what is loading,
how far it is and how long is left; a profile opened meanwhile says it may be incomplete."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clienteling.domain.models import Loading, Profile, SyncStatus
from clienteling.ui.profile import ProfileView
from clienteling.ui.sync_indicator import SyncIndicator


def _status(loading: Loading | None, complete: bool) -> SyncStatus:
    return SyncStatus(
        online=True,
        pending=0,
        rejected=0,
        oldest_pending_age_s=None,
        last_pull_at=None,
        last_error=None,
        syncing=True,
        complete=complete,
        loading=loading,
    )


def test_the_indicator_shows_the_first_syncs_progress(qtbot: QtBot) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_status(_status(Loading("changes", 250_000, 1_000_000, 150.0), False))
    text = indicator.text()
    assert "25%" in text and "250,000" in text and "1,000,000" in text
    assert "3 min" in text  # about 2.5 min, rounded
    indicator.show_status(_status(Loading("download", 10, 100, None), False))
    assert "10%" in indicator.text() and "min" not in indicator.text()
    indicator.show_status(_status(None, False))  # started again after a restart: no figures
    assert "…" in indicator.text()
    indicator.show_status(_status(None, True))
    assert "%" not in indicator.text()


def test_a_profile_opened_mid_sync_says_it_may_be_incomplete(qtbot: QtBot) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    view.show()
    base = Profile(
        id="c",
        family_name="山田",
        given_name="花子",
        family_kana="やまだ",
        given_kana="はなこ",
        email=None,
        phone=None,
        loyalty_card=None,
        birthday=None,
        tier="regular",
        points=0,
        home_store_id=None,
        home_store_name=None,
    )
    view.show_profile(Profile(**{**_fields(base), "complete": False}))
    assert view.standing.isVisible() and view.standing.text()
    view.show_profile(base)
    assert not view.standing.isVisible()


def _fields(profile: Profile) -> dict[str, object]:
    return {name: getattr(profile, name) for name in Profile.__dataclass_fields__}
