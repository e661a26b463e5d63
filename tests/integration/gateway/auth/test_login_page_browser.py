"""The login page in headless Chromium, served by gunicorn (gateway.wsgi) configured from the
environment like in production; keeps a screenshot in .run/screenshots/gateway-login.png."""
import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from services import topology
from tests.support import stack

pytestmark = pytest.mark.stack


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def gateway_url(tmp_path_factory):
    url = f"http://127.0.0.1:{free_port()}"
    own = {"OTMETKA_GATEWAY_SESSION_SECRET": "browser-test-session"}  # unless the launcher made one
    env = {**os.environ, **topology.process_env({**own, **stack.env()}), "OTMETKA_GATEWAY_PUBLIC_URL": url,
           "OTMETKA_GATEWAY_DB_URL": stack.deployed("gateway")}
    log = tmp_path_factory.mktemp("gateway") / "gunicorn.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", url.removeprefix("http://"),
                                 "gateway.wsgi:app"], cwd=topology.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or accepted but still importing the app
                pass
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_login_page_renders_in_chromium(gateway_url, chromium):
    page = chromium.new_page(locale="ru-RU")
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{gateway_url}/")  # anonymous: sent to the login page
    assert page.url == f"{gateway_url}/login?next=/"
    assert page.title() == "Вход — Отметка"
    assert page.locator("h1").inner_text() == "Вход в «Отметку»"
    staff, gosuslugi = page.get_by_role("link", name="Войти", exact=True), page.get_by_role("link", name="Войти через Госуслуги")
    assert staff.is_visible() and gosuslugi.is_visible()
    assert gosuslugi.get_attribute("href") == "/login/start?idp=gosuslugi"
    assert staff.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(31, 95, 191)"  # the stylesheet applies
    shots = topology.state_dir() / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "gateway-login.png"), full_page=True)

    with page.expect_response(lambda r: "/protocol/openid-connect/auth" in r.url):
        staff.click()  # the gateway sends the browser to Keycloak with PKCE
    assert "code_challenge_method=S256" in page.url
    assert not [text for text in console if "Content Security Policy" in text]  # the page's CSP broke nothing
    page.close()
