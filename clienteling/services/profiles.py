"""Opening a customer's unified profile from the local cache."""

from __future__ import annotations

import dataclasses

from clienteling.domain.models import Profile
from clienteling.storage.cache import LocalCache


class ProfileService:
    def __init__(self, cache: LocalCache) -> None:
        self._cache = cache

    def load(self, customer_id: str) -> Profile | None:
        """The profile with pending local changes shown, or None when the id is not cached."""
        customer_id = customer_id.strip()
        if not customer_id:
            return None
        profile = self._cache.load_profile(customer_id)
        if profile is not None and not self._cache.first_sync_done():
            profile = dataclasses.replace(profile, complete=False)
        return profile
