"""Seeds a demo school through the gateway's REST API, exactly as its people would set it up, and
prints the URL and the demo logins. `make run` loads the synthetic municipality's `demo` school
(seed_generated_demo); the end-to-end tests set up their own small school with seed_school.

Usage: python -m services.tooling.demo_seed
"""
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

from services import topology
from services.tooling import municipality, school_loader
from services.tooling.api_client import BASE, Api, activate, password_token, with_login

GOSUSLUGI_PASSWORD = "Gosuslugi-2025!"  # the stand-in's development users (infra/keycloak)
GUARDIANS = [  # they exist in the Gosuslugi stand-in with these SNILS
    ("Иванова", "Мария", "Петровна", "female", "1985-03-14", "112-233-445 95", "ivanova"),
    ("Петров", "Сергей", "Иванович", "male", "1980-07-02", "12345678964", "petrov"),
]
STUDENTS = [("Иванов", "Пётр", "Сергеевич", "male", "2014-05-20"), ("Петрова", "Дарья", "Сергеевна", "female", "2014-08-03")]


def seed_school(stack: dict[str, str], short_name: str) -> dict:
    """Onboards a school and sets up 2025/2026, class 5А, Математика, a teacher, two students with a
    guardian each and a Monday lesson; returns everything created (with the passwords the staff set when they
    activated their logins)."""
    operator = Api(password_token(stack, "operator", stack["OTMETKA_OPERATOR_PASSWORD"]))
    onboarded = operator.post("/schools", {
        "name": f"Муниципальное бюджетное общеобразовательное учреждение «{short_name}»", "short_name": short_name,
        "admin": {"last_name": "Смирнова", "first_name": "Ольга", "middle_name": "Ивановна", "email": ""}})
    sid = onboarded["school"]["id"]
    onboarded["admin"]["password"] = activate(onboarded["admin"]["activation_code"])
    admin = Api(password_token(stack, onboarded["admin"]["username"], onboarded["admin"]["password"]))
    year = admin.post(f"/schools/{sid}/academic-years", {**municipality.YEAR, "terms": [
        {"name": n, "kind": "quarter", "start_date": a, "end_date": b} for n, a, b in municipality.TERMS]})
    # 2025/2026 is over: the school keeps the journal open to enter it (0 = lessons are never locked)
    admin.put(f"/schools/{sid}/journal-policy", {"edit_lock_days": 0})
    class_group = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year["id"], "grade": 5, "name": "5А"})
    subject = admin.post(f"/schools/{sid}/subjects", {"name": "Математика"})
    teacher = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Кузнецов", "first_name": "Андрей", "middle_name": "Павлович", "gender": "male",
        "birth_date": "1979-04-12", "roles": ["subject_teacher", "form_teacher"], "create_account": True}))
    deputy = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Волкова", "first_name": "Елена", "middle_name": "Андреевна", "gender": "female",
        "birth_date": "1975-01-30", "roles": ["deputy_head"], "create_account": True}))
    students = [admin.post(f"/schools/{sid}/people", {
        "kind": "student", "last_name": last, "first_name": first, "middle_name": middle, "gender": gender,
        "birth_date": born, "class_group_id": class_group["id"]})["person"] for last, first, middle, gender, born in STUDENTS]
    guardians = [admin.post(f"/schools/{sid}/people", {
        "kind": "guardian", "last_name": last, "first_name": first, "middle_name": middle, "gender": gender,
        "birth_date": born, "snils": snils})["person"] for last, first, middle, gender, born, snils, _ in GUARDIANS]
    for guardian, student, relation in zip(guardians, students, ["mother", "father"], strict=True):
        admin.post(f"/schools/{sid}/guardianships",
                   {"guardian_id": guardian["id"], "student_id": student["id"], "relation": relation})
    admin.post(f"/schools/{sid}/teaching-assignments", {
        "teacher_id": teacher["person"]["id"], "subject_id": subject["id"], "class_group_id": class_group["id"]})
    timetable = admin.post(f"/schools/{sid}/timetable", {
        "class_group_id": class_group["id"], "subject_id": subject["id"], "teacher_id": teacher["person"]["id"],
        "weekday": 1, "lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15", "room": "21"})
    [lesson] = admin.get(f"/schools/{sid}/lessons", params={  # the first Monday's
        "class_group_id": class_group["id"], "from": "2025-09-01", "to": "2025-09-01"})["lessons"]
    return {"school": onboarded["school"], "admin": onboarded["admin"], "admin_api": admin, "year": year,
            "class_group": class_group, "subject": subject, "teacher": teacher, "deputy": deputy,
            "students": students, "guardians": guardians, "timetable": timetable, "lesson": lesson}


DEMO_DAYS = 5  # school days of September whose lessons the demo teachers have filled in
DEMO_CLASS = "5А"


def seed_generated_demo(stack: dict[str, str]) -> dict:
    """The synthetic municipality's `demo` school (services/tooling/municipality.py: grades 1-11, 285 students with
    guardians, staff, curriculum, timetable, a week of lessons with marks), loaded through the REST API,
    plus the Gosuslugi stand-in's two guardians linked to two students of 5А; returns the demo logins."""
    school = municipality.generate("demo").schools[0]
    with ThreadPoolExecutor(8) as pool:
        loaded = school_loader.load_school(school, stack, pool, school_loader.Phases(), DEMO_DAYS, seed=1,
                                    run=f"демо {uuid.uuid4().hex[:4]}")["for_load"]
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
    return {"school": loaded["name"], "logins": logins + [
        (f"родитель через Госуслуги ({g[0]})", g[6], GOSUSLUGI_PASSWORD) for g in GUARDIANS]}


def main() -> None:
    stack = topology.stack_env()
    saved = topology.state_dir() / "demo.json"
    if saved.exists():
        demo = json.loads(saved.read_text())
    else:
        demo = seed_generated_demo(stack)
        saved.write_text(json.dumps(demo, ensure_ascii=False, indent=1))
        saved.chmod(0o600)
    print(f"\nОтметка работает: {BASE}/  (демо-школа: {demo['school']})")
    print("Демо-входы (development only):")
    for who, username, password in demo["logins"]:
        print(f"  {who:50} {username:28} {password}")
    print("Оператор МОУО: operator, пароль в .run/secrets.env (OTMETKA_OPERATOR_PASSWORD)")


if __name__ == "__main__":
    main()
