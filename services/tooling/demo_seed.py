"""Seeds a demo school through the gateway's REST API, exactly as its people would set it up, and
prints the URL and the demo logins. `make run` loads the synthetic municipality's `demo` school
(seed_generated_demo) in the school year that contains today; the end-to-end tests set up their own small school
with tests/support/school.py.

Usage: python -m services.tooling.demo_seed
"""
import datetime as dt
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from services import topology
from services.tooling import municipality, school_loader
from services.tooling.api_client import BASE, Api, password_token

GOSUSLUGI_PASSWORD = "Gosuslugi-2025!"  # the stand-in's development users (infra/keycloak)
GUARDIANS = [  # they exist in the Gosuslugi stand-in with these SNILS
    ("Иванова", "Мария", "Петровна", "female", "1985-03-14", "112-233-445 95", "ivanova"),
    ("Петров", "Сергей", "Иванович", "male", "1980-07-02", "12345678964", "petrov"),
]


DEMO_DAYS = 5  # the last school days up to today whose lessons the demo teachers have filled in
DEMO_CLASS = "5А"


def seed_generated_demo(stack: dict[str, str], today: dt.date | None = None) -> dict:
    """The synthetic municipality's `demo` school (services/tooling/municipality.py: grades 1-11, 285 students with
    guardians, staff, curriculum, timetable, lessons with marks) through the REST API: the school year before the
    one that contains `today` (the clock's by default) with its last school days filled in, closed (its archive
    packages wait for the director's signature on the archive page) and carried into this year by the year
    transition, the 1st and 10th classes enrolled; this year's last school days up to today filled in; plus the
    Gosuslugi stand-in's two guardians linked to two students of 5А, who see this week and last year. Returns the
    demo logins."""
    today = today or dt.date.today()
    this_year = municipality.year_containing(today)
    previous = municipality.calendar(this_year - 1)
    school = municipality.generate("demo", start_year=previous.start_year).schools[0]
    newcomers = municipality.generate("demo", start_year=this_year, snils_from=500_000_000).schools[0]
    phases = school_loader.Phases()
    with ThreadPoolExecutor(8) as pool:
        state = school_loader.load_school(school, stack, pool, phases, DEMO_DAYS, seed=1,
                                          run=f"демо {uuid.uuid4().hex[:4]}", calendar=previous,
                                          until=dt.date.fromisoformat(previous.year["end_date"]))
        loaded = school_loader.next_year(school, municipality.next_year(school, newcomers), dict(state, until=today.isoformat()),
                                         stack, pool, phases, DEMO_DAYS, seed=2)["for_load"]
    admin = Api(password_token(stack, loaded["admin"]["username"], loaded["admin"]["password"]))
    sid = loaded["id"]
    [group] = [g for g in loaded["class_groups"] if g["name"] == DEMO_CLASS]
    for (last, first, middle, gender, born, snils, _), student_id, relation in zip(
            GUARDIANS, group["students"], ["mother", "father"], strict=False):
        guardian = admin.post(f"/schools/{sid}/people", {
            "kind": "guardian", "last_name": last, "first_name": first, "middle_name": middle, "gender": gender,
            "birth_date": born, "snils": snils})["person"]
        admin.post(f"/schools/{sid}/guardianships",
                   {"guardian_id": guardian["id"], "student_id": student_id, "relation": relation})
    logins = [("администратор школы", loaded["admin"]["username"], loaded["admin"]["password"]),
              (f"учитель, классный руководитель {DEMO_CLASS}", group["form_teacher"]["username"],
               group["form_teacher"]["password"])]
    if group["teacher"] != group["form_teacher"]:
        logins.append((f"учитель, больше всего уроков в {DEMO_CLASS}", group["teacher"]["username"],
                       group["teacher"]["password"]))
    logins.append(("заместитель директора", loaded["deputy"]["username"], loaded["deputy"]["password"]))
    logins.append(("директор (подписывает годовые архивы)", loaded["director"]["username"],
                   loaded["director"]["password"]))
    return {"school": loaded["name"], "school_id": sid, "start_year": this_year, "logins": logins + [
        (f"родитель через Госуслуги ({g[0]})", g[6], GOSUSLUGI_PASSWORD) for g in GUARDIANS]}


def still_there(stack: dict[str, str], demo: dict, today: dt.date) -> bool:
    """Whether a saved demo is this installation's and this year's: its school year contains today, and its
    administrator still logs in and still belongs to its school (a reset of PostgreSQL or Keycloak deletes one or
    the other)."""
    if demo.get("start_year") != municipality.year_containing(today) or "school_id" not in demo:
        return False
    _, username, password = demo["logins"][0]
    try:
        token = password_token(stack, username, password)
    except requests.HTTPError:
        return False
    me = Api(token).get("/me")
    return any(m["school"]["id"] == demo["school_id"] for m in me["memberships"])


def main() -> None:
    stack = topology.stack_env()
    saved = topology.state_dir() / "demo.json"
    demo = json.loads(saved.read_text()) if saved.exists() else None
    if demo is None or not still_there(stack, demo, dt.date.today()):
        if demo is not None:
            print("Сохранённая демо-школа устарела или удалена (новый учебный год, сброс стенда): создаю заново")
        demo = seed_generated_demo(stack)
        saved.write_text(json.dumps(demo, ensure_ascii=False, indent=1))
        saved.chmod(0o600)
    print(f"\nОтметка работает: {BASE}/  (демо-школа: {demo['school']})")
    print("Демо-входы (development only):")
    for who, username, password in demo["logins"]:
        print(f"  {who:50} {username:28} {password}")
    print("Оператор МОУО: operator, пароль в .run/secrets.env (OTMETKA_OPERATOR_PASSWORD)")
    if stack.get("OTMETKA_MAILPIT_URL"):
        print(f"Письма семьям (подтверждение адреса, сводки) приходят в Mailpit: "
              f"{stack['OTMETKA_MAILPIT_URL']}/api/v1/messages, письмо — /view/<ID>.html")


if __name__ == "__main__":
    main()
