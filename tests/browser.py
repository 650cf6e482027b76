"""Headless Chromium for the UI tests and the README screenshot: Debian's chromium + chromium-driver via Selenium."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver")


def find_browser() -> tuple[str, str] | str:
    """(browser, driver) paths, or the reason none can be had."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    browser = next((p for p in (shutil.which(n) for n in CHROMIUM) if p), None)
    driver = next((p for p in (shutil.which(n) or (n if Path(n).is_file() else None) for n in DRIVERS) if p), None)
    if browser is None or driver is None:
        return "no headless Chromium here: apt-get install -y chromium chromium-driver (.ci/run does it as root)"
    return browser, driver


def start_browser(width: int = 1400, height: int = 1800) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if isinstance(found, str):
        raise RuntimeError(found)
    browser, driver = found
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.binary_location = browser
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


def open_ui(driver: Any, url: str, timeout: float = 60) -> None:
    """Load the page and wait until its script says it is ready (or failed)."""
    driver.get(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = driver.execute_script("return document.body.dataset.ready")
        if state == "1":
            return
        if state == "error":
            raise AssertionError(f"the UI failed to load: {driver.find_element('id', 'stats').text}")
        time.sleep(0.1)
    raise AssertionError("the UI did not finish loading")


def wait_for(driver: Any, script: str, timeout: float = 20) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")
