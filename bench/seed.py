"""Loads a synthetic municipality (services/tooling/municipality.py) into the running installation, school by
school, with the school loader (services/tooling/school_loader.py: people, teaching, lessons). Each school's state
(ids, logins) is kept in .run/bench/load-<size>-<seed>/school-<N>.json, so a city can be loaded stage by stage and a
stopped load goes on where it stopped. Every phase reports its rate, and the time the whole size would take at that
rate is estimated. Writes what the load driver needs (ids, the passwords set at activation) to
.run/bench/seed-<size>.json (mode 600).

Usage: python -m bench.seed --size town [--seed 1] [--schools K] [--days 5] [--workers 8]
                            [--stages people,teaching,lessons] [--fresh]
"""
import argparse
import json
import pathlib
import time
from concurrent.futures import ThreadPoolExecutor

from bench.common import bench_dir, write_json
from services import topology
from services.tooling import municipality as m
from services.tooling.school_loader import STAGES, Phases, lesson_period, load_school

# the benchmarks' school year: a past one, so that every lesson the loader and the load driver write has been given,
# and the same in every run (the numbers compare across rounds)
CALENDAR = m.calendar(2025)


def estimate(phases: Phases, schools: int, full: m.Municipality, days: int) -> list[str]:
    """Seconds per phase at the rate measured over `schools` schools, scaled to the whole size (lesson saves to
    a school year)."""
    scale = len(full.schools) / schools
    lines, total = [], 0.0
    for name in phases.seconds:
        seconds = phases.seconds[name] * scale
        if name.startswith("lesson saves") and days:
            seconds *= 165 / days  # ~165 school days in a year of five-day weeks
        total += seconds
        rate = phases.calls[name] / phases.seconds[name] if phases.seconds[name] else 0
        lines.append(f"  {name:42} {phases.calls[name]:>8} calls {phases.seconds[name]:>8.1f} s "
                     f"{rate:>8.1f}/s   whole {full.size}: ~{seconds / 3600:.1f} h")
    saving = sum(seconds for name, seconds in phases.seconds.items() if name.startswith("lesson saves"))
    if saving:
        lines.append(f"  lessons saved: {phases.calls['lessons saved']} ({phases.calls['lessons saved'] / saving:.1f}/s)")
    lines.append(f"  estimated for the whole {full.size} with a year of lessons: ~{total / 3600:.1f} h")
    return lines


def state_dir(size: str, seed: int) -> pathlib.Path:
    """.run/bench/load-<size>-<seed>/: run.json (the run's name) and school-<N>.json, each school's state."""
    path = bench_dir() / f"load-{size}-{seed}"
    path.mkdir(exist_ok=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(m.SIZES), default="town")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schools", type=int, default=0, help="load only the first K schools of the size")
    parser.add_argument("--days", type=int, default=5, help="school days of lessons the teachers save")
    parser.add_argument("--workers", type=int, default=8, help="parallel requests")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"which of {','.join(STAGES)} to run now; a school goes on from its state file")
    parser.add_argument("--fresh", action="store_true", help="forget earlier states: load the schools anew")
    args = parser.parse_args()
    stages = tuple(stage.strip() for stage in args.stages.split(","))
    if unknown := set(stages) - set(STAGES):
        parser.error(f"unknown stages: {', '.join(sorted(unknown))}")
    full = m.generate(args.size, args.seed, CALENDAR.start_year)
    loaded = m.Municipality(full.size, full.seed, full.schools[:args.schools or None])
    print(f"{args.size}: {full.counts()}; {', '.join(stages)} of {len(loaded.schools)} school(s), "
          f"{args.days} day(s) of lessons")
    states = state_dir(args.size, args.seed)
    if args.fresh:
        for old in states.glob("*.json"):
            old.unlink()
    run_file = states / "run.json"
    if not run_file.exists():
        write_json(run_file, {"run": f"{args.seed}-{int(time.time()) % 100000}"})
    run = json.loads(run_file.read_text())["run"]
    stack, phases, started, worked = topology.stack_env(), Phases(), time.monotonic(), 0
    with ThreadPoolExecutor(args.workers) as pool:
        for school in loaded.schools:
            path = states / f"school-{school.number:03}.json"
            before = json.loads(path.read_text()) if path.exists() else {}
            if all(stage in before.get("done", []) for stage in stages):
                continue
            state = load_school(school, stack, pool, phases, args.days, args.seed, f"нагрузка {run}", before, stages,
                                CALENDAR)
            write_json(path, state)
            worked += 1
            print(f"  {school.short_name}: {len(school.classes)} классов, {len(school.students())} учеников, "
                  f"{time.monotonic() - started:.0f} s", flush=True)
    ready = [json.loads(p.read_text()) for p in sorted(states.glob("school-*.json"))]
    data = {"size": args.size, "seed": args.seed, "period": lesson_period(CALENDAR),
            "schools": [state["for_load"] for state in ready if "for_load" in state], "counts": loaded.counts(),
            "phases": {n: {"seconds": round(phases.seconds[n], 1), "calls": phases.calls[n]} for n in phases.seconds}}
    path = bench_dir() / f"seed-{args.size}.json"
    write_json(path, data)
    print(f"{worked} school(s) in {time.monotonic() - started:.0f} s; {len(data['schools'])} ready for the load "
          f"-> {path}")
    if worked:
        print("\n".join(estimate(phases, worked, full, args.days)))


if __name__ == "__main__":
    main()
