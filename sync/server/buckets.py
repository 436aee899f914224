"""Which buckets hold which rows, and which buckets a device may pull (computed from rows)."""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.server.models import Device, Store

CATALOG = "catalog"


def store_bucket(store_id: str) -> str:
    return f"store:{store_id}"


def customers_bucket(region: str) -> str:
    return f"customers:{region}"


def stock_bucket(region: str) -> str:
    """The stock of every store of a region (for the stores-nearby view)."""
    return f"stock:{region}"


def device_buckets(session: Session, device_id: str) -> list[str]:
    """The device's buckets now: catalog, its store, its store's region's customers and stock
    (sorted).

    Read at every pull, so moving a store to another region or a device to another store
    takes effect on the next pull.
    """
    row = session.execute(
        select(Store.id, Store.region)
        .join(Device, col(Device.store_id) == col(Store.id))
        .where(Device.id == device_id)
    ).first()
    if row is None:
        return [CATALOG]
    return sorted(
        [CATALOG, store_bucket(row.id), customers_bucket(row.region), stock_bucket(row.region)]
    )
