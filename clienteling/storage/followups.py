"""Follow-ups in the cache: the server's rows (planned by its planner or by staff) with what
this terminal did to them and has not heard back about overlaid (put off, done, given to a
colleague), and the store's queue."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from clienteling.domain.models import FollowUp, FollowupTiming, SyncState
from clienteling.storage.outbox import OUTBOX_COLUMNS, OutboxRow

CHANGES = ("followup.snooze", "followup.complete", "followup.assign", "followup.update")
# What the terminal has not had an answer for yet (an answer is followed by the pull that
# brings the server's row).
UNSETTLED = ("pending",)


def _timing(value: Any) -> FollowupTiming | None:
    if not isinstance(value, dict):
        return None
    try:
        weekday = value.get("weekday")
        return FollowupTiming(
            basis=str(value.get("basis", "default")),
            count=int(value.get("count", 0)),
            total=int(value.get("total", 0)),
            weekday=int(weekday) if weekday is not None else None,
            hour=int(value.get("hour", 0)),
            quiet_hours=bool(value.get("quiet_hours", False)),
            capped=bool(value.get("capped", False)),
        )
    except (TypeError, ValueError):
        return None


def from_doc(f: dict[str, Any], *, customer_name: str = "", staff_name: str = "") -> FollowUp:
    """A follow-up document as the server sent it (older documents lack the planner's keys)."""
    return FollowUp(
        id=str(f["id"]),
        due_date=str(f.get("due_date", "")),
        channel=str(f.get("channel", "")),
        kind=str(f.get("kind", "")),
        status=str(f.get("status", "")),
        skus=tuple(f.get("skus") or ()),
        note=str(f.get("note", "")),
        staff_id=str(f.get("staff_id", "")),
        due_at=f.get("due_at"),
        rule=f.get("rule"),
        timing=_timing(f.get("timing")),
        customer_id=str(f.get("customer_id", "")),
        customer_name=customer_name,
        store_id=str(f.get("store_id", "")),
        staff_name=staff_name,
        interest_ids=tuple(f.get("interest_ids") or ()),
        categories=tuple(f.get("categories") or ()),
        result=f.get("result"),
        outcome=str(f.get("outcome") or ""),
        message_status=f.get("message_status"),
        credited_jpy=_int_or_none(f.get("credited_jpy")),
    )


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _entries(cur: Any) -> list[OutboxRow]:
    marks = ",".join("?" * len(CHANGES))
    statuses = ",".join("?" * len(UNSETTLED))
    rows = cur.execute(
        f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE name IN ({marks}) "
        f"AND status IN ({statuses}) ORDER BY seq",
        (*CHANGES, *UNSETTLED),
    ).fetchall()
    return [OutboxRow.from_db(r) for r in rows]


def overlay(followup: FollowUp, entries: list[OutboxRow]) -> FollowUp:
    """`followup` as it will be once the server applied what this terminal sent for it."""
    for e in entries:
        if e.args.get("id") != followup.id:
            continue
        a = e.args
        if e.name == "followup.snooze":
            followup = dataclasses.replace(followup, due_at=str(a.get("until")))
        elif e.name == "followup.complete":
            followup = dataclasses.replace(
                followup, status="done", result=a.get("result"), outcome=a.get("outcome", "")
            )
        elif e.name == "followup.assign":
            followup = dataclasses.replace(followup, staff_id=str(a.get("staff_id", "")))
        elif e.name == "followup.update" and a.get("status"):
            followup = dataclasses.replace(followup, status=str(a["status"]))
        followup = dataclasses.replace(followup, sync=SyncState.PENDING)
    return followup


def staff_names(cur: Any, store_id: str) -> dict[str, str]:
    rows = cur.execute(
        "SELECT id, data ->> '$.name' FROM srv_staff WHERE store_id = ?", (store_id,)
    ).fetchall()
    return {str(r[0]): str(r[1] or "") for r in rows}


def _product_names(cur: Any, skus: set[str]) -> dict[str, str]:
    if not skus:
        return {}
    marks = ",".join("?" * len(skus))
    rows = cur.execute(f"SELECT sku, name FROM srv_product WHERE sku IN ({marks})", tuple(skus))
    return {str(sku): str(name) for sku, name in rows.fetchall()}


def store_queue(cur: Any, store_id: str, staff_id: str | None) -> list[FollowUp]:
    """The store's planned follow-ups (only `staff_id`'s when given), soonest first, with
    what this terminal changed overlaid."""
    names = staff_names(cur, store_id)
    rows = cur.execute(
        "SELECT json(f.data), c.family_name || ' ' || c.given_name FROM srv_followup f "
        "LEFT JOIN srv_customer c ON c.id = f.customer_id WHERE f.store_id = ?",
        (store_id,),
    ).fetchall()
    entries = _entries(cur)
    products = _product_names(cur, {s for r in rows for s in json.loads(r[0]).get("skus") or ()})
    out = []
    for data, customer_name in rows:
        doc = json.loads(data)
        followup = overlay(
            from_doc(
                doc,
                customer_name=(customer_name or "").strip(),
                staff_name=names.get(str(doc.get("staff_id", "")), ""),
            ),
            entries,
        )
        if followup.status != "planned":
            continue
        if staff_id is not None and followup.staff_id != staff_id:
            continue
        out.append(
            dataclasses.replace(
                followup,
                staff_name=names.get(followup.staff_id, ""),
                item_names=tuple(products.get(s, s) for s in followup.skus),
            )
        )
    return sorted(out, key=lambda f: (f.due_at or f.due_date, f.id))


def one(cur: Any, followup_id: str) -> FollowUp | None:
    row = cur.execute("SELECT json(data) FROM srv_followup WHERE id = ?", (followup_id,)).fetchone()
    if row is None:
        return None
    return overlay(from_doc(json.loads(row[0])), _entries(cur))
