"""Messages and notices (J13) end to end through /api/v1 on a seeded school: a teacher gives a 2 and an unexcused
absence and the guardian's notices arrive, naming the child; the guardian writes to the form teacher, who answers;
a thread left unanswered shows on the deputy head's control list after 3 working days (the list is asked as of a later
day: the service's clock stays the real one); a guardian cannot write to a teacher who does not teach their child;
another school's people read nothing of this school's threads; the guardian's e-mail — the address confirmed through
the link mailed to it, a 2 and an unexcused absence by e-mail, the day's digest, its unsubscribe link — read back from
the stack's Mailpit."""
import datetime as dt
import re
import time
import uuid

import pytest
import requests

from services.tooling.api_client import with_login
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api, browser_login, with_csrf
from tests.support.mailpit import address, stack_mailpit
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
WAIT = 60.0  # the notices travel: journal outbox -> Kafka -> messaging (an absence after the worker's next round)


def login(person: dict) -> Api:
    return Api(stack.password_token(person["person"]["username"], person["password"]))


def guardian(username: str) -> Api:
    """A guardian signed in through the Gosuslugi stand-in (the seeded schools link ivanova and petrov by SNILS)."""
    resp = browser_login(username, GOSUSLUGI_PASSWORD, idp="gosuslugi")
    assert resp.status_code == 200, resp.text[:300]
    return Api(session=with_csrf(resp.session))  # its writes are judged on their rights, not refused as cross-site


def waited(fetch, done, what: str):
    deadline = time.monotonic() + WAIT
    while True:
        value = fetch()
        if done(value):
            return value
        assert time.monotonic() < deadline, f"{what}: {value}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (сообщения)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher_id = seeded["teacher"]["person"]["id"]
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/form-teacher", {"person_id": teacher_id})
    stranger = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Чужов", "first_name": "Олег", "gender": "male", "birth_date": "1980-01-01",
        "roles": ["subject_teacher"], "create_account": True}))
    return {"id": sid, "admin": admin, "teacher": login(seeded["teacher"]), "teacher_id": teacher_id,
            "deputy": login(seeded["deputy"]), "stranger_id": stranger["person"]["id"], "lesson": seeded["lesson"],
            "son": seeded["students"][0], "daughter": seeded["students"][1], "class_group_id": group["id"],
            "mother": guardian("ivanova")}


def test_a_two_and_an_unexcused_absence_reach_the_guardian(school):
    sid, son = school["id"], school["son"]
    school["teacher"].put(f"/schools/{sid}/lessons/{school['lesson']['id']}/record", {
        "topic": "Натуральные числа", "reason": "Ввод журнала",
        "marks": [{"student_id": son["id"], "value": "2", "work_type": "classwork"}],
        "attendance": [{"student_id": school["daughter"]["id"], "status": "unexcused"}]})
    def of_this_lesson(notices):  # the module's other tests give the son 2s on other days
        return [n for n in notices if n["kind"] == "mark_2" and "01.09.2025" in n["text"]]
    mine = waited(lambda: school["mother"].get(f"/schools/{sid}/notices")["notices"], of_this_lesson,
                  "no notice of the 2")
    [two] = of_this_lesson(mine)
    assert two["student_id"] == son["id"] and "Иванов Пётр" in two["title"] and "«Математика»" in two["text"]
    assert two["channel"] == "in_app"
    father = guardian("petrov")  # Петрова's father: her absence, not Иванов's 2
    theirs = waited(lambda: father.get(f"/schools/{sid}/notices")["notices"],
                    lambda notices: any(n["kind"] == "absence" for n in notices), "no notice of the absence")
    assert [n["kind"] for n in theirs] == ["absence"]
    assert "Петрова Дарья" in theirs[0]["title"] and "01.09.2025" in theirs[0]["title"]
    assert "без уважительной причины" in theirs[0]["text"]


def test_the_guardian_writes_to_the_form_teacher_who_answers(school):
    sid, mother, teacher = school["id"], school["mother"], school["teacher"]
    contacts = mother.get(f"/schools/{sid}/message-contacts")["contacts"]
    [form] = [c for c in contacts if c["person_id"] == school["teacher_id"]]
    assert "классный руководитель" in form["reasons"] and form["student_id"] == school["son"]["id"]
    [thread] = mother.post(f"/schools/{sid}/threads", {
        "student_id": school["son"]["id"], "staff_id": school["teacher_id"], "subject": "Домашнее задание",
        "text": "Что задано на понедельник?"}, expect=201)["threads"]
    listed = teacher.get(f"/schools/{sid}/threads")
    [mine] = [t for t in listed["threads"] if t["id"] == thread["id"]]
    assert mine["unread"] == 1 and mine["awaiting_answer"]
    teacher.post(f"/schools/{sid}/threads/{thread['id']}/read", {}, expect=200)
    teacher.post(f"/schools/{sid}/threads/{thread['id']}/messages", {"text": "№ 12 и 14"}, expect=201)
    view = mother.get(f"/schools/{sid}/threads/{thread['id']}")
    assert [(m["author_role"], m["text"]) for m in view["messages"]] == [
        ("guardian", "Что задано на понедельник?"), ("staff", "№ 12 и 14")]
    assert [r["person_id"] for r in view["messages"][0]["read_by"]] == [school["teacher_id"]]
    assert not view["thread"]["awaiting_answer"]


def test_an_unanswered_thread_shows_on_the_control_list_after_three_working_days(school):
    sid = school["id"]
    [thread] = school["mother"].post(f"/schools/{sid}/threads", {
        "student_id": school["son"]["id"], "staff_id": school["teacher_id"], "subject": "Справка о болезни",
        "text": "Куда принести справку?"}, expect=201)["threads"]
    today = dt.date.fromisoformat(thread["created_at"][:10])
    in_time = school["deputy"].get(f"/schools/{sid}/overdue-threads", params={"on_date": today.isoformat()})
    assert thread["id"] not in [t["thread"]["id"] for t in in_time["threads"]] and in_time["answer_days"] == 3
    later = (today + dt.timedelta(days=10)).isoformat()  # at least six working days later, whatever today is
    [late] = [t for t in school["deputy"].get(f"/schools/{sid}/overdue-threads", params={"on_date": later})["threads"]
              if t["thread"]["id"] == thread["id"]]
    assert late["staff_is_form_teacher"] and late["working_days_late"] >= 3 and late["answer_due"] < later
    assert "Куда принести справку?" not in str(late)  # the control sees no message text
    refused = school["teacher"].request("GET", f"/schools/{sid}/overdue-threads")
    assert refused.status_code == 403


def test_a_guardian_cannot_write_to_a_teacher_who_does_not_teach_their_child(school):
    sid = school["id"]
    resp = school["mother"].request("POST", f"/schools/{sid}/threads", json={
        "student_id": school["son"]["id"], "staff_id": school["stranger_id"], "subject": "Вопрос",
        "text": "Здравствуйте"})
    assert resp.status_code == 403 and "staff_id" in resp.json()["error"]["fields"]
    resp = school["mother"].request("POST", f"/schools/{sid}/threads", json={  # about another family's child
        "student_id": school["daughter"]["id"], "staff_id": school["teacher_id"], "subject": "Вопрос",
        "text": "Здравствуйте"})
    assert resp.status_code in (403, 404)


def test_another_schools_people_read_nothing(school):
    sid = school["id"]
    [thread] = school["mother"].post(f"/schools/{sid}/threads", {
        "student_id": school["son"]["id"], "staff_id": school["teacher_id"], "subject": "Личное",
        "text": "Семейное дело"}, expect=201)["threads"]
    other = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (другая)")
    other_id = other["school"]["id"]
    mother_there = guardian("ivanova")  # a guardian in the other school too (of its own Иванов): signed in anew, so
    # that the session knows the school seeded after the first sign-in
    assert mother_there.request("GET", f"/schools/{other_id}/threads/{thread['id']}").status_code == 404
    assert thread["id"] not in [t["id"] for t in mother_there.get(f"/schools/{other_id}/threads")["threads"]]
    other_teacher = login(other["teacher"])
    for path in (f"/schools/{sid}/threads/{thread['id']}", f"/schools/{sid}/threads",
                 f"/schools/{other_id}/threads/{thread['id']}"):
        resp = other_teacher.request("GET", path)
        assert resp.status_code in (403, 404) and "Семейное дело" not in resp.text
    father = guardian("petrov")  # a guardian of this school, of another family
    resp = father.request("GET", f"/schools/{sid}/threads/{thread['id']}")
    assert resp.status_code == 404 and "Семейное дело" not in resp.text


def test_the_guardians_e_mail_notices_and_digest_arrive_and_its_link_unsubscribes(school):
    sid, mother, son = school["id"], school["mother"], school["son"]
    mailpit, to = stack_mailpit(), address("ivanova")
    settings = mother.put(f"/schools/{sid}/mail-settings", {"address": to, "digest": "daily"})
    assert (settings["address"], settings.get("confirmed", False), settings["digest"]) == (to, False, "daily")
    [confirmation] = mailpit.wait_for(to)
    link = re.search(r"http://\S+/mail/confirm/\S+", mailpit.message(confirmation["ID"])["Text"]).group(0)
    page = requests.get(link, timeout=10)  # opened from the mail: no login
    assert page.status_code == 200 and "Подтвердить адрес" in page.text
    assert "подтверждён" in requests.post(link, timeout=10).text
    assert mother.get(f"/schools/{sid}/mail-settings")["confirmed"]
    mother.put(f"/schools/{sid}/notice-preferences", {"preferences": [
        {"kind": kind, "channel": "email", "enabled": True} for kind in ("mark_2", "absence")]})

    [lesson] = school["teacher"].get(f"/schools/{sid}/lessons", params={
        "class_group_id": school["class_group_id"], "from": "2025-09-08", "to": "2025-09-08"})["lessons"]
    school["teacher"].put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Делимость", "reason": "Ввод журнала", "homework": "№ 101",
        "marks": [{"student_id": son["id"], "value": "2", "work_type": "classwork", "comment": "Без решения"}],
        "attendance": [{"student_id": son["id"], "status": "unexcused"}]})
    mails = waited(lambda: mailpit.to(to), lambda found: len(found) >= 3, "the notices by e-mail")
    subjects = {m["Subject"] for m in mails}
    assert {"Иванов Пётр Сергеевич: отметка «2»", "Иванов Пётр Сергеевич: пропуск уроков 08.09.2025"} <= subjects, subjects

    sent = mother.post(f"/schools/{sid}/mail-settings/digest", {"on_date": "2025-09-08"}, expect=200)
    assert (sent["sent"], sent["first_day"], sent["last_day"]) == (True, "2025-09-08", "2025-09-08")
    [digest] = [m for m in waited(lambda: mailpit.to(to), lambda found: len(found) >= 4, "the digest")
                if m["Subject"].startswith("Дневник")]
    assert digest["Subject"] == "Дневник за 8 сентября 2025: Иванов Пётр Сергеевич"
    text = mailpit.message(digest["ID"])["Text"]
    assert "- Иванов Пётр Сергеевич — Математика, 8 сентября (пн): 2 (" in text and "комментарий учителя: «Без решения»" in text
    assert "- Иванов Пётр Сергеевич — Математика, 8 сентября (пн): НП — неуважительная" in text
    assert "- Иванов Пётр Сергеевич — Математика, к 15 сентября (пн): № 101" in text
    [unsubscribe] = mailpit.headers(digest["ID"])["List-Unsubscribe"]
    one_click = requests.post(unsubscribe.strip("<>"), data="List-Unsubscribe=One-Click", timeout=10,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert one_click.status_code == 200 and "отписались" in one_click.text
    assert mother.get(f"/schools/{sid}/mail-settings")["digest"] == "none"
    mailpit.delete_to(to)
