"""Where the CPU goes during a load: CPU seconds of each part of the installation (the services, the
gateway, PostgreSQL backends, Kafka, Keycloak, MinIO) and of everything else on the machine, read from
/proc over a window. Run it next to a load: python -m bench.cpu --seconds 60 --label town
"""
import argparse
import os
import pathlib
import time
from collections import Counter

from bench.common import bench_dir, write_json
from services import topology
from services.tooling import supervision

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, user + system ticks) of every process."""
    ticks = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    return ticks


def owners() -> dict[int, str]:
    """pid -> part, from the launcher's and the stack's supervisord (children belong to their parent's part)."""
    return {pid: part for part, pid in supervision.installation_pids(topology.state_dir(), topology.ROOT).items()}


def part_of(pid: int, table: dict[int, tuple[int, int]], parts: dict[int, str]) -> str:
    seen = 0
    while pid in table and seen < 20:
        if pid in parts:
            return parts[pid]
        pid, seen = table[pid][0], seen + 1
    return "other (load driver, tests, system)"


def snapshot() -> tuple[dict[int, tuple[int, int]], float]:
    """Every process's CPU ticks now, and when."""
    return cpu_ticks(), time.monotonic()


def used_since(start: tuple[dict[int, tuple[int, int]], float]) -> dict:
    """CPU seconds of each part of the installation since the snapshot `start`."""
    (before, started), parts = start, owners()
    after, elapsed = cpu_ticks(), time.monotonic() - started
    used = Counter()
    for pid, (_, ticks) in after.items():
        used[part_of(pid, after, parts)] += (ticks - before.get(pid, (0, 0))[1]) / TICK
    return {"seconds": round(elapsed, 1), "cores": os.cpu_count(),
            "cpu_seconds": {k: round(v, 1) for k, v in used.most_common()}}


def measure(seconds: float) -> dict:
    start = snapshot()
    time.sleep(seconds)
    return used_since(start)


def report(result: dict) -> None:
    capacity = result["seconds"] * result["cores"]
    print(f"\nCPU over {result['seconds']} s ({capacity:.0f} core-seconds available):")
    for part, used in result["cpu_seconds"].items():
        print(f"  {part:36} {used:>7.1f} s  {used / capacity:>6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--label", default="load")
    args = parser.parse_args()
    result = measure(args.seconds)
    write_json(bench_dir() / f"cpu-{args.label}.json", result)
    report(result)


if __name__ == "__main__":
    main()
