"""A bounded load driver for the running gateway: teachers save whole lessons and open them, deputy
heads read diaries and the summary sheet, all with real Keycloak tokens; optionally a probe measures how
long a saved mark takes to reach the summary sheet. Prints throughput and p50/p95/p99 per operation.

Closed loop by default (each thread sends its next request when the last one is answered); with --rate R the
driver is an open loop: request i is due at start + i/R, whatever the answers before it, and its latency counts
from that moment, so a system that falls behind shows it in the percentiles (no coordinated omission).

Usage: python -m bench.load --size town --threads 8 --seconds 60 [--requests N] [--probe 50]
       python -m bench.load --size city --rate 60 --threads 48 --seconds 60 [--classes 600]
       python -m bench.load --trivial http://127.0.0.1:PORT/ ...   (the same driver against a trivial endpoint)
"""
import argparse
import datetime as dt
import json
import random
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import requests

from bench import cpu
from bench.common import bench_dir, summarize, write_json
from services import topology
from services.tooling.api_client import BASE, Token
from services.tooling.http import retrying

DEFAULT_MIX = "save=25,record=15,diary=50,summary=10"
WEEKS = ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-06", "2025-10-13"]
REASON = "Нагрузочный тест"


@dataclass
class Actors:
    """Who does what: a teacher per class group, a deputy head per school (one token per account)."""

    seed: dict
    stack: dict
    tokens: dict[str, Token] = field(default_factory=dict)

    def token(self, account: dict) -> Token:
        if account["username"] not in self.tokens:
            self.tokens[account["username"]] = Token(self.stack, account["username"], account["password"])
        return self.tokens[account["username"]]

    def warm(self) -> None:
        """Fetches every token before the clock starts."""
        for school in self.seed["schools"]:
            self.token(school["deputy"]).header()
            for group in school["class_groups"]:
                self.token(group["teacher"]).header()


def lesson_body(rng: random.Random, students: list[str]) -> dict:
    """A whole lesson: topic, homework, a mark for every student and two latecomers."""
    late = set(rng.sample(students, 2))
    return {"topic": f"Тема {rng.randint(1, 500)}", "homework": f"§{rng.randint(1, 40)}, № {rng.randint(1, 300)}",
            "reason": REASON,
            "marks": [{"student_id": s, "value": rng.choice("2345"), "work_type": "classwork"} for s in students],
            "attendance": [{"student_id": s, "status": "late"} for s in sorted(late)]}


def operation(name: str, actors: Actors, rng: random.Random, trivial: str | None) -> tuple[str, str, dict, dict | None]:
    """The request of one operation: method, URL, headers, JSON body."""
    if trivial:
        return "GET", trivial, {}, None
    school = rng.choice(actors.seed["schools"])
    group = rng.choice(school["class_groups"])
    prefix = f"{BASE}/api/v1/schools/{school['id']}"
    if name in ("save", "record"):
        url = f"{prefix}/lessons/{rng.choice(group['lessons'])}/record"
        headers = actors.token(group["teacher"]).header()
        return ("PUT", url, headers, lesson_body(rng, group["students"])) if name == "save" else ("GET", url, headers, None)
    headers = actors.token(school["deputy"]).header()
    if name == "diary":
        monday = rng.choice(WEEKS)
        sunday = (dt.date.fromisoformat(monday) + dt.timedelta(days=6)).isoformat()
        return "GET", f"{prefix}/students/{rng.choice(group['students'])}/diary?from={monday}&to={sunday}", headers, None
    return "GET", f"{prefix}/class-groups/{group['id']}/summary-sheet", headers, None


@dataclass
class Run:
    """Shared state of one run: the bounds and what every worker measured."""

    mix: dict[str, int]
    requests: int
    deadline: float
    trivial: str | None
    rate: float = 0.0  # open loop: requests per second in all; 0 = closed loop
    started: float = field(default_factory=time.perf_counter)
    issued: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)

    def take(self) -> float | None:
        """When the next request is due (perf_counter; now in a closed loop), or None when the run is over."""
        with self.lock:
            if self.issued >= self.requests or time.monotonic() >= self.deadline:
                return None
            self.issued += 1
            return self.started + (self.issued - 1) / self.rate if self.rate else time.perf_counter()

    def worker(self, actors: Actors, seed: int) -> None:
        rng, http = random.Random(seed), retrying()
        names, weights = list(self.mix), list(self.mix.values())
        while (due := self.take()) is not None:
            name = rng.choices(names, weights)[0]
            method, url, headers, body = operation(name, actors, rng, self.trivial)
            time.sleep(max(0.0, due - time.perf_counter()))
            started = due
            try:
                resp = http.request(method, url, headers=headers, json=body, timeout=30)
                ok = resp.status_code == 200
            except requests.RequestException as exc:
                ok, resp = False, exc
            elapsed = time.perf_counter() - started
            with self.lock:
                if ok:
                    self.latencies[name].append(elapsed)
                else:
                    self.errors[name] += 1
                    if len(self.samples) < 5:
                        self.samples.append(f"{name}: {getattr(resp, 'status_code', '')} {getattr(resp, 'text', resp)!s:.300}")


def probe(actors: Actors, samples: int, results: dict, until: float) -> None:
    """Mark -> summary sheet: saves a changed mark in the probe lesson, polls the sheet until it shows it.
    Stops at `until` (the end of the load), so that every sample is taken under the load."""
    spec = actors.seed["schools"][0]["probe"]
    http, teacher, deputy = retrying(), actors.token(spec["teacher"]), actors.token(actors.seed["schools"][0]["deputy"])
    prefix = f"{BASE}/api/v1/schools/{spec['school_id']}"
    latencies, failures = [], Counter()
    taken = 0
    for i in range(samples):
        if time.monotonic() >= until:
            break
        taken += 1
        value = "4" if i % 2 else "5"
        body = {"marks": [{"student_id": spec["student_id"], "value": value, "work_type": "classwork"}], "reason": REASON}
        resp = http.put(f"{prefix}/lessons/{spec['lesson_id']}/record", json=body, headers=teacher.header(), timeout=30)
        written = time.perf_counter()
        if resp.status_code != 200:
            failures[f"save {resp.status_code}"] += 1
            continue
        while True:
            sheet = http.get(f"{prefix}/class-groups/{spec['class_group_id']}/summary-sheet", headers=deputy.header(),
                             timeout=30).json()
            row = next((r for r in sheet.get("rows", []) if r["student_id"] == spec["student_id"]), {})
            cell = next((c for c in row.get("cells", []) if c["subject_id"] == spec["subject_id"]), {})
            if cell.get("marks") == [value]:
                latencies.append(time.perf_counter() - written)
                break
            if time.perf_counter() - written > 10:
                failures["not seen within 10 s"] += 1
                break
            time.sleep(0.02)
        time.sleep(0.1)
    results["mark_to_summary"] = summarize(latencies, sum(failures.values()), 0) | {"samples": taken,
                                                                                 "failures": dict(failures)}


def sample_classes(seed: dict, count: int, rng: random.Random) -> dict:
    """The seed with `count` class groups drawn across all its schools, and the first school's first class (the
    first school holds the probe)."""
    every = [(i, j) for i, school in enumerate(seed["schools"]) for j in range(len(school["class_groups"]))]
    drawn = {(0, 0), *rng.sample(every, min(count, len(every)))}
    schools = [{**school, "class_groups": [g for j, g in enumerate(school["class_groups"]) if (i, j) in drawn]}
               for i, school in enumerate(seed["schools"])]
    return {**seed, "schools": [school for school in schools if school["class_groups"]]}


def parse_mix(text: str) -> dict[str, int]:
    return {k: int(v) for k, v in (part.split("=") for part in text.split(","))}


def report(label: str, results: dict) -> None:
    offered = f", offered {results['rate']} req/s (open loop)" if results.get("rate") else ""
    print(f"\n{label}: {results['seconds']:.1f} s, {results['threads']} threads, {results.get('classes', 0)} classes, "
          f"total {results['total_rps']} req/s{offered}")
    print(f"  {'operation':18}{'ok':>7}{'err':>6}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, row in results["operations"].items():
        cells = "".join(f"{row[k]:>9}" for k in ("p50", "p95", "p99", "max"))
        print(f"  {name:18}{row['ok']:>7}{row['errors']:>6}{row['rps']:>8}{cells}")
    if "mark_to_summary" in results:
        row = results["mark_to_summary"]
        print(f"  mark->summary: {row['ok']}/{row['samples']} seen, p50 {row['p50']} ms, p95 {row['p95']} ms, "
              f"p99 {row['p99']} ms, max {row['max']} ms, failures {row['failures']}")
    for sample in results["error_samples"]:
        print("  error:", sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="town", help="which .run/bench/seed-<size>.json to use")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--mix", default=DEFAULT_MIX)
    parser.add_argument("--probe", type=int, default=0, help="mark-to-summary-sheet samples, taken during the load")
    parser.add_argument("--trivial", help="GET this URL instead (baseline)")
    parser.add_argument("--rate", type=float, default=0, help="open loop: requests per second in all (--mix splits "
                        "them); give enough --threads to keep up")
    parser.add_argument("--classes", type=int, default=0,
                        help="act in a sample of K class groups drawn across all schools (fewer tokens to fetch)")
    parser.add_argument("--cpu", action="store_true",
                        help="CPU of each part of the installation over the load (bench/cpu.py), and per request")
    parser.add_argument("--label", default="")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seed = {"schools": []} if args.trivial else json.loads((bench_dir() / f"seed-{args.size}.json").read_text())
    if args.classes:
        seed = sample_classes(seed, args.classes, random.Random(args.seed))
    actors = Actors(seed, topology.stack_env())
    actors.warm()
    mix = {"trivial": 1} if args.trivial else parse_mix(args.mix)
    run = Run(mix, args.requests, time.monotonic() + args.seconds, args.trivial, args.rate)
    probe_results: dict = {}
    threads = [threading.Thread(target=run.worker, args=(actors, args.seed * 1000 + i)) for i in range(args.threads)]
    if args.probe:
        until = run.deadline if args.threads else time.monotonic() + 3600
        threads.append(threading.Thread(target=probe, args=(actors, args.probe, probe_results, until)))
    started, usage = time.monotonic(), cpu.snapshot() if args.cpu else None
    run.started = time.perf_counter()  # the open loop's first request is due now, not when the run was set up
    for t in threads:
        t.start()
    for t in threads[:args.threads]:
        t.join()
    seconds = time.monotonic() - started
    usage = cpu.used_since(usage) if usage else None
    for t in threads[args.threads:]:
        t.join()
    ops = {name: summarize(run.latencies[name], run.errors[name], seconds) for name in mix}
    results = {"label": args.label or ("trivial" if args.trivial else args.size), "threads": args.threads,
               "rate": args.rate, "classes": sum(len(school["class_groups"]) for school in seed["schools"]),
               "seconds": round(seconds, 1), "total_rps": round(sum(len(v) for v in run.latencies.values()) / seconds, 1),
               "operations": ops, "error_samples": run.samples, "token_fetches": sum(t.refreshes for t in actors.tokens.values()),
               **probe_results}
    if usage:
        served = sum(len(v) for v in run.latencies.values())
        installation = sum(v for part, v in usage["cpu_seconds"].items() if not part.startswith("other"))
        results["cpu"] = usage | {"installation_ms_per_request": round(installation * 1000 / max(1, served), 1)}
    write_json(bench_dir() / f"results-{results['label']}.json", results)
    report(results["label"], results)
    if usage:
        cpu.report(usage)
        print(f"  installation CPU per request served: {results['cpu']['installation_ms_per_request']} ms")


if __name__ == "__main__":
    main()
