"""The check shared by the services that write to a customer's profile."""

from __future__ import annotations

from clienteling.domain.errors import InvalidInput
from clienteling.storage.cache import LocalCache


def require_customer(cache: LocalCache, customer_id: str) -> str:
    """The trimmed id of a customer in the cache, or InvalidInput."""
    cid = customer_id.strip() if isinstance(customer_id, str) else ""
    if not cid or not cache.customer_exists(cid):
        raise InvalidInput("This customer is not in the local cache: search for them again.")
    return cid
