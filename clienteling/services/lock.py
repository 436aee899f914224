"""The idle lock of a shared terminal: after a few minutes without input the screen hides
every customer's data until the signed-in staff member enters their PIN (or a colleague signs
in). Unlocking works offline: when someone signs in here, a slow hash of their PIN (Argon2id)
is kept in the encrypted cache and checked locally. After a few wrong PINs the lock screen
stops accepting PINs: only a full sign-in (checked and rate-limited by the server) opens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clienteling.storage.cache import LAST_PULL_AT, LocalCache

LOCK_AFTER_S = 120  # DESIGN's default: two minutes without a touch or a key
MAX_WRONG_PINS = 5
_VERIFIER = "pin-verifier:"
# ~25 ms here: slow for someone copying the cache file (which is encrypted as well), quick at
# the counter.
_HASHER = PasswordHasher(time_cost=1, memory_cost=19_456, parallelism=1)


class LockService:
    def __init__(self, cache: LocalCache, staff_id: str) -> None:
        self._cache = cache
        self._staff_id = staff_id
        self._wrong = 0

    def remember_pin(self, staff_id: str, pin: str) -> None:
        """After a successful sign-in on this terminal (the server checked the PIN)."""
        self._cache.set_state(_VERIFIER + staff_id, _HASHER.hash(pin))

    @property
    def can_unlock_with_pin(self) -> bool:
        """False when this staff member's PIN is not known here, or after too many wrong
        PINs: then only a sign-in opens the screen."""
        known = self._cache.get_state(_VERIFIER + self._staff_id) is not None
        return known and self._wrong < MAX_WRONG_PINS

    def unlock(self, pin: str) -> bool:
        stored = self._cache.get_state(_VERIFIER + self._staff_id)
        if stored is None or self._wrong >= MAX_WRONG_PINS:
            return False
        try:
            ok = bool(_HASHER.verify(stored, pin))
        except (VerificationError, InvalidHashError):
            ok = False
        self._wrong = 0 if ok else self._wrong + 1
        return ok

    @property
    def wrong_pins_left(self) -> int:
        return max(0, MAX_WRONG_PINS - self._wrong)

    def last_contact(self) -> str | None:
        """When this terminal last pulled from the server (kept in the cache)."""
        return self._cache.get_state(LAST_PULL_AT)


@dataclass(frozen=True)
class OfflinePolicy:
    """A terminal that has not reached the server for `lock_after` locks until someone signs
    in (which needs the server); after `wipe_after` it erases its data, as a revoked one
    does: a tablet lost in a drawer must not keep customers' data forever."""

    lock_after: timedelta = timedelta(days=3)  # the maximum offline age of the server
    wipe_after: timedelta = timedelta(days=14)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> OfflinePolicy:
        def days(name: str, default: timedelta) -> timedelta:
            try:
                value = float(env.get(name, ""))
            except ValueError:
                return default
            return timedelta(days=value) if value > 0 else default

        lock = days(OFFLINE_LOCK_ENV, timedelta(days=3))
        wipe = days(OFFLINE_WIPE_ENV, timedelta(days=14))
        return cls(lock_after=lock, wipe_after=max(wipe, lock))

    def verdict(self, last_contact: str | None, now: datetime | None = None) -> str:
        """ "ok", "lock" or "wipe" for a terminal whose last pull was at `last_contact`."""
        if not last_contact:
            return "ok"  # never synced: nothing cached to protect yet
        try:
            moment = datetime.fromisoformat(last_contact)
        except ValueError:
            return "ok"
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        offline = (now or datetime.now(UTC)) - moment
        if offline >= self.wipe_after:
            return "wipe"
        if offline >= self.lock_after:
            return "lock"
        return "ok"


OFFLINE_LOCK_ENV = "CLIENTELING_OFFLINE_LOCK_DAYS"
OFFLINE_WIPE_ENV = "CLIENTELING_OFFLINE_WIPE_DAYS"
