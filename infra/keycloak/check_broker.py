#!/usr/bin/env python3
"""Browser-less login through the Gosuslugi stand-in broker (realm otmetka, IdP 'gosuslugi').

For each stand-in user it runs the authorization-code flow of client otmetka-gateway with PKCE
and kc_idp_hint=gosuslugi, submits the stand-in login form, follows the redirects (without
following the final one to the gateway callback, where nothing listens), and fails if any other
page (review profile, account linking, e-mail verification, update profile, ...) shows up.
Then it exchanges the code and checks the claims of the otmetka tokens.

Usage: python3 infra/keycloak/check_broker.py [--env .run/stack.env] [--user ivanova ...]
Needs: requests. Exit status 0 when every check passes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import re
import secrets
import sys
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

import requests
from _stackenv import CheckFailed, expect, jwt_payload, load_stack_env

REDIRECT_URI = "http://127.0.0.1:58000/auth/callback"
STANDIN_PASSWORD = "Gosuslugi-2025!"

# What the stand-in users must arrive with in the otmetka tokens.
EXPECTED = {
    "ivanova": {"snils": "11223344595", "trusted": True, "given_name": "Мария", "family_name": "Иванова"},
    "petrov": {"snils": "12345678964", "trusted": True, "given_name": "Сергей", "family_name": "Петров"},
    "sidorova": {"snils": "34567890123", "trusted": False, "given_name": "Анна", "family_name": "Сидорова"},
}

FORM_RE = re.compile(r"<form\b[^>]*>", re.IGNORECASE | re.DOTALL)
ATTR_RE = re.compile(r'(\w[\w-]*)\s*=\s*"([^"]*)"', re.DOTALL)
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


class LoopbackSession(requests.Session):
    """Keycloak 26 marks its login cookies Secure (SameSite=None) even over plain HTTP. Browsers
    treat http://127.0.0.1 and http://localhost as secure contexts and send them back; Python's
    cookie jar does not, and Keycloak then answers HTTP 400 (event error 'cookie_not_found').
    This session drops the Secure flag of cookies set by loopback hosts, so they are sent back.
    (A cookie policy on session.cookies does not help: requests copies the jar per request.)"""

    def request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        response = super().request(*args, **kwargs)
        for cookie in self.cookies:
            if cookie.domain.lstrip(".") in LOOPBACK:
                cookie.secure = False
        return response


def new_session() -> requests.Session:
    return LoopbackSession()


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def login_form_action(page: str) -> str:
    """The action of the login form (the one with id kc-form-login if several)."""
    forms = [dict(ATTR_RE.findall(tag)) for tag in FORM_RE.findall(page)]
    expect(bool(forms), "no <form> on the stand-in login page")
    chosen = next((f for f in forms if f.get("id") == "kc-form-login"), forms[0])
    expect("action" in chosen, "login form without action")
    return html.unescape(chosen["action"])


def page_title(page: str) -> str:
    m = TITLE_RE.search(page)
    return html.unescape(m.group(1)).strip() if m else "?"


def follow(session: requests.Session, response: requests.Response, trail: list[str]) -> requests.Response | str:
    """Follows redirects by hand; returns the final gateway callback URL (str) or a 200 page."""
    for _ in range(20):
        if response.status_code in (301, 302, 303, 307, 308):
            location = urljoin(response.url, response.headers["Location"])
            trail.append(location.split("?")[0])
            if location.startswith("http://127.0.0.1:58000"):
                return location
            response = session.get(location, allow_redirects=False, timeout=30)
            continue
        return response
    raise CheckFailed("too many redirects")


def broker_login(env: dict[str, str], username: str) -> dict:
    base = env["OTMETKA_KEYCLOAK_URL"].rstrip("/")
    realm = env.get("OTMETKA_KEYCLOAK_REALM", "otmetka")
    client_id = env.get("OTMETKA_GATEWAY_CLIENT_ID", "otmetka-gateway")
    session = new_session()
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    params = {
        "client_id": client_id,
        "response_type": "code",
        "redirect_uri": REDIRECT_URI,
        "scope": "openid",
        "state": state,
        "nonce": secrets.token_urlsafe(16),
        "kc_idp_hint": "gosuslugi",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    trail: list[str] = []
    first = session.get(
        f"{base}/realms/{realm}/protocol/openid-connect/auth?{urlencode(params)}", allow_redirects=False, timeout=30
    )
    result = follow(session, first, trail)
    expect(not isinstance(result, str), "reached the gateway callback without any login form")
    assert isinstance(result, requests.Response)
    expect(result.status_code == 200, f"expected the stand-in login page, got HTTP {result.status_code} at {result.url}")
    expect(
        "/realms/gosuslugi-standin/" in result.url,
        f"expected the stand-in login page, got {page_title(result.text)!r} at {result.url}",
    )
    action = login_form_action(result.text)
    posted = session.post(
        action, data={"username": username, "password": STANDIN_PASSWORD, "credentialId": ""}, allow_redirects=False, timeout=30
    )
    result = follow(session, posted, trail)
    if not isinstance(result, str):
        raise CheckFailed(
            f"an extra page appeared after the stand-in login: HTTP {result.status_code} "
            f"{page_title(result.text)!r} at {result.url}"
        )
    query = parse_qs(urlparse(result).query)
    expect("error" not in query, f"callback carries an error: {query}")
    expect(query.get("state") == [state], "state mismatch on the callback")
    code = query.get("code", [""])[0]
    expect(bool(code), f"no code= on the callback: {result}")

    token = requests.post(
        f"{base}/realms/{realm}/protocol/openid-connect/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": client_id,
            "client_secret": env["OTMETKA_GATEWAY_CLIENT_SECRET"],
            "code_verifier": verifier,
        },
        timeout=30,
    )
    expect(token.status_code == 200, f"code exchange failed: HTTP {token.status_code} {token.text[:300]}")
    body = token.json()
    return {"access": jwt_payload(body["access_token"]), "id": jwt_payload(body["id_token"]), "trail": trail}


def check_user(env: dict[str, str], username: str) -> None:
    want = EXPECTED[username]
    tokens = broker_login(env, username)
    access, id_token = tokens["access"], tokens["id"]
    for claim in ("snils", "trusted"):
        expect(claim in access, f"access token lacks '{claim}'")
        expect(
            access[claim] == want[claim],
            f"access token {claim}={access[claim]!r} ({type(access[claim]).__name__}), want {want[claim]!r}",
        )
        expect(id_token.get(claim) == want[claim], f"id token {claim}={id_token.get(claim)!r}, want {want[claim]!r}")
    expect(isinstance(access["trusted"], bool), "trusted is not a JSON boolean")
    expect(
        "otmetka-api" in (access["aud"] if isinstance(access["aud"], list) else [access["aud"]]),
        f"aud lacks otmetka-api: {access['aud']}",
    )
    expect(access.get("given_name") == want["given_name"], f"given_name={access.get('given_name')!r}")
    expect(access.get("family_name") == want["family_name"], f"family_name={access.get('family_name')!r}")
    expect(
        str(access.get("preferred_username", "")).startswith("esia."),
        f"preferred_username={access.get('preferred_username')!r}, want esia.<stand-in sub>",
    )
    expect("email" not in access, "an e-mail arrived from the stand-in")
    print(
        f"OK  broker login {username}: code received with no intermediate page; "
        f"preferred_username={access['preferred_username']} snils={access['snils']} "
        f"trusted={access['trusted']!r} roles={access.get('realm_access', {}).get('roles')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", help="stack.env written by infra/stack.sh (default: <repo>/.run/stack.env)")
    parser.add_argument(
        "--user", action="append", choices=sorted(EXPECTED), help="stand-in user(s); default: ivanova and sidorova"
    )
    args = parser.parse_args()
    env = load_stack_env(args.env)
    failed = 0
    for username in args.user or ["ivanova", "sidorova"]:
        try:
            check_user(env, username)
        except (CheckFailed, requests.RequestException, KeyError) as exc:
            failed += 1
            print(f"FAIL broker login {username}: {exc}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
