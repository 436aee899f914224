"""Times on screen are the store's: stored in UTC, shown in the store's time zone (the demo
chain is Asia/Tokyo), whatever zone the terminal's machine is set to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Tokyo"


def parse_utc(text: str) -> datetime | None:
    """An ISO 8601 time from the server or the outbox (naive = UTC); None if unreadable."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


@dataclass(frozen=True)
class StoreClock:
    """The store's zone; `local(...)` turns a stored time into the store's wall clock."""

    zone_name: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.zone_name or DEFAULT_ZONE)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(DEFAULT_ZONE)

    def local(self, value: str | datetime | None) -> datetime | None:
        moment = parse_utc(value) if isinstance(value, str) else value
        if moment is None:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self.zone)

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone(self.zone)

    @staticmethod
    def minutes_ago(value: str | datetime | None, now: datetime | None = None) -> int | None:
        moment = parse_utc(value) if isinstance(value, str) else value
        if moment is None:
            return None
        now = now or datetime.now(UTC)
        return max(0, int((now - moment).total_seconds() // 60))
