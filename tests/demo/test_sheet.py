"""The printed demo cheat sheet lists working logins and scannable story barcodes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from clienteling.domain.barcode import LoyaltyCardScan, ProductScan, parse_scan
from sync.server.demo import DEMO_LOGINS, STORY_BIKE_CUSTOMER_ID, generate
from sync.server.demo.sheet import demo_sheet

REPO = Path(__file__).resolve().parents[2]


def test_sheet_lists_every_login_with_its_pin_and_badge() -> None:
    sheet = demo_sheet()
    badges = {m.data["code"]: m.badge for m in generate(customers=0).staff}
    for store_name, role, code, pin in DEMO_LOGINS:
        assert f"| {store_name} | {role} | {code} | {pin} | {badges[code]} |" in sheet


def test_sheet_barcodes_scan_as_the_story_card_and_products() -> None:
    sheet = demo_sheet()
    chain = generate(customers=2)
    bike_customer = next(c for c in chain.iter_customers() if c["id"] == STORY_BIKE_CUSTOMER_ID)
    assert f"| {bike_customer['loyalty_card']} |" in sheet
    codes = re.findall(r"\| (\d{13}) \|", sheet.split("## Story customers")[1])
    scans = [parse_scan(code) for code in codes]
    assert sum(isinstance(s, LoyaltyCardScan) for s in scans) == 2
    assert sum(isinstance(s, ProductScan) for s in scans) == 4


def test_module_prints_the_sheet() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.demo"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout == demo_sheet()
