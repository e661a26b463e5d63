"""The diary while the journal is unavailable (gateway/stale_diary.py) with an in-memory fake of the gateway's call
port: when it falls back (UNAVAILABLE, DEADLINE_EXCEEDED only), how reporting's weekly diary maps to the journal's
diary, and that a failing fallback answers the journal's own error; then the diary page's banner and the REST
diary's "stale" field and header."""
import datetime as dt
from types import SimpleNamespace

import grpc
import pytest

from gateway import stale_diary
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from services.common.errors import DomainError, Forbidden, Invalid, NotFound, Unavailable, from_rpc_error
from tests.unit.gateway.fakes import RefusedCall, refused
from tests.unit.gateway.web.test_diary import ANNA, DIARY, SCHOOL, family

CLASS = "e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a9b"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"


class FakeServices:
    """The call port: answers per RPC (a message, an exception, or a function of the request), every call kept."""

    def __init__(self, **answers):
        self.answers = answers
        self.calls: list[tuple[str, object]] = []

    def __call__(self, service, rpc, request):
        self.calls.append((rpc, request))
        answer = self.answers[rpc]
        if isinstance(answer, Exception):
            raise answer
        return answer(request) if callable(answer) else answer


def reporting_week(request) -> rpb.WeeklyDiaries:
    """Reporting's week of Anna: Monday's mathematics with a mark and homework, Wednesday's absence."""
    monday = dt.date.fromisoformat(request.week_of)
    day = lambda n: (monday + dt.timedelta(days=n)).isoformat()  # noqa: E731
    return rpb.WeeklyDiaries(students=[rpb.StudentWeek(student_id=ANNA, student_name="Петрова Анна", lessons=[
        rpb.DiaryLesson(lesson_id=LESSON, date=day(0), lesson_number=1, subject_name="Математика", topic="Дроби",
                        homework="№ 12", own_homework="Исправить ошибки", marks=[rpb.DiaryMark(
                            value="5", work_type="test", work_type_name="Контрольная работа", comment="молодец")]),
        rpb.DiaryLesson(lesson_id="", date=day(2), lesson_number=0, subject_name="Физкультура", attendance="ill",
                        attendance_name="Б — болел")])])


def down(code=grpc.StatusCode.UNAVAILABLE) -> DomainError:
    """What the gateway's Peers raise when a service cannot be reached or does not answer in time."""
    return from_rpc_error(RefusedCall(SimpleNamespace(code=code, details="failed to connect", trailing_metadata=())))


def services(**answers) -> FakeServices:
    return FakeServices(**({"GetDiary": down(), "GetPerson": identity_pb2.Person(id=ANNA, class_group_id=CLASS),
                            "GetWeeklyDiaries": reporting_week} | answers))


MONDAY, SUNDAY = dt.date(2026, 9, 7), dt.date(2026, 9, 13)


@pytest.mark.parametrize("code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED])
def test_an_unavailable_journal_gives_reportings_week_mapped_to_the_diary(code):
    fake = services(GetDiary=down(code))
    answer = stale_diary.get_diary(fake, SCHOOL, ANNA, MONDAY, SUNDAY)
    assert answer.stale
    maths, sport = answer.diary.entries
    assert (maths.lesson_id, maths.date, maths.lesson_number, maths.subject_name, maths.topic, maths.homework,
            maths.individual_homework) == (LESSON, "2026-09-07", 1, "Математика", "Дроби", "№ 12", "Исправить ошибки")
    assert [(m.value, m.work_type, m.comment, m.lesson_date, m.id) for m in maths.marks] == [
        ("5", "test", "молодец", "2026-09-07", "")]
    assert (sport.date, sport.attendance, list(sport.marks)) == ("2026-09-09", "ill", [])
    assert [(w.code, w.name, w.weight) for w in answer.diary.work_types] == [("test", "Контрольная работа", "")]
    assert [(k.code, k.name) for k in answer.diary.attendance_kinds] == [("ill", "Б — болел")]
    [(_, asked)] = [c for c in fake.calls if c[0] == "GetWeeklyDiaries"]
    assert (asked.school_id, asked.class_group_id, asked.week_of, list(asked.student_ids)) == (
        SCHOOL, CLASS, "2026-09-07", [ANNA])  # the one student: reporting checks the live diary's rule for her


def test_a_live_journal_or_its_refusal_is_the_answer():
    live = pb.Diary(student_id=ANNA, entries=[pb.DiaryEntry(lesson_id=LESSON, date="2026-09-07")])
    fake = services(GetDiary=live)
    assert stale_diary.get_diary(fake, SCHOOL, ANNA, MONDAY, SUNDAY) == stale_diary.DiaryAnswer(live, False)
    for refusal in (refused(Forbidden()), refused(NotFound("Ученик не найден")), refused(Invalid("date_to"))):
        fake = services(GetDiary=refusal)
        with pytest.raises(type(refusal)):
            stale_diary.get_diary(fake, SCHOOL, ANNA, MONDAY, SUNDAY)
        assert [rpc for rpc, _ in fake.calls] == ["GetDiary"]  # no fallback for a refusal


@pytest.mark.parametrize("answers", [{"GetWeeklyDiaries": refused(Forbidden())},
                                     {"GetWeeklyDiaries": Unavailable()},
                                     {"GetPerson": identity_pb2.Person(id=ANNA)}])  # not in a class
def test_when_reporting_cannot_answer_either_the_journals_error_stays(answers):
    fake = services(**answers)
    with pytest.raises(Unavailable):
        stale_diary.get_diary(fake, SCHOOL, ANNA, MONDAY, SUNDAY)


def test_a_period_is_asked_week_by_week_and_cut_to_its_days():
    fake = services()
    diary = stale_diary.get_diary(fake, SCHOOL, ANNA, dt.date(2026, 9, 9), dt.date(2026, 9, 21)).diary
    assert [e.date for e in diary.entries] == ["2026-09-09", "2026-09-14", "2026-09-16", "2026-09-21"]
    assert [r.week_of for rpc, r in fake.calls if rpc == "GetWeeklyDiaries"] == ["2026-09-07", "2026-09-14",
                                                                                "2026-09-21"]
    assert len(diary.work_types) == 1 and len(diary.attendance_kinds) == 1  # named once


def test_a_week_the_student_was_not_in_the_class_is_empty():
    fake = services(GetWeeklyDiaries=refused(NotFound("Ученик не найден в классе")))
    assert list(stale_diary.get_diary(fake, SCHOOL, ANNA, MONDAY, SUNDAY).diary.entries) == []


@pytest.mark.parametrize("period", [("", ""), ("2026-09-13", "2026-09-07"), ("2026-09-01", "2026-12-31")])
def test_a_period_the_journal_would_refuse_waits_for_the_journal(period):
    fake = services()
    request = pb.GetDiaryRequest(school_id=SCHOOL, student_id=ANNA, date_from=period[0], date_to=period[1])
    unavailable = Unavailable()
    with pytest.raises(Unavailable) as raised:
        stale_diary.when_unavailable(fake, request, unavailable)
    assert raised.value is unavailable and fake.calls == []


def fallback_peers(peers):
    family(peers)
    person = peers.responses["GetPerson"]
    peers.responses.update(GetDiary=down(), GetWeeklyDiaries=reporting_week,
                           GetPerson=lambda request: identity_pb2.Person(
                               id=request.person_id, class_group_id=CLASS, name=person(request).name))


def test_the_diary_page_shows_the_last_known_week_read_only_with_a_banner(browser, peers):
    fallback_peers(peers)
    resp = browser.get(f"{DIARY}?week=2026-09-09")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200
    for text in (stale_diary.STALE_NOTICE, "Дневник: Петрова Анна", "Дроби", "№ 12", "Исправить ошибки",
                 "Контрольная работа", "Комментарий учителя: «молодец»", "Б — болел"):
        assert text in page, text
    assert "Отметка неверна?" not in page and "вес" not in page  # read-only; reporting keeps no weights


def test_the_diary_page_without_journal_nor_reporting_is_a_503(browser, peers):
    fallback_peers(peers)
    peers.responses["GetWeeklyDiaries"] = Unavailable()
    assert browser.get(DIARY).status_code == 503


def test_the_rest_diary_says_it_is_stale(client, peers, auth):
    fallback_peers(peers)
    path = f"/api/v1{DIARY}?from=2026-09-07&to=2026-09-13"
    resp = client.get(path, headers=auth)
    body = resp.get_json()
    assert (resp.status_code, resp.headers[stale_diary.STALE_HEADER]) == (200, "reporting")
    assert (body["stale"], body["stale_notice"]) == (True, stale_diary.STALE_NOTICE)
    assert [e["homework"] for e in body["entries"]] == ["№ 12", ""]
    peers.responses["GetDiary"] = pb.Diary(student_id=ANNA)
    live = client.get(path, headers=auth)
    assert stale_diary.STALE_HEADER not in live.headers and "stale" not in live.get_json()
    peers.responses.update(GetDiary=down(), GetWeeklyDiaries=refused(Forbidden()))
    refusal = client.get(path, headers=auth)
    assert (refusal.status_code, refusal.get_json()["error"]["code"]) == (503, "UNAVAILABLE")
