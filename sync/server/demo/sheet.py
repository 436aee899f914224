"""A Markdown cheat sheet of the demo: staff logins, badges, story customers and barcodes.

`python -m sync.server.demo` prints it; the README's login table is copied from it.
"""

from __future__ import annotations

from .catalog import (
    STORY_BIKE_SKU,
    STORY_HELMET_SKU,
    STORY_LIGHT_SKU,
    STORY_LOCK_SKU,
    build_catalog,
)
from .chain import STAFF, STORES
from .customers import story_customers


def demo_sheet() -> str:
    """The cheat sheet as Markdown (fixed content: it does not depend on the seed)."""
    store_names = {s["id"]: s["name"] for s in STORES}
    lines = [
        "## Demo logins",
        "",
        "| Store | Role | Staff code | PIN | Badge barcode | Name |",
        "|---|---|---|---|---|---|",
    ]
    for member in STAFF:
        data = member.data
        lines.append(
            f"| {store_names[data['store_id']]} | {data['role']} | {data['code']} | "
            f"{member.pin} | {member.badge} | {data['name']} |"
        )
    lines += [
        "",
        "## Story customers",
        "",
        "| Name | Reading | Loyalty card | Phone | Email |",
        "|---|---|---|---|---|",
    ]
    for customer in story_customers():
        lines.append(
            f"| {customer['family_name']} {customer['given_name']} "
            f"| {customer['family_kana']} {customer['given_kana']} "
            f"| {customer['loyalty_card']} | {customer['phone']} | {customer['email']} |"
        )
    by_sku = {p["sku"]: p for p in build_catalog()}
    lines += ["", "## Story products", "", "| SKU | GTIN | Name |", "|---|---|---|"]
    for sku in (STORY_BIKE_SKU, STORY_LIGHT_SKU, STORY_LOCK_SKU, STORY_HELMET_SKU):
        lines.append(f"| {sku} | {by_sku[sku]['gtin']} | {by_sku[sku]['name']} |")
    return "\n".join(lines) + "\n"
