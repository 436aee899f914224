"""Reservations in the cache: the server's rows with what this terminal asked for and has not
heard back about overlaid (a request "requested — not confirmed", a step sent), the store's
lists, and the notices of outcomes that arrived later."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from clienteling.domain.models import FreeStock, Notice, Reservation, StoreLists, SyncState
from clienteling.storage.outbox import OUTBOX_COLUMNS, OutboxRow, parse_utc

STEP_PREFIX = "reservation."
REQUEST = "reservation.request"
EXPIRING_WITHIN = timedelta(hours=24)


class _Names:
    def __init__(self, cur: Any) -> None:
        self._cur = cur
        self._cache: dict[tuple[str, str], str | None] = {}

    def _one(self, kind: str, key: str, sql: str) -> str | None:
        if not key:
            return None
        if (kind, key) not in self._cache:
            row = self._cur.execute(sql, (key,)).fetchone()
            self._cache[(kind, key)] = str(row[0]).strip() if row and row[0] else None
        return self._cache[(kind, key)]

    def product(self, sku: str) -> str | None:
        return self._one("p", sku, "SELECT name FROM srv_product WHERE sku = ?")

    def store(self, store_id: str | None) -> str | None:
        return self._one(
            "s", store_id or "", "SELECT data ->> '$.name' FROM srv_store WHERE id = ?"
        )

    def customer(self, customer_id: str) -> str:
        return (
            self._one(
                "c",
                customer_id,
                "SELECT family_name || ' ' || given_name FROM srv_customer WHERE id = ?",
            )
            or ""
        )


def _alternatives(result: dict[str, Any] | None) -> tuple[FreeStock, ...]:
    out = []
    for alt in (result or {}).get("alternatives", []) or []:
        if not isinstance(alt, dict) or not alt.get("store_id"):
            continue
        km = alt.get("distance_km")
        out.append(
            FreeStock(
                store_id=str(alt["store_id"]),
                store_name=str(alt.get("store_name", "")),
                available=int(alt.get("available", 0)),
                distance_km=float(km) if isinstance(km, int | float) else None,
            )
        )
    return tuple(out)


def _from_server(doc: dict[str, Any], names: _Names) -> Reservation:
    sku = str(doc.get("sku", ""))
    customer_id = str(doc.get("customer_id", ""))
    source = doc.get("source_store_id")
    return Reservation(
        id=str(doc["id"]),
        store_id=str(doc.get("store_id", "")),
        sku=sku,
        product_name=names.product(sku),
        quantity=int(doc.get("quantity", 1)),
        kind=str(doc.get("kind", "hold")),
        status=str(doc.get("status", "")),
        expires_at=doc.get("expires_at"),
        created_at=str(doc.get("created_at", "")),
        customer_id=customer_id,
        customer_name=names.customer(customer_id),
        stock_store_id=str(doc.get("stock_store_id") or doc.get("store_id", "")),
        source_store_id=source,
        source_store_name=names.store(source),
        updated_at=str(doc.get("updated_at") or doc.get("created_at", "")),
    )


def _from_request(entry: OutboxRow, names: _Names) -> Reservation:
    a = entry.args
    sku = str(a.get("sku", ""))
    customer_id = str(a.get("customer_id", ""))
    result = entry.result
    status = "requested"
    if entry.status == "rejected":
        status = "rejected"
    elif entry.status == "applied" and result is not None:
        status = str(result.get("status", "confirmed"))
    source = a.get("from_store_id")
    kind = str(a.get("kind", "hold"))
    return Reservation(
        id=str(a.get("id", entry.mutation_id)),
        store_id=str(a.get("store_id", "")),
        sku=sku,
        product_name=names.product(sku),
        quantity=int(a.get("quantity", 1)),
        kind=kind,
        status=status,
        expires_at=(result or {}).get("expires_at") if entry.status == "applied" else None,
        created_at=entry.created_at,
        # Answered (the server holds the row; the pull brings it soon): as good as synced.
        sync={"rejected": SyncState.REJECTED, "applied": SyncState.SYNCED}.get(
            entry.status, SyncState.PENDING
        ),
        customer_id=customer_id,
        customer_name=names.customer(customer_id),
        stock_store_id=str(source or a.get("store_id", "")),
        source_store_id=source,
        source_store_name=names.store(source),
        updated_at=entry.created_at,
        rejected_reason=entry.last_error if entry.status == "rejected" else None,
        alternatives=_alternatives(result) if entry.status == "rejected" else (),
    )


def entries(cur: Any, where: str = "", params: tuple[Any, ...] = ()) -> list[OutboxRow]:
    sql = (
        f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE name LIKE 'reservation.%' {where} ORDER BY seq"
    )
    return [OutboxRow.from_db(r) for r in cur.execute(sql, params).fetchall()]


def overlay(
    cur: Any, server_docs: list[dict[str, Any]], entries: list[OutboxRow]
) -> list[Reservation]:
    """The server's rows, each with the step sent for it (if any), plus the requests the
    server has not sent back as rows yet."""
    names = _Names(cur)
    out = {doc["id"]: _from_server(doc, names) for doc in server_docs if doc.get("id")}
    steps: dict[str, str] = {}
    for e in entries:
        if e.name == REQUEST:
            rid = str(e.args.get("id", ""))
            if rid not in out and e.status in ("pending", "applied", "rejected"):
                out[rid] = _from_request(e, names)
        elif e.status == "pending":
            steps[str(e.args.get("id", ""))] = e.name[len(STEP_PREFIX) :]
    for rid, step in steps.items():
        if rid in out:
            out[rid] = dataclasses.replace(out[rid], pending_step=step)
    return sorted(out.values(), key=lambda r: r.created_at, reverse=True)


def _docs(cur: Any, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in cur.execute(sql, params).fetchall()]


def of_customer(cur: Any, customer_id: str) -> list[Reservation]:
    docs = _docs(
        cur, "SELECT json(data) FROM srv_reservation WHERE customer_id = ?", (customer_id,)
    )
    wanted = [
        e
        for e in entries(cur)
        if e.customer_id == customer_id
        or e.args.get("customer_id") == customer_id
        or e.name != REQUEST
    ]
    return overlay(cur, docs, wanted)


def store_lists(cur: Any, store_id: str, now: datetime | None = None) -> StoreLists:
    """This store's lists (the store bucket holds exactly its reservations and transfers)."""
    now = now or datetime.now(UTC)
    docs = _docs(cur, "SELECT json(data) FROM srv_reservation", ())
    rows = overlay(cur, docs, entries(cur))
    soon = now + EXPIRING_WITHIN

    def expiring(r: Reservation) -> bool:
        if r.expires_at is None or r.status not in ("confirmed", "ready") or r.kind == "pickup":
            return False
        try:
            return parse_utc(r.expires_at) <= soon
        except ValueError:
            return False

    mine = [r for r in rows if r.store_id == store_id]
    return StoreLists(
        open=tuple(r for r in mine if r.open),
        pickups=tuple(
            sorted(
                (r for r in mine if r.kind == "pickup" and r.status in ("confirmed", "ready")),
                key=lambda r: (r.status != "ready", r.created_at),
            )
        ),
        expiring=tuple(sorted((r for r in mine if expiring(r)), key=lambda r: r.expires_at or "")),
        waiting=tuple(r for r in rows if r.status == "requested" or r.pending_step is not None),
        transfers_in=tuple(
            r
            for r in mine
            if r.kind == "transfer"
            and r.status in ("requested", "confirmed", "in_transit", "ready")
        ),
        transfers_out=tuple(
            r
            for r in rows
            if r.kind == "transfer"
            and r.store_id != store_id
            and (r.source_store_id == store_id or r.stock_store_id == store_id)
            and r.status in ("confirmed", "in_transit")
        ),
    )


def notices(cur: Any, *, unseen_only: bool, limit: int = 50) -> list[Notice]:
    names = _Names(cur)
    where = "WHERE n.seen = 0" if unseen_only else ""
    rows = cur.execute(
        "SELECT n.seq, n.kind, n.subject_id, n.customer_id, n.status, n.reason, n.created_at, "
        "r.data ->> '$.sku' FROM notice AS n LEFT JOIN srv_reservation AS r ON r.id = n.subject_id "
        f"{where} ORDER BY n.seq DESC LIMIT ?",
        (limit,),
    ).fetchall()
    out = []
    for seq, kind, subject, customer, status, reason, created, sku in rows:
        if sku is None:
            sku = _request_sku(cur, subject)
        out.append(
            Notice(
                seq=int(seq),
                kind=str(kind),
                subject_id=str(subject),
                customer_id=customer,
                customer_name=names.customer(customer or ""),
                status=str(status),
                reason=reason,
                created_at=str(created),
                product_name=names.product(sku or ""),
            )
        )
    return out


def _request_sku(cur: Any, reservation_id: str) -> str | None:
    row = cur.execute(
        "SELECT args_json ->> '$.sku' FROM outbox WHERE name = ? AND args_json ->> '$.id' = ?",
        (REQUEST, reservation_id),
    ).fetchone()
    return None if row is None else row[0]
