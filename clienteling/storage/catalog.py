"""The catalog in the cache: categories with labels, product search and the product view
(price, stock here and in the stores nearby, accessories). Works offline from srv_* rows."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from clienteling.domain.geo import distance_km
from clienteling.domain.models import Category, ProductDetail, ProductHit, StockAt
from clienteling.domain.text import digits_only, kana_key, match_key

MAX_ACCESSORIES = 12


def _yen(value: Any) -> int:
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return 0


def categories(cur: Any, lang: str) -> list[Category]:
    rows = cur.execute("SELECT code, json(data) FROM srv_category").fetchall()
    out = []
    for code, data in rows:
        doc = json.loads(data)
        out.append(
            (doc.get("position", 0), Category(code, _label(doc, code, lang), doc.get("image")))
        )
    return [c for _, c in sorted(out, key=lambda pc: (pc[0], pc[1].code))]


def _label(doc: dict[str, Any], code: str, lang: str) -> str:
    label = doc.get(f"label_{lang}") or doc.get("label_ja") or doc.get("label_en")
    return str(label or code)


def category_map(cur: Any, lang: str) -> dict[str, Category]:
    return {c.code: c for c in categories(cur, lang)}


def product_hit(doc: dict[str, Any], cats: dict[str, Category]) -> ProductHit:
    code = str(doc.get("category", ""))
    cat = cats.get(code)
    return ProductHit(
        sku=str(doc.get("sku", "")),
        gtin=str(doc.get("gtin", "")),
        name=str(doc.get("name", "")),
        name_kana=str(doc.get("name_kana", "")),
        brand=str(doc.get("brand", "")),
        category=code,
        category_label=cat.label if cat else code,
        price_jpy=_yen(doc.get("price_jpy", 0)),
        image=doc.get("image") or (cat.image if cat else None),
    )


@dataclass(frozen=True, slots=True)
class _Entry:
    sku_key: str
    gtin: str
    name_key: str
    kana_key: str
    doc: dict[str, Any]


class ProductIndex:
    """Match keys of every product, rebuilt when the cached catalog changes (products are tens
    of thousands at most: a scan of prepared keys answers as you type)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._entries: list[_Entry] = []

    def _refresh(self, cur: Any) -> list[_Entry]:
        stamp = tuple(
            cur.execute("SELECT count(*), coalesce(max(pk), 0) FROM srv_product").fetchone()
        )
        with self._lock:
            if stamp == self._stamp:
                return self._entries
        entries = []
        for (data,) in cur.execute("SELECT json(data) FROM srv_product ORDER BY sku"):
            doc = json.loads(data)
            name = f"{doc.get('brand', '')} {doc.get('name', '')}"
            entries.append(
                _Entry(
                    sku_key=str(doc.get("sku", "")).lower(),
                    gtin=str(doc.get("gtin", "")),
                    name_key="".join(match_key(name).split()),
                    kana_key="".join(kana_key(str(doc.get("name_kana", ""))).split()),
                    doc=doc,
                )
            )
        with self._lock:
            self._stamp, self._entries = (int(stamp[0]), int(stamp[1])), entries
        return entries

    def search(self, cur: Any, query: str, lang: str, limit: int = 50) -> list[ProductHit]:
        """Products whose name (kanji, kana, latin), reading, SKU or JAN matches `query`: code
        and name prefixes first, then anywhere in the name or reading."""
        text = query.strip()
        if not text:
            return []
        entries = self._refresh(cur)
        key = "".join(match_key(text).split())
        reading = "".join(kana_key(text).split())
        digits = digits_only(text) if text.replace("-", "").replace(" ", "").isdigit() else ""
        lowered = text.lower()
        ranked: list[tuple[int, str, _Entry]] = []
        for e in entries:
            if digits and e.gtin.startswith(digits):
                rank = 0
            elif e.sku_key.startswith(lowered):
                rank = 1
            elif key and (
                e.name_key.startswith(key) or (reading and e.kana_key.startswith(reading))
            ):
                rank = 2
            elif key and (
                key in e.name_key or (reading and reading in e.kana_key) or lowered in e.sku_key
            ):
                rank = 3
            else:
                continue
            ranked.append((rank, e.sku_key, e))
        ranked.sort(key=lambda r: (r[0], r[1]))
        cats = category_map(cur, lang)
        return [product_hit(e.doc, cats) for _, _, e in ranked[:limit]]


def product_doc(
    cur: Any, *, sku: str | None = None, gtin: str | None = None
) -> dict[str, Any] | None:
    if sku is not None:
        row = cur.execute("SELECT json(data) FROM srv_product WHERE sku = ?", (sku,)).fetchone()
    else:
        row = cur.execute("SELECT json(data) FROM srv_product WHERE gtin = ?", (gtin,)).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def _stores(cur: Any) -> dict[str, dict[str, Any]]:
    return {
        sid: json.loads(data) for sid, data in cur.execute("SELECT id, json(data) FROM srv_store")
    }


def product_detail(
    cur: Any, sku: str, store_id: str, lang: str, stock_as_of: str | None
) -> ProductDetail | None:
    doc = product_doc(cur, sku=sku)
    if doc is None:
        return None
    cats = category_map(cur, lang)
    stores = _stores(cur)
    here = stores.get(store_id, {})
    stock: list[StockAt] = []
    rows = cur.execute("SELECT json(data) FROM srv_inventory WHERE sku = ?", (sku,)).fetchall()
    for (data,) in rows:
        inv = json.loads(data)
        sid = str(inv.get("store_id", ""))
        store = stores.get(sid)
        if store is None:
            continue
        km = 0.0
        if sid != store_id and here:
            km = distance_km(
                float(here.get("latitude", 0)),
                float(here.get("longitude", 0)),
                float(store.get("latitude", 0)),
                float(store.get("longitude", 0)),
            )
        stock.append(
            StockAt(
                store_id=sid,
                store_name=str(store.get("name", "")),
                on_hand=int(inv.get("on_hand", 0)),
                reserved=int(inv.get("reserved", 0)),
                distance_km=round(km, 1),
                here=sid == store_id,
            )
        )
    if not any(s.here for s in stock) and here:
        stock.append(StockAt(store_id, str(here.get("name", "")), 0, 0, 0.0, True))
    stock.sort(key=lambda s: (not s.here, s.distance_km, s.store_name))
    accessories = []
    for acc in list(doc.get("accessory_skus", []))[:MAX_ACCESSORIES]:
        acc_doc = product_doc(cur, sku=str(acc))
        if acc_doc is not None:
            accessories.append(product_hit(acc_doc, cats))
    return ProductDetail(
        product=product_hit(doc, cats),
        stock=tuple(stock),
        accessories=tuple(accessories),
        stock_as_of=stock_as_of,
    )


def store_time_zone(cur: Any, store_id: str) -> str | None:
    row = cur.execute(
        "SELECT data ->> '$.timezone' FROM srv_store WHERE id = ?", (store_id,)
    ).fetchone()
    return None if row is None or not row[0] else str(row[0])
