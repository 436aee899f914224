"""Push handlers, one module per subject; importing this package fills the registry."""

from sync.server.mutations import (  # noqa: F401  (imported for their @handles registrations)
    audit,
    consents,
    customers,
    followups,
    interests,
    notes,
    reservations,
)
from sync.server.mutations.base import HANDLERS, MutationContext, Rejected

__all__ = ["HANDLERS", "MutationContext", "Rejected"]
