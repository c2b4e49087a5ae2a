"""Debian's Chromium for the browser tests, never a downloaded one: where it is, how it starts
(headless, no sandbox as root, no background networking: this machine's network is closed), and
what happens without it (skip, or fail when SUPPORT_REQUIRE_BROWSER=1, as make test sets)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def require_chromium() -> Path:
    """The browser's path; skips (or fails, with SUPPORT_REQUIRE_BROWSER=1) without it."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"no browser at {CHROMIUM} (scripts/ensure_chromium.sh installs Debian's chromium package)"
    if os.environ.get("SUPPORT_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"{message}; SUPPORT_REQUIRE_BROWSER=1: install Debian's chromium package (apt-get install chromium)"
        )
    pytest.skip(message)
