"""Browser-like logins through the gateway for end-to-end tests (the REST client is services.tooling.api_client.Api)."""
import importlib
import re
import sys
from urllib.parse import urljoin

import requests

from services import topology
from services.tooling.api_client import BASE, Api  # noqa: F401  (re-exported for tests)
from services.tooling.http import retrying


def check_broker():
    """infra/keycloak/check_broker.py: how a login through Keycloak (and its broker) is scripted with requests."""
    path = str(topology.ROOT / "infra" / "keycloak")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("check_broker")


def browser_login(username: str, password: str, idp: str | None = None, consent: bool = True) -> requests.Response:
    """Logs in through the gateway's OIDC flow like a browser (following every redirect; Keycloak's login first,
    then its password page where the realm asks them one after the other); returns the final response, whose session
    (resp.session) carries the gateway's cookie. A person asked for the consent to the processing of personal data at
    sign-in (a guardian, issue 14) accepts it, as the guardian would, unless `consent` is False (then the response is
    the consent page)."""
    broker = check_broker()
    http = retrying(broker.new_session())
    resp = follow(http, http.get(f"{BASE}/login/start" + (f"?idp={idp}" if idp else ""), allow_redirects=False,
                                 timeout=30))
    assert resp.status_code == 200, f"no login page at {resp.url}: {resp.status_code} {resp.text[:300]}"
    resp = follow(http, http.post(broker.login_form_action(resp.text), allow_redirects=False, timeout=30,
                                  data={"username": username, "password": password}))
    if 'id="kc-form-login"' in resp.text and 'name="password"' in resp.text:  # the realm asks the login first
        resp = follow(http, http.post(broker.login_form_action(resp.text), allow_redirects=False, timeout=30,
                                      data={"password": password}))
    if consent and resp.url.endswith("/consent"):
        resp = accept_consent(http, resp)
    resp.session = http
    return resp


def accept_consent(http: requests.Session, page: requests.Response) -> requests.Response:
    """Accepts the consent shown on the gateway's consent page (its form's CSRF token and version)."""
    form = {name: re.search(rf'name="{name}" value="([^"]*)"', page.text)[1] for name in ("csrf_token", "version")}
    return follow(http, http.post(f"{BASE}/consent", data={**form, "decision": "accept"}, allow_redirects=False,
                                  timeout=30))


def follow(http: requests.Session, resp: requests.Response) -> requests.Response:
    """Follows redirects one hop at a time, so that the session's cookie fix-up runs between hops."""
    for _ in range(20):
        if not resp.is_redirect:
            return resp
        resp = http.get(urljoin(resp.url, resp.headers["Location"]), allow_redirects=False, timeout=30)
    raise AssertionError("too many redirects")


def with_csrf(session: requests.Session) -> requests.Session:
    """A logged-in browser session that also sends its CSRF token (read from a page, as a script on it would),
    so that its writes are judged on their rights, not refused as cross-site."""
    page = session.get(f"{BASE}/", timeout=30).text
    session.headers["X-CSRF-Token"] = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    return session
