"""Seeds a small municipality through the gateway's REST API (deterministic names for a given --seed)
and records the ids and one-time passwords in .run/bench/seed-<size>.json for the load driver.

Sizes: demo (1 school x 1 class x 25 students), small (3 schools x 2 classes x 25 students). Every class
has its own teacher and a Monday-Friday Математика lesson; school 1's 5А also has a Monday Русский язык
lesson that only the mark-to-summary-sheet probe writes. `city` (150 schools, ~150,000 students) needs the
bulk import paths and is not offered here.

Usage: python -m bench.seed --size small [--seed 1]
"""
import argparse
import random
import time

from bench.common import bench_dir, write_json
from services import topology
from services.demo_seed import seed_school

SIZES = {"demo": (1, 1, 25), "small": (3, 2, 25)}  # schools, class groups per school, students per class
LETTERS = "АБВГ"
MALE = [("Смирнов", "Александр", "Андреевич"), ("Попов", "Максим", "Игоревич"), ("Соколов", "Артём", "Олегович"),
        ("Лебедев", "Михаил", "Дмитриевич"), ("Козлов", "Иван", "Сергеевич"), ("Новиков", "Даниил", "Павлович"),
        ("Морозов", "Кирилл", "Викторович"), ("Волков", "Егор", "Николаевич"), ("Соловьёв", "Никита", "Юрьевич"),
        ("Васильев", "Матвей", "Алексеевич"), ("Зайцев", "Тимофей", "Романович"), ("Павлов", "Илья", "Владимирович")]
FEMALE = [("Смирнова", "Анна", "Андреевна"), ("Попова", "Мария", "Игоревна"), ("Соколова", "Софья", "Олеговна"),
          ("Лебедева", "Алиса", "Дмитриевна"), ("Козлова", "Виктория", "Сергеевна"), ("Новикова", "Полина", "Павловна"),
          ("Морозова", "Ева", "Викторовна"), ("Волкова", "Варвара", "Николаевна"), ("Соловьёва", "Дарья", "Юрьевна"),
          ("Васильева", "Ксения", "Алексеевна"), ("Зайцева", "Вероника", "Романовна"), ("Павлова", "Арина", "Владимировна")]
LESSON_PERIOD = {"from": "2025-09-01", "to": "2025-10-26"}  # the first quarter: the lessons the load driver writes


def person(rng: random.Random, kind: str, born_year: int) -> dict:
    """A deterministic Russian name, gender and birth date."""
    gender = rng.choice(["male", "female"])
    last, first, middle = (rng.choice(MALE[:6]) if gender == "male" else rng.choice(FEMALE[:6]))[0], *(
        rng.choice(MALE if gender == "male" else FEMALE)[1:])
    born = f"{born_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"kind": kind, "last_name": last, "first_name": first, "middle_name": middle, "gender": gender,
            "birth_date": born}


def add_class(seeded: dict, rng: random.Random, name: str, students: int, existing: list[dict],
              teacher: dict | None) -> dict:
    """A class group (or the seeded one) filled up to `students`, with its teacher and a Monday-Friday timetable."""
    admin, sid = seeded["admin_api"], seeded["school"]["id"]
    year_id, subject_id = seeded["year"]["id"], seeded["subject"]["id"]
    group = seeded["class_group"] if teacher else admin.post(
        f"/schools/{sid}/class-groups", {"academic_year_id": year_id, "grade": 5, "name": name})
    if teacher is None:
        teacher = admin.post(f"/schools/{sid}/people", {**person(rng, "staff", 1980), "roles": ["subject_teacher"],
                                                       "create_account": True})
        admin.post(f"/schools/{sid}/teaching-assignments", {
            "teacher_id": teacher["person"]["id"], "subject_id": subject_id, "class_group_id": group["id"]})
    people = existing + [admin.post(f"/schools/{sid}/people", {**person(rng, "student", 2014), "class_group_id": group["id"]})
                         ["person"] for _ in range(students - len(existing))]
    first_day = 2 if existing else 1  # the seeded class already has its Monday lesson
    for weekday in range(first_day, 6):
        admin.post(f"/schools/{sid}/timetable", {
            "class_group_id": group["id"], "subject_id": subject_id, "teacher_id": teacher["person"]["id"],
            "weekday": weekday, "lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15", "room": "21"})
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], **LESSON_PERIOD})["lessons"]
    return {"id": group["id"], "name": group["name"], "students": [p["id"] for p in people],
            "lessons": [les["id"] for les in lessons if les["subject_id"] == subject_id],
            "teacher": {"username": teacher["person"]["username"], "password": teacher["initial_password"]}}


def add_probe_subject(seeded: dict, group: dict) -> dict:
    """A second subject with one Monday lesson in the class, written only by the mark-to-summary-sheet probe."""
    admin, sid = seeded["admin_api"], seeded["school"]["id"]
    subject = admin.post(f"/schools/{sid}/subjects", {"name": "Русский язык"})
    teacher_id = seeded["teacher"]["person"]["id"]
    admin.post(f"/schools/{sid}/teaching-assignments",
               {"teacher_id": teacher_id, "subject_id": subject["id"], "class_group_id": group["id"]})
    admin.post(f"/schools/{sid}/timetable", {
        "class_group_id": group["id"], "subject_id": subject["id"], "teacher_id": teacher_id,
        "weekday": 1, "lesson_number": 2, "starts_at": "09:25", "ends_at": "10:10", "room": "21"})
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], **LESSON_PERIOD})["lessons"]
    [lesson, *_] = [les for les in lessons if les["subject_id"] == subject["id"]]
    return {"school_id": sid, "class_group_id": group["id"], "subject_id": subject["id"], "lesson_id": lesson["id"],
            "student_id": group["students"][0], "teacher": group["teacher"]}


def seed_municipality(size: str, seed: int) -> dict:
    """Creates the schools of the size through the API; returns what the load driver needs."""
    schools_n, groups_n, students_n = SIZES[size]
    rng, stack, run = random.Random(seed), topology.stack_env(), f"{seed}-{int(time.time()) % 100000}"
    schools = []
    for number in range(1, schools_n + 1):
        seeded = seed_school(stack, f"Школа № {number} (нагрузка {run})")
        first = add_class(seeded, rng, "5А", students_n, seeded["students"], seeded["teacher"])
        groups = [first] + [add_class(seeded, rng, f"5{LETTERS[i]}", students_n, [], None) for i in range(1, groups_n)]
        deputy = {"username": seeded["deputy"]["person"]["username"], "password": seeded["deputy"]["initial_password"]}
        schools.append({"id": seeded["school"]["id"], "name": seeded["school"]["short_name"], "deputy": deputy,
                        "subject_id": seeded["subject"]["id"], "class_groups": groups,
                        **({"probe": add_probe_subject(seeded, first)} if number == 1 else {})})
        print(f"  {seeded['school']['short_name']}: {len(groups)} классов, {sum(len(g['students']) for g in groups)} учеников")
    return {"size": size, "seed": seed, "period": LESSON_PERIOD, "schools": schools}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    data = seed_municipality(args.size, args.seed)
    path = bench_dir() / f"seed-{args.size}.json"
    write_json(path, data)
    print(f"seeded {args.size} in {time.monotonic() - started:.0f} s -> {path}")


if __name__ == "__main__":
    main()
