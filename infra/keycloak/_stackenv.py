"""Shared helpers for the infra/keycloak check scripts (stdlib + requests only)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path


def default_env_file() -> Path:
    state = os.environ.get("OTMETKA_STATE_DIR") or str(Path(__file__).resolve().parents[2] / ".run")
    return Path(state) / "stack.env"


def read_env_file(path: Path) -> dict[str, str]:
    """Reads KEY=VALUE lines (no quoting, no export) as written by infra/stack.sh."""
    values: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip()
    return values


def load_stack_env(env_file: str | None) -> dict[str, str]:
    """stack.env + the secrets file it names; the process environment wins over both."""
    path = Path(env_file) if env_file else default_env_file()
    if not path.exists():
        raise SystemExit(f"{path} not found: run infra/stack.sh up first")
    values = read_env_file(path)
    secrets = values.get("OTMETKA_SECRETS_FILE")
    if secrets and Path(secrets).exists():
        values.update(read_env_file(Path(secrets)))
    for key, value in os.environ.items():
        if key.startswith("OTMETKA_"):
            values[key] = value
    return values


def jwt_payload(token: str) -> dict:
    """Decodes a JWT payload WITHOUT verifying it (checks only; services must verify)."""
    part = token.split(".")[1]
    part += "=" * (-len(part) % 4)
    return json.loads(base64.urlsafe_b64decode(part))


class CheckFailed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)
