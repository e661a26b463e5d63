"""Test-wide fixtures: the running installation on the real stack, and a headless Chromium for pages."""
import os

import pytest

from services import deploy, launcher, topology
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def installation() -> dict[str, str]:
    """Deploys and starts every service and the gateway (no-op when already running)."""
    stack = topology.stack_env()
    deploy.main([])
    launcher.up()
    return stack


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright (its own browser downloads do not work here)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
