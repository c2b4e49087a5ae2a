"""The dashboard end to end in a real browser: `streamlit run` serves it, headless Chromium (Debian's
package, never a downloaded one) visits the four views and saves their screenshots to
target/dashboard_<view>.png, and the AI view's to docs/images/dashboard.png for the README.

Skipped without /usr/bin/chromium, unless SUPPORT_REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, sync_playwright

from dashboard.views import TITLE, VIEWS
from dbt_project_runner import PROJECT_DIR
from headless_chromium import CHROMIUM_ARGS, require_chromium

pytest_plugins = ["dashboard_fixtures"]
pytestmark = pytest.mark.browser

VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
SCREENSHOTS = PROJECT_DIR / "target"
README_IMAGE = PROJECT_DIR / "docs" / "images" / "dashboard.png"
README_VIEW = "AI"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit did not become healthy within {seconds:.0f}s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def server(chromium: Path, dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free local port, reading the test's copy of the marts."""
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard/app.py",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    env = {**os.environ, "DUCKDB_PATH": str(dashboard_db)}
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _settle(page: Page) -> None:
    """Wait for the script run to end and the charts to draw."""
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('canvas, svg'))",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(800)


def _full_page_screenshot(page: Page, path: Path) -> None:
    """Streamlit scrolls inside its main block: grow the viewport to it so the screenshot holds the page."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], int(height))})
    page.wait_for_timeout(800)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


def test_every_view_in_a_browser(chromium: Path, server: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(server, wait_until="domcontentloaded")
            page.get_by_role("heading", name=TITLE).wait_for(timeout=TIMEOUT_MS)
            _settle(page)
            sidebar = page.get_by_test_id("stSidebar")
            for name, view in VIEWS.items():
                sidebar.get_by_text(name, exact=True).click()
                header = page.get_by_role("heading", name=view.header)
                header.wait_for(timeout=TIMEOUT_MS)
                _settle(page)
                assert header.is_visible()
                assert page.get_by_test_id("stException").count() == 0, f"{name}: an exception is shown"
                assert page.get_by_text("Active signals", exact=False).count() > 0
                assert page.get_by_test_id("stMetric").count() >= 4
                shot = SCREENSHOTS / f"dashboard_{name.lower()}.png"
                _full_page_screenshot(page, shot)
                assert shot.stat().st_size > 50_000
                if name == README_VIEW:
                    README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(shot, README_IMAGE)
        finally:
            browser.close()
