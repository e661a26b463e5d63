"""A small school for the end-to-end tests, set up through the gateway's REST API as its people would: one class,
one subject, a teacher, a deputy head, two students with the Gosuslugi stand-in's guardians and a Monday lesson, in
the tests' fixed school year (the tests' dates are written against it; the product takes its dates from the clock)."""
from services.tooling import municipality
from services.tooling.api_client import Api, activate, password_token, with_login
from services.tooling.demo_seed import GUARDIANS

CALENDAR = municipality.calendar(2025)
STUDENTS = [("Иванов", "Пётр", "Сергеевич", "male", "2014-05-20"), ("Петрова", "Дарья", "Сергеевна", "female", "2014-08-03")]


def seed_school(stack: dict[str, str], short_name: str) -> dict:
    """Onboards a school and sets up 2025/2026 (CALENDAR), class 5А, Математика, a teacher, two students with a
    guardian each and a Monday lesson; returns everything created (with the passwords the staff set when they
    activated their logins)."""
    operator = Api(password_token(stack, "operator", stack["OTMETKA_OPERATOR_PASSWORD"]))
    onboarded = operator.post("/schools", {
        "name": f"Муниципальное бюджетное общеобразовательное учреждение «{short_name}»", "short_name": short_name,
        "admin": {"last_name": "Смирнова", "first_name": "Ольга", "middle_name": "Ивановна", "email": ""}})
    sid = onboarded["school"]["id"]
    onboarded["admin"]["password"] = activate(onboarded["admin"]["activation_code"])
    admin = Api(password_token(stack, onboarded["admin"]["username"], onboarded["admin"]["password"]))
    year = admin.post(f"/schools/{sid}/academic-years", {**CALENDAR.year, "terms": [
        {"name": n, "kind": "quarter", "start_date": a, "end_date": b} for n, a, b in CALENDAR.terms]})
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
