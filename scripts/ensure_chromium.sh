#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the dashboard's browser test
# (tests/python/test_dashboard_browser.py). Installs the `chromium` package with apt-get when
# running as root; never downloads a browser otherwise. Never fails its caller: without a browser
# it prints a warning and exits 0, and the test decides (it skips, or fails when
# SUPPORT_REQUIRE_BROWSER=1).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

version() {
    # Debian's wrapper script may print shell noise on stderr; the version is on stdout.
    "$CHROMIUM" --version 2>/dev/null || echo "(version unknown)"
}

if [[ -x "$CHROMIUM" ]]; then
    echo "ensure_chromium: found $(version) at $CHROMIUM"
    exit 0
fi

if [[ "${EUID}" -ne 0 ]]; then
    echo "ensure_chromium: WARNING: no $CHROMIUM and not root; install it with: sudo apt-get install chromium" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: WARNING: no $CHROMIUM and no apt-get here; install Debian's chromium package" >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure_chromium: installing Debian's chromium package"
if apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; then
    if [[ -x "$CHROMIUM" ]]; then
        echo "ensure_chromium: installed $(version) at $CHROMIUM"
        exit 0
    fi
    echo "ensure_chromium: WARNING: apt-get installed chromium but $CHROMIUM is missing" >&2
else
    echo "ensure_chromium: WARNING: apt-get could not install chromium; the browser test will skip (or fail with SUPPORT_REQUIRE_BROWSER=1)" >&2
fi
exit 0
