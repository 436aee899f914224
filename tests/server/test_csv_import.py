"""A retailer's first load: `python -m sync.server import` with CSV files of products, stock,
customers and orders (SQLite and PostgreSQL, the real command in its own process). Bad rows
are reported by line number and the good ones are in; importing again changes nothing; the
rows reach a store's terminal by sync like any other change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from sync.server.db import read_session
from sync.server.models import Customer, Inventory, Order, Product
from sync.server.runner import ServerThread
from tests.server.authorship_helpers import device, signed_in
from tests.server.chain import SHIBUYA
from tests.server.ingest_helpers import bearer, credential

ROOT = Path(__file__).resolve().parents[2]

PRODUCTS = """sku,jan,name,name_kana,category,brand,price_jpy,accessory_skus
BELL-1,4900000000046,サイクルベル,さいくるべる,accessory,Demo,1200,
PUMP-1,4900000000053,携帯ポンプ,けいたいぽんぷ,accessory,Demo,2400,BELL-1
KIT-1,4900000000060,工具セット,,no-such-category,Demo,3000,
BAD-1,4900000000077,値段なし,,accessory,Demo,abc,
"""
STOCK = """store,sku,on_hand
S001,BELL-1,12
S001,PUMP-1,4
S009,BELL-1,3
S001,NOPE-1,3
S001,PUMP-1,-2
"""
CUSTOMERS = (
    "family_name,given_name,family_kana,given_kana,email,phone,loyalty_card,birthday,home_store\n"
    """佐藤,花子,さとう,はなこ,hanako@example.jp,090-1111-0001,2900000000017,1991/04/05,S001
山田,,,,C0@example.jp,,,,
名無し,,,,,,,,
鈴木,一郎,すずき,いちろう,ichiro@example.jp,,,1985-13-40,S001
"""
)
ORDERS = (
    "order_id,ordered_at,channel,status,store,email,loyalty_card,sku,jan,quantity,unit_price_jpy\n"
    """R-1,2026/11/20 14:05,store,completed,S001,,2900000000017,BELL-1,,1,1200
R-1,2026/11/20 14:05,store,completed,S001,,2900000000017,,4900000000053,1,2400
W-7,2026-11-21T21:30:00+09:00,online,paid,,hanako@example.jp,,PUMP-1,,2,2400
W-8,2026-11-22 09:00,online,paid,,hanako@example.jp,,PUMP-1,,zero,2400
W-9,2026-11-22 10:00,online,paid,,nobody@example.jp,,BELL-1,,1,1200
"""
)


def _run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sync.server", "import", "--database-url", database_url, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _files(folder: Path) -> list[str]:
    args = []
    for kind, text in (
        ("products", PRODUCTS),
        ("stock", STOCK),
        ("customers", CUSTOMERS),
        ("orders", ORDERS),
    ):
        path = folder / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        args += [f"--{kind}", str(path)]
    return args


def test_csv_files_load_with_bad_rows_reported_by_line(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    files = _files(tmp_path)
    done = _run(database_url, *files)
    assert done.returncode == 1, done.stdout + done.stderr  # some rows refused, the rest in
    out = done.stdout
    assert "products.csv (products): 4 rows, 2 applied" in out
    assert "line 4: unknown_category" in out and "line 5: invalid_row: product.price_jpy" in out
    assert "stock.csv (stock): 5 rows, 2 applied" in out
    assert "line 4: unknown_store" in out and "line 5: unknown_product" in out
    assert "line 6: invalid_row: stock.on_hand" in out
    assert "customers.csv (customers): 4 rows, 2 applied" in out
    assert "line 4: invalid_row: customer" in out  # no identifier
    assert "line 5: invalid_row: profile.birthday" in out
    assert "orders.csv (orders): 5 rows, 2 applied" in out  # R-1 is one order of two rows
    assert "line 5: invalid_row: order.lines.0.quantity" in out
    # A new person online, and no store to make their profile in (no --home-store).
    assert "line 6: unknown_customer" in out and "no store" in out
    assert "hanako" not in out and "090-1111" not in out  # never the values
    with read_session(engine) as session:
        pump = session.get(Product, "PUMP-1")
        assert pump is not None and pump.name == "携帯ポンプ"
        stock = session.get(Inventory, (SHIBUYA, "BELL-1"))
        assert stock is not None and stock.on_hand == 12
        hanako = session.execute(
            select(Customer).where(Customer.email == "hanako@example.jp")
        ).scalar_one()
        assert hanako.phone == "+819011110001" and str(hanako.birthday) == "1991-04-05"
        assert hanako.home_store_id == SHIBUYA
        sale = session.execute(select(Order).where(Order.external_id == "R-1")).scalar_one()
        assert sale.customer_id == hanako.id and sale.channel == "store"
        assert int(sale.total_jpy) == 3600
    # The same files again: nothing changes.
    again = _run(database_url, *files)
    assert "products.csv (products): 4 rows, 0 applied, 2 already there" in again.stdout
    assert "orders.csv (orders): 5 rows, 0 applied, 2 already there" in again.stdout


def test_a_shift_jis_file_and_unreadable_files(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    sjis = tmp_path / "customers-sjis.csv"
    sjis.write_bytes("family_name,given_name,email\n高橋,美穂,miho@example.jp\n".encode("cp932"))
    done = _run(database_url, "--home-store", "S001", "--customers", str(sjis))
    assert done.returncode == 0, done.stdout + done.stderr
    with read_session(engine) as session:
        miho = session.execute(
            select(Customer).where(Customer.email == "miho@example.jp")
        ).scalar_one()
        assert (miho.family_name, miho.given_name) == ("高橋", "美穂")
    typo = tmp_path / "typo.csv"
    typo.write_text("family_nmae,email\n田中,t@example.jp\n", encoding="utf-8")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    bad = _run(database_url, "--customers", str(typo), "--orders", str(binary))
    assert bad.returncode == 2
    assert "unknown columns for customers: family_nmae" in bad.stdout
    assert "binary.csv (orders): not imported" in bad.stdout


@pytest.mark.parametrize("kind", ["product", "stock", "customer"])
def test_catalog_and_profile_events_reach_the_terminals(server: ServerThread, kind: str) -> None:
    http = httpx.Client(base_url=server.base_url, timeout=60)
    erp = credential(http, "erp", kinds=["product", "stock", "customer"])
    till = signed_in(http, device(http, SHIBUYA, "M001"), "A001")
    till.pull_all()
    event: dict[str, object] = {"source": "erp", "event_id": f"{kind}-1", "kind": kind}
    event["occurred_at"] = "2030-01-01T00:00:00Z"
    if kind == "product":
        event["product"] = {
            "sku": "HELMET-1",
            "jan": "4900000000022",
            "name": "ヘルメット 改",
            "category": "accessory",
            "price_jpy": "7200",
            "accessory_skus": ["LIGHT-1"],
        }
    elif kind == "stock":
        event["stock"] = {"store": "S001", "sku": "LIGHT-1", "on_hand": 42}
    else:
        event["customer"] = {"email": "c0@example.jp", "given_name": "次郎"}
        event["profile"] = {"birthday": "1990-02-03"}
    sent = http.post("/v1/ingest/events", json=event, headers=bearer(erp["token"]))
    assert sent.status_code == 200, sent.text
    till.pull_all()
    if kind == "product":
        product = till.entities("product")["HELMET-1"]
        assert product["name"] == "ヘルメット 改" and product["price_jpy"] == "7200"
        assert product["accessory_skus"] == ["LIGHT-1"]
    elif kind == "stock":
        assert till.entities("inventory")[f"{SHIBUYA}:LIGHT-1"]["on_hand"] == 42
    else:
        profile = next(
            c for c in till.entities("customer").values() if c["email"] == "c0@example.jp"
        )
        assert profile["given_name"] == "次郎" and profile["birthday"] == "1990-02-03"
