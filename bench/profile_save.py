"""Profiles SaveLesson through the gateway in-process (Flask test client, the running services behind it)
with pyinstrument; writes .run/bench/profile-save.{txt,html}.

Usage: python -m bench.profile_save [--requests 300] [--size town]
"""
import argparse
import json
import os
import random
import time

from bench.common import Token, bench_dir
from bench.load import lesson_body
from services import topology


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--size", default="town")
    args = parser.parse_args()
    stack = topology.stack_env()
    os.environ.update(topology.process_env(stack))
    from pyinstrument import Profiler

    from gateway.app import create_app
    client = create_app().test_client()
    school = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())["schools"][0]
    group = school["class_groups"][0]
    token, rng = Token(stack, group["teacher"]["username"], group["teacher"]["password"]), random.Random(7)
    url = f"/api/v1/schools/{school['id']}/lessons/{{}}/record"
    client.put(url.format(group["lessons"][0]), json=lesson_body(rng, group["students"]), headers=token.header())  # warm up
    profiler, started = Profiler(interval=0.0005), time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            resp = client.put(url.format(rng.choice(group["lessons"])), json=lesson_body(rng, group["students"]),
                              headers=token.header())
            assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    elapsed = time.perf_counter() - started
    (bench_dir() / "profile-save.txt").write_text(profiler.output_text(unicode=True, show_all=False))
    (bench_dir() / "profile-save.html").write_text(profiler.output_html())
    print(f"{args.requests} saves in {elapsed:.1f} s ({args.requests / elapsed:.1f}/s, one at a time); "
          f"profile in {bench_dir() / 'profile-save.txt'}")


if __name__ == "__main__":
    main()
