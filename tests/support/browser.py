"""A real headless browser for the tests of web pages: Debian's Chromium through selenium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


@contextmanager
def headless_chromium(lang: str = "ja") -> Iterator[webdriver.Chrome]:
    """Installed by scripts/bootstrap.sh (apt: chromium, chromium-driver)."""
    binary = shutil.which("chromium") or CHROMIUM
    driver_path = shutil.which("chromedriver") or DRIVER
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument(f"--lang={lang}")
    options.add_argument("--window-size=412,915")  # a phone: where a customer opens the link
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
