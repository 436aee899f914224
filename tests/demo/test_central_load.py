"""The generated chain loads into a real central database with the server's own loader.

This is the generator's consumer: every foreign key, unique identity and CHECK constraint of
the server schema must accept the rows as generated.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from sync.server.db import make_engine
from sync.server.demo import generate
from sync.server.models import Customer, CustomerIdentity, Inventory, Order, Product, Staff, Store
from sync.server.pins import FAST_PIN_COST
from sync.server.schema import upgrade
from sync.server.seed import load_chain


def test_the_chain_loads_into_a_fresh_sqlite_central_database(tmp_path: Path) -> None:
    chain = generate(customers=400)
    engine = make_engine(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        upgrade(engine)
        assert load_chain(engine, chain, pin_cost=FAST_PIN_COST)
        with engine.connect() as conn:

            def count(model: type) -> int:
                return int(conn.execute(select(func.count()).select_from(model)).scalar_one())

            assert count(Store) == len(chain.stores)
            assert count(Staff) == len(chain.staff)
            assert count(Product) == len(chain.products)
            assert count(Inventory) == len(chain.inventory)
            assert count(Customer) == 400
            identities = sum(len(c["identities"]) for c in chain.iter_customers())
            assert count(CustomerIdentity) == identities
            assert count(Order) == sum(1 for _ in chain.iter_orders())
        # Loading again is a no-op, not a duplicate-key failure.
        assert not load_chain(engine, chain, pin_cost=FAST_PIN_COST)
    finally:
        engine.dispose()
