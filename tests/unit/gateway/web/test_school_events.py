"""The school event calendar page with fake services: a month of events (cancelled ones struck through), forms for
those who keep events only, the calls the forms make, a refusal shown above the form with what was typed."""
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import FailedPrecondition, Invalid

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
EVENT = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PAGE = f"/schools/{SCHOOL}/events"
KINDS = [pb.SchoolEventKind(code="parent_meeting", name="Родительское собрание"),
         pb.SchoolEventKind(code="concert", name="Концерт")]


def _month(peers, *roles):
    peers.responses["GetPrincipal"] = identity_pb2.Principal(roles=list(roles))
    peers.responses["ListClassGroups"] = pb.ListClassGroupsResponse(class_groups=[pb.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListSchoolEvents"] = pb.ListSchoolEventsResponse(kinds=KINDS, events=[
        pb.SchoolEvent(id=EVENT, title="Собрание 5А", kind="parent_meeting", kind_name="Родительское собрание",
                       date="2026-03-12", starts_at="18:00", ends_at="19:30", place="Актовый зал", status="scheduled",
                       audience=pb.EventAudience(scope="class_groups", class_group_ids=[GROUP], people="families"),
                       class_group_names=["5А"]),
        pb.SchoolEvent(id="8d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", title="Весенний концерт", kind="concert",
                       kind_name="Концерт", date="2026-03-20", status="cancelled", cancel_reason="карантин",
                       audience=pb.EventAudience(scope="school", people="everyone"))])


def test_a_month_lists_the_events_with_their_audience_and_the_forms_for_the_deputy_head(browser, peers):
    _month(peers, "deputy_head")
    page = browser.get(f"{PAGE}?month=2026-03").get_data(as_text=True)
    assert "Мероприятия школы: март 2026" in page
    assert "Собрание 5А" in page and "18:00–19:30, Актовый зал" in page and "классы 5А" in page
    assert "для учеников и родителей" in page
    assert "<s>Весенний концерт</s> — отменено: карантин" in page and "весь день" in page
    assert "Новое мероприятие" in page and "Изменить или отменить" in page and "Родительское собрание" in page
    listed = next(req for _, rpc, req, _ in peers.calls if rpc == "ListSchoolEvents")
    assert (listed.date_from, listed.date_to, listed.include_cancelled) == ("2026-03-01", "2026-03-31", True)
    assert "month=2026-02" in page and "month=2026-04" in page


def test_a_teacher_reads_the_month_without_forms_and_a_bad_month_is_refused(browser, peers):
    _month(peers, "subject_teacher")
    page = browser.get(f"{PAGE}?month=2026-03").get_data(as_text=True)
    assert "Собрание 5А" in page and "Новое мероприятие" not in page and "Изменить или отменить" not in page
    assert browser.get(f"{PAGE}?month=март").status_code == 400


def test_the_forms_create_change_and_cancel_and_come_back_to_the_events_month(browser, peers):
    _month(peers, "deputy_head")
    peers.responses["CreateSchoolEvent"] = pb.SchoolEvent(id=EVENT, date="2026-04-02")
    form = {"csrf_token": "csrf-123", "month": "2026-03", "title": "Экскурсия", "kind": "concert",
            "date": "2026-04-02", "starts_at": "10:00", "ends_at": "", "place": "Музей", "description": "",
            "scope": "grades", "grade": ["5", "6"], "people": "families"}
    resp = browser.post(PAGE, data=form)
    assert resp.status_code == 302 and "month=2026-04" in resp.headers["Location"]
    assert "done=created" in resp.headers["Location"]
    created = next(req for _, rpc, req, _ in peers.calls if rpc == "CreateSchoolEvent")
    assert (created.event.title, created.event.starts_at, list(created.event.audience.grades),
            created.event.audience.people) == ("Экскурсия", "10:00", [5, 6], "families")
    peers.responses["UpdateSchoolEvent"] = pb.SchoolEvent(id=EVENT, date="2026-03-13")
    browser.post(f"{PAGE}/{EVENT}", data={**form, "date": "2026-03-13", "scope": "class_groups",
                                          "class_group_id": GROUP, "grade": []})
    changed = next(req for _, rpc, req, _ in peers.calls if rpc == "UpdateSchoolEvent")
    assert (changed.school_event_id, list(changed.event.audience.class_group_ids)) == (EVENT, [GROUP])
    peers.responses["CancelSchoolEvent"] = pb.SchoolEvent(id=EVENT, date="2026-03-13")
    resp = browser.post(f"{PAGE}/{EVENT}/cancel", data={"csrf_token": "csrf-123", "reason": "болезнь"})
    assert "done=cancelled" in resp.headers["Location"]
    assert next(req for _, rpc, req, _ in peers.calls if rpc == "CancelSchoolEvent").reason == "болезнь"
    assert browser.post(f"{PAGE}/{EVENT}/cancel", data={"reason": "x"}).status_code == 400  # no CSRF token


def test_a_refusal_is_shown_above_the_forms_with_what_was_typed(browser, peers):
    _month(peers, "deputy_head")
    peers.responses["CreateSchoolEvent"] = Invalid(message="Проверьте поля мероприятия",
                                                   fields={"ends_at": "окончание позже начала"})
    resp = browser.post(PAGE, data={"csrf_token": "csrf-123", "month": "2026-03", "title": "Поход в театр",
                                    "kind": "excursion", "date": "2026-03-15", "starts_at": "19:00",
                                    "ends_at": "18:00"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "Проверьте поля мероприятия; ends_at: окончание позже начала" in page
    assert 'value="Поход в театр"' in page
    peers.responses["CancelSchoolEvent"] = FailedPrecondition("Мероприятие уже отменено")
    resp = browser.post(f"{PAGE}/{EVENT}/cancel", data={"csrf_token": "csrf-123", "month": "2026-03", "reason": "x"})
    assert resp.status_code == 409 and "Мероприятие уже отменено" in resp.get_data(as_text=True)
