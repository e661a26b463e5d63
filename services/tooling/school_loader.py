"""Loads one school of a synthetic municipality (services/tooling/municipality.py) into the running installation
through the services' own paths, the REST API as the school's people use it, in three stages:
- people: the operator onboards the school, its admin creates the year, holidays, classes and subjects,
  imports students, guardians (with their links to the students) and the staff without logins as CSV
  (ImportPeople), creates the teachers and deputy heads with logins (each activates it with the code they were
  given) and names the form teachers;
- teaching: teaching assignments, curriculum hours and the weekly timetable (which schedules the year's lessons);
- lessons: the teachers save whole lessons for the first `days` school days.
A school's state (ids, logins) tells which stages are done, so a school is loaded stage by stage; every phase is
timed (Phases). `make run`'s demo school (services/tooling/demo_seed.py) and the benchmarks' municipalities
(bench/seed.py) are loaded with it.
"""
import base64
import csv
import datetime as dt
import io
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

from services import topology
from services.tooling import municipality as m
from services.tooling.api_client import Client, Token, activate, activate_login

RECENT_DAYS = 42  # a school loaded "until" a day lists the lessons of the six weeks before it
REASON = "Ввод журнала за прошедшие дни (синтетические данные)"
PROBE_SUBJECT = "Проектная деятельность"  # one weekly lesson per probe class, written only by the probe
IMPORT_CHUNK = 1000  # lines per ImportPeople file (the gateway gives a file 30 s)
TIMETABLE_CHUNK = 2000  # lines per ImportTimetable call (its limit): a city school's week in one
LESSONS_CHUNK = 50  # lessons per SaveLessons call (its limit)
CSV_COLUMNS = ["kind", "last_name", "first_name", "middle_name", "gender", "birth_date", "snils", "roles",
               "class_group_id", "guardian_of", "relation", "row_key"]
STAGES = ("people", "teaching", "lessons")  # a school is loaded stage by stage; a state file per school resumes


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


def person_row(person: m.Person, roles: tuple[str, ...] = (), class_group_id: str = "", guardian_of: str = "",
               relation: str = "") -> dict:
    return {"kind": person.kind, "last_name": person.last_name, "first_name": person.first_name,
            "middle_name": person.middle_name, "gender": person.gender, "birth_date": person.birth_date,
            "snils": person.snils, "roles": ",".join(roles), "class_group_id": class_group_id,
            "guardian_of": guardian_of, "relation": relation, "row_key": ""}


def probe_entry(school: m.School) -> m.Entry:
    """A free weekly slot in the first class for the probe subject, given by that class's PE teacher."""
    group = school.classes[0]
    teacher = next(t for c, s, t in school.assignments if c == group.key and s == "Физическая культура")
    busy = {(e.weekday, e.number) for e in school.timetable if e.class_key == group.key or e.teacher == teacher}
    day, number = next((d, n) for n in range(len(m.BELLS), 0, -1) for d in range(5, 0, -1) if (d, n) not in busy)
    return m.Entry(group.key, PROBE_SUBJECT, teacher, day, number, group.room)


def lesson_period(calendar: m.Calendar, until: dt.date | None = None) -> dict:
    """The lessons a load lists: the first quarter, or the six weeks up to `until` (within the year)."""
    if until is None:
        _, start, end = calendar.terms[0]
        return {"from": start, "to": end}
    first, last = (dt.date.fromisoformat(calendar.year[key]) for key in ("start_date", "end_date"))
    return {"from": max(first, until - dt.timedelta(days=RECENT_DAYS)).isoformat(), "to": min(until, last).isoformat()}


def load_school(school: m.School, stack: dict, pool: ThreadPoolExecutor, phases: Phases, days: int, seed: int,
                run: str, state: dict | None = None, stages: tuple[str, ...] = STAGES,
                calendar: m.Calendar | None = None, until: dt.date | None = None) -> dict:
    """Loads one school's `stages` in order, continuing from `state` (what earlier stages left: ids, logins);
    `run` tells its name apart from earlier loads of the same municipality. The school's year is `calendar` (the
    year containing today by default); the teachers save the first `days` school days of its first quarter, or,
    with `until`, the last `days` school days up to that day. Returns the state; once every stage is done it
    holds `for_load`, what the load driver needs."""
    state = dict(state or {})
    for i, stage in enumerate(STAGES):
        if stage in stages and stage not in state.get("done", []):
            if missing := [earlier for earlier in STAGES[:i] if earlier not in state.get("done", [])]:
                raise RuntimeError(f"{school.short_name}: {stage} needs {', '.join(missing)} first (--stages)")
            # the year the school was set up in stays its year in every later stage
            state.setdefault("start_year", (calendar or m.calendar(m.year_containing(dt.date.today()))).start_year)
            if until is not None:
                state["until"] = until.isoformat()
            {"people": load_people, "teaching": load_teaching, "lessons": load_lessons}[stage](
                school, state, stack, pool, phases, days, seed, run)
            state["done"] = [*state.get("done", []), stage]
    return state


def load_people(school: m.School, state: dict, stack: dict, pool: ThreadPoolExecutor, phases: Phases, days: int,
                seed: int, run: str) -> None:
    """The school onboarded, its year, holidays, classes and subjects; students, guardians (with their links)
    and the staff without logins imported as CSV; teachers and deputy heads with activated logins; form
    teachers."""
    operator = Client(Token(stack, "operator", stack["OTMETKA_OPERATOR_PASSWORD"]))
    onboarded = phases.run("onboard school", pool, lambda _: operator.call("POST", "/schools", {
        "name": f"{school.name} ({run})", "short_name": f"{school.short_name} ({run})",
        "admin": {"last_name": "Смирнова", "first_name": "Ольга", "middle_name": "Ивановна", "email": ""}}), [0])[0]
    sid = onboarded["school"]["id"]
    state.update(id=sid, name=onboarded["school"]["short_name"], admin={
        "username": onboarded["admin"]["username"], "password": activate(onboarded["admin"]["activation_code"])})
    admin, s = admin_client(stack, state), f"/schools/{sid}"
    # the card's registration numbers: the year-end archive and the director's certificate name them
    admin.call("PUT", s, {"name": onboarded["school"]["name"], "short_name": onboarded["school"]["short_name"],
                          "details": {"inn": m.inn_of(school.number), "ogrn": m.ogrn_of(school.number)}})
    calendar = m.calendar(state["start_year"])
    year = admin.call("POST", f"{s}/academic-years", {**calendar.year, "terms": [
        {"name": n, "kind": "quarter", "start_date": a, "end_date": b} for n, a, b in calendar.terms]})
    admin.call("PUT", f"{s}/journal-policy", {"edit_lock_days": 0})  # past days are entered after the fact
    phases.run("holidays", pool, lambda h: admin.call("POST", f"{s}/academic-years/{year['id']}/holidays", {
        "name": h[0], "start_date": h[1], "end_date": h[2]}), list(calendar.holidays))
    groups = dict(zip([c.key for c in school.classes], phases.run("class groups", pool, lambda c: admin.call(
        "POST", f"{s}/class-groups", {"academic_year_id": year["id"], "grade": c.grade, "name": c.name})["id"],
        list(school.classes)), strict=True))
    subject_names = [*school.subjects, PROBE_SUBJECT]
    subjects = dict(zip(subject_names, phases.run("subjects", pool, lambda name: admin.call(
        "POST", f"{s}/subjects", {"name": name})["id"], subject_names), strict=True))

    people: dict[str, str] = {}
    students = [(st.person.key, person_row(st.person, class_group_id=groups[c.key]))
                for c in school.classes for st in c.students]
    staff = [(st.person.key, person_row(st.person, st.roles)) for st in school.staff if not st.account]
    snils = {st.person.key: st.person.snils for c in school.classes for st in c.students}
    guardians = [(g.guardian.key, person_row(g.guardian, guardian_of=snils[g.student_key], relation=g.relation))
                 for g in school.guardianships]
    # students first: the guardians' files name them by SNILS among the school's records
    for batch in ([*students, *staff], guardians):
        chunks = [batch[i:i + IMPORT_CHUNK] for i in range(0, len(batch), IMPORT_CHUNK)]
        for chunk, result in zip(chunks, phases.run("people import (CSV, per file)", pool, lambda part: admin.call(
                "POST", f"{s}/people/import", {"filename": "people.csv",
                                               "content_base64": csv_file([row for _, row in part])}), chunks),
                strict=True):
            by_line = {row["line"]: row["person_id"] for row in result["rows"]}
            people.update({key: by_line[i + 2] for i, (key, _) in enumerate(chunk)})
    with_login = [st for st in school.staff if st.account]
    created = phases.run("staff with logins", pool, lambda st: admin.call("POST", f"{s}/people", {
        "kind": "staff", "last_name": st.person.last_name, "first_name": st.person.first_name,
        "middle_name": st.person.middle_name, "gender": st.person.gender, "birth_date": st.person.birth_date,
        "roles": list(st.roles), "create_account": True}), with_login)
    people.update({st.person.key: r["person"]["id"] for st, r in zip(with_login, created, strict=True)})
    activated = phases.run("staff activate their logins", pool, lambda r: activate_login(r["activation"]["code"]),
                           created)
    phases.run("form teachers", pool, lambda c: admin.call(
        "PUT", f"{s}/class-groups/{groups[c.key]}/form-teacher", {"person_id": people[c.form_teacher]}),
        list(school.classes))
    state.update(year_id=year["id"], groups=groups, subjects=subjects, people=people, login={
        st.person.key: {"username": u, "password": p} for st, (u, p) in zip(with_login, activated, strict=True)})


def next_year(previous: m.School, school: m.School, state: dict, stack: dict, pool: ThreadPoolExecutor,
              phases: Phases, days: int, seed: int) -> dict:
    """The school's loaded year closed and the next opened as its people do it at the year end: the year closed (its
    archive follows), the year transition (every class promoted, the 9th and 11th grades graduated, the 1st and 10th
    classes formed empty, orders dated the last days of August), the timetable's draft published, the 9th graders
    enrolled into the 10th classes and the newcomers of `school` (municipality.next_year) into the 1st; then the
    next year's lessons as load_lessons does them. Returns the state of the next year."""
    admin, s = admin_client(stack, state), f"/schools/{state['id']}"
    calendar = m.calendar(state["start_year"] + 1)
    start = dt.date.fromisoformat(calendar.year["start_date"])
    signed = (start - dt.timedelta(days=3)).isoformat()
    admin.call("POST", f"{s}/academic-years/{state['year_id']}/close")
    formed = [{"grade": c.grade, "name": c.name} for c in school.classes if c.grade in (1, 10)]
    transition = admin.call("POST", f"{s}/year-transitions/{state['year_id']}", {
        "name": calendar.year["name"], "new_classes": formed, "order_date": signed})
    year_id = transition["target_year_id"]
    admin.call("POST", f"{s}/academic-years/{year_id}/timetable-draft/publish")
    by_name = {g["name"]: g["id"] for g in admin.call("GET", f"{s}/class-groups",
                                                      params={"academic_year_id": year_id})["class_groups"]}
    groups = {c.key: by_name[c.name] for c in school.classes}
    people = dict(state["people"])
    newcomers = [(st.person.key, person_row(st.person)) for c in school.classes if c.key.startswith("new:")
                 for st in c.students]
    known = {st.person.key for c in previous.classes for st in c.students}
    guardians = [(g.guardian.key, person_row(g.guardian, guardian_of=g.student_key.removeprefix("new:"),
                                             relation=g.relation))
                 for g in school.guardianships if g.student_key not in known]
    rows = [dict(row, row_key=key.removeprefix("new:")) for key, row in newcomers] + [row for _, row in guardians]
    result = admin.call("POST", f"{s}/people/import", {"filename": "newcomers.csv", "content_base64": csv_file(rows)})
    by_line = {row["line"]: row["person_id"] for row in result["rows"]}
    people.update({key: by_line[i + 2] for i, (key, _) in enumerate([*newcomers, *guardians])})
    phases.run("enrolment orders (1st and 10th classes)", pool, lambda c: admin.call("POST", f"{s}/orders", {
        "kind": "enrolment", "order_date": signed, "effective_date": start.isoformat(),
        "reason": "Формирование класса", "lines": [{"student_id": people[st.person.key],
                                                    "to_class_group_id": groups[c.key]} for st in c.students]}),
        [c for c in school.classes if c.grade in (1, 10) and c.students])
    state = dict(state, start_year=calendar.start_year, year_id=year_id, groups=groups, people=people,
                 done=["people", "teaching"])
    load_lessons(school, state, stack, pool, phases, days, seed, "")
    return state


def admin_client(stack: dict, state: dict) -> Client:
    return Client(Token(stack, state["admin"]["username"], state["admin"]["password"]))


def load_teaching(school: m.School, state: dict, stack: dict, pool: ThreadPoolExecutor, phases: Phases, days: int,
                  seed: int, run: str) -> None:
    """Teaching assignments, curriculum hours and the weekly timetable (which schedules the year's lessons)."""
    admin, s = admin_client(stack, state), f"/schools/{state['id']}"
    groups, subjects, people = state["groups"], state["subjects"], state["people"]
    probe = probe_entry(school)
    phases.run("teaching load (ImportTeachingLoad)", pool, lambda body: admin.call("POST", f"{s}/teaching-load/import", body), [{
        "assignments": [{"teacher_id": people[t], "subject_id": subjects[subject], "class_group_id": groups[c]}
                        for c, subject, t in [*school.assignments, (probe.class_key, PROBE_SUBJECT, probe.teacher)]],
        "hours": [{"class_group_id": groups[c.key], "subject_id": subjects[subject], "hours_per_week": str(h)}
                  for c in school.classes for subject, h in m.CURRICULUM[c.grade].items()]}])
    lines = [{"class_group_id": groups[e.class_key], "subject_id": subjects[e.subject], "teacher_id": people[e.teacher],
              "weekday": e.weekday, "lesson_number": e.number, "starts_at": e.times[0], "ends_at": e.times[1],
              "room": e.room} for e in [*school.timetable, probe]]
    phases.run("timetable (ImportTimetable)", pool, lambda part: admin.call("POST", f"{s}/timetable/import", {
        "lines": part}), [lines[i:i + TIMETABLE_CHUNK] for i in range(0, len(lines), TIMETABLE_CHUNK)])


def load_lessons(school: m.School, state: dict, stack: dict, pool: ThreadPoolExecutor, phases: Phases, days: int,
                 seed: int, run: str) -> None:
    """The classes' lessons of the period listed (lesson_period); the teachers save the first `days` school days of
    the first quarter, or the last `days` up to the state's `until`; what the load driver needs is kept in the
    state's `for_load`."""
    admin, groups, people = admin_client(stack, state), state["groups"], state["people"]
    until = dt.date.fromisoformat(state["until"]) if state.get("until") else None
    period = lesson_period(m.calendar(state["start_year"]), until)
    lessons = phases.run("list lessons (per class)", pool, lambda c: admin.call(
        "GET", f"/schools/{state['id']}/lessons", params={"class_group_id": groups[c.key], **period})["lessons"],
        list(school.classes))
    lessons_of = dict(zip([c.key for c in school.classes], lessons, strict=True))
    save_lessons(school, lessons_of, people, state["login"], state["subjects"], pool, phases, days, seed, state["id"],
                 latest=until is not None)
    login = state["login"]
    state["for_load"] = {
        "id": state["id"], "name": state["name"], "deputy": login[f"{school.number}-deputy1"], "admin": state["admin"],
        "director": login[f"{school.number}-director"],
        "class_groups": [class_for_load(c, lessons_of[c.key], people, login, school) for c in school.classes
                         if lessons_of[c.key]],  # a class formed at the year transition has no lessons yet
        "probe": probe_for_load(school, probe_entry(school), lessons_of, people, login, state["subjects"], groups,
                                state["id"])}


def save_lessons(school: m.School, lessons_of: dict, people: dict, login: dict, subjects: dict,
                 pool: ThreadPoolExecutor, phases: Phases, days: int, seed: int, sid: str, latest: bool = False) -> None:
    """The teachers save every lesson of the first `days` school days (the last ones with `latest`): topic,
    homework, marks, attendance."""
    listed = sorted({les["date"] for lessons in lessons_of.values() for les in lessons})
    dates = listed[len(listed) - days:] if latest else listed[:days]
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

    def body(item) -> dict:
        les, entry, _ = item
        record = m.lesson_record(seed, entry, les["date"], students[entry.class_key])
        return {"lesson_id": les["id"], "topic": record["topic"], "homework": record["homework"], "reason": REASON,
                "marks": [{"student_id": people[k], "value": v, "work_type": "classwork"} for k, v in record["marks"]],
                "attendance": [{"student_id": people[k], "status": st} for k, st in record["attendance"]]}

    by_teacher = defaultdict(list)
    for item in work:
        by_teacher[item[2]].append(item)
    calls = [(client, items[i:i + LESSONS_CHUNK]) for client, items in by_teacher.items()
             for i in range(0, len(items), LESSONS_CHUNK)]
    phases.run("lesson saves (SaveLessons, per call)", pool, lambda call: call[0].call(
        "PUT", f"/schools/{sid}/lessons/records", {"lessons": [body(item) for item in call[1]]}), calls)
    phases.calls["lessons saved"] += len(work)


def main_teacher(school: m.School, group: m.ClassGroup) -> str:
    """The teacher with the most weekly hours in the class (the one the load driver writes as)."""
    hours = Counter(e.teacher for e in school.timetable if e.class_key == group.key)
    return max(sorted(hours), key=lambda t: hours[t])


def class_for_load(group: m.ClassGroup, lessons: list[dict], people: dict, login: dict, school: m.School) -> dict:
    teacher = main_teacher(school, group)
    return {"id": lessons[0]["class_group_id"], "name": group.name,
            "students": [people[s.person.key] for s in group.students],
            "lessons": [les["id"] for les in lessons if les["teacher_id"] == people[teacher]],
            "teacher": login[teacher], "form_teacher": login[group.form_teacher]}


def probe_for_load(school, probe: m.Entry, lessons_of, people, login, subjects, groups, sid) -> dict:
    [lesson, *_] = [les for les in lessons_of[probe.class_key] if les["subject_id"] == subjects[PROBE_SUBJECT]]
    return {"school_id": sid, "class_group_id": groups[probe.class_key], "subject_id": subjects[PROBE_SUBJECT],
            "lesson_id": lesson["id"], "student_id": people[school.classes[0].students[0].person.key],
            "teacher": login[probe.teacher]}
