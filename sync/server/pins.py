"""Staff PINs and badges at rest: Argon2id, never a fast hash.

A PIN hash is Argon2id with its own random salt and its parameters in the stored string, so the
cost can be raised without breaking sign-ins (a hash made with other parameters, or with the
PBKDF2 of earlier versions, is replaced at the next successful sign-in).

A badge must be found by its number, so its hash cannot have a salt per row: it is Argon2id of
the number with one random salt per central database (`server_secret`), kept beside the rows.
Badge numbers are printed and sequential; what protects a session is the PIN that must come
with the badge, the hash only keeps a copied database from listing badges at SHA-256 speed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import weakref
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import Connection, Engine

from sync.server.server_secrets import read_or_make

_LEGACY = "pbkdf2_sha256"


@dataclass(frozen=True, slots=True)
class PinCost:
    """Argon2id parameters: memory in KiB, passes, lanes."""

    memory_kib: int = 19_456
    time_cost: int = 2
    parallelism: int = 1

    def hasher(self) -> PasswordHasher:
        return _hasher(self.memory_kib, self.time_cost, self.parallelism)


# ~50 ms a verification on this project's machine (OWASP's minimum for Argon2id).
SERVER_PIN_COST = PinCost()
# Tests and benchmarks that are not about PINs: the same format, negligible time.
FAST_PIN_COST = PinCost(memory_kib=8, time_cost=1, parallelism=1)


@lru_cache(maxsize=8)
def _hasher(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)


def hash_pin(pin: str, cost: PinCost = SERVER_PIN_COST) -> str:
    return cost.hasher().hash(pin)


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches; False for a wrong PIN and for a damaged or unknown hash."""
    if stored.startswith(_LEGACY + "$"):
        return _verify_legacy(pin, stored)
    try:
        # Any hasher verifies: the parameters are read from the stored string.
        return bool(SERVER_PIN_COST.hasher().verify(stored, pin))
    except (VerificationError, InvalidHashError, ValueError):
        return False


def needs_rehash(stored: str, cost: PinCost) -> bool:
    if stored.startswith(_LEGACY + "$"):
        return True
    try:
        return bool(cost.hasher().check_needs_rehash(stored))
    except (InvalidHashError, ValueError):
        return True


@lru_cache(maxsize=8)
def dummy_hash(cost: PinCost) -> str:
    """A hash of a random PIN at `cost`: verified when no staff member matches, so an unknown
    code takes as long as a wrong PIN (every hash is brought to this cost at sign-in)."""
    return hash_pin(secrets.token_hex(16), cost)


def _verify_legacy(pin: str, stored: str) -> bool:
    try:
        _algo, rounds, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt_hex), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


# ---------------------------------------------------------------------------------------------
# Badges

BADGE_KEY = "badge_key"


@dataclass(frozen=True, slots=True)
class BadgeKey:
    """What a badge is hashed with in this database: its salt and the Argon2id cost, fixed
    when the database made it (a lookup must repeat the very same hash)."""

    salt: bytes
    cost: PinCost

    def hash(self, badge: str) -> str:
        """The lookup hash of a badge number (64 hex characters)."""
        digest = hash_secret_raw(
            badge.strip().encode(),
            self.salt,
            time_cost=self.cost.time_cost,
            memory_cost=self.cost.memory_kib,
            parallelism=self.cost.parallelism,
            hash_len=32,
            type=Type.ID,
        )
        return digest.hex()


def badge_key(engine: Engine) -> BadgeKey:
    """This database's badge key, made on first use, then kept for the process."""
    cached = _KEYS.get(engine)
    if cached is None:
        with engine.begin() as conn:
            cached = ensure_badge_key(conn)
        _KEYS[engine] = cached
    return cached


def ensure_badge_key(conn: Connection, cost: PinCost = SERVER_PIN_COST) -> BadgeKey:
    """Read the key, or make it with `cost` (the same one under concurrent first uses)."""
    value = f"{cost.memory_kib},{cost.time_cost},{cost.parallelism},{secrets.token_hex(16)}"
    memory, passes, lanes, salt = read_or_make(conn, BADGE_KEY, value).split(",")
    return BadgeKey(bytes.fromhex(salt), PinCost(int(memory), int(passes), int(lanes)))


_KEYS: weakref.WeakKeyDictionary[Engine, BadgeKey] = weakref.WeakKeyDictionary()


def legacy_badge_hash(badge: str) -> str:
    """How earlier versions stored badges (unsalted SHA-256): matched once, then replaced."""
    return hashlib.sha256(b"badge:" + badge.strip().encode()).hexdigest()
