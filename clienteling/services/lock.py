"""The idle lock of a shared terminal: after a few minutes without input the screen hides
every customer's data until the signed-in staff member enters their PIN (or a colleague signs
in). Unlocking works offline: when someone signs in here, a slow hash of their PIN (Argon2id)
is kept in the encrypted cache and checked locally. After a few wrong PINs the lock screen
stops accepting PINs: only a full sign-in (checked and rate-limited by the server) opens it.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clienteling.storage.cache import LocalCache

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
