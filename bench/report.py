"""Prints the last run's numbers as ratios to the baselines (reads .run/bench/results-*.json).

Usage: python -m bench.report [--size town]
"""
import argparse
import json

from bench.common import bench_dir


def load(name: str) -> dict:
    path = bench_dir() / f"results-{name}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="town")
    args = parser.parse_args()
    ours, trivial, pg = load(args.size), load("trivial"), load("pgbench")
    saves = ours["operations"]["save"]["rps"]
    print(f"\nlesson saves: {saves}/s through the gateway (mixed load, {ours['threads']} threads)")
    for cluster, row in pg.items():
        print(f"  vs raw PostgreSQL ({cluster}: {row['settings']}): {row['tps']} saves/s -> {saves / row['tps']:.1%}")
    if trivial:
        base = trivial["total_rps"]
        print(f"all requests: {ours['total_rps']}/s vs trivial gunicorn endpoint {base}/s -> {ours['total_rps'] / base:.1%}")
        for name, row in ours["operations"].items():
            print(f"  {name:8} p50 {row['p50']} ms = {row['p50'] / trivial['operations']['trivial']['p50']:.0f}x the trivial p50")
    saves_only, diary_only = load("saves-only"), load("diary-only")
    if saves_only and pg:
        rps = saves_only["operations"]["save"]["rps"]
        for cluster, row in pg.items():
            print(f"saves alone: {rps}/s vs raw PostgreSQL ({cluster}) {row['tps']}/s -> {rps / row['tps']:.1%}")
    if diary_only and trivial:
        rps = diary_only["operations"]["diary"]["rps"]
        print(f"diary reads alone: {rps}/s vs trivial endpoint {trivial['total_rps']}/s -> {rps / trivial['total_rps']:.1%}")
    wrk_trivial, wrk_diary, wrk_save = load("wrk-trivial"), load(f"wrk-{args.size}-diary"), load(f"wrk-{args.size}-save")
    if wrk_trivial and wrk_diary:  # the issue-17 ratios, measured with wrk (not limited by the Python driver)
        print(f"wrk: diary reads alone {wrk_diary['rps']}/s vs trivial endpoint {wrk_trivial['rps']}/s -> "
              f"{wrk_diary['rps'] / wrk_trivial['rps']:.1%} (target 12 %)")
    if wrk_save and pg:
        for cluster, row in pg.items():
            print(f"wrk: saves alone {wrk_save['rps']}/s vs raw PostgreSQL ({cluster}) {row['tps']}/s -> "
                  f"{wrk_save['rps'] / row['tps']:.1%} (target 25 % of fsync=on)")
    targets = sorted((load(path.stem.removeprefix("results-")) for path in bench_dir().glob("results-target-*.json")),
                     key=lambda result: result["rate"])
    for result in targets:  # the target: 300 requests a second (100 saves, 200 diary reads), p99 under 150 ms
        rows = result["operations"]
        worst = max(row["p99"] for row in rows.values())
        print(f"target mix offered {result['rate']}/s ({result['rate'] / 300:.0%} of the target): served "
              f"{result['total_rps']}/s, " + ", ".join(f"{name} p99 {row['p99']} ms" for name, row in rows.items())
              + (" — p99 under 150 ms" if worst < 150 else " — p99 over 150 ms"))
    if "mark_to_summary" in ours:
        row = ours["mark_to_summary"]
        print(f"mark -> summary sheet: p50 {row['p50']} ms, p99 {row['p99']} ms ({row['ok']}/{row['samples']} seen)")


if __name__ == "__main__":
    main()
