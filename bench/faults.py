"""The fault suite (issue 16): under a steady load of lesson saves and diary reads through the gateway, each part of
the installation in turn is killed with SIGKILL and left to its supervisor to start again. For every fault it
reports how many requests were refused and for how long, how long the part took to be ready again, how long after
that the gateway still refused requests, whether an acknowledged save was lost and whether reporting converged to
exactly the journal's marks. 127.0.0.1 only, run on demand on the installation `make run` starts (its demo school).

A save is "acknowledged" when the gateway answered 200. Each worker thread owns its lessons and saves them one after
another with a numbered topic, so the journal must end with the topic of the lesson's last acknowledged save, or of
a later save whose answer was lost in the fault (it may have been written): anything else is a lost save.

Usage: python -m bench.faults [--faults journal,gateway,kafka,...] [--savers 4] [--readers 2] [--settle 10]
Results: .run/bench/results-faults.json and a table for docs/reliability.md.
"""
import argparse
import datetime as dt
import json
import os
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field

import requests

from bench.common import bench_dir, write_json
from bench.fault_targets import component_pid, component_ready
from services import topology
from services.tooling.api_client import BASE, Token
from services.tooling.http import retrying

FAULTS = (*topology.SERVICES, "gateway", "kafka", "postgres", "keycloak")
READY_PATIENCE = 240.0  # seconds a killed part may take to be started again and ready (Keycloak on two CPUs)
CONVERGE_PATIENCE = 120.0  # seconds reporting may take to catch up with the journal after a fault
REASON = "Проверка отказоустойчивости"


@dataclass
class Attempt:
    """One save: its topic, when it was sent and answered, whether it was acknowledged."""

    topic: str
    sent: float
    answered: float
    ok: bool


@dataclass
class Load:
    """The steady load of one fault: savers (a lesson each, saved again and again) and diary readers."""

    api: str
    teacher: Token
    deputy: Token
    lessons: list[dict]
    students: list[str]
    diary_week: tuple[str, str]
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    attempts: dict[str, list[Attempt]] = field(default_factory=dict)
    reads: list[tuple[float, float, bool]] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)

    def note(self, what: str, resp) -> None:
        with self.lock:
            if len(self.samples) < 8:
                self.samples.append(f"{what}: {getattr(resp, 'status_code', '')} "
                                    f"{getattr(resp, 'text', resp)!s:.200}")

    def save_lesson(self, lesson: dict, run: str) -> None:
        http, n = retrying(), 0
        history = self.attempts.setdefault(lesson["id"], [])
        while not self.stop.is_set():
            n += 1
            topic = f"{REASON} {run} №{n}"
            marks = [{"student_id": s, "value": "2345"[(n + i) % 4], "work_type": "classwork"}
                     for i, s in enumerate(self.students)]
            sent = time.monotonic()
            try:
                resp = http.put(f"{self.api}/lessons/{lesson['id']}/record", headers=self.teacher.header(), timeout=30,
                                json={"topic": topic, "marks": marks, "reason": REASON})
                ok = resp.status_code == 200
            except (requests.RequestException, OSError) as exc:
                ok, resp = False, exc
            history.append(Attempt(topic, sent, time.monotonic(), ok))
            if not ok:
                self.note("save", resp)
                time.sleep(0.2)  # as a page would wait before it tries again

    def read_diary(self, student: str) -> None:
        http = retrying()
        monday, sunday = self.diary_week
        while not self.stop.is_set():
            sent = time.monotonic()
            try:
                resp = http.get(f"{self.api}/students/{student}/diary", params={"from": monday, "to": sunday},
                                headers=self.deputy.header(), timeout=30)
                ok = resp.status_code == 200
            except (requests.RequestException, OSError) as exc:
                ok, resp = False, exc
            with self.lock:
                self.reads.append((sent, time.monotonic(), ok))
            if not ok:
                self.note("diary", resp)
                time.sleep(0.2)


@dataclass
class Demo:
    """What the load acts on: the demo school's form teacher of 5А, her lessons of the last week and its students,
    the deputy head who reads the diaries."""

    school_id: str
    class_group_id: str
    teacher: Token
    deputy: Token
    lessons: list[dict]
    students: list[str]


def demo(stack: dict[str, str], today: dt.date, savers: int) -> Demo:
    path = topology.state_dir() / "demo.json"
    if not path.exists():
        raise SystemExit(f"{path} is missing: the fault suite runs on the installation `make run` starts")
    saved = json.loads(path.read_text())
    logins = {who: (username, password) for who, username, password in saved["logins"]}
    teacher = Token(stack, *next(v for k, v in logins.items() if k.startswith("учитель, классный руководитель")))
    deputy = Token(stack, *logins["заместитель директора"])
    sid, http = saved["school_id"], retrying()
    api = f"{BASE}/api/v1/schools/{sid}"
    me = http.get(f"{BASE}/api/v1/me", headers=teacher.header(), timeout=30).json()
    person = next(m["principal"]["person_id"] for m in me["memberships"] if m["school"]["id"] == sid)
    # the last week's given lessons: within the journal's edit lock (7 days), not yet locked
    lessons = http.get(f"{api}/lessons", headers=teacher.header(), timeout=30, params={
        "teacher_id": person, "from": (today - dt.timedelta(days=6)).isoformat(),
        "to": (today - dt.timedelta(days=1)).isoformat()}).json()["lessons"]
    lessons = [lesson for lesson in lessons if lesson["status"] == "scheduled" and not lesson["subgroup_id"]]
    if not lessons:
        raise SystemExit("the demo teacher has no lesson in the last six days: run `make run` on a school day's week")
    group = lessons[0]["class_group_id"]
    lessons = [lesson for lesson in lessons if lesson["class_group_id"] == group][:savers]
    journal = http.get(f"{api}/class-groups/{group}/journal", headers=teacher.header(), timeout=60).json()
    subject = next(s for s in journal["subjects"] if s["subject_id"] == lessons[0]["subject_id"])
    return Demo(sid, group, teacher, deputy, lessons, [s["student_id"] for s in subject["students"]])


def lost_saves(load: Load, final_topics: dict[str, str]) -> int:
    """Lessons whose journal topic is neither that of their last acknowledged save nor of a later unanswered one."""
    lost = 0
    for lesson_id, history in load.attempts.items():
        acknowledged = [i for i, a in enumerate(history) if a.ok]
        if not acknowledged:
            continue
        lost += final_topics.get(lesson_id) not in {a.topic for a in history[acknowledged[-1]:]}
    return lost


def journal_marks(http: requests.Session, d: Demo) -> dict[str, dict]:
    """The journal's own record of each loaded lesson: its topic and each student's marks."""
    records = {}
    for lesson in d.lessons:
        rec = http.get(f"{BASE}/api/v1/schools/{d.school_id}/lessons/{lesson['id']}/record",
                       headers=d.teacher.header(), timeout=30).json()
        marks: dict[str, list[str]] = {}
        for mark in rec["marks"]:
            marks.setdefault(mark["student_id"], []).append(mark["value"])
        records[lesson["id"]] = {"topic": rec["topic"], "marks": {s: sorted(v) for s, v in marks.items()}}
    return records


def reported_marks(http: requests.Session, d: Demo) -> dict[str, dict[str, list[str]]]:
    """Reporting's class journal (fed by the journal's events): each loaded lesson's marks by student."""
    report = http.get(f"{BASE}/api/v1/schools/{d.school_id}/class-groups/{d.class_group_id}/journal",
                      headers=d.teacher.header(), timeout=60).json()
    wanted, seen = {lesson["id"] for lesson in d.lessons}, {}
    for subject in report.get("subjects", []):
        for column, lesson in enumerate(subject["lessons"]):
            if lesson["lesson_id"] in wanted:
                seen[lesson["lesson_id"]] = {row["student_id"]: sorted(row["cells"][column]["marks"])
                                             for row in subject["students"] if row["cells"][column]["marks"]}
    return seen


def converged(d: Demo) -> tuple[bool, float, dict]:
    """Waits until reporting shows exactly the journal's marks of the loaded lessons: (converged, seconds, journal)."""
    http, started, records = retrying(), time.monotonic(), {}
    while True:
        try:
            records = journal_marks(http, d)
            if reported_marks(http, d) == {lesson: rec["marks"] for lesson, rec in records.items()}:
                return True, time.monotonic() - started, records
        except (requests.RequestException, KeyError):  # the gateway or a service not serving yet: asked again
            pass
        if time.monotonic() - started > CONVERGE_PATIENCE:
            return False, time.monotonic() - started, records
        time.sleep(1)


def wait_until(check, patience: float, step: float = 0.2) -> float | None:
    """The monotonic time `check()` first held, or None after `patience` seconds."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if check():
            return time.monotonic()
        time.sleep(step)
    return None


def one_fault(name: str, d: Demo, readers: int, warm: float, settle: float) -> dict:
    """Kills `name` under the load, waits for its supervisor to start it again, lets the load run `settle` more
    seconds, then measures."""
    if name == "keycloak":  # users with valid tokens keep working while Keycloak is down: take fresh ones first
        for token in (d.teacher, d.deputy):
            token.expires = 0.0
            token.header()
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    load = Load(f"{BASE}/api/v1/schools/{d.school_id}", d.teacher, d.deputy, d.lessons, d.students,
                (monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()))
    run = uuid.uuid4().hex[:6]
    threads = [threading.Thread(target=load.save_lesson, args=(lesson, run)) for lesson in d.lessons]
    threads += [threading.Thread(target=load.read_diary, args=(d.students[i % len(d.students)],)) for i in range(readers)]
    for thread in threads:
        thread.start()
    time.sleep(warm)
    pid = component_pid(name)
    if pid is None:
        load.stop.set()
        raise SystemExit(f"{name} is not running")
    killed = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    gone = wait_until(lambda: not component_ready(name) or component_pid(name) != pid, 30.0, 0.05) or killed
    ready = wait_until(lambda: component_pid(name) not in (None, pid) and component_ready(name), READY_PATIENCE)
    time.sleep(settle)
    load.stop.set()
    for thread in threads:
        thread.join()
    saves = [a for history in load.attempts.values() for a in history]
    failed = sorted([(a.sent, a.answered) for a in saves if not a.ok] +
                    [(sent, answered) for sent, answered, ok in load.reads if not ok])
    last_failure = max((answered for _, answered in failed), default=None)
    ok, converge_s, records = converged(d)
    return {
        "fault": name, "pid_killed": pid,
        "saves": {"acknowledged": sum(a.ok for a in saves), "refused": sum(not a.ok for a in saves)},
        "diary_reads": {"ok": sum(ok for *_, ok in load.reads), "refused": sum(not ok for *_, ok in load.reads)},
        "refused_seconds": round(last_failure - failed[0][0], 1) if failed else 0.0,
        "down_seconds": round(gone - killed, 1),
        "ready_again_seconds": round(ready - killed, 1) if ready else None,
        "gateway_serving_after_ready_seconds": (round(max(0.0, last_failure - ready), 1) if ready and last_failure
                                                else 0.0 if ready else None),
        "acknowledged_saves_lost": lost_saves(load, {lesson: rec["topic"] for lesson, rec in records.items()}),
        "reporting_converged": ok, "converge_seconds": round(converge_s, 1), "error_samples": load.samples}


def table(results: list[dict]) -> str:
    """The results as the table of docs/reliability.md."""
    lines = ["| killed | saves ok / refused | diary ok / refused | refused for, s | ready again, s | "
             "gateway refused after ready, s | saves lost | reporting converged |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['fault']} | {r['saves']['acknowledged']} / {r['saves']['refused']} | "
                     f"{r['diary_reads']['ok']} / {r['diary_reads']['refused']} | {r['refused_seconds']} | "
                     f"{r['ready_again_seconds'] if r['ready_again_seconds'] is not None else 'not restarted'} | "
                     f"{r['gateway_serving_after_ready_seconds']} | {r['acknowledged_saves_lost']} | "
                     f"{'yes' if r['reporting_converged'] else 'NO'} ({r['converge_seconds']} s) |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faults", default=",".join(FAULTS), help=f"which of {','.join(FAULTS)}, in this order")
    parser.add_argument("--savers", type=int, default=4, help="lessons saved over and over, one thread each")
    parser.add_argument("--readers", type=int, default=2, help="threads reading diaries")
    parser.add_argument("--warm", type=float, default=5.0, help="seconds of load before the kill")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds of load after the part is ready again")
    args = parser.parse_args()
    faults = [f.strip() for f in args.faults.split(",") if f.strip()]
    if unknown := set(faults) - set(FAULTS):
        parser.error(f"unknown faults: {', '.join(sorted(unknown))}")
    d = demo(topology.stack_env(), dt.date.today(), args.savers)
    print(f"load: {len(d.lessons)} lesson(s) of {len(d.students)} students saved over and over, "
          f"{args.readers} diary reader(s)")
    results = []
    for name in faults:
        result = one_fault(name, d, args.readers, args.warm, args.settle)
        results.append(result)
        print(f"{name}: {json.dumps({k: v for k, v in result.items() if k != 'error_samples'}, ensure_ascii=False)}",
              flush=True)
        write_json(bench_dir() / "results-faults.json", {"at": dt.datetime.now().isoformat(timespec="seconds"),
                                                         "results": results})
    print("\n" + table(results))
    if any(r["acknowledged_saves_lost"] or not r["reporting_converged"] for r in results):
        raise SystemExit("an acknowledged save was lost or reporting did not converge")


if __name__ == "__main__":
    main()
