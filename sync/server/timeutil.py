"""UTC time helpers: the server's clock is the only one that decides expiry and order."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything this server stores is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime) -> str:
    return as_utc(value).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp (a trailing Z allowed); naive means UTC. Raises ValueError."""
    return as_utc(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
