#!/usr/bin/env python3
"""Checks the otmetka realm's clients against a running stack (infra/stack.sh up).

(a) password grant for 'operator' on otmetka-gateway: aud has otmetka-api, realm_access.roles has
    authority_operator, access token lifespan 15 minutes;
(b) client_credentials for otmetka-identity: the token may list organizations, create a user,
    give it a realm role, create an organization, add the user as a member, and delete both;
(c) client_credentials for otmetka-services (every other service): a service token that may not
    administer anything (403 on users and organizations).

Usage: python3 infra/keycloak/check_realm.py [--env .run/stack.env]
"""

from __future__ import annotations

import argparse
import secrets
import sys

import requests
from _stackenv import CheckFailed, expect, jwt_payload, load_stack_env


def token(base: str, realm: str, data: dict) -> dict:
    r = requests.post(f"{base}/realms/{realm}/protocol/openid-connect/token", data=data, timeout=30)
    expect(r.status_code == 200, f"token request ({data['grant_type']}) failed: HTTP {r.status_code} {r.text[:300]}")
    return r.json()


def check_operator(env: dict[str, str], base: str, realm: str) -> None:
    body = token(
        base,
        realm,
        {
            "grant_type": "password",
            "client_id": env.get("OTMETKA_GATEWAY_CLIENT_ID", "otmetka-gateway"),
            "client_secret": env["OTMETKA_GATEWAY_CLIENT_SECRET"],
            "username": env.get("OTMETKA_OPERATOR_USER", "operator"),
            "password": env["OTMETKA_OPERATOR_PASSWORD"],
            "scope": "openid",
        },
    )
    claims = jwt_payload(body["access_token"])
    aud = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    expect("otmetka-api" in aud, f"aud={aud}")
    roles = claims.get("realm_access", {}).get("roles", [])
    expect("authority_operator" in roles, f"realm_access.roles={roles}")
    expect(claims["exp"] - claims["iat"] == 900, f"access token lifespan {claims['exp'] - claims['iat']}s, want 900")
    print(f"OK  (a) operator password grant: aud={aud} roles has authority_operator, lifespan 900s")


def service_session(env: dict[str, str], base: str, realm: str, client: str) -> requests.Session:
    """A session with a client-credentials token of `client` ("SERVICES" or "IDENTITY"), checked to be a
    service token for the API."""
    body = token(
        base,
        realm,
        {
            "grant_type": "client_credentials",
            "client_id": env[f"OTMETKA_{client}_CLIENT_ID"],
            "client_secret": env[f"OTMETKA_{client}_CLIENT_SECRET"],
        },
    )
    claims = jwt_payload(body["access_token"])
    expect("otmetka-api" in claims.get("aud", []), f"{client} token aud={claims.get('aud')}")
    expect("service" in claims.get("realm_access", {}).get("roles", []), f"{client} token lacks realm role 'service'")
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {body['access_token']}"
    return s


def check_services(env: dict[str, str], base: str, realm: str) -> None:
    s = service_session(env, base, realm, "SERVICES")
    admin = f"{base}/admin/realms/{realm}"
    for path in ("users", "organizations"):
        r = s.get(f"{admin}/{path}", timeout=30)
        expect(r.status_code == 403, f"otmetka-services may read {path}: HTTP {r.status_code}")
    print("OK  (c) otmetka-services client_credentials: a service token without any administration right")


def check_identity(env: dict[str, str], base: str, realm: str) -> None:
    s = service_session(env, base, realm, "IDENTITY")
    admin = f"{base}/admin/realms/{realm}"

    r = s.get(f"{admin}/organizations", timeout=30)
    expect(r.status_code == 200, f"GET organizations: HTTP {r.status_code} {r.text[:200]}")

    suffix = secrets.token_hex(4)
    r = s.post(
        f"{admin}/users",
        json={
            "username": f"check-{suffix}",
            "enabled": True,
            "firstName": "Проверка",
            "lastName": "Стенда",
            "attributes": {"snils": ["00000000000"]},
        },
        timeout=30,
    )
    expect(r.status_code == 201, f"create user: HTTP {r.status_code} {r.text[:200]}")
    user_id = r.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    org_id = None
    try:
        role = s.get(f"{admin}/roles/student", timeout=30)
        expect(role.status_code == 200, f"GET role student: HTTP {role.status_code}")
        r = s.post(f"{admin}/users/{user_id}/role-mappings/realm", json=[role.json()], timeout=30)
        expect(r.status_code == 204, f"assign realm role: HTTP {r.status_code} {r.text[:200]}")
        u = s.get(f"{admin}/users/{user_id}", timeout=30).json()
        expect(u.get("attributes", {}).get("snils") == ["00000000000"], f"unmanaged attribute not kept: {u.get('attributes')}")

        r = s.post(
            f"{admin}/organizations",
            json={"name": f"check-school-{suffix}", "enabled": True, "domains": [{"name": f"check-{suffix}.otmetka.local"}]},
            timeout=30,
        )
        expect(r.status_code == 201, f"create organization: HTTP {r.status_code} {r.text[:200]}")
        org_id = r.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
        r = s.post(
            f"{admin}/organizations/{org_id}/members", data=user_id, headers={"Content-Type": "application/json"}, timeout=30
        )
        expect(r.status_code == 201, f"add organization member: HTTP {r.status_code} {r.text[:200]}")
    finally:
        if org_id:
            r = s.delete(f"{admin}/organizations/{org_id}", timeout=30)
            expect(r.status_code == 204, f"delete organization: HTTP {r.status_code}")
        r = s.delete(f"{admin}/users/{user_id}", timeout=30)
        expect(r.status_code == 204, f"delete user: HTTP {r.status_code}")
    print("OK  (b) otmetka-identity client_credentials: list/create/delete organizations, create/role/delete users")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", help="stack.env written by infra/stack.sh (default: <repo>/.run/stack.env)")
    args = parser.parse_args()
    env = load_stack_env(args.env)
    base = env["OTMETKA_KEYCLOAK_URL"].rstrip("/")
    realm = env.get("OTMETKA_KEYCLOAK_REALM", "otmetka")
    failed = 0
    for check in (check_operator, check_identity, check_services):
        try:
            check(env, base, realm)
        except (CheckFailed, requests.RequestException, KeyError) as exc:
            failed += 1
            print(f"FAIL {check.__name__}: {exc}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
