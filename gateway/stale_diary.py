"""The diary when the journal cannot answer (issue 16, "degrade, don't fall over"): the last known weeks from
reporting's weekly diary read model (GetWeeklyDiaries, fed by the journal's events: lessons, topics, homework, marks,
attendance), mapped to the journal's Diary so that the diary page and the REST diary keep their shape, and marked
stale. Only a journal that is unavailable (UNAVAILABLE, DEADLINE_EXCEEDED: services.common.errors.Unavailable) is
replaced; any refusal of the journal (403, 404, 422) stays the answer. Reporting authorizes the student's weekly
diary by the live diary's rule (diary.read for the student), so the fallback never shows more than the journal would.

What the read model does not keep is left out: the homework files, the family's flags of marks and the marks' weights;
marks have no id (a stale diary is read-only)."""
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.message import Message

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.reporting.v1 import reporting_pb2
from services.common.errors import DomainError, NotFound, Unavailable

# (service, rpc, request) -> response, with the caller's token; raises DomainError
Call = Callable[[str, str, Message], Message]

STALE_NOTICE = ("Журнал временно недоступен: показаны последние сохранённые данные, они могут быть неполными. "
                "Отметки и посещаемость обновятся, когда журнал снова заработает.")
STALE_HEADER = "X-Otmetka-Stale"  # "reporting" on a REST diary served from the read model
MAX_DAYS = 62  # the journal's longest diary period (services/journal/domain/lesson_entry.py MAX_DIARY_DAYS)


@dataclass(frozen=True)
class DiaryAnswer:
    diary: pb.Diary
    stale: bool  # True: from reporting's read model, the journal being unavailable


def get_diary(call: Call, school_id: str, student_id: str, date_from: dt.date, date_to: dt.date) -> DiaryAnswer:
    """The journal's diary of the student for the days; reporting's last known weeks when the journal is
    unavailable; the journal's error when reporting cannot answer either."""
    request = pb.GetDiaryRequest(school_id=school_id, student_id=student_id, date_from=date_from.isoformat(),
                                 date_to=date_to.isoformat())
    try:
        return DiaryAnswer(call("journal", "GetDiary", request), False)
    except Unavailable as unavailable:
        return DiaryAnswer(when_unavailable(call, request, unavailable), True)


def when_unavailable(call: Call, request: pb.GetDiaryRequest, unavailable: Unavailable) -> pb.Diary:
    """Reporting's diary for a GetDiary the journal could not answer; `unavailable` raised again when reporting
    cannot answer either or the period is not one the journal would take (its own refusal waits for the journal)."""
    try:
        first, last = dt.date.fromisoformat(request.date_from), dt.date.fromisoformat(request.date_to)
    except ValueError:
        raise unavailable from None
    if not 0 <= (last - first).days < MAX_DAYS:
        raise unavailable
    try:
        return stale_diary(call, request.school_id, request.student_id, first, last)
    except DomainError:
        raise unavailable from None


def stale_diary(call: Call, school_id: str, student_id: str, date_from: dt.date, date_to: dt.date) -> pb.Diary:
    """The student's weeks from reporting (the class being the student's class as identity knows it now; a week
    the student was not in that class is empty), the days outside [date_from, date_to] left out."""
    person = call("identity", "GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=student_id))
    if not person.class_group_id:
        raise NotFound("Ученик не в классе")
    diary = pb.Diary(student_id=student_id)
    monday = date_from - dt.timedelta(days=date_from.weekday())
    while monday <= date_to:
        try:
            weeks = call("reporting", "GetWeeklyDiaries", reporting_pb2.GetWeeklyDiariesRequest(
                school_id=school_id, class_group_id=person.class_group_id, week_of=monday.isoformat(),
                student_ids=[student_id]))
        except NotFound:  # not in the class that week
            weeks = reporting_pb2.WeeklyDiaries()
        for week in weeks.students:
            add_week(diary, week, date_from.isoformat(), date_to.isoformat())
        monday += dt.timedelta(days=7)
    return diary


def add_week(diary: pb.Diary, week: reporting_pb2.StudentWeek, first: str, last: str) -> None:
    """Reporting's lessons of a student's week as the journal's diary entries (the days from `first` to `last`), the
    work types and attendance kinds named as reporting named them."""
    work_types = {w.code for w in diary.work_types}
    kinds = {k.code for k in diary.attendance_kinds}
    for lesson in week.lessons:
        if not first <= lesson.date <= last:
            continue
        diary.entries.append(pb.DiaryEntry(
            lesson_id=lesson.lesson_id, date=lesson.date, lesson_number=lesson.lesson_number,
            subject_name=lesson.subject_name, topic=lesson.topic, homework=lesson.homework,
            individual_homework=lesson.own_homework, attendance=lesson.attendance,
            marks=[pb.Mark(lesson_id=lesson.lesson_id, student_id=week.student_id, value=m.value,
                           work_type=m.work_type, comment=m.comment, lesson_date=lesson.date) for m in lesson.marks]))
        for mark in lesson.marks:
            if mark.work_type not in work_types:
                work_types.add(mark.work_type)
                diary.work_types.append(pb.WorkType(code=mark.work_type, name=mark.work_type_name))
        if lesson.attendance and lesson.attendance not in kinds:
            kinds.add(lesson.attendance)
            diary.attendance_kinds.append(pb.Choice(code=lesson.attendance, name=lesson.attendance_name))
