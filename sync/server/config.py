"""Settings of the central API: where its database is, where it listens, and its time limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

DEFAULT_DATABASE_URL = "sqlite:///clienteling-central.db"


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; tests build one per database."""

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8765
    session_ttl: timedelta = field(default=timedelta(hours=12))
    reservation_ttl: timedelta = field(default=timedelta(hours=48))
    # Offline reservation requests older than this are refused (stock changed meanwhile).
    max_offline_age: timedelta = field(default=timedelta(days=3))
    heartbeat_s: float = 15.0
    # PBKDF2 rounds for new PIN hashes; stored per hash so it can change without breaking logins.
    pin_iterations: int = 200_000
    run_migrations: bool = True
