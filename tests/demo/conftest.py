"""Shared fixtures: one default demo chain per test session, materialised once."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sync.protocol import (
    ActivityData,
    CustomerData,
    InterestData,
    NoteData,
    OrderData,
)
from sync.server.demo import DemoChain, generate


@dataclass(frozen=True)
class Materialised:
    """A chain with every stream read into a list, for tests that look across rows."""

    chain: DemoChain
    customers: list[CustomerData]
    orders: list[OrderData]
    activities: list[ActivityData]
    notes: list[NoteData]
    interests: list[InterestData]


def materialise(chain: DemoChain) -> Materialised:
    return Materialised(
        chain=chain,
        customers=list(chain.iter_customers()),
        orders=list(chain.iter_orders()),
        activities=list(chain.iter_activities()),
        notes=list(chain.iter_notes()),
        interests=list(chain.iter_interests()),
    )


@pytest.fixture(scope="session")
def demo() -> Materialised:
    """The default chain (5,000 customers, seed 1), as the embedded server loads it."""
    return materialise(generate())
