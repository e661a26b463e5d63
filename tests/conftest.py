"""Test-wide fixtures: the running installation on the real stack, and a headless Chromium for pages; the one
exception to the random test order (a test marked `last`)."""
import os

import pytest

from services import deploy, launcher, topology
from services.tooling import dev_tls
from tests.support import stack
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session", autouse=True)
def our_certificates(tmp_path_factory):
    """OTMETKA_TLS_CA, _CERT and _KEY for the gRPC servers and channels the tests make in-process (they take and
    speak mutual TLS only, services.common.grpc_tls): the stack's development CA when there is a stack (its running
    services trust no other), else one of their own."""
    try:
        tls = stack.our_certificates()
    except (RuntimeError, KeyError):
        directory = dev_tls.ensure(tmp_path_factory.mktemp("tls"))
        tls = dict(zip(stack.TLS_FILES, (str(directory / name) for name in ("ca.crt", "otmetka.crt", "otmetka.key")),
                       strict=True))
    with pytest.MonkeyPatch.context() as patch:
        for name, path in tls.items():
            patch.setenv(name, os.environ.get(name, path))
        yield


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
        watch_csp(browser)
        yield browser
        browser.close()


def watch_csp(browser) -> None:
    """Every page opened in `browser` (directly or in a context) reports the Content-Security-Policy violations its
    console logs into browser.csp_violations; `no_csp_violation` fails the test that caused one."""
    browser.csp_violations = []
    new_context, new_page = browser.new_context, browser.new_page

    def watch(page):
        page.on("console", lambda message: "Content Security Policy" in message.text
                and browser.csp_violations.append(f"{page.url}: {message.text}"))
        return page

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.on("page", watch)
        return context

    browser.new_context = watched_context
    browser.new_page = lambda *args, **kwargs: watch(new_page(*args, **kwargs))


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """A test in Chromium must leave no CSP violation in any page's console (the gateway's pages have no inline script
    or style: docs/gateway.md "Headers")."""
    yield
    if "chromium" in request.fixturenames:
        browser = request.getfixturevalue("chromium")
        violations, browser.csp_violations[:] = list(browser.csp_violations), []
        assert violations == []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test marked `last` checks what the other tests of its module left behind (nothing of school A changed after
    every probe): it runs after them, whatever the random order. pytest-randomly shuffles before this hook runs."""
    for item in [item for item in items if item.get_closest_marker("last")]:
        items.remove(item)
        end = max((n for n, other in enumerate(items) if other.module is item.module), default=len(items) - 1)
        items.insert(end + 1, item)
