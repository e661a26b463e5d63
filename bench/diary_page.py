"""A week's diary page (HTML, through the gateway) as a guardian's browser asks for it, on a loaded municipality (issue
14: under 300 ms at p99 on the `town` data). Guardians with a login are made once and kept in
.run/bench/diary-guardians-<size>.json: in each of `--schools` schools (of .run/bench/seed-<size>.json) the school's
administrator creates `--guardians` guardians, each the guardian of two students of a class (siblings: the page's
switch has two children), and issues each an activation code that the guardian activates. Each guardian signs in
through the gateway's login (Keycloak's form, as a browser: a session cookie; the consent accepted); then `--threads`
threads ask for the week page of a random child of theirs and a random week of the seeded period, `--requests` times
in all (closed loop), each timed from the client (p50/p95/p99/max); with `--results N` also N of the year's results
pages. Every answer must be 200 and a diary page. Results go to .run/bench/results-diary-page-<label>.json.

    .venv/bin/python -m bench.diary_page --size town --schools 3 --guardians 5 --threads 4 --requests 600 --label town
"""
import argparse
import json
import random
import threading
import time

from bench.common import bench_dir, summarize, write_json
from bench.load import WEEKS
from services import topology
from services.tooling.api_client import BASE, Client, Token, activate_login
from tests.support.api import browser_login


def make_guardians(seed: dict, stack: dict, schools: int, per_school: int, rng: random.Random) -> list[dict]:
    """New guardians with logins, each linked to two students of one class of the first `schools` schools."""
    made = []
    for school in seed["schools"][:schools]:
        admin = Client(Token(stack, school["admin"]["username"], school["admin"]["password"]))
        for n in range(per_school):
            group = rng.choice([g for g in school["class_groups"] if len(g["students"]) >= 2])
            children = rng.sample(group["students"], 2)
            created = admin.call("POST", f"/schools/{school['id']}/people", {
                "kind": "guardian", "last_name": "Нагрузкина", "first_name": f"Мария{'абвгдежзик'[n % 10]}",
                "middle_name": "Петровна"})
            for child in children:
                admin.call("POST", f"/schools/{school['id']}/guardianships", {
                    "guardian_id": created["person"]["id"], "student_id": child, "relation": "mother"})
            [slip] = admin.call("POST", f"/schools/{school['id']}/activation-codes", {
                "person_ids": [created["person"]["id"]]})["slips"]  # a guardian's login: the code on a slip
            username, password = activate_login(slip["code"])
            made.append({"school_id": school["id"], "children": children, "username": username, "password": password})
    return made


def timed(page: str, guardians: list[dict], sessions: list, requests: int, threads: int, seed: int) -> dict:
    """`requests` pages in all over `threads` threads, each its next request when the last is answered."""
    latencies, errors, samples, lock = [], 0, [], threading.Lock()
    left = [requests]

    def worker(index: int) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + index)
        while True:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
            n = rng.randrange(len(guardians))
            guardian, http = guardians[n], sessions[n]
            path = f"/schools/{guardian['school_id']}/students/{rng.choice(guardian['children'])}/{page}"
            params = {"week": rng.choice(WEEKS)} if page == "diary" else {}
            began = time.perf_counter()
            resp = http.get(f"{BASE}{path}", params=params, timeout=30, allow_redirects=False)
            elapsed = time.perf_counter() - began
            ok = resp.status_code == 200 and 'class="diary' in resp.text
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1
                    if len(samples) < 5:
                        samples.append(f"{path}: {resp.status_code} {resp.text[:200]}")

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return {**summarize(latencies, errors, time.monotonic() - started), "error_samples": samples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="town", help="which .run/bench/seed-<size>.json to use")
    parser.add_argument("--schools", type=int, default=3, help="schools whose guardians ask (made once; town has 3)")
    parser.add_argument("--guardians", type=int, default=5, help="guardians a school (made once)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--requests", type=int, default=600, help="week pages in all")
    parser.add_argument("--results", type=int, default=0, help="also this many pages of the year's results")
    parser.add_argument("--label", default="run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    stack, rng = topology.stack_env(), random.Random(args.seed)
    seed = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())
    kept = bench_dir() / f"diary-guardians-{args.size}.json"
    guardians = json.loads(kept.read_text()) if kept.exists() else []
    schools = min(args.schools, len(seed["schools"]))
    if len({g["school_id"] for g in guardians}) < schools or len(guardians) < schools * args.guardians:
        guardians = make_guardians(seed, stack, schools, args.guardians, rng)
        write_json(kept, guardians)
    began = time.monotonic()
    sessions = [browser_login(g["username"], g["password"]).session for g in guardians]
    results: dict = {"size": args.size, "guardians": len(guardians), "threads": args.threads, "weeks": WEEKS,
                     "sign_in_seconds": round(time.monotonic() - began, 1)}
    for guardian, http in zip(guardians, sessions, strict=True):  # each session's first page: not counted
        http.get(f"{BASE}/schools/{guardian['school_id']}/students/{guardian['children'][0]}/diary", timeout=30)
    results["week_page"] = timed("diary", guardians, sessions, args.requests, args.threads, args.seed)
    if args.results:
        results["results_page"] = timed("results", guardians, sessions, args.results, args.threads, args.seed)
    write_json(bench_dir() / f"results-diary-page-{args.label}.json", results)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
