"""The docs site `make docs` writes (dbt docs generate --static) is one file that works offline:
headless Chromium opens it from disk with every network request refused and shows the marts,
their columns, the exposures and the lineage.

Reads target/static_index.html, which `make test` writes before pytest runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, sync_playwright

from dbt_project_runner import PROJECT_DIR
from headless_chromium import CHROMIUM_ARGS, require_chromium

pytestmark = pytest.mark.browser

SITE = PROJECT_DIR / "target" / "static_index.html"
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def chromium() -> Path:
    return require_chromium()


@pytest.fixture(scope="module")
def site() -> Path:
    if not SITE.exists():
        pytest.fail(f"{SITE} is missing: run `make docs` (make test does) before this test")
    return SITE


def shown(page: Page, text: str) -> None:
    """Wait until the rendered page shows `text`."""
    page.wait_for_function("text => document.body.innerText.includes(text)", arg=text, polling=500, timeout=TIMEOUT_MS)


def test_the_static_site_renders_offline(chromium: Path, site: Path, tmp_path: Path) -> None:
    refused: list[str] = []

    def refuse(route: Route) -> None:
        refused.append(route.request.url)
        route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("http://**/*", refuse)
            page.route("https://**/*", refuse)
            page.goto(f"{site.as_uri()}#!/model/model.support_metrics.dim_metrics", timeout=TIMEOUT_MS)
            shown(page, "The metric catalog as a mart")
            shown(page, "threshold_scope")
            page.goto(f"{site.as_uri()}#!/exposure/exposure.support_metrics.support_dashboard", timeout=TIMEOUT_MS)
            shown(page, "The Streamlit app in dashboard/")
            page.screenshot(path=str(tmp_path / "docs_site.png"))
        finally:
            browser.close()
    # The page may try to reach the network (fonts, telemetry); it rendered without it.
    assert all(not url.startswith("file:") for url in refused)
