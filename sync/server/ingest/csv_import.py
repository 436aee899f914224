"""A retailer's first load from CSV files: products, stock, customers and orders, turned into
ingestion events and applied through the same batches and validation as the API's, so a file
row is accepted or refused exactly as the same event sent over HTTP would be.

Files are UTF-8 (with or without a BOM) or Shift_JIS (cp932, as Excel in Japan saves them).
The header names the columns (any order; unknown columns are an error, so a typo is not
silently dropped); `README.md` lists them. Times without a zone are Japan time; a row without
a time is as of the file's last change. A row's event id is a hash of its content and that
time: importing the same file again changes nothing, and a changed row is applied as an
update. Orders are one row per order line; rows with the same `order_id` make
one order. Every bad row is reported with its line number and the reason; the good rows are
kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from sync.protocol.ingest import EVENT_KINDS, IngestEvent
from sync.server.ingest.bulk import BATCH, apply_events, describe
from sync.server.ingest.identity import IngestRejected
from sync.server.integrations import IntegrationAuth

JST = timezone(timedelta(hours=9))
IDENTIFIERS = ("email", "phone", "loyalty_card", "online_account", "line_user_id")
NAMES = ("family_name", "given_name", "family_kana", "given_kana")
COLUMNS: dict[str, tuple[str, ...]] = {
    "products": (
        "sku",
        "jan",
        "name",
        "name_kana",
        "category",
        "brand",
        "price_jpy",
        "accessory_skus",
    ),
    "stock": ("store", "sku", "on_hand"),
    "customers": (*IDENTIFIERS, *NAMES, "birthday", "home_store", "updated_at"),
    "orders": (
        "order_id",
        "ordered_at",
        "channel",
        "status",
        "store",
        "pickup_store",
        *IDENTIFIERS,
        "sku",
        "jan",
        "quantity",
        "unit_price_jpy",
    ),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "products": ("sku", "jan", "name", "category", "price_jpy"),
    "stock": ("store", "sku", "on_hand"),
    "customers": (),
    "orders": ("order_id", "ordered_at", "quantity", "unit_price_jpy"),
}
# The order files are applied in: what later rows refer to comes first.
ORDER = ("products", "stock", "customers", "orders")


class CsvError(Exception):
    """The file itself cannot be read (not text, no header, unknown columns)."""


@dataclass
class Problem:
    line: int
    error: str
    reason: str


@dataclass
class FileReport:
    kind: str
    path: str
    rows: int = 0
    applied: int = 0
    duplicates: int = 0
    stale: int = 0
    waiting: int = 0
    problems: list[Problem] = field(default_factory=list)

    def lines(self) -> Iterator[str]:
        yield (
            f"{self.path} ({self.kind}): {self.rows} rows, {self.applied} applied, "
            f"{self.duplicates} already there, {self.stale} older than what is held, "
            f"{len(self.problems)} refused"
        )
        for p in sorted(self.problems, key=lambda p: p.line):
            yield f"  line {p.line}: {p.error}: {p.reason}"


def read_rows(path: Path, kind: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for every data row; CsvError for a file that cannot be read."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CsvError("the file is neither UTF-8 nor Shift_JIS text")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise CsvError("the file has no header row")
    unknown = [h for h in header if h not in COLUMNS[kind]]
    if unknown:
        raise CsvError(f"unknown columns for {kind}: {', '.join(unknown)}")
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise CsvError(f"missing columns for {kind}: {', '.join(missing)}")
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, {"__extra__": "1"}))
            continue
        cleaned = {k: (v or "").strip() for k, v in row.items()}
        if any(cleaned.values()):
            rows.append((reader.line_num, cleaned))
    return rows


def parse_time(value: str) -> str:
    """ISO 8601, `2026/11/01 10:00[:00]` or a date; Japan time when no zone is given."""
    text = value.strip().replace("/", "-")
    if not text:
        raise ValueError("a time is needed")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("not a date and time (2026-11-01 10:00)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JST)
    return moment.isoformat()


def _event_id(kind: str, rows: Iterable[dict[str, str]], as_of: str) -> str:
    digest = hashlib.sha256(
        json.dumps([as_of, *rows], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    return f"csv:{kind}:{digest[:40]}"


def _customer(row: dict[str, str]) -> dict[str, str]:
    return {k: row[k] for k in (*IDENTIFIERS, *NAMES) if row.get(k)}


def _event(kind: str, rows: list[dict[str, str]], source: str, now: str) -> dict[str, Any]:
    """`now`: the time of rows that carry none (the file's modification time)."""
    first = rows[0]
    base: dict[str, Any] = {"source": source, "event_id": _event_id(kind, rows, now)}
    if kind == "products":
        accessories = first.get("accessory_skus", "").replace(";", " ").split()
        return {
            **base,
            "kind": "product",
            "occurred_at": now,
            "product": {
                **{k: first[k] for k in ("sku", "jan", "name", "category", "price_jpy")},
                "name_kana": first.get("name_kana", ""),
                "brand": first.get("brand", ""),
                "accessory_skus": accessories,
            },
        }
    if kind == "stock":
        return {
            **base,
            "kind": "stock",
            "occurred_at": now,
            "stock": {"store": first["store"], "sku": first["sku"], "on_hand": first["on_hand"]},
        }
    if kind == "customers":
        profile: dict[str, Any] = {}
        if first.get("birthday"):
            profile["birthday"] = first["birthday"].replace("/", "-")
        if first.get("home_store"):
            profile["home_store"] = first["home_store"]
        at = parse_time(first["updated_at"]) if first.get("updated_at") else now
        return {
            **base,
            "kind": "customer",
            "occurred_at": at,
            "customer": _customer(first),
            "profile": profile,
        }
    channel = first.get("channel") or ("store" if first.get("store") else "online")
    order: dict[str, Any] = {
        "order_id": first["order_id"],
        "channel": channel,
        "status": first.get("status") or "completed",
        "lines": [
            {
                **({"sku": r["sku"]} if r.get("sku") else {"jan": r.get("jan", "")}),
                "quantity": r["quantity"],
                "unit_price_jpy": r["unit_price_jpy"],
            }
            for r in rows
        ],
    }
    for key in ("store", "pickup_store"):
        if first.get(key):
            order[key] = first[key]
    return {
        **base,
        "kind": "pos.sale" if channel == "store" else "order",
        "occurred_at": parse_time(first["ordered_at"]),
        "customer": _customer(first),
        "order": order,
    }


def _groups(
    kind: str, rows: list[tuple[int, dict[str, str]]]
) -> list[list[tuple[int, dict[str, str]]]]:
    if kind != "orders":
        return [[r] for r in rows]
    by_order: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in rows:
        by_order.setdefault(row.get("order_id", "") or f"#{number}", []).append((number, row))
    return list(by_order.values())


def _line_of(exc: ValidationError, group: list[tuple[int, dict[str, str]]]) -> int:
    """The CSV line an error is on: an order's n-th line is the group's n-th row."""
    for err in exc.errors(include_input=False):
        loc = err.get("loc", ())
        at = loc[2] if len(loc) >= 3 and loc[:2] == ("order", "lines") else None
        if isinstance(at, int) and at < len(group):
            return group[at][0]
    return group[0][0]


def import_file(
    engine: Engine,
    auth: IntegrationAuth,
    kind: str,
    path: Path,
    publish: Callable[[Iterable[str]], None] = lambda _buckets: None,
) -> FileReport:
    report = FileReport(kind, str(path))
    rows = read_rows(path, kind)
    report.rows = len(rows)
    # Rows without a time of their own are as of the file's last change: the same file again
    # is the same events (duplicates); a file saved again is applied again.
    now = datetime.fromtimestamp(int(path.stat().st_mtime), tz=JST).isoformat()
    pending: list[tuple[int, IngestEvent]] = []
    for group in _groups(kind, rows):
        number = group[0][0]
        if any("__extra__" in row for _, row in group):
            report.problems.append(Problem(number, "invalid_row", "more fields than columns"))
            continue
        try:
            event = IngestEvent.model_validate(
                _event(kind, [r for _, r in group], auth.source, now)
            )
        except ValidationError as exc:
            report.problems.append(Problem(_line_of(exc, group), "invalid_row", describe(exc)))
            continue
        except ValueError as exc:
            report.problems.append(Problem(number, "invalid_row", str(exc)))
            continue
        pending.append((number, event))
        if len(pending) >= BATCH:
            _apply(engine, auth, pending, report, publish)
            pending = []
    if pending:
        _apply(engine, auth, pending, report, publish)
    return report


def _apply(
    engine: Engine,
    auth: IntegrationAuth,
    pending: list[tuple[int, IngestEvent]],
    report: FileReport,
    publish: Callable[[Iterable[str]], None],
) -> None:
    results = apply_events(engine, auth, [e for _, e in pending], publish)
    for (number, _event), result in zip(pending, results, strict=True):
        if isinstance(result, IngestRejected):
            report.problems.append(Problem(number, result.code, result.reason))
        elif result.outcome == "applied":
            report.applied += 1
        elif result.outcome == "duplicate":
            report.duplicates += 1
        elif result.outcome == "stale":
            report.stale += 1
        else:
            report.waiting += 1


def importer_auth(source: str, home_store_id: str | None) -> IntegrationAuth:
    """The first load is the retailer's own: every kind, and it makes profiles."""
    return IntegrationAuth(
        credential_id="csv-import",
        source=source,
        kinds=frozenset(EVENT_KINDS),
        creates_customers=True,
        home_store_id=home_store_id,
    )
