"""An order document of the demo chain, its total the sum of its lines."""

from __future__ import annotations

from collections.abc import Sequence

from sync.protocol import OrderData, OrderLineData


def order_total(lines: Sequence[OrderLineData]) -> str:
    return str(sum(int(line["unit_price_jpy"]) * line["quantity"] for line in lines))


def build_order(
    order_id: str,
    customer_id: str,
    channel: str,
    store_id: str | None,
    ordered_at: str,
    status: str,
    staff_id: str | None,
    lines: list[OrderLineData],
) -> OrderData:
    return OrderData(
        id=order_id,
        customer_id=customer_id,
        channel=channel,
        store_id=store_id,
        ordered_at=ordered_at,
        total_jpy=order_total(lines),
        status=status,
        attributed_staff_id=staff_id,
        attributed_followup_id=None,
        lines=lines,
    )
