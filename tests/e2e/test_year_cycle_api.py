"""The year cycle's acceptance test through /api/v1 only (issue 12): one school through two whole years. Year 1
(2025/2026) with marks, a mid-year transfer between classes, an enrolment, a leaver, final marks, a repeater and a
conditional promotion; year 1 closed and archived; the year transition; year 2 (2026/2027) with marks, closed and
archived. Asserted: each student's class on given dates, the summary sheets of both years, both archives, the
register with every order, what a leaver's and a transferred student's guardians can and cannot read, and the
refusals that write nothing."""
import io
import uuid
import zipfile

import pytest

from services.tooling.api_client import Api
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api as SessionApi
from tests.support.api import browser_login
from tests.support.archives import director_of, signed_packages
from tests.support.pdf_text import pdf_text
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

TRANSFER_DAY = "2026-01-14"  # a Wednesday: Петрова moves from 5А to 5Б
ENROLMENT_DAY = "2026-02-02"
LEAVING_DAY = "2026-03-02"  # Иванов leaves for another town's school
YEAR_2 = "2026/2027"


def person(admin: Api, sid: str, last: str, first: str, born: str, class_group_id: str = "") -> dict:
    return admin.post(f"/schools/{sid}/people", {
        "kind": "student", "last_name": last, "first_name": first, "middle_name": "Олегович", "gender": "male",
        "birth_date": born, **({"class_group_id": class_group_id} if class_group_id else {})})["person"]


def classes_on(admin: Api, sid: str, class_group_id: str, day: str) -> set[str]:
    """Ids of the students in the class that day."""
    return {p["id"] for p in admin.get(f"/schools/{sid}/people", params={
        "kind": "student", "class_group_id": class_group_id, "on_date": day})["people"]}


def lesson_on(admin: Api, sid: str, class_group_id: str, day: str) -> dict:
    [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": class_group_id, "from": day,
                                                             "to": day})["lessons"]
    return lesson


def mark(teacher: Api, sid: str, lesson: dict, **values: str) -> None:
    """Saves the lesson whole with these marks (student id: value)."""
    teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": f"Урок {lesson['date']}", "reason": "Ввод журнала",
        "marks": [{"student_id": student_id, "value": value, "work_type": "classwork"}
                  for student_id, value in values.items()]})


def sealed_archive(admin: Api, director: Api, sid: str, year_id: str) -> dict:
    """Closes the year; the director signs its packages; the summary sheets' once sealed."""
    admin.post(f"/schools/{sid}/academic-years/{year_id}/close", expect=200)
    return signed_packages(director, sid, year_id)["summary_sheet"]


def archived_text(admin: Api, sid: str, package: dict) -> str:
    blob = admin.get(f"/schools/{sid}/archives/{package['id']}/package", expect=None)
    assert blob.status_code == 200
    with zipfile.ZipFile(io.BytesIO(blob.content)) as bag:
        return "\n".join(bag.read(name).decode("utf-8") for name in bag.namelist() if name.endswith(".json"))


def refused(api: Api, method: str, path: str, body: dict) -> tuple[int, dict]:
    resp = api.request(method, path, json=body)
    assert resp.headers["Content-Type"].startswith("application/json"), resp.text[:300]
    return resp.status_code, resp.json()["error"]


@pytest.fixture(scope="module")
def cycle(installation):
    return two_years()


def two_years() -> dict:
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (два года)")
    sid, admin, year1 = seeded["school"]["id"], seeded["admin_api"], seeded["year"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    a5, maths = seeded["class_group"], seeded["subject"]
    ivanov, petrova = seeded["students"]  # their guardians log in through Gosuslugi: ivanova and petrov
    b5 = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year1["id"], "grade": 5, "name": "5Б"})
    a4 = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year1["id"], "grade": 4, "name": "4А"})
    a9 = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year1["id"], "grade": 9, "name": "9А"})
    teacher_id = seeded["teacher"]["person"]["id"]
    admin.post(f"/schools/{sid}/teaching-assignments", {
        "teacher_id": teacher_id, "subject_id": maths["id"], "class_group_id": b5["id"]})
    admin.post(f"/schools/{sid}/timetable", {
        "class_group_id": b5["id"], "subject_id": maths["id"], "teacher_id": teacher_id,
        "weekday": 1, "lesson_number": 2, "starts_at": "09:25", "ends_at": "10:10", "room": "22"})
    sokolov = person(admin, sid, "Соколов", "Илья", "2014-02-11", a5["id"])  # repeats the 5th grade
    orlov = person(admin, sid, "Орлов", "Максим", "2014-06-30", a5["id"])  # promoted owing mathematics
    belov = person(admin, sid, "Белов", "Антон", "2014-09-09", b5["id"])
    zaitsev = person(admin, sid, "Зайцев", "Кирилл", "2010-03-03", a9["id"])  # graduates from the 9th grade
    novikov = person(admin, sid, "Новиков", "Денис", "2014-04-04")  # comes from another school in February
    orders = f"/schools/{sid}/orders"

    # year 1: marks before and after the transfer, in the class the student was in that day
    mark(teacher, sid, lesson_on(admin, sid, a5["id"], "2025-09-08"), **{petrova["id"]: "4", ivanov["id"]: "5"})
    transfer = admin.post(orders, {"kind": "transfer", "number": "1-у", "order_date": TRANSFER_DAY,
                                   "effective_date": TRANSFER_DAY, "reason": "Заявление родителей",
                                   "lines": [{"student_id": petrova["id"], "to_class_group_id": b5["id"]}]})
    mark(teacher, sid, lesson_on(admin, sid, b5["id"], "2026-01-19"), **{petrova["id"]: "5"})
    enrolment = admin.post(orders, {"kind": "enrolment", "number": "2-у", "order_date": ENROLMENT_DAY,
                                    "effective_date": ENROLMENT_DAY, "reason": "Переезд семьи",
                                    "lines": [{"student_id": novikov["id"], "to_class_group_id": a5["id"]}]})
    mark(teacher, sid, lesson_on(admin, sid, a5["id"], "2026-02-09"), **{novikov["id"]: "3"})
    leaving = admin.post(orders, {"kind": "leaving", "number": "3-у", "order_date": "2026-03-10",
                                  "effective_date": LEAVING_DAY, "reason": "Переезд в другой город",
                                  "lines": [{"student_id": ivanov["id"], "destination": "МБОУ СОШ № 5 г. Тверь"}]})
    for student, value in ((petrova, "5"), (sokolov, "2"), (orlov, "2"), (belov, "4"), (novikov, "3")):
        teacher.put(f"/schools/{sid}/final-marks", {"student_id": student["id"], "subject_id": maths["id"],
                                                    "academic_year_id": year1["id"], "kind": "annual",
                                                    "value": value})
    sheets1 = {name: admin.get(f"/schools/{sid}/class-groups/{group['id']}/summary-sheet")
               for name, group in (("5А", a5), ("5Б", b5))}
    director = director_of(stack.env(), admin, sid)
    archive1 = sealed_archive(admin, director, sid, year1["id"])

    # the transition, previewed and then run
    decisions = [{"student_id": sokolov["id"], "outcome": "repeating"},
                 {"student_id": orlov["id"], "outcome": "conditional",
                  "debts": [{"subject_id": maths["id"], "deadline": "2026-10-15"}]},
                 {"student_id": zaitsev["id"], "outcome": "graduated",
                  "document": "аттестат об основном общем образовании № 00000000000001"}]
    body = {"name": YEAR_2, "decisions": decisions, "new_classes": [], "order_date": "2026-08-28"}
    preview = admin.post(f"/schools/{sid}/year-transitions/{year1['id']}/preview", body, expect=200)
    transition = admin.post(f"/schools/{sid}/year-transitions/{year1['id']}", body)
    year2_groups = {g["name"]: g for g in admin.get(f"/schools/{sid}/class-groups", params={
        "academic_year_id": transition["target_year_id"]})["class_groups"]}
    year2 = next(y for y in admin.get(f"/schools/{sid}/academic-years")["academic_years"]
                 if y["id"] == transition["target_year_id"])
    admin.post(f"/schools/{sid}/academic-years/{year2['id']}/timetable-draft/publish", expect=200)

    # year 2: a mark in 6А for the student promoted on condition; then closed and archived
    a6 = year2_groups["6А"]
    mark(teacher, sid, lesson_on(admin, sid, a6["id"], "2026-09-07"), **{orlov["id"]: "4"})
    sheets2 = {"6А": admin.get(f"/schools/{sid}/class-groups/{a6['id']}/summary-sheet")}
    archive2 = sealed_archive(admin, director, sid, year2["id"])
    return {"id": sid, "admin": admin, "teacher": teacher, "year1": year1, "year2": year2, "a5": a5, "b5": b5,
            "a4": a4, "a9": a9, "maths": maths, "groups2": year2_groups, "preview": preview,
            "transition": transition, "orders": {"transfer": transfer, "enrolment": enrolment, "leaving": leaving},
            "students": {"ivanov": ivanov, "petrova": petrova, "sokolov": sokolov, "orlov": orlov, "belov": belov,
                         "zaitsev": zaitsev, "novikov": novikov},
            "sheets1": sheets1, "sheets2": sheets2, "archives": (archive1, archive2)}


def test_each_student_is_in_the_class_of_the_day(cycle):
    sid, admin, st, g2 = cycle["id"], cycle["admin"], cycle["students"], cycle["groups2"]
    a5, b5 = cycle["a5"]["id"], cycle["b5"]["id"]
    ids = {name: s["id"] for name, s in st.items()}
    assert classes_on(admin, sid, a5, "2026-01-13") == {ids["ivanov"], ids["petrova"], ids["sokolov"], ids["orlov"]}
    assert classes_on(admin, sid, b5, "2026-01-13") == {ids["belov"]}
    assert classes_on(admin, sid, b5, TRANSFER_DAY) == {ids["belov"], ids["petrova"]}
    assert ids["novikov"] in classes_on(admin, sid, a5, ENROLMENT_DAY)
    assert ids["novikov"] not in classes_on(admin, sid, a5, "2026-02-01")
    assert ids["ivanov"] in classes_on(admin, sid, a5, "2026-03-01")
    assert ids["ivanov"] not in classes_on(admin, sid, a5, LEAVING_DAY)
    assert classes_on(admin, sid, g2["6А"]["id"], "2026-09-01") == {ids["orlov"], ids["novikov"]}
    assert classes_on(admin, sid, g2["6Б"]["id"], "2026-09-01") == {ids["petrova"], ids["belov"]}
    assert classes_on(admin, sid, g2["5А"]["id"], "2026-09-01") == {ids["sokolov"]}  # 4А's successor: the repeater
    assert "10А" not in g2 and not any(name.startswith("9") for name in g2)  # 9А graduated, no 10th formed
    everyone = {p["id"] for p in admin.get(f"/schools/{sid}/people", params={"kind": "student"})["people"]}
    assert everyone >= set(ids.values())  # nobody is deleted: the leaver and the graduate stay on record
    zaitsev = admin.get(f"/schools/{sid}/people/{ids['zaitsev']}")
    assert zaitsev["class_group_id"] == "" and zaitsev["memberships"][-1]["date_to"] == "2026-05-31"


def test_the_preview_counts_what_the_transition_then_did(cycle):
    by_name = {c["name"]: c for c in cycle["preview"]["classes"]}
    assert (by_name["5А"]["promoted"], by_name["5А"]["conditional"], by_name["5А"]["repeating"]) == (1, 1, 1)
    assert by_name["5А"]["successor_name"] == "6А" and by_name["9А"]["successor_name"] == ""
    assert (by_name["5Б"]["promoted"], by_name["9А"]["graduated"]) == (2, 1)
    assert cycle["preview"]["target_year_id"] == "" and cycle["preview"]["orders"] == []
    done = cycle["transition"]
    assert [c["name"] for c in done["classes"]] == [c["name"] for c in cycle["preview"]["classes"]]
    assert {o["kind"] for o in done["orders"]} == {"promotion", "conditional_promotion", "repetition", "graduation"}
    sid, admin = cycle["id"], cycle["admin"]
    assert admin.get(f"/schools/{sid}/year-transitions/{cycle['year1']['id']}")["target_year_id"] == \
        done["target_year_id"]


def test_the_register_holds_every_order_and_the_personal_record_every_year(cycle, tmp_path):
    sid, admin, st = cycle["id"], cycle["admin"], cycle["students"]
    register = admin.get(f"/schools/{sid}/orders", params={"academic_year_id": cycle["year1"]["id"]})["orders"]
    assert [o["kind"] for o in register[:3]] == ["transfer", "enrolment", "leaving"]
    assert [o["number"] for o in register[:3]] == ["1-у", "2-у", "3-у"]
    assert {o["kind"] for o in register[3:]} == {"promotion", "conditional_promotion", "repetition", "graduation"}
    assert all(not o["late"] for o in register[:2]) and register[2]["late"]  # leaving signed 8 days later
    [conditional] = [o for o in register if o["kind"] == "conditional_promotion"]
    [line] = conditional["lines"]
    assert (line["student_id"], [d["subject_name"] for d in line["debts"]]) == (st["orlov"]["id"], ["Математика"])
    [graduation] = [o for o in register if o["kind"] == "graduation"]
    assert graduation["lines"][0]["document"].startswith("аттестат об основном общем образовании")
    printed = admin.get(f"/schools/{sid}/movement-register.pdf", params={"academic_year_id": cycle["year1"]["id"]},
                        expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    assert all(number in text for number in ("1-у", "2-у", "3-у")) and "Петрова Дарья" in text
    assert "Книга движения учащихся" in text and "Выбытие" in text and "позже срока" in text
    refused = admin.get(f"/schools/{sid}/people/{st['petrova']['id']}/record", expect=None)
    assert refused.status_code == 422 and "reason" in refused.json()["error"]["fields"]  # the administrator says why
    record = admin.get(f"/schools/{sid}/people/{st['petrova']['id']}/record", params={"reason": "проверка перехода"})
    assert [m["class_group_id"] for m in record["person"]["memberships"]] == [
        cycle["a5"]["id"], cycle["b5"]["id"], cycle["groups2"]["6Б"]["id"]]
    assert [o["kind"] for o in record["orders"]] == ["transfer", "promotion"]


def test_the_summary_sheets_and_archives_of_both_years_keep_each_mark_where_it_was_made(cycle):
    st = cycle["students"]
    a5 = {row["student_id"]: row for row in cycle["sheets1"]["5А"]["rows"]}
    b5 = {row["student_id"]: row for row in cycle["sheets1"]["5Б"]["rows"]}
    assert {st["ivanov"]["id"], st["petrova"]["id"], st["novikov"]["id"]} <= set(a5)  # the leaver's marks stay
    assert st["ivanov"]["id"] not in b5
    petrova_a5, petrova_b5, ivanov = a5[st["petrova"]["id"]], b5[st["petrova"]["id"]], a5[st["ivanov"]["id"]]
    assert (petrova_a5["date_from"], petrova_a5["date_to"]) == ("", "2026-01-13")
    assert petrova_b5["date_from"] == TRANSFER_DAY
    assert ivanov["date_to"] == "2026-03-01" and a5[st["novikov"]["id"]]["date_from"] == ENROLMENT_DAY

    def marks(row: dict) -> list[str]:
        return [value for cell in row["cells"] for value in cell["marks"]]

    assert (marks(ivanov), marks(petrova_a5), marks(petrova_b5)) == (["5"], ["4"], ["5"])
    assert {row["student_id"] for row in cycle["sheets2"]["6А"]["rows"]} == {st["orlov"]["id"], st["novikov"]["id"]}
    sid, admin = cycle["id"], cycle["admin"]
    year1, year2 = (archived_text(admin, sid, package) for package in cycle["archives"])
    assert "Иванов Пётр" in year1 and "Петрова Дарья" in year1 and "5Б" in year1
    assert "6А" in year2 and "Орлов Максим" in year2 and "Иванов Пётр" not in year2


def test_a_leavers_and_a_transferred_students_guardians_read_only_their_years(cycle):
    sid, st = cycle["id"], cycle["students"]
    ivanova = SessionApi(session=browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi").session)
    diary = f"/schools/{sid}/students/{st['ivanov']['id']}/diary"
    [before] = ivanova.get(diary, params={"from": "2025-09-08", "to": "2025-09-14"})["entries"]
    assert [m["value"] for m in before["marks"]] == ["5"]
    assert ivanova.get(diary, params={"from": "2026-03-02", "to": "2026-03-08"})["entries"] == []  # left
    assert ivanova.get(diary, params={"from": "2026-09-07", "to": "2026-09-13"})["entries"] == []  # not the new year
    petrov = SessionApi(session=browser_login("petrov", GOSUSLUGI_PASSWORD, idp="gosuslugi").session)
    diary = f"/schools/{sid}/students/{st['petrova']['id']}/diary"
    old = petrov.get(diary, params={"from": "2026-01-12", "to": "2026-01-13"})["entries"]
    new = petrov.get(diary, params={"from": "2026-01-19", "to": "2026-01-19"})["entries"]
    assert [e["lesson_number"] for e in old] == [1]  # 5А's Monday lesson before the transfer
    assert [(e["lesson_number"], [m["value"] for m in e["marks"]]) for e in new] == [(2, ["5"])]  # 5Б's after it
    assert petrov.get(diary, params={"from": "2026-09-07", "to": "2026-09-13"})["entries"]  # 6Б this year
    assert petrov.request("GET", f"/schools/{sid}/students/{st['ivanov']['id']}/diary",
                          params={"from": "2025-09-08", "to": "2025-09-14"}).status_code in (403, 404)


def test_bad_orders_and_a_second_transition_are_refused_and_write_nothing(cycle):
    """Both years of the cycle are closed: the orders are dated in a third, open one (its first autumn)."""
    sid, admin, st = cycle["id"], cycle["admin"], cycle["students"]
    year3 = admin.post(f"/schools/{sid}/academic-years", {
        "name": "2027/2028", "start_date": "2027-09-01", "end_date": "2028-05-31",
        "terms": [{"name": "Год", "kind": "semester", "start_date": "2027-09-01", "end_date": "2028-05-31"}]})
    seventh = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year3["id"], "grade": 7, "name": "7Б"})
    autumn = "2027-10-01"
    before = admin.get(f"/schools/{sid}/orders")["orders"]
    other = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (чужая)")
    stranger = other["students"][0]["id"]
    status, error = refused(admin, "POST", f"/schools/{sid}/orders", {
        "kind": "transfer", "effective_date": autumn, "reason": "Проверка",
        "lines": [{"student_id": stranger, "to_class_group_id": seventh["id"]}]})
    assert (status, error["fields"]) == (422, {"lines[0].student_id": "нет такого обучающегося в этой школе"})
    status, error = refused(admin, "POST", f"/schools/{sid}/orders", {  # into 5А of the closed year 1
        "kind": "transfer", "effective_date": autumn, "reason": "Проверка",
        "lines": [{"student_id": st["belov"]["id"], "to_class_group_id": cycle["a5"]["id"]}]})
    assert status == 422 and "закрыт" in error["fields"]["lines[0].to_class_group_id"]
    status, error = refused(admin, "POST", f"/schools/{sid}/orders", {  # a leaver of year 1, after it was closed
        "kind": "leaving", "effective_date": "2026-04-06", "reason": "Проверка",
        "lines": [{"student_id": st["belov"]["id"], "destination": "Тверь"}]})
    assert (status, error["fields"]) == (409, {"effective_date": "дата в закрытом учебном году"})
    status, error = refused(admin, "POST", f"/schools/{sid}/orders", {  # Орлов is in the 6th grade
        "kind": "graduation", "effective_date": autumn, "reason": "Проверка",
        "lines": [{"student_id": st["orlov"]["id"], "document": "аттестат № 1"}]})
    assert (status, error["fields"]) == (422, {"lines[0].student_id": "выпускают только из 9-х и 11-х классов"})
    status, error = refused(admin, "POST", f"/schools/{sid}/year-transitions/{cycle['year1']['id']}",
                            {"name": YEAR_2})
    assert status == 409 and list(error["fields"]) == ["source_year_id"]
    assert admin.get(f"/schools/{sid}/orders")["orders"] == before
