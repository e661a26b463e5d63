"""The messaging pages with fake services: the inbox shows threads with unread counts, a thread is marked read when
opened and its withdrawn message shows no text, a family's new-message form offers the teachers messaging allows and
a refusal comes back in Russian with the form kept, the control page asks for the day (the pages' clock by default),
the home page links the pages, the REST rows reach messaging."""
import base64
import datetime

from proto.identity.v1 import identity_pb2 as ipb
from proto.messaging.v1 import messaging_pb2 as pb
from services.common.errors import Forbidden
from services.common.signed_links import bad_link
from tests.unit.gateway.fakes import refused
from tests.unit.gateway.web.test_reports import SCHOOL, calls

THREAD = "1b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
TEACHER, MOTHER, SON = "2b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11", "3b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11", \
    "4b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"


def thread(**fields) -> pb.Thread:
    return pb.Thread(id=THREAD, school_id=SCHOOL, subject="Домашнее задание", student_id=SON,
                     student_name="Иванов Пётр", staff_id=TEACHER, staff_name="Кузнецов Андрей", **fields)


def test_the_inbox_shows_threads_with_unread_counts(browser, peers):
    peers.responses["ListThreads"] = pb.ListThreadsResponse(threads=[thread(unread=2)], unread=2)
    page = browser.get(f"/schools/{SCHOOL}/messages").get_data(as_text=True)
    assert "Домашнее задание" in page and "<strong>2</strong>" in page and "Непрочитанных сообщений: 2" in page


def test_a_thread_is_marked_read_and_a_withdrawn_message_shows_no_text(browser, peers):
    peers.responses["GetPrincipal"] = ipb.Principal(person_id=MOTHER, roles=["guardian"], student_ids=[SON])
    peers.responses["GetThread"] = pb.ThreadView(thread=thread(unread=1), messages=[
        pb.Message(id="m1", author_id=TEACHER, author_name="Кузнецов Андрей", author_role="staff", text="Тайное",
                   withdrawn=True, withdrawn_at="2026-03-02T10:00:00+00:00", created_at="2026-03-02T09:00:00+00:00"),
        pb.Message(id="m2", author_id=MOTHER, author_name="Иванова Мария", author_role="guardian", text="Спасибо",
                   created_at="2026-03-02T11:00:00+00:00")])
    page = browser.get(f"/schools/{SCHOOL}/messages/{THREAD}").get_data(as_text=True)
    assert calls(peers, "MarkThreadRead")[0].thread_id == THREAD
    assert "Сообщение отозвано автором" in page and "Спасибо" in page and "Отозвать" in page


def test_a_family_writes_to_a_teacher_and_a_refusal_keeps_the_form(browser, peers):
    peers.responses["GetPrincipal"] = ipb.Principal(person_id=MOTHER, roles=["guardian"], student_ids=[SON])
    peers.responses["ListContacts"] = pb.ListContactsResponse(contacts=[pb.Contact(
        person_id=TEACHER, name="Кузнецов Андрей", student_id=SON, student_name="Иванов Пётр",
        reasons=["классный руководитель"])])
    page = browser.get(f"/schools/{SCHOOL}/messages/new").get_data(as_text=True)
    assert f'value="{SON}:{TEACHER}"' in page and "классный руководитель" in page
    peers.responses["StartThread"] = refused(Forbidden("Писать можно только учителям класса", {"staff_id": "нет"}))
    resp = browser.post(f"/schools/{SCHOOL}/messages/new", data={
        "csrf_token": "csrf-123", "to": f"{SON}:{TEACHER}", "subject": "Вопрос", "text": "Здравствуйте"})
    assert resp.status_code == 403 and "Писать можно только учителям класса" in resp.get_data(as_text=True)
    sent = calls(peers, "StartThread")[0]
    assert (sent.student_id, sent.staff_id, sent.subject) == (SON, TEACHER, "Вопрос")


def test_the_control_page_asks_for_the_pages_day(browser, peers, monkeypatch):
    monkeypatch.setattr("gateway.web.pages.today", lambda: datetime.date(2026, 3, 9))
    peers.responses["ListOverdueThreads"] = pb.ListOverdueThreadsResponse(
        on_date="2026-03-09", answer_days=3, threads=[pb.OverdueThread(
            thread=thread(awaiting_since="2026-03-02T07:00:00+00:00"), answer_due="2026-03-05", working_days_late=2,
            staff_is_form_teacher=True)])
    page = browser.get(f"/schools/{SCHOOL}/messages/control").get_data(as_text=True)
    assert calls(peers, "ListOverdueThreads")[0].on_date == "2026-03-09"
    assert "Кузнецов Андрей (классный руководитель)" in page and "05.03.2026" in page and "<td>2</td>" in page
    browser.get(f"/schools/{SCHOOL}/messages/control?on=2026-03-20")
    assert calls(peers, "ListOverdueThreads")[1].on_date == "2026-03-20"


def test_the_home_page_links_messages_and_the_control(browser, peers):
    peers.responses["GetMe"] = ipb.Me(memberships=[ipb.Membership(
        school=ipb.School(id=SCHOOL, name="Школа", status="active"),
        principal=ipb.Principal(person_id=TEACHER, roles=["deputy_head"]))])
    page = browser.get("/").get_data(as_text=True)
    assert f"/schools/{SCHOOL}/messages" in page and f"/schools/{SCHOOL}/messages/control" in page


def test_the_rest_rows_reach_messaging(client, peers, auth):
    body = {"subject": "Тема", "text": "Текст", "staff_id": TEACHER, "student_id": SON,
            "files": [{"filename": "a.txt", "content_base64": base64.b64encode("привет".encode()).decode()}]}
    assert client.post(f"/api/v1/schools/{SCHOOL}/threads", json=body, headers=auth).status_code == 201
    sent = calls(peers, "StartThread")[0]
    assert sent.files[0].content == "привет".encode() and sent.staff_id == TEACHER
    bad = client.post(f"/api/v1/schools/{SCHOOL}/threads", json={**body, "files": [
        {"filename": "a.txt", "content_base64": "не base64"}]}, headers=auth)
    assert bad.status_code == 400 and "files[0].content_base64" in bad.json["error"]["fields"]
    resp = client.put(f"/api/v1/schools/{SCHOOL}/messaging-policy", json={"answer_days": 5}, headers=auth)
    assert resp.status_code == 200 and calls(peers, "SetMessagingPolicy")[0].HasField("answer_days")
    client.get(f"/api/v1/schools/{SCHOOL}/overdue-threads?on_date=2026-03-09", headers=auth)
    assert calls(peers, "ListOverdueThreads")[0].on_date == "2026-03-09"


def test_a_mails_unsubscribe_link_opens_without_login_and_a_bad_one_is_explained(browser, peers):
    token = "AbC.dEf"
    peers.responses["ReadMailLink"] = pb.MailLink(
        kind="unsubscribe", school_id=SCHOOL, address="maria@example.org",
        what="отписаться: больше не присылать сводку дневника по электронной почте")
    page = browser.get(f"/unsubscribe/{token}").get_data(as_text=True)
    assert "больше не присылать сводку дневника" in page and "Отписаться</button>" in page
    assert calls(peers, "ReadMailLink")[0].token == token
    peers.responses["UseMailLink"] = pb.MailLink(kind="unsubscribe", school_id=SCHOOL, done=True)
    done = browser.post(f"/unsubscribe/{token}", data="List-Unsubscribe=One-Click",  # a mail client's one click
                        content_type="application/x-www-form-urlencoded")
    assert done.status_code == 200 and "вы отписались" in done.get_data(as_text=True)
    assert calls(peers, "UseMailLink")[0].token == token
    peers.responses["ReadMailLink"] = pb.MailLink(kind="confirm", school_id=SCHOOL, address="maria@example.org")
    assert browser.get(f"/unsubscribe/{token}").status_code == 404  # a confirmation is no unsubscribe link
    peers.responses["ReadMailLink"] = refused(bad_link())
    bad = browser.get(f"/mail/confirm/{token}")
    assert bad.status_code == 422 and "Ссылка недействительна" in bad.get_data(as_text=True)
