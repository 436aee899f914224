"""Profiles, products and stock levels sent by other systems (and by a retailer's first load
from CSV): one row each, the last one received wins (a profile change older than the
profile's last change is `stale`), published to the terminals like any other change."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session
from sqlmodel import col

from sync.protocol import ProductData, price_to_wire
from sync.protocol.ingest import IngestEvent, Outcome
from sync.server.buckets import CATALOG
from sync.server.changes import record_change
from sync.server.documents import publish_customer, publish_inventory
from sync.server.models import Customer, Inventory, Product, ProductAccessory, Store
from sync.server.timeutil import as_utc


def apply_profile(
    session: Session, customer_id: str, event: IngestEvent, store: Store | None, created: bool
) -> Outcome:
    customer = session.get(Customer, customer_id)
    ref, body = event.customer, event.profile
    assert customer is not None and ref is not None and body is not None
    if not created and as_utc(customer.updated_at) > as_utc(event.occurred_at):
        return "stale"  # changed since (at a counter, or by a newer event)
    for name in ("family_name", "given_name", "family_kana", "given_kana"):
        value = getattr(ref, name)
        if value:
            setattr(customer, name, value)
    if body.birthday is not None:
        customer.birthday = body.birthday
    if store is not None:
        customer.home_store_id = store.id
    customer.updated_at = event.occurred_at
    publish_customer(session, customer)
    return "applied"


def apply_product(session: Session, event: IngestEvent) -> Product:
    body = event.product
    assert body is not None
    row = session.get(Product, body.sku)
    if row is None:
        row = Product(
            sku=body.sku,
            gtin=body.jan,
            name=body.name,
            name_kana=body.name_kana,
            category=body.category,
            brand=body.brand,
            price_jpy=body.price_jpy,
        )
        session.add(row)
    else:
        row.gtin, row.name, row.name_kana = body.jan, body.name, body.name_kana
        row.category, row.brand, row.price_jpy = body.category, body.brand, body.price_jpy
    session.flush()
    session.execute(delete(ProductAccessory).where(col(ProductAccessory.product_sku) == body.sku))
    for position, sku in enumerate(dict.fromkeys(body.accessory_skus)):
        session.add(ProductAccessory(product_sku=body.sku, accessory_sku=sku, position=position))
    session.flush()
    data = ProductData(
        sku=row.sku,
        gtin=row.gtin,
        name=row.name,
        name_kana=row.name_kana,
        category=row.category,
        brand=row.brand,
        price_jpy=price_to_wire(row.price_jpy),
        accessory_skus=list(dict.fromkeys(body.accessory_skus)),
        image=row.image,
    )
    record_change(session, CATALOG, "product", row.sku, "upsert", dict(data))
    return row


def apply_stock(session: Session, event: IngestEvent, store: Store) -> None:
    body = event.stock
    assert body is not None
    row = session.get(Inventory, (store.id, body.sku))
    if row is None:
        session.add(Inventory(store_id=store.id, sku=body.sku, on_hand=body.on_hand, reserved=0))
    else:
        row.on_hand = body.on_hand
    session.flush()
    publish_inventory(session, store.id, body.sku, region=store.region)
