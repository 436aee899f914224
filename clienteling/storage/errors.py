"""Errors the local cache raises; each carries a message a staff member or support can act on."""

from __future__ import annotations


class CacheError(Exception):
    """The local cache could not do what was asked; str(e) says why in plain words."""


class CacheCorrupt(CacheError):
    """The cache file is not a readable database: damaged, not a database, or the wrong key."""


class OutboxFull(CacheError):
    """Too many changes of one kind are waiting to be sent (see outbox.PENDING_CAPS)."""
