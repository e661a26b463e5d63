"""Profiles one REST operation through the gateway in-process (Flask test client, the running services behind
it) with pyinstrument, the requests drawn like bench/load.py's; writes .run/bench/profile-gateway-<operation>.{txt,html}.
The gateway's own CPU is what is not spent waiting in Peer.call.

Usage: python -m bench.profile_gateway [--operation save|record|diary|summary] [--requests 300] [--size town]
"""
import argparse
import json
import os
import random
import time

from bench.common import bench_dir
from bench.load import Actors, operation
from services import topology
from services.tooling.api_client import BASE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--operation", default="save", choices=["save", "record", "diary", "summary"])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--size", default="town")
    args = parser.parse_args()
    stack = topology.stack_env()
    os.environ.update(topology.process_env(stack))
    from pyinstrument import Profiler

    from gateway.app import create_app
    client = create_app().test_client()
    actors, rng = Actors(json.loads((bench_dir() / f"seed-{args.size}.json").read_text()), stack), random.Random(7)

    def one() -> None:
        method, url, headers, body = operation(args.operation, actors, rng, None)
        resp = client.open(url.removeprefix(BASE), method=method, json=body, headers=headers)
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]

    actors.warm()
    for _ in range(10):
        one()  # warm up: channels, caches
    profiler, started = Profiler(interval=0.0005), time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            one()
    elapsed = time.perf_counter() - started
    out = bench_dir() / f"profile-gateway-{args.operation}"
    out.with_suffix(".txt").write_text(profiler.output_text(unicode=True, show_all=False))
    out.with_suffix(".html").write_text(profiler.output_html())
    print(f"{args.requests} {args.operation} requests in {elapsed:.1f} s ({args.requests / elapsed:.1f}/s, one at a "
          f"time); profile in {out.with_suffix('.txt')}")


if __name__ == "__main__":
    main()
