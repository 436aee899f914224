"""What every mutation handler gets and may raise, and the registry keyed by (name, version)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from sync.protocol import MUTATION_ARGS
from sync.server.auth import AuthContext
from sync.server.config import Settings
from sync.server.identity_rules import survivor_of
from sync.server.models import Customer


class Rejected(Exception):
    """A business outcome, stored and returned as a rejected result (not an HTTP error)."""

    def __init__(self, reason: str, message: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.data = data or {}


@dataclass
class MutationContext:
    session: Session
    settings: Settings
    auth: AuthContext
    now: datetime
    client_time: datetime | None

    @property
    def store_id(self) -> str:
        """The store the staff member works at right now: the terminal's store."""
        return self.auth.device_store_id


Handler = Callable[[MutationContext, Any], dict[str, Any]]
HANDLERS: dict[tuple[str, int], Handler] = {}

A = TypeVar("A", bound=BaseModel)


TypedHandler = Callable[[MutationContext, A], dict[str, Any]]


def handles(name: str, version: int = 1) -> Callable[[TypedHandler[A]], TypedHandler[A]]:
    """Register a handler for a mutation whose args model is in sync.protocol.MUTATION_ARGS."""
    if (name, version) not in MUTATION_ARGS:
        raise KeyError(f"{name} v{version} has no args model in sync.protocol")

    def register(fn: TypedHandler[A]) -> TypedHandler[A]:
        HANDLERS[(name, version)] = fn
        return fn

    return register


CUSTOMER_NOT_FOUND = "The customer does not exist."


def visible_region(ctx: MutationContext, region: str) -> bool:
    """Whether rows of `region` exist for the caller (their device's region, or any: admin)."""
    return ctx.auth.is_admin or region == ctx.auth.region


def load_customer(ctx: MutationContext, customer_id: str) -> Customer:
    """The customer, if it exists and the caller may act on it (same region, or admin).

    A customer of another region is "not found", word for word as one that does not exist:
    a rejection must not tell a caller what another region holds.
    """
    customer = ctx.session.get(Customer, customer_id)
    if customer is None or not visible_region(ctx, customer.region):
        raise Rejected("not_found", CUSTOMER_NOT_FOUND)
    # An id merged away (a terminal offline at the time still holds it) is the survivor.
    return survivor_of(ctx.session, customer)


def require_store(ctx: MutationContext, store_id: str, what: str) -> None:
    """Associates and managers act on their own store's rows only; admins anywhere."""
    if not ctx.auth.is_admin and store_id != ctx.store_id:
        raise Rejected("forbidden", f"This {what} belongs to another store.")
