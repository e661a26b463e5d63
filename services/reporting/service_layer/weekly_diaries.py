"""The week's diary of a class printed for families without electronic access (T9): report.read — the managers and
the class's form teacher (or diary.read of the students named) — as data and as one PDF, a student a page
(domain/weekly_diary.py the rules, adapters/weekly_diary_files.py the layout). Fed by events only: schedule's lessons
and subgroups and school events, the journal's topics, homework, marks and attendance, identity's students and memberships."""
import datetime as dt

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.adapters.weekly_diary_files import weekly_diaries_pdf
from services.reporting.domain import read_model
from services.reporting.domain import weekly_diary as diary
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_weekly_diaries(class_group_id: str, week_of: str, student_ids: list[str], today: dt.date, scope: Scope,
                       uow: ReportingUnitOfWork) -> diary.WeeklyDiaries:
    """The class's students of the week containing `week_of` ("" = today's week), or only those named (each must
    have been in the class that week). report.read for the class; or the live diary's rule, diary.read of each
    student named (a family their own children, any staff of the school): the gateway's diary while the journal is
    unavailable (gateway/stale_diary.py)."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    date_from, date_to = diary.week_of(parse_date(week_of, "week_of") if week_of else today)
    only = frozenset(parse_uuid(s, f"student_ids[{i}]") for i, s in enumerate(student_ids))
    if not (only and all(scope.allowed("diary.read", student_id=student_id) for student_id in only)):
        scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    with uow:
        facts = uow.weekly_diaries.week(class_group_id, date_from, date_to)
        if facts is None:
            raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
        school_name = uow.movement_register.school_name()
        work_types = {w.code: w.name for w in uow.read_models.school_settings().work_types}
    diaries = diary.weekly_diaries(school_name, facts, date_from, date_to, work_types, only)
    if len(diaries.students) < len(only):
        raise NotFound("Ученик не найден в классе", {"student_ids": "ученика нет в этом классе на этой неделе"})
    return diaries


def render_weekly_diaries(class_group_id: str, week_of: str, student_ids: list[str], formed_at: dt.datetime,
                          scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    diaries = get_weekly_diaries(class_group_id, week_of, student_ids, formed_at.date(), scope, uow)
    one = f"-{diaries.students[0].student.id}" if len(student_ids) == 1 else ""
    return ReportFile(MEDIA_TYPES["pdf"], f"weekly-diaries-{diaries.class_group.id}-{diaries.date_from}{one}.pdf",
                      weekly_diaries_pdf(diaries, formed_at))


def put_lesson_homework(told: list[read_model.LessonHomework], uow: ReportingUnitOfWork) -> None:
    """The journal's homework texts of a run: the lessons' (each lesson's last) and the students' own (each
    (lesson, student)'s last)."""
    lessons = {h.lesson_id: h for h in told if not h.student_id}
    own = {(h.lesson_id, h.student_id): h for h in told if h.student_id}
    with uow:
        if lessons:
            uow.read_models.put_lesson_homework(list(lessons.values()))
        uow.weekly_diaries.put_own_homework(own.values())


def put_subgroup(told: read_model.Subgroup, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.weekly_diaries.put_subgroup(told)


def put_school_event(told: read_model.SchoolEvent, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.weekly_diaries.put_school_event(told)
