"""What the benchmark scripts share: where their files live, Keycloak tokens that refresh themselves,
and latency statistics."""
import json
import math
import pathlib
import threading
import time

import requests

from services import topology

BASE = f"http://127.0.0.1:{topology.GATEWAY_PORT}"


def bench_dir() -> pathlib.Path:
    """.run/bench/: seeded ids and passwords, results, profiles (never committed)."""
    path = topology.state_dir() / "bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(path: pathlib.Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    path.chmod(0o600)


class Token:
    """A password-grant access token, fetched again shortly before it expires (thread-safe)."""

    MARGIN = 30.0  # seconds before expiry when a new token is fetched

    def __init__(self, stack: dict[str, str], username: str, password: str):
        self.url = f"{stack['OTMETKA_KEYCLOAK_URL']}/realms/{stack['OTMETKA_KEYCLOAK_REALM']}/protocol/openid-connect/token"
        self.form = {"grant_type": "password", "client_id": stack["OTMETKA_GATEWAY_CLIENT_ID"],
                     "client_secret": stack["OTMETKA_GATEWAY_CLIENT_SECRET"], "username": username,
                     "password": password, "scope": "openid"}
        self.lock = threading.Lock()
        self.value, self.expires = "", 0.0
        self.refreshes = 0

    def header(self) -> dict[str, str]:
        with self.lock:
            if time.monotonic() > self.expires - self.MARGIN:
                resp = requests.post(self.url, data=self.form, timeout=15)
                resp.raise_for_status()
                body = resp.json()
                self.value, self.expires = body["access_token"], time.monotonic() + float(body["expires_in"])
                self.refreshes += 1
            return {"Authorization": f"Bearer {self.value}"}


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list (p in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(latencies: list[float], errors: int, seconds: float) -> dict:
    """Throughput (successful requests per second) and p50/p95/p99/max in milliseconds."""
    ordered = sorted(latencies)
    ms = {f"p{p}": round(percentile(ordered, p) * 1000, 1) for p in (50, 95, 99)}
    return {"ok": len(ordered), "errors": errors, "rps": round(len(ordered) / seconds, 1) if seconds else 0.0, **ms,
            "max": round(ordered[-1] * 1000, 1) if ordered else math.nan}
