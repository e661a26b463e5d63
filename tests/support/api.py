"""A thin client for the gateway's REST API and its browser login, used by end-to-end tests."""
import html
import re

import requests

from services.demo_seed import BASE, Api  # noqa: F401  (re-exported for tests)

FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"', re.S)


def browser_login(username: str, password: str, idp: str | None = None) -> requests.Response:
    """Logs in through the gateway's OIDC flow like a browser (following every redirect); returns the
    final response, whose session (resp.session) carries the gateway's cookie."""
    http = requests.Session()
    resp = http.get(f"{BASE}/login/start" + (f"?idp={idp}" if idp else ""), timeout=30)
    match = FORM_ACTION.search(resp.text)
    assert match, f"no login form at {resp.url}: {resp.status_code} {resp.text[:300]}"
    resp = http.post(html.unescape(match.group(1)), data={"username": username, "password": password}, timeout=30)
    resp.session = http
    return resp
