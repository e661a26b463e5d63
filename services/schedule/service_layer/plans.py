"""Curriculum hours (S2), thematic plans (S3) and planned against scheduled hours (R4): each command checks the
policy and works in one tenant transaction. Curriculum hours set publish CurriculumHoursSet (reporting's curriculum
fulfilment) in it; the plans publish no events."""
from decimal import Decimal

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import curriculum, thematic_plan
from services.schedule.service_layer import profiles
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def set_curriculum_hours(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, subject_id: str,
                         hours_per_week: str) -> pb.CurriculumHours:
    """Sets (or changes) the weekly hours of a subject in a class group of an open year."""
    scope.require("schedule.manage")
    class_group_id, subject_id = parse_uuid(class_group_id, "class_group_id"), parse_uuid(subject_id, "subject_id")
    hours = curriculum.weekly_hours(hours_per_week)
    with uow:
        group = uow.class_groups.get(class_group_id)
        uow.academic_years.open_year(group["academic_year_id"])
        name = uow.subjects.name_of(subject_id)
        stored = uow.curriculum.set_hours(dict(id=new_id(), school_id=uow.school_id, class_group_id=class_group_id,
                                               subject_id=subject_id, hours_per_week=hours))
        message = protobuf.curriculum_hours(stored, name)
        uow.publish(pb.CurriculumHoursSet(hours=message))
    return message


def get_curriculum(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> pb.Curriculum:
    """The class group's weekly hours by subject name, with their total and its profile."""
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        return profiles.class_curriculum(uow, uow.class_groups.get(class_group_id))


def curriculum_warnings(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.CurriculumWarning]:
    """What is missing in the year's curriculum: class groups without hours, subjects with hours but no
    teacher, the whole curriculum still incomplete after the policy's due date, and class groups without a
    timetable after the first timetable's due date (S4, 20 September by default)."""
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        year_start = uow.academic_years.start_date(academic_year_id)
        if year_start is None:
            raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})
        groups = uow.class_groups.of_year(academic_year_id)
        with_hours = uow.curriculum.with_hours([g["id"] for g in groups])
        untaught = uow.curriculum.without_teacher(academic_year_id)
        with_lessons = uow.timetable_entries.class_groups_with_entries(academic_year_id)
        settings = uow.policy.load()
        due = curriculum.due_date(year_start, settings.curriculum_due)
        timetable_due = curriculum.due_date(year_start, settings.timetable_due, "09-20")
    warnings = [pb.CurriculumWarning(kind="no_curriculum", class_group_id=g["id"],
                                     message=f"У класса {g['name']} нет учебного плана (часов по предметам)")
                for g in groups if g["id"] not in with_hours]
    warnings += [pb.CurriculumWarning(kind="no_teacher", class_group_id=row.class_group_id, subject_id=row.subject_id,
                                      message=f"Класс {row.class_group}: по предмету «{row.subject}» "
                                              f"{curriculum.hours_text(row.hours_per_week)} ч. в неделю, "
                                              "но учитель не назначен")
                 for row in untaught]
    missing = [g["name"] for g in groups if g["id"] not in with_hours]
    today = uow.today()  # once: both warnings of one moment
    warnings += [pb.CurriculumWarning(kind="overdue", message=text)
                 for text in curriculum.overdue_warning(today, due, missing)]
    without_timetable = [g["name"] for g in groups if g["id"] not in with_lessons]
    warnings += [pb.CurriculumWarning(kind="timetable_overdue", message=text) for text in curriculum.overdue_warning(
        today, timetable_due, without_timetable, "Расписание не составлено", "нет уроков")]
    return warnings


def import_thematic_plan(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, subject_id: str, filename: str,
                         content: bytes, dry_run: bool) -> pb.ImportThematicPlanResponse:
    """Checks a plan file row by row; unless it is a dry run, replaces the whole plan with it (all or nothing).
    The deputy head loads any plan; a teacher the plans of the subjects they are assigned in the class (S3: the
    subject teacher is responsible for the plan, 004 §5.8)."""
    scope.require("schedule.read")  # no role in the school: it does not exist for the caller
    class_group_id, subject_id = parse_uuid(class_group_id, "class_group_id"), parse_uuid(subject_id, "subject_id")
    with uow:
        group = uow.class_groups.get(class_group_id)
        if not scope.allowed("schedule.manage"):
            teachers = uow.teaching_assignments.teachers(class_group_id, subject_id)
            scope.require("lesson.record", "Тематический план загружает завуч или учитель, который ведёт этот предмет "
                                           "в классе", teacher_id=teachers)
        plan = thematic_plan.read(filename, content)
        if plan.errors and not dry_run:
            raise Invalid(message=f"В файле ошибок: {len(plan.errors)}; план не загружен",
                          fields={f"content[{e.line}].{e.field}": e.message for e in plan.errors})
        if not dry_run:
            uow.class_groups.lock_for_plans(class_group_id)
        uow.academic_years.open_year(group["academic_year_id"])
        uow.subjects.name_of(subject_id)
        rows = [dict(id=new_id(), school_id=uow.school_id, class_group_id=class_group_id, subject_id=subject_id,
                     position=t.position, title=t.title, hours=t.hours) for t in plan.topics]
        if not dry_run:
            uow.plan_topics.replace(class_group_id, subject_id, rows)
    return pb.ImportThematicPlanResponse(
        applied=not dry_run, topics=[protobuf.plan_topic(row) for row in rows], total_hours=_total(rows),
        errors=[pb.ImportRowError(line=e.line, field=e.field, message=e.message) for e in plan.errors])


def list_plan_topics(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, subject_id: str) -> pb.ListPlanTopicsResponse:
    """The plan's topics in plan order."""
    scope.require("schedule.read")
    class_group_id, subject_id = parse_uuid(class_group_id, "class_group_id"), parse_uuid(subject_id, "subject_id")
    with uow:
        uow.class_groups.get(class_group_id)
        uow.subjects.name_of(subject_id)
        rows = uow.plan_topics.topics(class_group_id, subject_id)
    return pb.ListPlanTopicsResponse(topics=[protobuf.plan_topic(row) for row in rows], total_hours=_total(rows))


def plan_progress(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, subject_id: str) -> pb.PlanProgressReport:
    """Planned hours (thematic plan; curriculum × study weeks) against the scheduled lessons, so far and in all,
    and the delivered ones (the journal has records for them; with subgroups: those of the subgroup with most
    lessons), with the plan topics they cover."""
    scope.require("schedule.read")
    class_group_id, subject_id = parse_uuid(class_group_id, "class_group_id"), parse_uuid(subject_id, "subject_id")
    today = uow.today()
    with uow:
        group = uow.class_groups.get(class_group_id)
        subject = uow.subjects.name_of(subject_id)
        topics = uow.plan_topics.topics(class_group_id, subject_id)
        weekly = uow.curriculum.weekly_hours(class_group_id, subject_id)
        weeks = curriculum.study_weeks(uow.calendar.year_calendar(group["academic_year_id"], group["grade"]))
        total = uow.lessons.most_per_group(class_group_id, subject_id)
        to_date = uow.lessons.most_per_group(class_group_id, subject_id, until=today)
        delivered = uow.lessons.most_per_group(class_group_id, subject_id, recorded_only=True)
    plan_hours = sum((t["hours"] for t in topics), Decimal(0))
    weekly = weekly or Decimal(0)
    return pb.PlanProgressReport(
        class_group_id=class_group_id, subject_id=subject_id, plan_topics=len(topics),
        plan_hours=curriculum.hours_text(plan_hours), hours_per_week=curriculum.hours_text(weekly),
        study_weeks=weeks, curriculum_hours=curriculum.hours_text(weekly * weeks), lessons_total=total,
        lessons_to_date=to_date, as_of=today.isoformat(), lessons_delivered=delivered,
        topics_covered=curriculum.topics_covered([t["hours"] for t in topics], delivered),
        warnings=curriculum.progress_warnings(subject, group["name"], plan_hours, weekly * weeks, total)
        + curriculum.delivery_warning(subject, group["name"], to_date, delivered))


def _total(rows) -> str:
    return curriculum.hours_text(sum((row["hours"] for row in rows), Decimal(0)))
