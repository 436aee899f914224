"""Settings of the central API: where its database is, where it listens, and its time limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sync.server.pins import SERVER_PIN_COST, PinCost
from sync.server.throttle import SignInLimits

if TYPE_CHECKING:
    from sync.server.snapshots import SnapshotBuilder

DEFAULT_DATABASE_URL = "sqlite:///clienteling-central.db"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; tests build one per database."""

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8765
    session_ttl: timedelta = field(default=timedelta(hours=12))
    # How long a hold (and a transfer, at its source and once arrived) keeps its stock.
    reservation_ttl: timedelta = field(default=timedelta(hours=48))
    # How long a pickup that is ready waits for its customer before it is not collected.
    pickup_ttl: timedelta = field(default=timedelta(days=7))
    # Offline reservation requests older than this are refused (stock changed meanwhile).
    max_offline_age: timedelta = field(default=timedelta(days=3))
    heartbeat_s: float = 15.0
    # How often the server's clock chores run (expiring reservations; tombstones hourly).
    sweep_interval_s: float = 60.0
    # How often the follow-up planner runs (it plans each thing once, however often it runs).
    planner_interval_s: float = 600.0
    # The first run after startup (None: after one interval). The embedded default plans
    # soon after it starts, so the counter's queue fills without waiting ten minutes.
    planner_first_run_s: float | None = None
    # Messages: how often the dispatcher looks for due ones; where email goes (SMTP; None:
    # email is not sent and waits); the sender; the address customers reach this API at
    # (unsubscribe links; None: no link).
    dispatch_interval_s: float = 30.0
    smtp_host: str | None = None
    smtp_port: int = 25
    mail_from: str = "clienteling@example.invalid"
    public_base_url: str | None = None
    # Cart links in messages (sync.server.cart_links): "storefront" (this server's own small
    # shop page under `public_base_url`) or "shopify" (a cart permalink on `shop_domain`,
    # SKUs being the shop's variant ids).
    cart_link_format: str = "storefront"
    shop_domain: str | None = None
    # Open event streams per staff session (a terminal needs one; a reconnect may briefly
    # overlap the old one). More are refused with 429.
    max_streams_per_session: int = 3
    # Host names the API answers to (the Host header). None: the loopback names when it
    # listens on loopback (the embedded default: DNS rebinding), any name otherwise (set it
    # behind a load balancer to the names clients use).
    allowed_hosts: tuple[str, ...] | None = None
    # Argon2id parameters of new PIN hashes; stored in each hash, so they can change without
    # breaking sign-ins (an older hash is replaced at the next successful sign-in).
    pin_cost: PinCost = SERVER_PIN_COST
    # Failed sign-ins per staff member, device and address before a lockout (429).
    sign_in_limits: SignInLimits = field(default_factory=SignInLimits)
    run_migrations: bool = True
    # Ready-made first syncs (sync.server.snapshots): off unless both are set. The builder is
    # the terminal's own code (it writes the terminal's cache format), handed in by whoever
    # starts the server; files live in `snapshot_dir`.
    snapshot_dir: Path | None = None
    snapshot_builder: SnapshotBuilder | None = None
    # Below this many changes a plain pull is about as quick: no snapshot is built.
    snapshot_min_rows: int = 50_000
    # An offered snapshot older than this is rebuilt in the background (still offered
    # meanwhile); one older than `snapshot_max_age` is no longer offered. Both stay well under
    # the tombstone retention, so the pull that follows an install never needs a resync.
    snapshot_refresh_after: timedelta = field(default=timedelta(hours=6))
    snapshot_max_age: timedelta = field(default=timedelta(days=7))

    def answered_hosts(self) -> tuple[str, ...] | None:
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        if self.host in LOOPBACK_HOSTS or self.host.startswith("127."):
            return (*LOOPBACK_HOSTS, self.host)
        return None
