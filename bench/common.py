"""What the benchmark scripts share: where their files live and latency statistics (their REST client and
tokens are services/tooling/api_client.py)."""
import json
import math
import pathlib
import time

from services import topology


def bench_dir() -> pathlib.Path:
    """.run/bench/: seeded ids and passwords, results, profiles (never committed)."""
    path = topology.state_dir() / "bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(path: pathlib.Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    path.chmod(0o600)


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


def timed(call, count: int) -> dict:
    """`call()` `count` times one after another, each timed (an AssertionError, a refused request, counts as an error
    and is printed): summarize()'s numbers."""
    latencies, errors, started = [], 0, time.monotonic()
    for _ in range(count):
        began = time.monotonic()
        try:
            call()
            latencies.append(time.monotonic() - began)
        except AssertionError as refused:
            print("refused:", refused)
            errors += 1
    return summarize(latencies, errors, time.monotonic() - started)
