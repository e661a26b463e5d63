"""Loads a synthetic municipality (bench/municipality.py) into the running installation through the
services' own paths, the REST API as the school's people use it: the operator onboards each school, its
admin creates the year, holidays, classes and subjects, imports students, guardians and the staff without
logins as CSV (ImportPeople), creates the teachers and deputy heads with logins (each activates it with the
code they were given), links guardians, assigns
teachers, sets the curriculum hours and the weekly timetable; then the teachers save whole lessons
(SaveLesson) for the first --days school days. Every phase reports its rate, and the time the whole size
would take at that rate is estimated. Writes ids and the passwords set at activation to .run/bench/seed-<size>.json
(mode 600) for the load driver.

Usage: python -m bench.seed --size town [--seed 1] [--schools K] [--days 5] [--workers 8]
"""
import argparse
import base64
import csv
import datetime as dt
import io
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests

from bench import municipality as m
from bench.common import BASE, Token, bench_dir, write_json
from services import topology
from services.demo_seed import activate, activate_login

LESSON_PERIOD = {"from": "2025-09-01", "to": "2025-10-26"}  # the first quarter: the lessons the load driver writes
REASON = "Ввод журнала прошедшего года (синтетические данные)"
PROBE_SUBJECT = "Проектная деятельность"  # one weekly lesson per probe class, written only by the probe
IMPORT_CHUNK = 1000  # lines per ImportPeople file (the gateway gives a file 30 s)
CSV_COLUMNS = ["kind", "last_name", "first_name", "middle_name", "gender", "birth_date", "snils", "roles",
               "class_group_id"]


class Client:
    """The REST API with one token, one HTTP session per thread."""

    def __init__(self, token: Token):
        self.token, self.local = token, threading.local()

    def call(self, method: str, path: str, body: dict | None = None, params: dict | None = None, expect=(200, 201)):
        http = self.local.__dict__.setdefault("http", requests.Session())
        resp = http.request(method, f"{BASE}/api/v1{path}", json=body, params=params, headers=self.token.header(),
                            timeout=60)
        if resp.status_code not in expect:
            raise RuntimeError(f"{method} {path}: {resp.status_code} {resp.text[:400]}")
        return resp.json()


class Phases:
    """Wall time and number of calls per loading phase, over all schools."""

    def __init__(self):
        self.seconds, self.calls, self.lock = Counter(), Counter(), threading.Lock()

    def run(self, name: str, pool: ThreadPoolExecutor, fn, items: list) -> list:
        started = time.monotonic()
        results = list(pool.map(fn, items))
        with self.lock:
            self.seconds[name] += time.monotonic() - started
            self.calls[name] += len(items)
        return results


def csv_file(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return base64.b64encode(out.getvalue().encode()).decode()


def person_row(person: m.Person, roles: tuple[str, ...] = (), class_group_id: str = "") -> dict:
    return {"kind": person.kind, "last_name": person.last_name, "first_name": person.first_name,
            "middle_name": person.middle_name, "gender": person.gender, "birth_date": person.birth_date,
            "snils": person.snils, "roles": ",".join(roles), "class_group_id": class_group_id}


def probe_entry(school: m.School) -> m.Entry:
    """A free weekly slot in the first class for the probe subject, given by that class's PE teacher."""
    group = school.classes[0]
    teacher = next(t for c, s, t in school.assignments if c == group.key and s == "Физическая культура")
    busy = {(e.weekday, e.number) for e in school.timetable if e.class_key == group.key or e.teacher == teacher}
    day, number = next((d, n) for n in range(len(m.BELLS), 0, -1) for d in range(5, 0, -1) if (d, n) not in busy)
    return m.Entry(group.key, PROBE_SUBJECT, teacher, day, number, group.room)


def load_school(school: m.School, stack: dict, pool: ThreadPoolExecutor, phases: Phases, days: int, seed: int,
                run: str) -> dict:
    """Loads one school; `run` tells its name apart from earlier loads of the same municipality."""
    operator = Client(Token(stack, "operator", stack["OTMETKA_OPERATOR_PASSWORD"]))
    onboarded = phases.run("onboard school", pool, lambda _: operator.call("POST", "/schools", {
        "name": f"{school.name} ({run})", "short_name": f"{school.short_name} ({run})",
        "admin": {"last_name": "Смирнова", "first_name": "Ольга", "middle_name": "Ивановна", "email": ""}}), [0])[0]
    sid = onboarded["school"]["id"]
    admin_password = activate(onboarded["admin"]["activation_code"])
    admin = Client(Token(stack, onboarded["admin"]["username"], admin_password))
    s = f"/schools/{sid}"
    year = admin.call("POST", f"{s}/academic-years", {**m.YEAR, "terms": [
        {"name": n, "kind": "quarter", "start_date": a, "end_date": b} for n, a, b in m.TERMS]})
    admin.call("PUT", f"{s}/journal-policy", {"edit_lock_days": 0})  # 2025/2026 is entered after the fact
    phases.run("holidays", pool, lambda h: admin.call("POST", f"{s}/academic-years/{year['id']}/holidays", {
        "name": h[0], "start_date": h[1], "end_date": h[2]}), m.HOLIDAYS)
    groups = dict(zip([c.key for c in school.classes], phases.run("class groups", pool, lambda c: admin.call(
        "POST", f"{s}/class-groups", {"academic_year_id": year["id"], "grade": c.grade, "name": c.name})["id"],
        list(school.classes)), strict=True))
    subject_names = [*school.subjects, PROBE_SUBJECT]
    subjects = dict(zip(subject_names, phases.run("subjects", pool, lambda name: admin.call(
        "POST", f"{s}/subjects", {"name": name})["id"], subject_names), strict=True))

    rows = [(st.person, (), groups[c.key]) for c in school.classes for st in c.students]
    rows += [(g.guardian, (), "") for g in school.guardianships]
    rows += [(st.person, st.roles, "") for st in school.staff if not st.account]
    chunks = [rows[i:i + IMPORT_CHUNK] for i in range(0, len(rows), IMPORT_CHUNK)]
    people: dict[str, str] = {}
    for chunk, result in zip(chunks, phases.run("people import (CSV, per file)", pool, lambda part: admin.call(
            "POST", f"{s}/people/import", {"filename": "people.csv",
                                           "content_base64": csv_file([person_row(*r) for r in part])}), chunks),
            strict=True):
        by_line = {row["line"]: row["person_id"] for row in result["rows"]}
        people.update({person.key: by_line[i + 2] for i, (person, _, _) in enumerate(chunk)})
    accounts = {st.person.key: (st, r) for st, r in zip(
        [st for st in school.staff if st.account], phases.run("staff with logins", pool, lambda st: admin.call(
            "POST", f"{s}/people", {"kind": "staff", "last_name": st.person.last_name,
                                    "first_name": st.person.first_name, "middle_name": st.person.middle_name,
                                    "gender": st.person.gender, "birth_date": st.person.birth_date,
                                    "roles": list(st.roles), "create_account": True}),
            [st for st in school.staff if st.account]), strict=True)}
    people.update({key: r["person"]["id"] for key, (_, r) in accounts.items()})
    activated = phases.run("staff activate their logins", pool, lambda r: activate_login(r["activation"]["code"]),
                           [r for _, r in accounts.values()])
    login = {key: {"username": username, "password": password}
             for key, (username, password) in zip(accounts, activated, strict=True)}
    phases.run("guardianships", pool, lambda g: admin.call("POST", f"{s}/guardianships", {
        "guardian_id": people[g.guardian.key], "student_id": people[g.student_key], "relation": g.relation}),
        list(school.guardianships))
    phases.run("form teachers", pool, lambda c: admin.call(
        "PUT", f"{s}/class-groups/{groups[c.key]}/form-teacher", {"person_id": people[c.form_teacher]}),
        list(school.classes))
    probe = probe_entry(school)
    assignments = [*school.assignments, (probe.class_key, PROBE_SUBJECT, probe.teacher)]
    phases.run("teaching assignments", pool, lambda a: admin.call("POST", f"{s}/teaching-assignments", {
        "teacher_id": people[a[2]], "subject_id": subjects[a[1]], "class_group_id": groups[a[0]]}), assignments)
    hours = [(c.key, subject, h) for c in school.classes for subject, h in m.CURRICULUM[c.grade].items()]
    phases.run("curriculum hours", pool, lambda x: admin.call(
        "PUT", f"{s}/class-groups/{groups[x[0]]}/curriculum/{subjects[x[1]]}", {"hours_per_week": str(x[2])}), hours)
    phases.run("timetable entries", pool, lambda e: admin.call("POST", f"{s}/timetable", {
        "class_group_id": groups[e.class_key], "subject_id": subjects[e.subject], "teacher_id": people[e.teacher],
        "weekday": e.weekday, "lesson_number": e.number, "starts_at": e.times[0], "ends_at": e.times[1],
        "room": e.room}), [*school.timetable, probe])

    lessons = phases.run("list lessons (per class, first quarter)", pool, lambda c: admin.call(
        "GET", f"{s}/lessons", params={"class_group_id": groups[c.key], **LESSON_PERIOD})["lessons"],
        list(school.classes))
    lessons_of = dict(zip([c.key for c in school.classes], lessons, strict=True))
    save_lessons(school, lessons_of, people, login, subjects, pool, phases, days, seed, sid)
    return {"id": sid, "name": onboarded["school"]["short_name"], "deputy": login[f"{school.number}-deputy1"],
            "admin": {"username": onboarded["admin"]["username"], "password": admin_password},
            "class_groups": [class_for_load(c, lessons_of[c.key], people, login, school) for c in school.classes],
            "probe": probe_for_load(school, probe, lessons_of, people, login, subjects, groups, sid)}


def save_lessons(school: m.School, lessons_of: dict, people: dict, login: dict, subjects: dict,
                 pool: ThreadPoolExecutor, phases: Phases, days: int, seed: int, sid: str) -> None:
    """The teachers save every lesson of the first `days` school days: topic, homework, marks, attendance."""
    dates = sorted({les["date"] for lessons in lessons_of.values() for les in lessons})[:days]
    by_id = {v: k for k, v in people.items()}
    entries = {(e.class_key, e.subject, e.weekday, e.number): e for e in school.timetable}
    subject_name = {v: k for k, v in subjects.items()}
    students = {c.key: c.students for c in school.classes}
    teachers: dict[str, Client] = {}
    work = []
    for key, lessons in lessons_of.items():
        for les in lessons:
            day = dt.date.fromisoformat(les["date"]).isoweekday()
            entry = entries.get((key, subject_name[les["subject_id"]], day, les["lesson_number"]))
            if les["date"] in dates and entry is not None:
                teacher = by_id[les["teacher_id"]]
                teachers.setdefault(teacher, Client(Token(topology.stack_env(), **login[teacher])))
                work.append((les, entry, teachers[teacher]))

    def save(item) -> None:
        les, entry, client = item
        record = m.lesson_record(seed, entry, les["date"], students[entry.class_key])
        client.call("PUT", f"/schools/{sid}/lessons/{les['id']}/record", {
            "topic": record["topic"], "homework": record["homework"], "reason": REASON,
            "marks": [{"student_id": people[k], "value": v, "work_type": "classwork"} for k, v in record["marks"]],
            "attendance": [{"student_id": people[k], "status": st} for k, st in record["attendance"]]})
    phases.run("lesson saves (SaveLesson)", pool, save, work)


def main_teacher(school: m.School, group: m.ClassGroup) -> str:
    """The teacher with the most weekly hours in the class (the one the load driver writes as)."""
    hours = Counter(e.teacher for e in school.timetable if e.class_key == group.key)
    return max(sorted(hours), key=lambda t: hours[t])


def class_for_load(group: m.ClassGroup, lessons: list[dict], people: dict, login: dict, school: m.School) -> dict:
    teacher = main_teacher(school, group)
    return {"id": lessons[0]["class_group_id"] if lessons else "", "name": group.name,
            "students": [people[s.person.key] for s in group.students],
            "lessons": [les["id"] for les in lessons if les["teacher_id"] == people[teacher]],
            "teacher": login[teacher], "form_teacher": login[group.form_teacher]}


def probe_for_load(school, probe: m.Entry, lessons_of, people, login, subjects, groups, sid) -> dict:
    [lesson, *_] = [les for les in lessons_of[probe.class_key] if les["subject_id"] == subjects[PROBE_SUBJECT]]
    return {"school_id": sid, "class_group_id": groups[probe.class_key], "subject_id": subjects[PROBE_SUBJECT],
            "lesson_id": lesson["id"], "student_id": people[school.classes[0].students[0].person.key],
            "teacher": login[probe.teacher]}


def estimate(phases: Phases, loaded: m.Municipality, full: m.Municipality, days: int) -> list[str]:
    """Seconds per phase at the measured rate, scaled to the whole size (lesson saves to a school year)."""
    scale = len(full.schools) / max(1, len(loaded.schools))
    lines, total = [], 0.0
    for name in phases.seconds:
        seconds = phases.seconds[name] * scale
        if name.startswith("lesson saves") and days:
            seconds *= 165 / days  # ~165 school days in a year of five-day weeks
        total += seconds
        rate = phases.calls[name] / phases.seconds[name] if phases.seconds[name] else 0
        lines.append(f"  {name:42} {phases.calls[name]:>8} calls {phases.seconds[name]:>8.1f} s "
                     f"{rate:>8.1f}/s   whole {full.size}: ~{seconds / 3600:.1f} h")
    lines.append(f"  estimated for the whole {full.size} with a year of lessons: ~{total / 3600:.1f} h")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(m.SIZES), default="town")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schools", type=int, default=0, help="load only the first K schools of the size")
    parser.add_argument("--days", type=int, default=5, help="school days of lessons the teachers save")
    parser.add_argument("--workers", type=int, default=8, help="parallel requests")
    args = parser.parse_args()
    full = m.generate(args.size, args.seed)
    loaded = m.Municipality(full.size, full.seed, full.schools[:args.schools or None])
    print(f"{args.size}: {full.counts()}; loading {len(loaded.schools)} school(s), {args.days} day(s) of lessons")
    stack, phases, run = topology.stack_env(), Phases(), f"{args.seed}-{int(time.time()) % 100000}"
    started = time.monotonic()
    schools = []
    with ThreadPoolExecutor(args.workers) as pool:
        for school in loaded.schools:
            schools.append(load_school(school, stack, pool, phases, args.days, args.seed, f"нагрузка {run}"))
            print(f"  {school.short_name}: {len(school.classes)} классов, {len(school.students())} учеников, "
                  f"{time.monotonic() - started:.0f} s")
    data = {"size": args.size, "seed": args.seed, "period": LESSON_PERIOD, "schools": schools,
            "counts": loaded.counts(), "phases": {n: {"seconds": round(phases.seconds[n], 1), "calls": phases.calls[n]}
                                                  for n in phases.seconds}}
    path = bench_dir() / f"seed-{args.size}.json"
    write_json(path, data)
    print(f"loaded in {time.monotonic() - started:.0f} s -> {path}")
    print("\n".join(estimate(phases, loaded, full, args.days)))


if __name__ == "__main__":
    main()
